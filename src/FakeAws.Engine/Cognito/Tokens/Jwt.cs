using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeAws.Engine.Cognito.Tokens;

/// <summary>Compact RS256 JWTs: signing the ones a pool issues and reading them back.</summary>
internal static class Jwt
{
    public static string Sign(JsonObject payload, SigningKey key)
    {
        // AWS puts kid before alg.
        var header = Base64Url.Encode(Encoding.UTF8.GetBytes($"{{\"kid\":{JsonSerializer.Serialize(key.Kid)},\"alg\":\"RS256\"}}"));
        var body = Base64Url.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signingInput = header + "." + body;
        return signingInput + "." + Base64Url.Encode(key.Sign(Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>The token's header kid and claims when it is a well-formed JWT signed by <paramref name="keys"/>; otherwise null.</summary>
    public static JsonObject? Verify(string token, params SigningKey[] keys)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }
        var header = Parse(parts[0]);
        var payload = Parse(parts[1]);
        var signature = Base64Url.TryDecode(parts[2]);
        if (header is null || payload is null || signature is null || header["kid"]?.GetValue<string>() is not { } kid)
        {
            return null;
        }
        var key = keys.FirstOrDefault(k => k.Kid == kid);
        return key is not null && key.Verify(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature) ? payload : null;
    }

    /// <summary>The claims of a token without checking its signature (to find which pool issued it).</summary>
    public static JsonObject? PeekClaims(string token)
    {
        var parts = token.Split('.');
        return parts.Length == 3 ? Parse(parts[1]) : null;
    }

    private static JsonObject? Parse(string segment)
    {
        var bytes = Base64Url.TryDecode(segment);
        if (bytes is null)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
