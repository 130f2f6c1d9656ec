using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// A resource-based policy as DynamoDB keeps it: checked when it is put, stored in the canonical form
/// GetResourcePolicy answers (minified; Version, Statement, and in each statement Sid, Effect, Principal,
/// Action, Resource, Condition; a list of one element as the element; an account id as its root ARN; a
/// principal named twice once; Effect capitalised; a lone statement object as a list of one), and
/// evaluated for the callers of other accounts. ack-api-quirks recorded each rule against AWS (2026-10).
/// </summary>
internal sealed partial class PolicyDocument
{
    /// <summary>The largest policy DynamoDB stores, in UTF-8 bytes of the text as sent, whitespace included.</summary>
    public const int MaxBytes = 20480;

    /// <summary>The version IAM assumes for a policy that names none; GetResourcePolicy shows it.</summary>
    private const string DefaultVersion = "2008-10-17";

    private static readonly string[] StatementOrder = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

    private readonly JsonObject _canonical;
    private readonly List<JsonObject> _statements;

    private PolicyDocument(JsonObject canonical, List<JsonObject> statements)
    {
        _canonical = canonical;
        _statements = statements;
        Canonical = canonical.ToJsonString();
    }

    /// <summary>
    /// The canonical text of the policy as sent. Two puts are the same policy when these are equal; a policy
    /// sent without a Version differs from one naming IAM's default, as on AWS.
    /// </summary>
    public string Canonical { get; }

    /// <summary>The text GetResourcePolicy answers: the canonical form, with IAM's default Version when none was sent.</summary>
    public string Text
    {
        get
        {
            if (_canonical.ContainsKey("Version"))
            {
                return Canonical;
            }
            var shown = new JsonObject { ["Version"] = DefaultVersion };
            foreach (var (name, value) in _canonical)
            {
                shown[name] = value?.DeepClone();
            }
            return shown.ToJsonString();
        }
    }

    /// <summary>Checks <paramref name="text"/> as PutResourcePolicy and CreateTable do, and returns it in canonical form.</summary>
    /// <param name="text">The policy as the request carries it.</param>
    public static PolicyDocument Parse(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) > MaxBytes)
        {
            throw DynamoDbErrors.Validation($"One or more parameter values were invalid: Maximum policy size of {MaxBytes} bytes exceeded");
        }
        JsonObject root;
        try
        {
            // A name given twice in an object is no JSON a policy may be.
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject
                ?? throw Invalid("This policy contains invalid Json");
        }
        catch (JsonException)
        {
            throw Invalid("This policy contains invalid Json");
        }

        var statements = root["Statement"] switch
        {
            JsonArray list => list.Select(s => s as JsonObject ?? throw Invalid("This policy contains invalid Json")).ToList(),
            JsonObject one => [one],
            null => throw Invalid("Missing required field Statement"),
            _ => throw Invalid("This policy contains invalid Json"),
        };
        if (statements.Count == 0)
        {
            throw Invalid("Could not parse the policy: Statement is empty!");
        }
        var canonicalStatements = statements.Select(CanonicalStatement).ToList();
        var sids = canonicalStatements.Where(s => s["Sid"] is not null).Select(s => StringOf(s["Sid"])).ToList();
        if (sids.Count != sids.Distinct(StringComparer.Ordinal).Count())
        {
            throw Invalid("The Statement Ids in the policy are not unique");
        }
        if (canonicalStatements.Any(GrantsEveryone))
        {
            throw DynamoDbErrors.Validation(
                "Resource-based policy grants unbounded access in one or more elements. Please revise the policy to ensure least-privilege form of access");
        }
        var canonical = new JsonObject();
        if (root["Version"] is { } version)
        {
            canonical["Version"] = version.DeepClone();
        }
        if (root["Id"] is { } id)
        {
            canonical["Id"] = id.DeepClone();
        }
        canonical["Statement"] = new JsonArray([.. canonicalStatements]);
        return new PolicyDocument(canonical, [.. canonicalStatements.Select(s => (JsonObject)s.DeepClone())]);
    }

    /// <summary>
    /// Whether the policy, as the account's root would be judged by it, denies <paramref name="account"/>
    /// the action: PutResourcePolicy refuses a policy that locks its caller out unless the caller confirms it.
    /// </summary>
    public bool Denies(string account, string action, string resource) => Decide(account, action, resource) == false;

    /// <summary>
    /// What the policy says of <paramref name="account"/> performing <paramref name="action"/> (dynamodb:GetItem) on
    /// <paramref name="resource"/>: false for an explicit deny, true for an allow, null when it says nothing.
    /// FakeAws has no IAM identities, so a principal of an account (its root, a role or a user) stands for
    /// every caller of that account; conditions are not evaluated, so a statement applies as if they held.
    /// </summary>
    public bool? Decide(string account, string action, string resource)
    {
        bool? decision = null;
        foreach (var statement in _statements)
        {
            if (!Names(statement["Principal"], account) || !Matches(statement, "Action", action) || !Matches(statement, "Resource", resource))
            {
                continue;
            }
            if (StringOf(statement["Effect"]) == "Deny")
            {
                return false;
            }
            decision = true;
        }
        return decision;
    }

    private static bool Names(JsonNode? principal, string account)
    {
        if (principal is JsonValue value)
        {
            return StringOf(value) == "*";
        }
        if (principal is not JsonObject || principal["AWS"] is not { } aws)
        {
            return false;
        }
        return Values(aws).Any(p => p == "*" || p == account || p.StartsWith($"arn:aws:iam::{account}:", StringComparison.Ordinal));
    }

    private static bool Matches(JsonObject statement, string element, string value)
    {
        if (statement[element] is { } listed)
        {
            return Values(listed).Any(pattern => Wildcard(pattern, value));
        }
        return statement[$"Not{element}"] is { } excluded && !Values(excluded).Any(pattern => Wildcard(pattern, value));
    }

    // IAM's patterns: * for any run of characters, ? for one; actions compare without case.
    private static bool Wildcard(string pattern, string value) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static IEnumerable<string> Values(JsonNode node) => node switch
    {
        JsonArray list => list.Select(StringOf),
        _ => [StringOf(node)],
    };

    private static JsonObject CanonicalStatement(JsonObject statement)
    {
        var effect = statement["Effect"] is { } given ? StringOf(given) : null;
        effect = effect?.ToLowerInvariant() switch
        {
            "allow" => "Allow",
            "deny" => "Deny",
            null => throw Invalid("Missing required field Effect"),
            _ => throw Invalid($"Invalid effect: {effect}"),
        };
        if (statement["Principal"] is null && statement["NotPrincipal"] is null)
        {
            throw Invalid("Missing required field Principal");
        }
        if (statement["Action"] is null && statement["NotAction"] is null)
        {
            throw Invalid("Missing required field Action");
        }
        if (statement["Resource"] is null && statement["NotResource"] is null)
        {
            throw Invalid("Missing required field Resource");
        }
        var canonical = new JsonObject();
        foreach (var name in StatementOrder.Concat(statement.Select(p => p.Key).Where(k => !StatementOrder.Contains(k))))
        {
            if (statement[name] is not { } value)
            {
                continue;
            }
            canonical[name] = name switch
            {
                "Effect" => effect,
                "Principal" or "NotPrincipal" => CanonicalPrincipal(value),
                "Condition" => CanonicalCondition(value),
                _ => Single(value.DeepClone()),
            };
        }
        return canonical;
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();

    // An account id becomes its root ARN, a principal named twice is named once, and a list of one is its element.
    private static JsonNode CanonicalPrincipal(JsonNode principal)
    {
        if (principal is not JsonObject byType)
        {
            return principal.DeepClone();
        }
        var canonical = new JsonObject();
        foreach (var (type, value) in byType)
        {
            if (value is null)
            {
                continue;
            }
            var names = Values(value).Select(p => type == "AWS" && AccountId().IsMatch(p) ? $"arn:aws:iam::{p}:root" : p).Distinct(StringComparer.Ordinal).ToList();
            canonical[type] = names.Count == 1 ? names[0] : new JsonArray([.. names.Select(n => (JsonNode)JsonValue.Create(n))]);
        }
        return canonical;
    }

    private static JsonNode CanonicalCondition(JsonNode condition)
    {
        if (condition is not JsonObject operators)
        {
            return condition.DeepClone();
        }
        var canonical = new JsonObject();
        foreach (var (op, keys) in operators)
        {
            if (keys is JsonObject byKey)
            {
                var values = new JsonObject();
                foreach (var (key, value) in byKey)
                {
                    values[key] = value is null ? null : Single(value.DeepClone());
                }
                canonical[op] = values;
            }
            else
            {
                canonical[op] = keys?.DeepClone();
            }
        }
        return canonical;
    }

    // A list of one element is stored as the element; longer lists stay as sent (order and duplicates kept).
    private static JsonNode Single(JsonNode value)
    {
        if (value is JsonArray { Count: 1 } one)
        {
            var element = one[0];
            one.RemoveAt(0);
            return element ?? JsonValue.Create((string?)null)!;
        }
        return value;
    }

    // Allowing everyone ("*", or AWS "*") without a condition is refused by DynamoDB's least-privilege guardrail.
    private static bool GrantsEveryone(JsonObject statement) =>
        StringOf(statement["Effect"]) == "Allow" && statement["Condition"] is null && statement["Principal"] is { } principal &&
        (principal is JsonValue star ? StringOf(star) == "*" : principal is JsonObject && principal["AWS"] is { } aws && Values(aws).Contains("*"));

    private static AwsServiceException Invalid(string detail) =>
        DynamoDbErrors.Validation($"One or more parameter values were invalid: Invalid policy document: {detail}");

    // A policy's strings; anything else (a number, an object) by its JSON text, which then matches nothing.
    private static string StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? "";
}
