using System.Text.Json;

namespace FakeAws.Engine.ApiGateway.Auth;

/// <summary>Reads what a Lambda authorizer returned; null when API Gateway would call it a configuration error.</summary>
internal static class LambdaAuthorizerResults
{
    /// <summary>
    /// A policy response: <c>principalId</c> and <c>policyDocument</c> (both required by REST APIs),
    /// an optional <c>context</c> of strings, numbers and booleans, and <c>usageIdentifierKey</c>.
    /// </summary>
    public static LambdaAuthorization? ReadPolicy(byte[] payload, bool principalRequired)
    {
        using var document = Parse(payload);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty("policyDocument", out var policy) || policy.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var principal = root.TryGetProperty("principalId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        if (principalRequired && principal is null)
        {
            return null;
        }
        return Context(root) is { } context
            ? new LambdaAuthorization(principal, policy.Clone(), null, context,
                root.TryGetProperty("usageIdentifierKey", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString() : null)
            : null;
    }

    /// <summary>An HTTP API simple response: <c>{"isAuthorized": true, "context": {...}}</c>.</summary>
    public static LambdaAuthorization? ReadSimple(byte[] payload)
    {
        using var document = Parse(payload);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty("isAuthorized", out var authorized) || authorized.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return null;
        }
        return Context(root) is { } context ? new LambdaAuthorization(null, null, authorized.GetBoolean(), context, null) : null;
    }

    /// <summary>Whether a failed authorizer threw "Unauthorized", which API Gateway answers with a 401.</summary>
    public static bool IsUnauthorizedError(byte[]? payload)
    {
        using var document = payload is null ? null : Parse(payload);
        return document?.RootElement is { ValueKind: JsonValueKind.Object } root
            && root.TryGetProperty("errorMessage", out var message) && message.ValueKind == JsonValueKind.String
            && message.GetString() == "Unauthorized";
    }

    /// <summary>The context's members; only strings, numbers and booleans are allowed in it.</summary>
    private static List<KeyValuePair<string, JsonElement>>? Context(JsonElement root)
    {
        if (!root.TryGetProperty("context", out var context) || context.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (context.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var members = new List<KeyValuePair<string, JsonElement>>();
        foreach (var member in context.EnumerateObject())
        {
            if (member.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                return null;
            }
            members.Add(new(member.Name, member.Value.Clone()));
        }
        return members;
    }

    private static JsonDocument? Parse(byte[] payload)
    {
        try
        {
            return JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
