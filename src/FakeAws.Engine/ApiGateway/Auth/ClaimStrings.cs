using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FakeAws.Engine.ApiGateway.Auth;

/// <summary>
/// How API Gateway hands a token's claims to the integration: every claim becomes a string, and
/// each kind of API does it its own way.
/// </summary>
internal static class ClaimStrings
{
    /// <summary>
    /// A REST API's Cognito user pool authorizer (Java underneath): numbers and booleans as their
    /// text, the time claims <c>exp</c>, <c>iat</c> and <c>nbf</c> as Java dates
    /// (<c>Sat Apr 24 20:47:46 UTC 2021</c>), arrays as their elements joined by commas and
    /// objects as JSON.
    /// </summary>
    public static Dictionary<string, string> ForCognitoAuthorizer(JsonElement claims)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var claim in claims.EnumerateObject())
        {
            if (claim.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            result[claim.Name] = claim.Name is "exp" or "iat" or "nbf" && claim.Value.ValueKind == JsonValueKind.Number
                ? JavaDate(DateTimeOffset.UnixEpoch.AddSeconds(claim.Value.GetDouble()))
                : claim.Value.ValueKind == JsonValueKind.Array
                    ? string.Join(",", claim.Value.EnumerateArray().Select(Scalar))
                    : Scalar(claim.Value);
        }
        return result;
    }

    /// <summary>
    /// An HTTP API's JWT authorizer (Go underneath): numbers and booleans as their text, arrays as
    /// Go prints them, <c>[a b]</c>, and objects as <c>map[key:value]</c> with sorted keys.
    /// </summary>
    public static Dictionary<string, string> ForJwtAuthorizer(JsonElement claims)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var claim in claims.EnumerateObject())
        {
            if (claim.Value.ValueKind != JsonValueKind.Null)
            {
                result[claim.Name] = GoValue(claim.Value);
            }
        }
        return result;
    }

    /// <summary>Java's <c>Date.toString()</c> in UTC: <c>EEE MMM dd HH:mm:ss zzz yyyy</c>.</summary>
    public static string JavaDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private static string GoValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => $"[{string.Join(" ", value.EnumerateArray().Select(GoValue))}]",
        JsonValueKind.Object => GoMap(value),
        _ => Scalar(value),
    };

    private static string GoMap(JsonElement value)
    {
        var text = new StringBuilder("map[");
        var first = true;
        foreach (var member in value.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            text.Append(first ? "" : " ").Append(member.Name).Append(':').Append(GoValue(member.Value));
            first = false;
        }
        return text.Append(']').ToString();
    }
}
