namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>The pieces of a request the proxy events carry: its query parameters and headers, decoded and grouped.</summary>
internal static class RequestParts
{
    /// <summary>Every query parameter in order, percent-decoded; <c>a</c> alone is <c>a=</c>.</summary>
    public static List<KeyValuePair<string, string>> Query(string rawQuery)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            list.Add(new(Decode(equals < 0 ? pair : pair[..equals]), equals < 0 ? "" : Decode(pair[(equals + 1)..])));
        }
        return list;
    }

    /// <summary>Values grouped by name, in the order names first appear.</summary>
    public static List<KeyValuePair<string, List<string>>> Group(IEnumerable<KeyValuePair<string, string>> pairs, StringComparer comparer)
    {
        var groups = new List<KeyValuePair<string, List<string>>>();
        var index = new Dictionary<string, List<string>>(comparer);
        foreach (var (name, value) in pairs)
        {
            if (!index.TryGetValue(name, out var values))
            {
                index[name] = values = [];
                groups.Add(new(name, values));
            }
            values.Add(value);
        }
        return groups;
    }

    /// <summary>The path's segments after the leading '/', still encoded; a trailing '/' adds nothing.</summary>
    public static string[] Segments(string path)
    {
        var trimmed = path.Trim('/');
        return trimmed.Length == 0 ? [] : trimmed.Split('/');
    }

    public static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}
