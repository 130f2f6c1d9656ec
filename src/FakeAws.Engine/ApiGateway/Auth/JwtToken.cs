using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FakeAws.Engine.ApiGateway.Auth;

/// <summary>
/// A signed JWT (JWS compact form) as API Gateway's authorizers read it: RS256 only, the key picked
/// by the header's <c>kid</c>. Verified with System.Security.Cryptography, no token library.
/// </summary>
internal sealed class JwtToken
{
    private readonly byte[] _signingInput;
    private readonly byte[] _signature;

    private JwtToken(JsonElement header, JsonElement claims, byte[] signingInput, byte[] signature)
    {
        Header = header;
        Claims = claims;
        _signingInput = signingInput;
        _signature = signature;
    }

    public JsonElement Header { get; }

    /// <summary>The payload: an object of claims.</summary>
    public JsonElement Claims { get; }

    public string? Issuer => Text("iss");

    /// <summary>Reads a token; false when it is not three base64url parts of a JSON header and a JSON object payload.</summary>
    public static bool TryParse(string token, out JwtToken jwt)
    {
        jwt = null!;
        var parts = token.Split('.');
        if (parts.Length != 3 || !Base64Url.TryDecode(parts[0], out var header) || !Base64Url.TryDecode(parts[1], out var payload)
            || !Base64Url.TryDecode(parts[2], out var signature))
        {
            return false;
        }
        try
        {
            using var headerDocument = JsonDocument.Parse(header);
            using var payloadDocument = JsonDocument.Parse(payload);
            var headerJson = headerDocument.RootElement.Clone();
            var claims = payloadDocument.RootElement.Clone();
            if (headerJson.ValueKind != JsonValueKind.Object || claims.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
            jwt = new JwtToken(headerJson, claims, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Whether one of <paramref name="keys"/> (the one the header's kid names, when it names one) made the RS256 signature.</summary>
    public bool IsSignedBy(JsonWebKeySet keys)
    {
        if (HeaderText("alg") != "RS256")
        {
            return false;
        }
        var kid = HeaderText("kid");
        foreach (var key in keys.Keys)
        {
            if (kid is not null && key.KeyId is not null && key.KeyId != kid)
            {
                continue;
            }
            using var rsa = RSA.Create();
            rsa.ImportParameters(key.Parameters);
            if (rsa.VerifyData(_signingInput, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return true;
            }
        }
        return false;
    }

    public string? Text(string claim) =>
        Claims.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A NumericDate claim (<c>exp</c>, <c>nbf</c>, <c>iat</c>) as a time.</summary>
    public DateTimeOffset? Time(string claim) =>
        Claims.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds)
            ? DateTimeOffset.UnixEpoch.AddSeconds(seconds)
            : null;

    /// <summary>A claim that is a string or an array of strings (<c>aud</c>), as a list.</summary>
    public IReadOnlyList<string> Strings(string claim)
    {
        if (!Claims.TryGetProperty(claim, out var value))
        {
            return [];
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList(),
            _ => [],
        };
    }

    /// <summary>The scopes of an access token: its space-separated <c>scope</c> claim (or <c>scp</c>).</summary>
    public IReadOnlyList<string> Scopes =>
        Text("scope") is { } scope ? scope.Split(' ', StringSplitOptions.RemoveEmptyEntries) : Strings("scp");

    private string? HeaderText(string name) =>
        Header.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
