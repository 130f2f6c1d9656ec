using System.Net;
using System.Text;
using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>
/// API Gateway's management APIs at the wire level (AWSSDK.APIGateway is not available here):
/// JSON requests signed for <c>apigateway</c> over the cloud's in-memory handler, as an SDK sends them.
/// </summary>
public sealed class ApiGatewayWire(FakeAwsCloud aws, string region = "us-east-1") : IDisposable
{
    private readonly HttpClient _http = new(aws.CreateHttpMessageHandler()) { BaseAddress = new Uri(aws.ServiceUrl) };

    public void Dispose() => _http.Dispose();

    public async Task<ApiReply> Send(HttpMethod method, string pathAndQuery, object? json = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        if (json is not null)
        {
            request.Content = new ByteArrayContent(json is string text ? Encoding.UTF8.GetBytes(text) : JsonSerializer.SerializeToUtf8Bytes(json));
            request.Content.Headers.ContentType = new("application/json");
        }
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20300101/{region}/apigateway/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await _http.SendAsync(request);
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new ApiReply(response.StatusCode, headers, await response.Content.ReadAsByteArrayAsync());
    }

    public Task<ApiReply> Get(string path, string? accept = null) => Send(HttpMethod.Get, path, accept: accept);

    public Task<ApiReply> Post(string path, object? json = null) => Send(HttpMethod.Post, path, json ?? new { });

    public Task<ApiReply> Put(string path, object json) => Send(HttpMethod.Put, path, json);

    public Task<ApiReply> Patch(string path, object json) => Send(HttpMethod.Patch, path, json);

    public Task<ApiReply> Delete(string path) => Send(HttpMethod.Delete, path);

    /// <summary>A v1 update: <c>{"patchOperations": [...]}</c>.</summary>
    public Task<ApiReply> PatchOperations(string path, params object[] operations) => Patch(path, new { patchOperations = operations });
}

/// <summary>A management response as the wire gave it.</summary>
public sealed record ApiReply(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The error code, from X-Amzn-ErrorType as the SDKs read it.</summary>
    public string? ErrorType => Header("X-Amzn-ErrorType");

    public string? Message => Json.TryGetProperty("message", out var message) ? message.GetString() : null;

    public string Id(string member = "id") => Json.GetProperty(member).GetString()!;

    public override string ToString() => $"{(int)Status} {ErrorType} {Text}";
}
