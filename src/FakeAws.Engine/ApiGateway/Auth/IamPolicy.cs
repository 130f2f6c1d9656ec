using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FakeAws.Engine.ApiGateway.Auth;

/// <summary>What a policy says about a request.</summary>
internal enum PolicyDecision
{
    /// <summary>An Allow statement matches and no Deny does.</summary>
    Allow,

    /// <summary>A Deny statement matches.</summary>
    ExplicitDeny,

    /// <summary>No statement matches.</summary>
    ImplicitDeny,
}

/// <summary>The facts of a request a resource policy's conditions can test.</summary>
internal sealed record PolicyFacts(string SourceIp, string? SourceVpce, bool SignedByIam);

/// <summary>
/// Evaluates the IAM policy documents API Gateway meets: the policy a Lambda authorizer returns and
/// a REST API's resource policy. Statements match <c>execute-api:Invoke</c> (actions may use
/// wildcards) on the method ARN <c>arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}</c>;
/// resources may use <c>*</c> and <c>?</c>, and <c>execute-api:/...</c> is short for this API's ARN.
/// Conditions support StringEquals, StringNotEquals, StringLike, StringNotLike, IpAddress and
/// NotIpAddress on <c>aws:SourceIp</c> and <c>aws:SourceVpce</c>.
/// </summary>
internal static class IamPolicy
{
    private const string InvokeAction = "execute-api:Invoke";
    private static readonly ConcurrentDictionary<string, Regex> Wildcards = new(StringComparer.Ordinal);

    /// <summary>Evaluates <paramref name="policy"/> for invoking <paramref name="methodArn"/>.</summary>
    /// <param name="policy">The policy document.</param>
    /// <param name="methodArn">The ARN of the method the request invokes.</param>
    /// <param name="apiArn">The API's ARN, which <c>execute-api:</c> resources abbreviate.</param>
    /// <param name="facts">The request's facts for a resource policy's principals and conditions; null for an authorizer's policy.</param>
    /// <exception cref="FormatException">The document is not a policy.</exception>
    public static PolicyDecision Evaluate(JsonElement policy, string methodArn, string apiArn, PolicyFacts? facts = null)
    {
        if (policy.ValueKind != JsonValueKind.Object || !policy.TryGetProperty("Statement", out var statements))
        {
            throw new FormatException("A policy document is an object with a Statement.");
        }
        var allowed = false;
        foreach (var statement in statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : [statements])
        {
            if (!Matches(statement, methodArn, apiArn, facts))
            {
                continue;
            }
            var effect = Text(statement, "Effect");
            if (effect == "Deny")
            {
                return PolicyDecision.ExplicitDeny;
            }
            if (effect != "Allow")
            {
                throw new FormatException($"Invalid Effect '{effect}'.");
            }
            allowed = true;
        }
        return allowed ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny;
    }

    private static bool Matches(JsonElement statement, string methodArn, string apiArn, PolicyFacts? facts)
    {
        if (statement.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("A statement is an object.");
        }
        var actionMatches = statement.TryGetProperty("Action", out var actions)
            ? List(actions).Any(a => Wildcard(a, ignoreCase: true).IsMatch(InvokeAction))
            : statement.TryGetProperty("NotAction", out var notActions) && !List(notActions).Any(a => Wildcard(a, ignoreCase: true).IsMatch(InvokeAction));
        var resourceMatches = statement.TryGetProperty("Resource", out var resources)
            ? List(resources).Any(r => Wildcard(Expand(r, apiArn), ignoreCase: false).IsMatch(methodArn))
            : statement.TryGetProperty("NotResource", out var notResources) && !List(notResources).Any(r => Wildcard(Expand(r, apiArn), ignoreCase: false).IsMatch(methodArn));
        if (!actionMatches || !resourceMatches)
        {
            return false;
        }
        if (facts is null)
        {
            return true;
        }
        return PrincipalMatches(statement, facts) && (!statement.TryGetProperty("Condition", out var condition) || ConditionHolds(condition, facts));
    }

    /// <summary>Anyone (<c>*</c>) matches every caller; a named AWS principal only callers who signed with IAM.</summary>
    private static bool PrincipalMatches(JsonElement statement, PolicyFacts facts)
    {
        if (!statement.TryGetProperty("Principal", out var principal))
        {
            return true;
        }
        if (principal.ValueKind == JsonValueKind.String)
        {
            return principal.GetString() == "*";
        }
        return principal.TryGetProperty("AWS", out var aws) && (List(aws).Contains("*") || facts.SignedByIam);
    }

    private static bool ConditionHolds(JsonElement condition, PolicyFacts facts)
    {
        foreach (var test in condition.EnumerateObject())
        {
            foreach (var key in test.Value.EnumerateObject())
            {
                var actual = key.Name.ToLowerInvariant() switch
                {
                    "aws:sourceip" => facts.SourceIp,
                    "aws:sourcevpce" => facts.SourceVpce,
                    _ => null,
                };
                var expected = List(key.Value);
                var holds = test.Name switch
                {
                    "StringEquals" => actual is not null && expected.Contains(actual),
                    "StringNotEquals" => actual is null || !expected.Contains(actual),
                    "StringLike" => actual is not null && expected.Any(e => Wildcard(e, ignoreCase: false).IsMatch(actual)),
                    "StringNotLike" => actual is null || !expected.Any(e => Wildcard(e, ignoreCase: false).IsMatch(actual)),
                    "IpAddress" => actual is not null && expected.Any(e => InRange(actual, e)),
                    "NotIpAddress" => actual is null || !expected.Any(e => InRange(actual, e)),
                    _ => false,
                };
                if (!holds)
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static bool InRange(string address, string range) =>
        IPAddress.TryParse(address, out var ip)
        && (IPNetwork.TryParse(range, out var network) ? network.Contains(ip) : IPAddress.TryParse(range, out var single) && single.Equals(ip));

    private static string Expand(string resource, string apiArn) =>
        resource.StartsWith("execute-api:", StringComparison.Ordinal) ? apiArn + resource["execute-api:".Length..] : resource;

    private static Regex Wildcard(string pattern, bool ignoreCase) => Wildcards.GetOrAdd((ignoreCase ? "i:" : "s:") + pattern, _ =>
        new Regex("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None)));

    private static List<string> List(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new FormatException("Expected a string.")).ToList(),
        _ => throw new FormatException("Expected a string or an array of strings."),
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
