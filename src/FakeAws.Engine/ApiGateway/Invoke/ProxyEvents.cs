using System.Text;
using System.Text.Json;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>
/// The events API Gateway sends to a Lambda proxy integration, member for member as AWS writes
/// them: the REST API event, and the HTTP API events of payload format 1.0 and 2.0.
/// </summary>
internal static class ProxyEvents
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// A REST API's event: single-value headers and query parameters keep the last value, the
    /// multi-value maps keep all; <c>requestContext.path</c> carries the stage.
    /// </summary>
    public static byte[] Rest(InvocationContext context, IReadOnlyList<string> binaryMediaTypes) => Write(writer =>
    {
        var headers = RestHeaders(context);
        var query = RequestParts.Query(context.Request.RawQuery);
        writer.WriteString("resource", context.ResourcePath);
        writer.WriteString("path", context.EventPath);
        writer.WriteString("httpMethod", context.Request.Method);
        WriteSingleValues(writer, "headers", headers, StringComparer.OrdinalIgnoreCase);
        WriteMultiValues(writer, "multiValueHeaders", headers, StringComparer.OrdinalIgnoreCase);
        WriteSingleValues(writer, "queryStringParameters", query, StringComparer.Ordinal);
        WriteMultiValues(writer, "multiValueQueryStringParameters", query, StringComparer.Ordinal);
        WriteMap(writer, "pathParameters", context.PathParameters);
        WriteMap(writer, "stageVariables", context.StageVariables);
        writer.WritePropertyName("requestContext");
        RestRequestContext(writer, context);
        WriteBody(writer, context.Request, binaryMediaTypes);
    });

    /// <summary>The <c>requestContext</c> of a REST API's events (the proxy event and the REQUEST authorizer's).</summary>
    public static void RestRequestContext(Utf8JsonWriter writer, InvocationContext context)
    {
        writer.WriteStartObject();
        writer.WriteString("resourceId", context.ResourceId);
        writer.WriteString("resourcePath", context.ResourcePath);
        if (context.Authorizer is { } authorizer)
        {
            writer.WritePropertyName("authorizer");
            authorizer(writer);
        }
        writer.WriteString("httpMethod", context.Request.Method);
        writer.WriteString("extendedRequestId", context.ExtendedRequestId);
        writer.WriteString("requestTime", context.RequestTime);
        writer.WriteString("path", context.PathWithStage);
        writer.WriteString("accountId", context.AccountId);
        writer.WriteString("protocol", "HTTP/1.1");
        writer.WriteString("stage", context.Stage);
        writer.WriteString("domainPrefix", context.DomainPrefix);
        writer.WriteNumber("requestTimeEpoch", context.TimeEpochMilliseconds);
        writer.WriteString("requestId", context.RequestId);
        writer.WritePropertyName("identity");
        writer.WriteStartObject();
        writer.WriteNull("cognitoIdentityPoolId");
        if (context.ApiKey is not null)
        {
            writer.WriteString("apiKey", context.ApiKey);
            writer.WriteString("apiKeyId", context.ApiKeyId);
        }
        WriteIamIdentity(writer, context);
        writer.WriteEndObject();
        writer.WriteString("domainName", context.DomainName);
        writer.WriteString("deploymentId", context.DeploymentId);
        writer.WriteString("apiId", context.ApiId);
        writer.WriteEndObject();
    }

    /// <summary>An HTTP API's event in payload format 1.0: REST's shape, with repeated values joined by commas.</summary>
    public static byte[] HttpV1(InvocationContext context) => Write(writer =>
    {
        var headers = HttpHeaders(context, keepCookies: true);
        var query = RequestParts.Query(context.Request.RawQuery);
        writer.WriteString("version", "1.0");
        writer.WriteString("resource", context.ResourcePath);
        writer.WriteString("path", context.PathWithStage);
        writer.WriteString("httpMethod", context.Request.Method);
        WriteJoinedValues(writer, "headers", headers);
        WriteMultiValues(writer, "multiValueHeaders", headers, StringComparer.Ordinal);
        WriteJoinedValues(writer, "queryStringParameters", query);
        WriteMultiValues(writer, "multiValueQueryStringParameters", query, StringComparer.Ordinal);
        OpenHttpRequestContext(writer, context);
        writer.WriteString("extendedRequestId", context.ExtendedRequestId);
        writer.WriteString("httpMethod", context.Request.Method);
        writer.WritePropertyName("identity");
        writer.WriteStartObject();
        writer.WriteNull("cognitoIdentityPoolId");
        WriteIamIdentity(writer, context);
        writer.WriteEndObject();
        writer.WriteString("path", context.PathWithStage);
        writer.WriteString("protocol", "HTTP/1.1");
        writer.WriteString("requestId", context.ExtendedRequestId);
        writer.WriteString("requestTime", context.RequestTime);
        writer.WriteNumber("requestTimeEpoch", context.TimeEpochMilliseconds);
        writer.WriteString("resourceId", context.RouteKey);
        writer.WriteString("resourcePath", context.ResourcePath);
        writer.WriteString("stage", context.Stage);
        writer.WriteEndObject();
        WriteMap(writer, "pathParameters", context.PathParameters);
        WriteMap(writer, "stageVariables", context.StageVariables);
        WriteBody(writer, context.Request, binaryMediaTypes: null);
    });

    /// <summary>
    /// An HTTP API's event in payload format 2.0: lower-case headers with repeated values joined by
    /// commas, cookies apart, the raw path and query string; empty members are left out.
    /// </summary>
    public static byte[] HttpV2(InvocationContext context) => Write(writer =>
    {
        WriteHttpV2Request(writer, context);
        WriteMap(writer, "pathParameters", context.PathParameters, omitWhenEmpty: true);
        WriteBody(writer, context.Request, binaryMediaTypes: null, omitWhenEmpty: true);
        WriteMap(writer, "stageVariables", context.StageVariables, omitWhenEmpty: true);
    });

    /// <summary>The members of a 2.0 event up to <c>requestContext</c>, shared with the 2.0 Lambda authorizer's event.</summary>
    public static void WriteHttpV2Request(Utf8JsonWriter writer, InvocationContext context)
    {
        var headers = HttpHeaders(context, keepCookies: false);
        var query = RequestParts.Query(context.Request.RawQuery);
        writer.WriteString("version", "2.0");
        writer.WriteString("routeKey", context.RouteKey);
        writer.WriteString("rawPath", context.PathWithStage);
        writer.WriteString("rawQueryString", context.Request.RawQuery);
        var cookies = Cookies(context.Request);
        if (cookies.Count > 0)
        {
            writer.WriteStartArray("cookies");
            cookies.ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
        }
        WriteJoinedValues(writer, "headers", headers);
        if (query.Count > 0)
        {
            WriteJoinedValues(writer, "queryStringParameters", query);
        }
        OpenHttpRequestContext(writer, context);
        writer.WritePropertyName("http");
        writer.WriteStartObject();
        writer.WriteString("method", context.Request.Method);
        writer.WriteString("path", context.PathWithStage);
        writer.WriteString("protocol", "HTTP/1.1");
        writer.WriteString("sourceIp", context.Request.SourceIp);
        writer.WriteString("userAgent", context.UserAgent ?? "");
        writer.WriteEndObject();
        writer.WriteString("requestId", context.ExtendedRequestId);
        writer.WriteString("routeKey", context.RouteKey);
        writer.WriteString("stage", context.Stage);
        writer.WriteString("time", context.RequestTime);
        writer.WriteNumber("timeEpoch", context.TimeEpochMilliseconds);
        writer.WriteEndObject();
    }

    /// <summary>
    /// A REST API's headers as its events carry them: as sent, except that the connection's own
    /// headers are dropped and API Gateway adds its host, tracing and forwarding headers.
    /// </summary>
    public static List<KeyValuePair<string, string>> RestHeaders(InvocationContext context)
    {
        var headers = context.Request.Headers
            .Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            .Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant() switch
            {
                "authorization" => "Authorization",
                "user-agent" => "User-Agent",
                _ => h.Key,
            }, h.Value))
            .ToList();
        AddMissing(headers, "Host", context.DomainName);
        AddMissing(headers, "X-Amzn-Trace-Id", context.TraceId);
        AddMissing(headers, "X-Forwarded-For", context.Request.SourceIp);
        AddMissing(headers, "X-Forwarded-Port", "443");
        AddMissing(headers, "X-Forwarded-Proto", "https");
        return headers;
    }

    /// <summary>An HTTP API's headers: names in lower case, with API Gateway's host, tracing and forwarding headers.</summary>
    public static List<KeyValuePair<string, string>> HttpHeaders(InvocationContext context, bool keepCookies)
    {
        var headers = context.Request.Headers
            .Where(h => !h.Key.Equals("Connection", StringComparison.OrdinalIgnoreCase) && (keepCookies || !h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase)))
            .Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), h.Value))
            .ToList();
        AddMissing(headers, "content-length", context.Request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AddMissing(headers, "host", context.DomainName);
        AddMissing(headers, "x-amzn-trace-id", context.TraceId);
        AddMissing(headers, "x-forwarded-for", context.Request.SourceIp);
        AddMissing(headers, "x-forwarded-port", "443");
        AddMissing(headers, "x-forwarded-proto", "https");
        return headers;
    }

    /// <summary>The request's cookies, each <c>name=value</c>, from all its Cookie headers.</summary>
    public static List<string> Cookies(GatewayRequest request) => request.Headers
        .Where(h => h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
        .SelectMany(h => h.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .ToList();

    public static byte[] Write(Action<Utf8JsonWriter> members)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The identity members a SigV4-signed (AWS_IAM) request fills in; null otherwise.</summary>
    // Both payload formats of an HTTP API open requestContext with the same members, in this order.
    private static void OpenHttpRequestContext(Utf8JsonWriter writer, InvocationContext context)
    {
        writer.WritePropertyName("requestContext");
        writer.WriteStartObject();
        writer.WriteString("accountId", context.AccountId);
        writer.WriteString("apiId", context.ApiId);
        if (context.Authorizer is { } authorizer)
        {
            writer.WritePropertyName("authorizer");
            authorizer(writer);
        }
        writer.WriteString("domainName", context.DomainName);
        writer.WriteString("domainPrefix", context.DomainPrefix);
    }

    private static void WriteIamIdentity(Utf8JsonWriter writer, InvocationContext context)
    {
        var signed = context.IamAccessKey is not null;
        WriteStringOrNull(writer, "accountId", signed ? context.AccountId : null);
        writer.WriteNull("cognitoIdentityId");
        WriteStringOrNull(writer, "caller", context.IamAccessKey);
        writer.WriteString("sourceIp", context.Request.SourceIp);
        writer.WriteNull("principalOrgId");
        WriteStringOrNull(writer, "accessKey", context.IamAccessKey);
        writer.WriteNull("cognitoAuthenticationType");
        writer.WriteNull("cognitoAuthenticationProvider");
        WriteStringOrNull(writer, "userArn", signed ? $"arn:aws:iam::{context.AccountId}:user/{context.IamAccessKey}" : null);
        WriteStringOrNull(writer, "userAgent", context.UserAgent);
        WriteStringOrNull(writer, "user", context.IamAccessKey);
    }

    private static void AddMissing(List<KeyValuePair<string, string>> headers, string name, string value)
    {
        if (!headers.Any(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(new(name, value));
        }
    }

    public static void WriteSingleValues(Utf8JsonWriter writer, string name, List<KeyValuePair<string, string>> pairs, StringComparer comparer)
    {
        if (pairs.Count == 0)
        {
            writer.WriteNull(name);
            return;
        }
        writer.WriteStartObject(name);
        foreach (var (key, values) in RequestParts.Group(pairs, comparer))
        {
            writer.WriteString(key, values[^1]);
        }
        writer.WriteEndObject();
    }

    private static void WriteJoinedValues(Utf8JsonWriter writer, string name, List<KeyValuePair<string, string>> pairs)
    {
        if (pairs.Count == 0)
        {
            writer.WriteNull(name);
            return;
        }
        writer.WriteStartObject(name);
        foreach (var (key, values) in RequestParts.Group(pairs, StringComparer.Ordinal))
        {
            writer.WriteString(key, string.Join(",", values));
        }
        writer.WriteEndObject();
    }

    public static void WriteMultiValues(Utf8JsonWriter writer, string name, List<KeyValuePair<string, string>> pairs, StringComparer comparer)
    {
        if (pairs.Count == 0)
        {
            writer.WriteNull(name);
            return;
        }
        writer.WriteStartObject(name);
        foreach (var (key, values) in RequestParts.Group(pairs, comparer))
        {
            writer.WriteStartArray(key);
            values.ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string>? map, bool omitWhenEmpty = false)
    {
        if (map is not { Count: > 0 })
        {
            if (!omitWhenEmpty)
            {
                writer.WriteNull(name);
            }
            return;
        }
        writer.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            writer.WriteString(key, value);
        }
        writer.WriteEndObject();
    }

    /// <summary>The body as a string, or base64 with <c>isBase64Encoded</c> when it is binary.</summary>
    private static void WriteBody(Utf8JsonWriter writer, GatewayRequest request, IReadOnlyList<string>? binaryMediaTypes, bool omitWhenEmpty = false)
    {
        var binary = request.Body.Length > 0 && !request.BodyIsText(binaryMediaTypes ?? []);
        if (request.Body.Length == 0)
        {
            if (!omitWhenEmpty)
            {
                writer.WriteNull("body");
            }
        }
        else
        {
            writer.WriteString("body", binary ? Convert.ToBase64String(request.Body) : Encoding.UTF8.GetString(request.Body));
        }
        writer.WriteBoolean("isBase64Encoded", binary);
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
