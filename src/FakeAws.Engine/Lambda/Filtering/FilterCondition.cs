using System.Text.Json;

namespace FakeAws.Engine.Lambda.Filtering;

/// <summary>
/// One element of a leaf's array in a filter pattern: a value to equal, or an operator object
/// (<c>prefix</c>, <c>suffix</c>, <c>equals-ignore-case</c>, <c>anything-but</c>, <c>numeric</c>,
/// <c>exists</c>, <c>wildcard</c>). A leaf matches when any of its conditions matches.
/// </summary>
internal abstract class FilterCondition
{
    /// <summary>Whether the condition accepts a field that is absent (only <c>{"exists": false}</c> does).</summary>
    public virtual bool MatchesMissing => false;

    /// <summary>Whether the condition accepts one value of the record: a string, number, boolean or null.</summary>
    public abstract bool Matches(JsonElement value);
}

/// <summary>A plain value: a string equals a string, a number a number of the same value, and true, false and null themselves.</summary>
internal sealed class EqualsCondition(JsonValueKind kind, string? text, decimal? number) : FilterCondition
{
    public override bool Matches(JsonElement value) => kind switch
    {
        JsonValueKind.String => value.ValueKind == JsonValueKind.String && value.ValueEquals(text),
        // Record values that are strings never equal numbers: DynamoDB's "N" values are strings in the record.
        JsonValueKind.Number => value.ValueKind == JsonValueKind.Number && FilterNumbers.Read(value) is { } read && read == number,
        _ => value.ValueKind == kind,
    };
}

/// <summary>How a string condition compares: <c>prefix</c>, <c>suffix</c> or the whole value, with or without case.</summary>
internal enum TextMatch
{
    Whole,
    Prefix,
    Suffix,
}

/// <summary>A string test: <c>{"prefix": "us-"}</c>, <c>{"suffix": ".png"}</c>, <c>{"equals-ignore-case": "alice"}</c> (also nested in prefix and suffix).</summary>
internal sealed class TextCondition(TextMatch match, string text, bool ignoreCase) : FilterCondition
{
    public override bool Matches(JsonElement value) => value.ValueKind == JsonValueKind.String && Test(value.GetString()!);

    private bool Test(string value)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return match switch
        {
            TextMatch.Prefix => value.StartsWith(text, comparison),
            TextMatch.Suffix => value.EndsWith(text, comparison),
            _ => string.Equals(value, text, comparison),
        };
    }
}

/// <summary><c>{"wildcard": "*/lib/*"}</c>: <c>*</c> stands for any run of characters, <c>\*</c> for a star.</summary>
internal sealed class WildcardCondition(string pattern) : FilterCondition
{
    public override bool Matches(JsonElement value) => value.ValueKind == JsonValueKind.String && Test(value.GetString()!);

    private bool Test(string value) => Match(pattern, 0, value, 0);

    private static bool Match(string pattern, int p, string value, int v)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == '*')
            {
                for (var start = v; start <= value.Length; start++)
                {
                    if (Match(pattern, p + 1, value, start))
                    {
                        return true;
                    }
                }
                return false;
            }
            var literal = pattern[p] == '\\' && p + 1 < pattern.Length ? pattern[++p] : pattern[p];
            if (v >= value.Length || value[v] != literal)
            {
                return false;
            }
            p++;
            v++;
        }
        return v == value.Length;
    }
}

/// <summary>
/// <c>{"anything-but": ...}</c>: a value present in the record that is none of the listed values (strings
/// or numbers), or that fails the nested <c>prefix</c>, <c>suffix</c>, <c>equals-ignore-case</c> or <c>wildcard</c>.
/// An absent field does not match.
/// </summary>
internal sealed class AnythingButCondition(IReadOnlyList<FilterCondition> excluded) : FilterCondition
{
    public override bool Matches(JsonElement value) => !excluded.Any(condition => condition.Matches(value));
}

/// <summary><c>{"numeric": ["&gt;", 10, "&lt;=", 20]}</c>: a number in the record (never a string) within every bound.</summary>
internal sealed class NumericCondition(IReadOnlyList<(string Operator, decimal Bound)> bounds) : FilterCondition
{
    public override bool Matches(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number || FilterNumbers.Read(value) is not { } number)
        {
            return false;
        }
        return bounds.All(b => b.Operator switch
        {
            "=" => number == b.Bound,
            "<" => number < b.Bound,
            "<=" => number <= b.Bound,
            ">" => number > b.Bound,
            _ => number >= b.Bound,
        });
    }
}

/// <summary><c>{"exists": true}</c> matches any value at the leaf (null too); <c>{"exists": false}</c> only a leaf that is absent.</summary>
internal sealed class ExistsCondition(bool exists) : FilterCondition
{
    public override bool MatchesMissing => !exists;

    public override bool Matches(JsonElement value) => exists;
}

/// <summary>Numbers of patterns and records, compared by value (10 equals 10.0).</summary>
internal static class FilterNumbers
{
    public static decimal? Read(JsonElement number) =>
        number.TryGetDecimal(out var value) ? value : number.TryGetDouble(out var wide) && Math.Abs(wide) < 7.9e28 ? (decimal)wide : null;
}
