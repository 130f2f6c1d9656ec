using System.Text;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>What API Gateway answers a caller: status, headers (a repeated header once per value) and body.</summary>
internal sealed class GatewayResponse
{
    public int Status { get; init; } = 200;

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public byte[] Body { get; init; } = [];

    /// <summary>For an error the gateway raised: its gateway response type (MISSING_AUTHENTICATION_TOKEN, THROTTLED, ...); null for the integration's answers.</summary>
    public string? ResponseType { get; set; }

    /// <summary>For an error the gateway raised: <c>$context.error.message</c>.</summary>
    public string? ErrorMessage { get; set; }

    public string? Header(string name) =>
        Headers.LastOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } header ? header.Value : null;

    /// <summary>Sets a header, replacing any values it had.</summary>
    public void Set(string name, string value)
    {
        Headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
        Headers.Add(new(name, value));
    }

    /// <summary>A JSON body exactly as written (gateway errors differ in spacing and casing, so they are not serialized).</summary>
    public static GatewayResponse Json(int status, string body)
    {
        var response = new GatewayResponse { Status = status, Body = Encoding.UTF8.GetBytes(body) };
        response.Headers.Add(new("Content-Type", "application/json"));
        return response;
    }
}
