using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>
/// Turns a Lambda proxy integration's result into the caller's response, as API Gateway does, or
/// reports it malformed (the caller then gets a 502 from a REST API, a 500 from an HTTP API).
/// </summary>
internal static class ProxyResponses
{
    private static readonly HashSet<string> V1Members = new(StringComparer.Ordinal) { "statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded" };

    /// <summary>
    /// A REST API's (and payload format 1.0's) response: an object of <c>statusCode</c>,
    /// <c>headers</c>, <c>multiValueHeaders</c>, <c>body</c> (a string) and <c>isBase64Encoded</c>,
    /// nothing else. Where both header maps name a header, the multi-value one wins.
    /// </summary>
    public static GatewayResponse? FromFormat1(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Any(m => !V1Members.Contains(m.Name)))
            {
                return null;
            }
            if (Status(root) is not { } status || !TryBody(root, out var body))
            {
                return null;
            }
            var response = new GatewayResponse { Status = status, Body = body };
            var multi = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("multiValueHeaders", out var multiValueHeaders) && multiValueHeaders.ValueKind != JsonValueKind.Null)
            {
                if (multiValueHeaders.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }
                foreach (var header in multiValueHeaders.EnumerateObject())
                {
                    var values = header.Value.ValueKind == JsonValueKind.Array ? header.Value.EnumerateArray().ToList() : [header.Value];
                    foreach (var value in values)
                    {
                        if (HeaderValue(value) is not { } text)
                        {
                            return null;
                        }
                        response.Headers.Add(new(header.Name, text));
                    }
                    multi.Add(header.Name);
                }
            }
            if (!TryHeaders(root, response, skip: multi))
            {
                return null;
            }
            AddContentType(response);
            return response;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// An HTTP API's payload format 2.0 response: with a <c>statusCode</c>, its status, headers,
    /// cookies (one Set-Cookie each) and body; without one, the whole result is a JSON body with
    /// status 200 (a string result is the body's text).
    /// </summary>
    public static GatewayResponse? FromFormat2(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("statusCode", out _))
            {
                var inferred = new GatewayResponse
                {
                    Body = root.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(root.GetString()!) : payload,
                };
                inferred.Headers.Add(new("Content-Type", "application/json"));
                return inferred;
            }
            if (Status(root) is not { } status || !TryBody(root, out var body))
            {
                return null;
            }
            var response = new GatewayResponse { Status = status, Body = body };
            if (!TryHeaders(root, response, skip: null))
            {
                return null;
            }
            if (root.TryGetProperty("cookies", out var cookies) && cookies.ValueKind == JsonValueKind.Array)
            {
                foreach (var cookie in cookies.EnumerateArray())
                {
                    if (cookie.ValueKind != JsonValueKind.String)
                    {
                        return null;
                    }
                    response.Headers.Add(new("Set-Cookie", cookie.GetString()!));
                }
            }
            AddContentType(response);
            return response;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int? Status(JsonElement root)
    {
        if (!root.TryGetProperty("statusCode", out var status) || status.ValueKind == JsonValueKind.Null)
        {
            return 200;
        }
        var ok = status.ValueKind switch
        {
            JsonValueKind.Number => status.TryGetInt32(out var number) ? number : (int?)null,
            JsonValueKind.String => int.TryParse(status.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
            _ => null,
        };
        return ok is >= 100 and <= 599 ? ok : null;
    }

    private static bool TryBody(JsonElement root, out byte[] body)
    {
        body = [];
        if (!root.TryGetProperty("body", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }
        var text = value.GetString()!;
        if (root.TryGetProperty("isBase64Encoded", out var encoded) && encoded.ValueKind == JsonValueKind.True)
        {
            try
            {
                body = Convert.FromBase64String(text);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }
        body = Encoding.UTF8.GetBytes(text);
        return true;
    }

    private static bool TryHeaders(JsonElement root, GatewayResponse response, HashSet<string>? skip)
    {
        if (!root.TryGetProperty("headers", out var headers) || headers.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (headers.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        foreach (var header in headers.EnumerateObject())
        {
            if (HeaderValue(header.Value) is not { } text)
            {
                return false;
            }
            if (skip?.Contains(header.Name) != true)
            {
                response.Headers.Add(new(header.Name, text));
            }
        }
        return true;
    }

    /// <summary>Header values are strings; booleans and numbers are written as their text.</summary>
    private static string? HeaderValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static void AddContentType(GatewayResponse response)
    {
        if (response.Header("Content-Type") is null)
        {
            response.Headers.Add(new("Content-Type", "application/json"));
        }
    }
}
