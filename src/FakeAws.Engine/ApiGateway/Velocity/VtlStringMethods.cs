using System.Text.RegularExpressions;

namespace FakeAws.Engine.ApiGateway.Velocity;

/// <summary>The methods of Java's <c>String</c> that templates call, with Java's meaning (regular expressions for split, replaceAll, matches).</summary>
internal static class VtlStringMethods
{
    public static object? Invoke(string text, string name, IReadOnlyList<object?> a)
    {
        var arg0 = a.Count > 0 ? a[0] : null;
        var arg1 = a.Count > 1 ? a[1] : null;
        switch (name, a.Count)
        {
            case ("length", 0): return (long)text.Length;
            case ("isEmpty", 0): return text.Length == 0;
            case ("toString" or "trim" or "strip", 0): return name == "toString" ? text : text.Trim();
            case ("toUpperCase", 0): return text.ToUpperInvariant();
            case ("toLowerCase", 0): return text.ToLowerInvariant();
            case ("contains", 1): return text.Contains(VtlValues.Text(arg0), StringComparison.Ordinal);
            case ("startsWith", 1): return text.StartsWith(VtlValues.Text(arg0), StringComparison.Ordinal);
            case ("endsWith", 1): return text.EndsWith(VtlValues.Text(arg0), StringComparison.Ordinal);
            case ("equals", 1): return arg0 is string other && other == text;
            case ("equalsIgnoreCase", 1): return arg0 is string other2 && string.Equals(other2, text, StringComparison.OrdinalIgnoreCase);
            case ("indexOf", 1): return (long)text.IndexOf(VtlValues.Text(arg0), StringComparison.Ordinal);
            case ("lastIndexOf", 1): return (long)text.LastIndexOf(VtlValues.Text(arg0), StringComparison.Ordinal);
            case ("concat", 1): return text + VtlValues.Text(arg0);
            case ("charAt", 1) when VtlValues.Int(arg0) is { } at:
                return at >= 0 && at < text.Length ? text[at].ToString() : throw new VtlException($"String index out of range: {at}");
            case ("substring", 1 or 2) when VtlValues.Int(arg0) is { } begin:
                var end = a.Count == 2 ? VtlValues.Int(arg1) ?? -1 : text.Length;
                return begin >= 0 && end <= text.Length && begin <= end
                    ? text[begin..end]
                    : throw new VtlException($"String index out of range: begin {begin}, end {end}, length {text.Length}");
            case ("replace", 2): return text.Replace(VtlValues.Text(arg0), VtlValues.Text(arg1), StringComparison.Ordinal);
            case ("replaceAll", 2): return Regex.Replace(text, VtlValues.Text(arg0), VtlValues.Text(arg1), RegexOptions.CultureInvariant);
            case ("replaceFirst", 2): return new Regex(VtlValues.Text(arg0), RegexOptions.CultureInvariant).Replace(text, VtlValues.Text(arg1), 1);
            case ("matches", 1): return Regex.IsMatch(text, $"^(?:{VtlValues.Text(arg0)})$", RegexOptions.CultureInvariant);
            case ("split", 1 or 2): return Split(text, VtlValues.Text(arg0), a.Count == 2 ? VtlValues.Int(arg1) ?? 0 : 0);
            default: return null;
        }
    }

    /// <summary>Java's <c>String.split</c>: by a regular expression, trailing empty strings dropped (limit 0), no leading empty string for a zero-width first match.</summary>
    private static List<object?> Split(string text, string pattern, int limit)
    {
        var parts = limit > 0
            ? new Regex(pattern, RegexOptions.CultureInvariant).Split(text, limit)
            : Regex.Split(text, pattern, RegexOptions.CultureInvariant);
        var list = parts.Cast<object?>().ToList();
        if (text.Length == 0)
        {
            return [""];
        }
        if (limit == 0)
        {
            while (list.Count > 0 && (string)list[^1]! == "")
            {
                list.RemoveAt(list.Count - 1);
            }
        }
        return list;
    }
}
