using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace FakeAws.Tests.StepFunctions;

/// <summary>
/// Step Functions requests as the AWS SDKs send them (awsJson1.0, <c>X-Amz-Target: AWSStepFunctions.Op</c>),
/// straight to a cloud's in-memory front door. FakeAws does not reference AWSSDK.StepFunctions.
/// </summary>
internal sealed class SfnWire(FakeAwsCloud aws) : IDisposable
{
    private readonly HttpClient _http = new(aws.CreateHttpMessageHandler()) { BaseAddress = new Uri(aws.ServiceUrl) };

    public async Task<(int Status, JsonObject Body)> SendAsync(string operation, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Headers.Add("X-Amz-Target", $"AWSStepFunctions.{operation}");
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIAFAKE/20240101/us-east-1/states/aws4_request, SignedHeaders=host, Signature=0");
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, (JsonNode.Parse(text.Length == 0 ? "{}" : text) as JsonObject)!);
    }

    /// <summary>Sends a request that must succeed and returns its response.</summary>
    public async Task<JsonObject> CallAsync(string operation, JsonObject body)
    {
        var (status, response) = await SendAsync(operation, body.ToJsonString());
        Assert.That(status, Is.EqualTo(200), () => $"{operation} failed: {response.ToJsonString()}");
        return response;
    }

    public void Dispose() => _http.Dispose();
}
