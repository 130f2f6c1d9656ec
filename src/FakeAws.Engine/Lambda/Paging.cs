using System.Globalization;

namespace FakeAws.Engine.Lambda;

/// <summary>Lambda's Marker/MaxItems paging: a marker is the position of the next page's first item.</summary>
internal static class Paging
{
    private const int DefaultMaxItems = 50;

    public static (List<T> Page, string? NextMarker) Take<T>(IReadOnlyList<T> items, string? marker, int? maxItems)
    {
        var start = int.TryParse(marker, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? Math.Min(position, items.Count) : 0;
        var count = Math.Min(maxItems ?? DefaultMaxItems, items.Count - start);
        var next = start + count < items.Count ? (start + count).ToString(CultureInfo.InvariantCulture) : null;
        return (items.Skip(start).Take(count).ToList(), next);
    }
}
