using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FakeAws.Engine.StepFunctions.Jsonata;

/// <summary><c>/pattern/flags</c>: a regular expression, the function value jsonata makes of it.</summary>
internal sealed class RegexNode(JsonataFunction regex) : JsonataNode
{
    protected override object? EvaluateNode(JsonataScope scope) => regex;
}

/// <summary>
/// jsonata's regular expressions (ECMAScript syntax, flags <c>i</c> and <c>m</c>) and what
/// <c>$contains</c>, <c>$split</c>, <c>$replace</c> and <c>$match</c> do with them.
/// </summary>
internal static class JsonataRegex
{
    /// <summary>The function value of a regular expression literal; called with a string it gives the first match.</summary>
    public static JsonataFunction Create(string pattern, string flags)
    {
        var options = RegexOptions.ECMAScript;
        options |= flags.Contains('i') ? RegexOptions.IgnoreCase : 0;
        options |= flags.Contains('m') ? RegexOptions.Multiline : 0;
        Regex regex;
        try
        {
            regex = new Regex(pattern, options, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"the regular expression /{pattern}/ is not valid: {e.Message}");
        }
        return new JsonataFunction(
            (arguments, _) => arguments.Count > 0 && arguments[0] is JsonValue text && text.TryGetValue<string>(out var s)
                ? Matches(regex, s, 1).FirstOrDefault() is { } first ? MatchObject(first) : Undefined.Value
                : Undefined.Value,
            1)
        {
            Pattern = regex,
        };
    }

    /// <summary>The matches, up to <paramref name="limit"/>; D1004 when the expression matches an empty string.</summary>
    public static List<Match> Matches(Regex regex, string text, long limit = long.MaxValue)
    {
        var found = new List<Match>();
        for (var match = regex.Match(text); match.Success && found.Count < limit; match = match.NextMatch())
        {
            if (match.Length == 0)
            {
                throw new JsonataException("D1004: Regular expression matches zero length string");
            }
            found.Add(match);
        }
        return found;
    }

    /// <summary>A match as <c>$match</c> gives it: the text, its index and the captured groups.</summary>
    public static JsonObject MatchObject(Match match) => new()
    {
        ["match"] = match.Value,
        ["index"] = match.Index,
        ["groups"] = new JsonArray(match.Groups.Cast<Group>().Skip(1).Select(g => (JsonNode?)JsonValue.Create(g.Value)).ToArray()),
    };

    /// <summary>
    /// A replacement string for one match: <c>$0</c> the match, <c>$1</c>... its groups (the longest
    /// group number that exists), <c>$$</c> a dollar sign.
    /// </summary>
    public static string Substitute(string replacement, Match match)
    {
        var result = new StringBuilder();
        for (var i = 0; i < replacement.Length; i++)
        {
            if (replacement[i] != '$' || i + 1 >= replacement.Length)
            {
                result.Append(replacement[i]);
                continue;
            }
            if (replacement[i + 1] == '$')
            {
                result.Append('$');
                i++;
                continue;
            }
            var digits = 0;
            while (i + 1 + digits < replacement.Length && char.IsAsciiDigit(replacement[i + 1 + digits]))
            {
                digits++;
            }
            if (digits == 0)
            {
                result.Append('$');
                continue;
            }
            // The longest prefix of the digits that names a group; the rest is text.
            var used = digits;
            while (used > 1 && int.Parse(replacement.AsSpan(i + 1, used)) >= match.Groups.Count)
            {
                used--;
            }
            var group = int.Parse(replacement.AsSpan(i + 1, used));
            result.Append(group < match.Groups.Count ? match.Groups[group].Value : "");
            i += used;
        }
        return result.ToString();
    }
}
