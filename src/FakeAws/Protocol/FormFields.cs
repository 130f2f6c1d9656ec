namespace FakeAws.Protocol;

/// <summary>
/// Reads <c>application/x-www-form-urlencoded</c> text, a query string or a form body: <c>+</c> is a
/// space, names and values are percent-decoded, and the first of a repeated name wins.
/// </summary>
internal static class FormFields
{
    public static Dictionary<string, string> Parse(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            fields.TryAdd(name, equals < 0 ? "" : Decode(pair[(equals + 1)..]));
        }
        return fields;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
