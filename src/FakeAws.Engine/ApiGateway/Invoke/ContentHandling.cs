using System.Text;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>
/// <c>contentHandling</c> of integrations and integration responses, per AWS's "Content type
/// conversions in API Gateway": a payload is binary when its media type matches one of the REST
/// API's <c>binaryMediaTypes</c>; CONVERT_TO_TEXT base64-encodes a binary payload, CONVERT_TO_BINARY
/// base64-decodes a text one. Unset, a request's payload stays as it is and a response's becomes
/// binary or text as the caller's first <c>Accept</c> type is.
/// </summary>
internal static class ContentHandling
{
    /// <summary>Whether a payload of <paramref name="mediaType"/> counts as binary for an API with these binary media types.</summary>
    public static bool IsBinary(string? mediaType, IReadOnlyList<string> binaryMediaTypes) =>
        mediaType is { Length: > 0 } type && binaryMediaTypes.Any(t => GatewayRequest.MediaTypeMatches(t, type));

    /// <summary>Whether the converted payload is binary: as the handling says, else as <paramref name="whenUnset"/>.</summary>
    public static bool ToBinary(string? handling, bool whenUnset) => handling switch
    {
        "CONVERT_TO_BINARY" => true,
        "CONVERT_TO_TEXT" => false,
        _ => whenUnset,
    };

    /// <summary>
    /// The payload as text for a mapping template: a binary payload base64-encoded (it is only read as
    /// text when it is converted to text), a text one as UTF-8.
    /// </summary>
    public static string AsText(byte[] payload, bool isBinary) => isBinary ? Convert.ToBase64String(payload) : Encoding.UTF8.GetString(payload);

    /// <summary>Text as the payload sent on: base64-decoded when it is converted to binary (null when it is not base64), else UTF-8.</summary>
    public static byte[]? FromText(string text, bool toBinary)
    {
        if (!toBinary)
        {
            return Encoding.UTF8.GetBytes(text);
        }
        var decoded = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), decoded, out var written) ? decoded[..written] : null;
    }

    /// <summary>The first media type of an <c>Accept</c> header, the only one API Gateway considers.</summary>
    public static string? FirstAccepted(string? accept) => accept?.Split(',')[0].Split(';')[0].Trim();
}
