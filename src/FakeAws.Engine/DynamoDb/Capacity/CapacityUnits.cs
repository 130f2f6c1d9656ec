using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// Capacity units as DynamoDB counts them: reads in 4 KB steps (half a unit when eventually
/// consistent), writes in 1 KB steps, at least one step each, and transactions doubled.
/// </summary>
internal static class CapacityUnits
{
    private const int ReadUnitBytes = 4 * 1024;
    private const int WriteUnitBytes = 1024;

    public static double ForRead(long bytes, bool consistent, bool transactional = false) =>
        Steps(bytes, ReadUnitBytes) * (transactional ? 2 : consistent ? 1 : 0.5);

    public static double ForWrite(long bytes, bool transactional = false) =>
        Steps(bytes, WriteUnitBytes) * (transactional ? 2 : 1);

    private static long Steps(long bytes, int unit) => Math.Max(1, (bytes + unit - 1) / unit);

    /// <summary>Whether the caller asked for ConsumedCapacity at all.</summary>
    public static bool Wanted(string? returnConsumedCapacity) => returnConsumedCapacity is "TOTAL" or "INDEXES";

    /// <summary>
    /// The ConsumedCapacity of reading <paramref name="item"/> from one table, or null when the caller
    /// did not ask; the units are only computed when asked for, since computing them walks the item.
    /// </summary>
    public static ConsumedCapacity? ReportRead(string? returnConsumedCapacity, string table, IReadOnlyDictionary<string, AttributeValue>? item, bool consistent) =>
        Wanted(returnConsumedCapacity)
            ? new Consumption(table) { Table = ForRead(item is null ? 0 : ItemSize.Of(item), consistent) }.ToReport(returnConsumedCapacity)
            : null;

    /// <summary>
    /// What writing <paramref name="item"/> over <paramref name="old"/> costs the table and each index it
    /// touches: the table pays for the larger of the two items; an index pays one write for an entry
    /// added, removed or changed, and two when the item moves to another index key.
    /// </summary>
    public static Consumption ForItemWrite(Table table, IReadOnlyDictionary<string, AttributeValue>? old,
        IReadOnlyDictionary<string, AttributeValue>? item, bool transactional = false, Consumption? into = null)
    {
        var consumption = into ?? new Consumption(table.Name);
        var bytes = Math.Max(item is null ? 0 : ItemSize.Of(item), old is null ? 0 : ItemSize.Of(old));
        consumption.Table += ForWrite(bytes, transactional);
        foreach (var index in table.Indexes)
        {
            if (index.Status == "DELETING")
            {
                continue;
            }
            var before = index.Project(old);
            var after = index.Project(item);
            double units = 0;
            if (before is not null && after is not null && index.Key.KeyOf(before) == index.Key.KeyOf(after))
            {
                units = ProjectionEquals(before, after) ? 0 : ForWrite(Math.Max(ItemSize.Of(before), ItemSize.Of(after)), transactional);
            }
            else
            {
                units = (before is null ? 0 : ForWrite(ItemSize.Of(before), transactional)) + (after is null ? 0 : ForWrite(ItemSize.Of(after), transactional));
            }
            consumption.AddIndex(index, units);
        }
        return consumption;
    }

    private static bool ProjectionEquals(IReadOnlyDictionary<string, AttributeValue> a, IReadOnlyDictionary<string, AttributeValue> b) =>
        ReferenceEquals(a, b) || (a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && kv.Value.Equals(v)));
}

/// <summary>The capacity one request consumed on one table and its indexes.</summary>
internal sealed class Consumption(string table)
{
    public string TableName { get; } = table;

    /// <summary>Units consumed on the table itself.</summary>
    public double Table { get; set; }

    public Dictionary<string, double>? GlobalIndexes { get; private set; }

    public Dictionary<string, double>? LocalIndexes { get; private set; }

    /// <summary>Adds units consumed on <paramref name="index"/>; an index that cost nothing is not reported.</summary>
    public void AddIndex(SecondaryIndex index, double units)
    {
        if (units <= 0)
        {
            return;
        }
        var map = index.IsGlobal ? GlobalIndexes ??= [] : LocalIndexes ??= [];
        map[index.Name] = map.GetValueOrDefault(index.Name) + units;
    }

    /// <summary>Everything consumed: the table and its indexes.</summary>
    public double Total => Table + (GlobalIndexes?.Values.Sum() ?? 0) + (LocalIndexes?.Values.Sum() ?? 0);

    /// <summary>The ConsumedCapacity for ReturnConsumedCapacity TOTAL or INDEXES (null for NONE).</summary>
    public ConsumedCapacity? ToReport(string? returnConsumedCapacity)
    {
        if (!CapacityUnits.Wanted(returnConsumedCapacity))
        {
            return null;
        }
        var report = new ConsumedCapacity { TableName = TableName, CapacityUnits = Total };
        if (returnConsumedCapacity == "INDEXES")
        {
            report.Table = new Capacity { CapacityUnits = Table };
            report.GlobalSecondaryIndexes = GlobalIndexes?.ToDictionary(kv => kv.Key, kv => new Capacity { CapacityUnits = kv.Value });
            report.LocalSecondaryIndexes = LocalIndexes?.ToDictionary(kv => kv.Key, kv => new Capacity { CapacityUnits = kv.Value });
        }
        return report;
    }
}
