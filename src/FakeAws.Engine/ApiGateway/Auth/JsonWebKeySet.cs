using System.Security.Cryptography;
using System.Text.Json;

namespace FakeAws.Engine.ApiGateway.Auth;

/// <summary>One RSA public key of a JWKS document (RFC 7517): its key id and its modulus and exponent.</summary>
internal sealed record JsonWebKey(string? KeyId, byte[] Modulus, byte[] Exponent)
{
    public RSAParameters Parameters => new() { Modulus = Modulus, Exponent = Exponent };
}

/// <summary>
/// A JWKS document, <c>{"keys":[{"kty":"RSA","kid":"...","alg":"RS256","n":"...","e":"AQAB"}]}</c>,
/// as Cognito serves at <c>/{poolId}/.well-known/jwks.json</c>. Keys of other types are skipped:
/// API Gateway's authorizers verify RS256 signatures.
/// </summary>
internal sealed class JsonWebKeySet(IReadOnlyList<JsonWebKey> keys)
{
    public IReadOnlyList<JsonWebKey> Keys { get; } = keys;

    /// <summary>Reads a JWKS document.</summary>
    /// <exception cref="FormatException">It is not a JWKS document.</exception>
    public static JsonWebKeySet Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("A JWKS document is an object with a \"keys\" array.");
            }
            var list = new List<JsonWebKey>();
            foreach (var key in keys.EnumerateArray())
            {
                if (Text(key, "kty") != "RSA" || Text(key, "n") is not { } n || Text(key, "e") is not { } e)
                {
                    continue;
                }
                list.Add(new JsonWebKey(Text(key, "kid"), Base64Url.Decode(n), Base64Url.Decode(e)));
            }
            return new JsonWebKeySet(list);
        }
        catch (JsonException error)
        {
            throw new FormatException($"The JWKS document is not JSON: {error.Message}", error);
        }
    }

    /// <summary>The set holding one RSA key's public half.</summary>
    public static JsonWebKeySet FromRsa(RSAParameters key, string keyId) =>
        new([new JsonWebKey(keyId, key.Modulus ?? throw new ArgumentException("The RSA key has no modulus.", nameof(key)), key.Exponent!)]);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>The unpadded URL-safe base64 of JWTs and JWKs.</summary>
internal static class Base64Url
{
    public static byte[] Decode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        return Convert.FromBase64String(padded);
    }

    public static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = Decode(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
