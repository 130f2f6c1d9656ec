using System.Text;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>
/// A request to a deployed API as it reaches API Gateway's front end, whichever way it came: an
/// in-memory HttpClient, FakeAws.Server's <c>/restapis/{id}/{stage}/_user_request_/...</c> paths,
/// or an <c>{apiId}.execute-api</c> host name.
/// </summary>
internal sealed class GatewayRequest
{
    public required string Method { get; init; }

    /// <summary>The path, still percent-encoded. With a stage given, the part after the stage; without, the whole path.</summary>
    public required string Path { get; init; }

    /// <summary>The raw query string, without the '?'.</summary>
    public string RawQuery { get; init; } = "";

    /// <summary>Every header in order, a repeated header once per value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public byte[] Body { get; init; } = [];

    /// <summary>The caller's address, as <c>requestContext.identity.sourceIp</c> shows it.</summary>
    public string SourceIp { get; init; } = "127.0.0.1";

    /// <summary>The VPC endpoint the request came through (a private API's host <c>{apiId}-{vpceId}.execute-api...</c>), or null.</summary>
    public string? VpcEndpointId { get; init; }

    /// <summary>The custom domain the request came through, or null for the API's own host or path form.</summary>
    public CustomDomainCall? CustomDomain { get; init; }

    /// <summary>The last value of a header, case-insensitively, or null.</summary>
    public string? Header(string name)
    {
        string? value = null;
        foreach (var (key, text) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = text;
            }
        }
        return value;
    }

    /// <summary>Whether the body is text a Lambda event can carry as a string, rather than base64.</summary>
    public bool BodyIsText(IReadOnlyList<string> binaryMediaTypes)
    {
        var contentType = Header("Content-Type")?.Split(';')[0].Trim() ?? "";
        if (binaryMediaTypes.Any(t => MediaTypeMatches(t, contentType)))
        {
            return false;
        }
        try
        {
            _ = StrictUtf8.GetString(Body);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether a binary media type (exact, <c>type/*</c> or <c>*/*</c>) covers a content type.</summary>
    internal static bool MediaTypeMatches(string pattern, string contentType) =>
        pattern == "*/*"
        || string.Equals(pattern, contentType, StringComparison.OrdinalIgnoreCase)
        || (pattern.EndsWith("/*", StringComparison.Ordinal) && contentType.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase));
}

/// <summary>How a request reached an API through a custom domain name.</summary>
/// <param name="DomainName">The custom domain, as <c>requestContext.domainName</c> reports it.</param>
/// <param name="Path">The whole path the caller asked the domain for, base path included, still percent-encoded.</param>
internal sealed record CustomDomainCall(string DomainName, string Path)
{
    /// <summary>The domain's first label, as <c>requestContext.domainPrefix</c> reports it.</summary>
    public string Prefix => DomainName.Split('.')[0];
}
