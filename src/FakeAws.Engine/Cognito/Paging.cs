using System.Text;

namespace FakeAws.Engine.Cognito;

/// <summary>Opaque next-page tokens over a list ordered by a stable key.</summary>
internal static class Paging
{
    public static (List<T> Page, string? Next) Page<T>(IReadOnlyList<T> all, string? token, int limit, Func<T, string> key)
    {
        var start = 0;
        if (token is not null)
        {
            var after = Decode(token) ?? throw CognitoErrors.InvalidParameter("Invalid pagination token.");
            start = all.Select((item, index) => (item, index)).FirstOrDefault(x => string.CompareOrdinal(key(x.item), after) == 0, (default!, -1)).Item2 + 1;
            if (start == 0)
            {
                throw CognitoErrors.InvalidParameter("Invalid pagination token.");
            }
        }
        var page = all.Skip(start).Take(limit).ToList();
        var next = start + page.Count < all.Count && page.Count > 0 ? Encode(key(page[^1])) : null;
        return (page, next);
    }

    private static string Encode(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(key));

    private static string? Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
