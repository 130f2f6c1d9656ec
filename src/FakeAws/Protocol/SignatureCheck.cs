using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FakeAws.Engine.Core;

namespace FakeAws.Protocol;

/// <summary>
/// Verifies a request's SigV4 <c>Authorization</c> header against the cloud's credentials, in AWS's
/// order and words (<see cref="FakeAwsOptions.VerifySignatures"/>): no header, an incomplete one, a date
/// more than 15 minutes from the cloud's clock, another access key, then the signature itself.
/// </summary>
internal static class SignatureCheck
{
    private const string Algorithm = "AWS4-HMAC-SHA256";
    private const string BasicFormat = "yyyyMMdd'T'HHmmss'Z'";
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The error AWS answers <paramref name="request"/> with, or null when its signature is good for
    /// <paramref name="accessKey"/> and <paramref name="secretKey"/> at <paramref name="now"/>. The errors
    /// carry <paramref name="status"/>: 400 for the JSON protocols, 403 for REST.
    /// </summary>
    public static AwsServiceException? Verify(WireRequest request, string accessKey, string secretKey, DateTimeOffset now, int status)
    {
        var authorization = request.Header("Authorization")?.Trim();
        if (authorization is null || !authorization.StartsWith("AWS4-", StringComparison.Ordinal))
        {
            return new AwsServiceException("MissingAuthenticationTokenException", "Request is missing Authentication Token", status);
        }
        var parameters = Parameters(authorization);
        var amzDate = request.Header("X-Amz-Date");
        var missing = new StringBuilder();
        foreach (var name in (string[])["Credential", "Signature", "SignedHeaders"])
        {
            if (!parameters.ContainsKey(name))
            {
                missing.Append(CultureInfo.InvariantCulture, $"Authorization header requires '{name}' parameter. ");
            }
        }
        if (amzDate is null && request.Header("Date") is null)
        {
            missing.Append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (missing.Length > 0)
        {
            return Incomplete($"{missing}Authorization={authorization}", status);
        }
        if (!TryParseDate(amzDate, request.Header("Date"), out var signedAt, out var dateText))
        {
            return Incomplete($"Date must be in ISO-8601 'basic format'. Got '{dateText}'. See http://en.wikipedia.org/wiki/ISO_8601", status);
        }
        if (signedAt < now - AllowedSkew)
        {
            return Invalid($"Signature expired: {Basic(signedAt)} is now earlier than {Basic(now - AllowedSkew)} ({Basic(now)} - 15 min.)", status);
        }
        if (signedAt > now + AllowedSkew)
        {
            return Invalid($"Signature not yet current: {Basic(signedAt)} is still later than {Basic(now + AllowedSkew)} ({Basic(now)} + 15 min.)", status);
        }
        var algorithm = authorization.Split(' ', 2)[0];
        if (algorithm != Algorithm)
        {
            return Incomplete($"Unsupported AWS 'algorithm': '{algorithm}' (only AWS4-HMAC-SHA256 for now). ", status);
        }
        var credential = parameters["Credential"].TrimEnd('/');
        var scope = credential.Split('/');
        if (scope.Length != 5)
        {
            return Incomplete($"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{credential}'", status);
        }
        if (scope[0] != accessKey)
        {
            return new AwsServiceException("UnrecognizedClientException", "The security token included in the request is invalid.", status);
        }
        var signedHeaders = parameters["SignedHeaders"];
        var stringToSignScope = string.Join('/', scope[1..]);
        var signingKey = SigningKey(secretKey, scope[1], scope[2], scope[3], scope[4]);
        var provided = parameters["Signature"];
        // SDKs encode the path once more for every service but S3 and FakeAws serves no S3, yet a client
        // signing a path as it is sent must not be told its secret is wrong: either form is accepted.
        foreach (var doubleEncoded in (bool[])[true, false])
        {
            var canonical = CanonicalRequest(request, signedHeaders, doubleEncoded);
            var stringToSign = $"{Algorithm}\n{dateText}\n{stringToSignScope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
            if (CryptographicOperations.FixedTimeEquals(
                    Encoding.ASCII.GetBytes(Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)))),
                    Encoding.ASCII.GetBytes(provided.ToLowerInvariant())))
            {
                return null;
            }
        }
        return Invalid("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.", status);
    }

    private static AwsServiceException Incomplete(string message, int status) => new("IncompleteSignatureException", message, status);

    private static AwsServiceException Invalid(string message, int status) => new("InvalidSignatureException", message, status);

    // "AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host;x-amz-date, Signature=f": the key=value pairs after the algorithm.
    private static Dictionary<string, string> Parameters(string authorization)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        foreach (var pair in authorization[(space < 0 ? authorization.Length : space)..].Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && equals < pair.Length - 1)
            {
                parameters[pair[..equals]] = pair[(equals + 1)..];
            }
        }
        return parameters;
    }

    // X-Amz-Date in ISO-8601 basic format wins; a Date header in HTTP's format is the fallback.
    private static bool TryParseDate(string? amzDate, string? httpDate, out DateTimeOffset signedAt, out string dateText)
    {
        if (amzDate is not null)
        {
            dateText = amzDate;
            return DateTimeOffset.TryParseExact(amzDate, BasicFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out signedAt);
        }
        var parsed = DateTimeOffset.TryParseExact(httpDate, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out signedAt);
        dateText = parsed ? Basic(signedAt) : httpDate!;
        return parsed;
    }

    private static string Basic(DateTimeOffset time) => time.UtcDateTime.ToString(BasicFormat, CultureInfo.InvariantCulture);

    private static byte[] SigningKey(string secretKey, string date, string region, string service, string terminator)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(terminator));
    }

    private static string CanonicalRequest(WireRequest request, string signedHeaders, bool doubleEncoded)
    {
        var canonical = new StringBuilder();
        canonical.Append(request.Method).Append('\n');
        canonical.Append(CanonicalPath(request.Path, doubleEncoded)).Append('\n');
        canonical.Append(CanonicalQuery(request.Query)).Append('\n');
        foreach (var name in signedHeaders.Split(';'))
        {
            var value = name == "host" ? request.Header("Host") ?? request.Host : request.Header(name) ?? "";
            canonical.Append(name).Append(':').Append(string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries))).Append('\n');
        }
        canonical.Append('\n').Append(signedHeaders).Append('\n');
        var payloadHash = request.Header("X-Amz-Content-SHA256");
        canonical.Append(payloadHash is "UNSIGNED-PAYLOAD" ? payloadHash : Hex(SHA256.HashData(request.Body)));
        return canonical.ToString();
    }

    private static string CanonicalPath(string path, bool doubleEncoded)
    {
        if (path.Length == 0)
        {
            return "/";
        }
        return string.Join('/', path.Split('/').Select(segment => Encode(doubleEncoded ? segment : Uri.UnescapeDataString(segment))));
    }

    private static string CanonicalQuery(string query) =>
        string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Name: Encode(Uri.UnescapeDataString(parts[0])), Value: Encode(Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : ""))))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));

    // SigV4's URI encoding: every byte but A-Z a-z 0-9 - _ . ~ as %XX in upper case.
    private static string Encode(string value)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
            }
        }
        return encoded.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
