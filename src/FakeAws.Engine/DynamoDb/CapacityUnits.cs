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

    /// <summary>
    /// The ConsumedCapacity to return for one table, or null when the caller did not ask; the units
    /// are only computed when asked for, since computing them walks the item.
    /// </summary>
    public static ConsumedCapacity? Report(string? returnConsumedCapacity, string table, Func<double> units)
    {
        if (returnConsumedCapacity is null or "NONE")
        {
            return null;
        }
        var total = units();
        return new ConsumedCapacity
        {
            TableName = table,
            CapacityUnits = total,
            Table = returnConsumedCapacity == "INDEXES" ? new Capacity { CapacityUnits = total } : null,
        };
    }
}
