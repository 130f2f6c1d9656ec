using System.Text.RegularExpressions;

namespace FakeAws.Engine.Cognito;

/// <summary>
/// ListUsers' filter: <c>attribute = "value"</c> (exact) or <c>attribute ^= "value"</c> (prefix), on
/// the attributes AWS lets a search use.
/// </summary>
internal sealed partial class UserFilter
{
    private static readonly HashSet<string> Searchable =
    [
        "username", "email", "phone_number", "name", "given_name", "family_name", "preferred_username", "cognito:user_status", "status", "sub",
    ];

    private readonly string _attribute;
    private readonly bool _prefix;
    private readonly string _value;

    private UserFilter(string attribute, bool prefix, string value)
    {
        _attribute = attribute;
        _prefix = prefix;
        _value = value;
    }

    /// <summary>Parses a filter; an empty one matches everyone (null).</summary>
    public static UserFilter? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var match = Syntax().Match(text);
        if (!match.Success)
        {
            throw CognitoErrors.InvalidParameter("Error while parsing filter");
        }
        var attribute = match.Groups["attribute"].Value;
        if (!Searchable.Contains(attribute))
        {
            throw CognitoErrors.InvalidParameter($"Invalid search attribute: {attribute}");
        }
        return new UserFilter(attribute, match.Groups["op"].Value == "^=", match.Groups["value"].Value.Replace("\\\"", "\"", StringComparison.Ordinal));
    }

    public bool Matches(PoolUser user)
    {
        var actual = _attribute switch
        {
            "username" => user.Username,
            "cognito:user_status" => user.Status,
            "status" => user.Enabled ? "Enabled" : "Disabled",
            _ => user.Attribute(_attribute),
        };
        return actual is not null && (_prefix ? actual.StartsWith(_value, StringComparison.Ordinal) : actual == _value);
    }

    [GeneratedRegex("""^\s*"?(?<attribute>[A-Za-z_:]+)"?\s*(?<op>\^?=)\s*"(?<value>(?:[^"\\]|\\.)*)"\s*$""")]
    private static partial Regex Syntax();
}
