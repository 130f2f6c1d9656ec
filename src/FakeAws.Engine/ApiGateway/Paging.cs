using System.Globalization;

namespace FakeAws.Engine.ApiGateway;

/// <summary>
/// Pages of a list as API Gateway hands them out: v1 takes <c>limit</c> (default 25, at most 500)
/// and answers a <c>position</c>; v2 takes <c>maxResults</c> and answers a <c>nextToken</c>. The
/// token is the index of the next item, so it stays valid while the list only grows at its end.
/// </summary>
internal static class Paging
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 500;

    public static (List<T> Page, string? Next) Page<T>(IReadOnlyList<T> items, int? limit, string? token)
    {
        var start = 0;
        if (!string.IsNullOrEmpty(token) && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start > items.Count))
        {
            throw ApiGatewayErrors.BadRequest("Invalid pagination token");
        }
        var size = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
        var page = items.Skip(start).Take(size).ToList();
        var next = start + page.Count;
        return (page, next < items.Count ? next.ToString(CultureInfo.InvariantCulture) : null);
    }
}
