using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FakeAws.Tour;

/// <summary>
/// Speaks AWS's wire protocols directly through <c>aws.CreateHttpMessageHandler()</c>, for the REST
/// operations this tour needs that have no typed helper (aws.Lambda.InvokeAsync, aws.StepFunctions,
/// aws.Cognito and aws.CallAsync cover the rest) and whose SDK packages it does not reference; a user's
/// AmazonLambdaClient or AmazonApiGatewayV2Client works the same way through <c>aws.CreateClient&lt;T&gt;()</c>.
/// FakeAws routes by the credential scope, as AWS does, and does not check signatures.
/// </summary>
internal sealed class RawAws(FakeAwsCloud aws, string service) : IDisposable
{
    private readonly HttpClient _http = new(aws.CreateHttpMessageHandler()) { BaseAddress = new Uri(aws.ServiceUrl) };

    public async Task<(int Status, string Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, object? body = null, string? target = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=AKIAFAKEAWS000000000/20300101/{aws.Options.Region}/{service}/aws4_request, SignedHeaders=host, Signature=0");
        if (target is not null)
        {
            request.Headers.Add("X-Amz-Target", target);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, target is null ? "application/json" : "application/x-amz-json-1.0");
        }
        var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public void Dispose() => _http.Dispose();
}
