using System.Text;

namespace FakeAws.Protocol;

/// <summary>An HTTP request as the wire handlers see it, whether it came in memory or over a socket.</summary>
internal sealed class WireRequest
{
    public required string Method { get; init; }

    /// <summary>The host the request was sent to, without the port: an in-memory client's endpoint host, or a socket request's Host header.</summary>
    public string Host { get; init; } = "";

    /// <summary>The path, still percent-encoded, without the query string.</summary>
    public required string Path { get; init; }

    /// <summary>The raw query string without the leading '?'.</summary>
    public string Query { get; init; } = "";

    /// <summary>Header values by name, case-insensitive; repeated headers are joined with commas.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public byte[] Body { get; init; } = [];

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>This request with another body, such as the decoded form of a compressed one.</summary>
    public WireRequest WithBody(byte[] body) =>
        new() { Method = Method, Host = Host, Path = Path, Query = Query, Headers = Headers, Body = body };
}

/// <summary>An HTTP response built by a wire handler.</summary>
internal sealed class WireResponse
{
    public int Status { get; init; } = 200;

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public byte[] Body { get; init; } = [];

    public string? ContentType { get; init; }

    /// <summary>A JSON response with the given status.</summary>
    public static WireResponse Json(byte[] body, string contentType, int status = 200) =>
        new() { Status = status, Body = body, ContentType = contentType };
}
