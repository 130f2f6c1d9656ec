using System.Globalization;
using System.Text;

namespace FakeAws.Engine.StepFunctions;

/// <summary>Pages of list results with an opaque NextToken, as the List* operations return them.</summary>
internal static class Paging
{
    /// <summary>The default and largest page size of Step Functions' list operations.</summary>
    public const int DefaultPageSize = 100;

    public const int MaxPageSize = 1000;

    /// <summary>The page starting at <paramref name="nextToken"/>, and the token of the page after it.</summary>
    public static (List<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> items, int? maxResults, string? nextToken)
    {
        var size = maxResults is > 0 ? Math.Min(maxResults.Value, MaxPageSize) : DefaultPageSize;
        var start = nextToken is null ? 0 : Decode(nextToken);
        if (start > items.Count)
        {
            throw StepFunctionsErrors.InvalidToken(nextToken!);
        }
        var page = items.Skip(start).Take(size).ToList();
        var next = start + page.Count < items.Count ? Encode(start + page.Count) : null;
        return (page, next);
    }

    private static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("fakeaws:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("fakeaws:", StringComparison.Ordinal)
                && int.TryParse(text["fakeaws:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }
        throw StepFunctionsErrors.InvalidToken(token);
    }
}
