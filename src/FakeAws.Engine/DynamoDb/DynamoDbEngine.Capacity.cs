using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// Throughput: provisioned capacity and on-demand maxima enforced with token buckets on the virtual
// clock, and DescribeLimits. A request is let in while the buckets it draws on hold units, then pays
// the units it consumed (computed as ReturnConsumedCapacity reports them).
internal sealed partial class DynamoDbEngine
{
    /// <summary>AWS's default per-account and per-table capacity quotas of a region.</summary>
    private const long AccountMaxCapacityUnits = 80_000;
    private const long TableMaxCapacityUnits = 40_000;

    public DescribeLimitsOutput DescribeLimits(RequestScope scope, DescribeLimitsInput input) => new()
    {
        AccountMaxReadCapacityUnits = AccountMaxCapacityUnits,
        AccountMaxWriteCapacityUnits = AccountMaxCapacityUnits,
        TableMaxReadCapacityUnits = TableMaxCapacityUnits,
        TableMaxWriteCapacityUnits = TableMaxCapacityUnits,
    };

    /// <summary>Rebuilds the buckets of <paramref name="table"/> after its billing mode or throughput changed.</summary>
    private void RefreshThroughput(Table table) =>
        table.Throughput = Options.EnforceThroughput ? TableThroughput.For(table, table.Throughput, _cloud.Now) : null;

    /// <summary>Whether consumption must be computed for <paramref name="table"/>: asked for, or needed to charge its buckets.</summary>
    private static bool Measures(Table table, string? returnConsumedCapacity) =>
        table.Throughput is not null || CapacityUnits.Wanted(returnConsumedCapacity);

    /// <summary>Fails with ProvisionedThroughputExceededException when the read bucket of the table (or of the global index read) is empty.</summary>
    private void AdmitRead(Table table, SecondaryIndex? index)
    {
        if (ReadThrottle(table, index) is { } reason)
        {
            throw DynamoDbErrors.ProvisionedThroughputExceeded(table.Throughput!.Provisioned, [reason]);
        }
    }

    /// <summary>The reason a read would be throttled, or null when it may go ahead.</summary>
    private ThrottlingReason? ReadThrottle(Table table, SecondaryIndex? index)
    {
        if (table.Throughput is not { } throughput)
        {
            return null;
        }
        var now = _cloud.Now;
        if (index is { IsGlobal: true })
        {
            return throughput.Indexes.TryGetValue(index.Name, out var buckets) && buckets.Read?.HasTokens(now) == false
                ? Reason(throughput, "Index", "Read", index.Arn)
                : null;
        }
        return throughput.Read?.HasTokens(now) == false ? Reason(throughput, "Table", "Read", table.Arn) : null;
    }

    /// <summary>Fails with ProvisionedThroughputExceededException when a write bucket the write draws on is empty.</summary>
    private void AdmitWrite(Table table, Consumption? consumption)
    {
        if (WriteThrottle(table, consumption) is { } reason)
        {
            throw DynamoDbErrors.ProvisionedThroughputExceeded(table.Throughput!.Provisioned, [reason]);
        }
    }

    /// <summary>The reason a write would be throttled (the table's bucket, then those of the global indexes it touches), or null.</summary>
    private ThrottlingReason? WriteThrottle(Table table, Consumption? consumption)
    {
        if (table.Throughput is not { } throughput)
        {
            return null;
        }
        var now = _cloud.Now;
        if (throughput.Write?.HasTokens(now) == false)
        {
            return Reason(throughput, "Table", "Write", table.Arn);
        }
        foreach (var (name, _) in consumption?.GlobalIndexes ?? [])
        {
            if (throughput.Indexes.TryGetValue(name, out var buckets) && buckets.Write?.HasTokens(now) == false)
            {
                return Reason(throughput, "Index", "Write", table.Index(name)!.Arn);
            }
        }
        return null;
    }

    /// <summary>Takes what a request consumed out of the buckets of its table and global indexes.</summary>
    private void Charge(Table table, Consumption? consumption, bool write)
    {
        if (table.Throughput is not { } throughput || consumption is null)
        {
            return;
        }
        var now = _cloud.Now;
        // Local indexes draw on the table's capacity.
        var tableUnits = consumption.Table + (consumption.LocalIndexes?.Values.Sum() ?? 0);
        (write ? throughput.Write : throughput.Read)?.Take(tableUnits, now);
        foreach (var (name, units) in consumption.GlobalIndexes ?? [])
        {
            if (throughput.Indexes.TryGetValue(name, out var buckets))
            {
                (write ? buckets.Write : buckets.Read)?.Take(units, now);
            }
        }
    }

    // AWS's reasons read ResourceType + OperationType + LimitType, for example TableWriteProvisionedThroughputExceeded.
    private static ThrottlingReason Reason(TableThroughput throughput, string resource, string operation, string arn) => new()
    {
        Reason = resource + operation + (throughput.Provisioned ? "ProvisionedThroughputExceeded" : "MaxOnDemandThroughputExceeded"),
        Resource = arn,
    };
}
