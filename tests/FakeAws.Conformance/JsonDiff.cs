using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FakeAws.Conformance;

/// <summary>
/// Compares a recorded (expected) JSON document with one FakeAws produced and names the first
/// difference. Placeholders in the recording match any value: a string that is only a placeholder
/// (<c>timestamp</c>, <c>date</c>, <c>&lt;uuid:1&gt;</c>...) matches anything, and placeholders inside a
/// string match any run of characters. Paths the recording did not verify are skipped.
/// </summary>
internal sealed partial class JsonDiff(IReadOnlyList<string> unverifiedPaths, IReadOnlySet<string> wildcardValues)
{
    private readonly List<Regex> _unverified = unverifiedPaths.Select(PathPattern).ToList();

    /// <summary>The first difference, as "location: expected X, got Y", or null when the documents agree.</summary>
    public string? FirstDifference(JsonNode? expected, JsonNode? actual, string location = "$")
    {
        if (_unverified.Any(p => p.IsMatch(location)))
        {
            return null;
        }
        if (expected is JsonValue ev && ev.GetValueKind() == JsonValueKind.String && actual is not null)
        {
            var text = ev.GetValue<string>();
            if (wildcardValues.Contains(text) || WholePlaceholder().IsMatch(text))
            {
                return null;
            }
            if (actual is JsonValue av && av.GetValueKind() == JsonValueKind.String)
            {
                var got = av.GetValue<string>();
                if (got != text && AsJsonText(text) is { } expectedJson && AsJsonText(got) is { } actualJson)
                {
                    // JSON kept as text (arrays are not parsed by the normalisation): its members may be in
                    // another order, because the recorded definitions had their keys sorted.
                    return FirstDifference(expectedJson, actualJson, location);
                }
                return got == text || (text.Contains('<') && PlaceholderPattern(text).IsMatch(got))
                    ? null
                    : $"{location}: expected {Show(expected)}, got {Show(actual)}";
            }
        }
        var kind = expected?.GetValueKind() ?? JsonValueKind.Null;
        var actualKind = actual?.GetValueKind() ?? JsonValueKind.Null;
        if (kind != actualKind && !(kind is JsonValueKind.True or JsonValueKind.False && actualKind is JsonValueKind.True or JsonValueKind.False))
        {
            return $"{location}: expected {Show(expected)}, got {Show(actual)}";
        }
        switch (kind)
        {
            case JsonValueKind.Object:
                var e = expected!.AsObject();
                var a = actual!.AsObject();
                foreach (var key in e.Select(m => m.Key).Union(a.Select(m => m.Key)).Order(StringComparer.Ordinal))
                {
                    var at = $"{location}.{key}";
                    if (_unverified.Any(p => p.IsMatch(at)))
                    {
                        continue;
                    }
                    if (!e.ContainsKey(key))
                    {
                        return $"{at}: unexpected member, got {Show(a[key])}";
                    }
                    if (!a.ContainsKey(key))
                    {
                        return $"{at}: missing, expected {Show(e[key])}";
                    }
                    if (FirstDifference(e[key], a[key], at) is { } difference)
                    {
                        return difference;
                    }
                }
                return null;
            case JsonValueKind.Array:
                var ea = expected!.AsArray();
                var aa = actual!.AsArray();
                for (var i = 0; i < Math.Min(ea.Count, aa.Count); i++)
                {
                    if (FirstDifference(ea[i], aa[i], $"{location}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }
                return ea.Count == aa.Count ? null : $"{location}: expected {ea.Count} items, got {aa.Count}";
            case JsonValueKind.Number:
                return decimal.Parse(expected!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                    == decimal.Parse(actual!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                    ? null
                    : $"{location}: expected {Show(expected)}, got {Show(actual)}";
            case JsonValueKind.String:
                return expected!.GetValue<string>() == actual!.GetValue<string>() ? null : $"{location}: expected {Show(expected)}, got {Show(actual)}";
            case JsonValueKind.True or JsonValueKind.False:
                return expected!.GetValue<bool>() == actual!.GetValue<bool>() ? null : $"{location}: expected {Show(expected)}, got {Show(actual)}";
            default:
                return null;
        }
    }

    private static JsonNode? AsJsonText(string text)
    {
        if (!text.StartsWith('[') && !text.StartsWith('{'))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
        return text.Length > 300 ? text[..300] + "..." : text;
    }

    /// <summary>A recorded string with placeholders as a pattern: each placeholder matches any run of characters.</summary>
    private static Regex PlaceholderPattern(string text)
    {
        var pattern = string.Concat(Placeholder().Split(text).Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : ".*?"));
        return new Regex("^" + pattern + "$", RegexOptions.Singleline);
    }

    /// <summary>
    /// An unverified path (<c>$..Cause</c>, <c>$..events[4].previousEventId</c>) as a pattern over
    /// locations such as <c>$.events[4].previousEventId</c>; it covers the subtree under a match.
    /// </summary>
    private static Regex PathPattern(string path)
    {
        var pattern = new System.Text.StringBuilder("^\\$");
        var rest = path.StartsWith('$') ? path[1..] : path;
        foreach (Match step in PathStep().Matches(rest))
        {
            if (step.Groups["deep"].Success)
            {
                pattern.Append(@"(?:\.[^.\[]+|\[\d+\])*");
                pattern.Append(step.Groups["index"].Success ? $@"\[{step.Groups["index"].Value}\]" : $@"\.{Regex.Escape(step.Groups["name"].Value)}");
            }
            else
            {
                pattern.Append(step.Groups["index"].Success ? $@"\[{step.Groups["index"].Value}\]" : $@"\.{Regex.Escape(step.Groups["name"].Value)}");
            }
        }
        pattern.Append(@"(?:$|[.\[])");
        return new Regex(pattern.ToString());
    }

    [GeneratedRegex(@"(?<deep>\.\.)?(?:\.?(?<name>[^.\[\]]+)|\[(?<index>\d+)\])")]
    private static partial Regex PathStep();

    [GeneratedRegex(@"(<[A-Za-z0-9_:\-]+>)")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^<[A-Za-z0-9_:\-]+>$")]
    private static partial Regex WholePlaceholder();
}
