using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;

namespace FakeAws.Tests.Lambda;

/// <summary>
/// A Lambda client at the wire level: requests signed for <c>lambda</c> (the credential scope routes
/// them) over the cloud's in-memory handler, as an SDK's AmazonLambdaClient sends them.
/// </summary>
public sealed class LambdaWire(FakeAwsCloud aws, string region = "us-east-1") : IDisposable
{
    public const string Role = "arn:aws:iam::123456789012:role/lambda-role";

    private readonly HttpClient _http = new(aws.CreateHttpMessageHandler()) { BaseAddress = new Uri(aws.ServiceUrl) };

    public void Dispose() => _http.Dispose();

    public async Task<WireReply> Send(HttpMethod method, string pathAndQuery, object? json = null, byte[]? body = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        var content = body ?? (json is null ? null : JsonSerializer.SerializeToUtf8Bytes(json));
        if (content is not null)
        {
            request.Content = new ByteArrayContent(content);
            request.Content.Headers.ContentType = new("application/json");
        }
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20300101/{region}/lambda/aws4_request, SignedHeaders=host, Signature=0");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await _http.SendAsync(request);
        var headerValues = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new WireReply(response.StatusCode, headerValues, await response.Content.ReadAsByteArrayAsync());
    }

    public Task<WireReply> CreateFunction(string name, string handler, object? settings = null, string runtime = "dotnet8", byte[]? zip = null)
    {
        var request = new Dictionary<string, object?>
        {
            ["FunctionName"] = name,
            ["Runtime"] = runtime,
            ["Role"] = Role,
            ["Handler"] = handler,
            ["Code"] = new { ZipFile = zip ?? Zips.Small() },
        };
        foreach (var property in settings?.GetType().GetProperties() ?? [])
        {
            request[property.Name] = property.GetValue(settings);
        }
        return Send(HttpMethod.Post, "/2015-03-31/functions", request);
    }

    /// <summary>AddPermission: lets <paramref name="principal"/> invoke the function, as a deployment tool grants it.</summary>
    public async Task AllowInvoke(string function, string principal, string statementId, string? sourceArn = null, string? qualifier = null)
    {
        var query = qualifier is null ? "" : $"?Qualifier={Uri.EscapeDataString(qualifier)}";
        var reply = await Send(HttpMethod.Post, $"/2015-03-31/functions/{Uri.EscapeDataString(function)}/policy{query}",
            new { StatementId = statementId, Action = "lambda:InvokeFunction", Principal = principal, SourceArn = sourceArn });
        if (reply.Status != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"AddPermission answered {reply.Status}: {reply.Text}");
        }
    }

    public Task<WireReply> Invoke(string function, string payload = "{}", string? type = null, string? qualifier = null, bool tail = false)
    {
        var headers = new Dictionary<string, string>();
        if (type is not null)
        {
            headers["X-Amz-Invocation-Type"] = type;
        }
        if (tail)
        {
            headers["X-Amz-Log-Type"] = "Tail";
        }
        var query = qualifier is null ? "" : $"?Qualifier={Uri.EscapeDataString(qualifier)}";
        return Send(HttpMethod.Post, $"/2015-03-31/functions/{Uri.EscapeDataString(function)}/invocations{query}", body: Encoding.UTF8.GetBytes(payload), headers: headers);
    }

    public Task<WireReply> Get(string pathAndQuery) => Send(HttpMethod.Get, pathAndQuery);

    public Task<WireReply> Post(string pathAndQuery, object? json = null) => Send(HttpMethod.Post, pathAndQuery, json ?? new { });

    public Task<WireReply> Put(string pathAndQuery, object json) => Send(HttpMethod.Put, pathAndQuery, json);

    public Task<WireReply> Delete(string pathAndQuery) => Send(HttpMethod.Delete, pathAndQuery);

    public Task<WireReply> PublishVersion(string function, object? request = null) => Post($"/2015-03-31/functions/{function}/versions", request);
}

/// <summary>A response as the wire gave it.</summary>
public sealed record WireReply(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The error code, from X-Amzn-ErrorType as the SDKs read it.</summary>
    public string? ErrorType => Header("X-Amzn-ErrorType");

    /// <summary>The error message, whether the body calls it <c>message</c> or <c>Message</c>.</summary>
    public string? Message => Json.TryGetProperty("message", out var lower) ? lower.GetString()
        : Json.TryGetProperty("Message", out var upper) ? upper.GetString() : null;

    public override string ToString() => $"{(int)Status} {ErrorType} {Text}";
}

/// <summary>Deployment packages for CreateFunction.</summary>
public static class Zips
{
    public static byte[] Small()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(archive.CreateEntry("bootstrap.txt").Open());
            writer.Write("in-process code");
        }
        return buffer.ToArray();
    }

    /// <summary>A small zip whose directory declares an entry of <paramref name="size"/> bytes, as Lambda measures it.</summary>
    public static byte[] DeclaringUnzippedSize(uint size)
    {
        var zip = Small();
        // The central directory record (PK\x01\x02) keeps the uncompressed size at offset 24.
        for (var i = 0; i < zip.Length - 4; i++)
        {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 0x01 && zip[i + 3] == 0x02)
            {
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), size);
            }
        }
        return zip;
    }
}
