namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// The read and write limits enforced on one table and its global secondary indexes: provisioned
/// capacity with AWS's 300 seconds of burst, or the maximum throughput an on-demand table was given
/// (OnDemandThroughput), which allows one second's worth at once. Local indexes share the table's.
/// </summary>
internal sealed class TableThroughput
{
    /// <summary>How many seconds of unused provisioned capacity DynamoDB keeps for bursts: 300.</summary>
    public const double BurstSeconds = 300;

    private TableThroughput(bool provisioned) => Provisioned = provisioned;

    /// <summary>Whether the limits are provisioned capacity; otherwise they are an on-demand maximum.</summary>
    public bool Provisioned { get; }

    public TokenBucket? Read { get; private set; }

    public TokenBucket? Write { get; private set; }

    /// <summary>The buckets of global indexes that have limits of their own, by index name.</summary>
    public Dictionary<string, (TokenBucket? Read, TokenBucket? Write)> Indexes { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The limits <paramref name="table"/> has now, keeping the units left in the buckets of
    /// <paramref name="previous"/> where a limit goes on; null when nothing limits the table.
    /// </summary>
    public static TableThroughput? For(Table table, TableThroughput? previous, DateTimeOffset now)
    {
        var provisioned = table.BillingMode == "PROVISIONED";
        var burst = provisioned ? BurstSeconds : 1;
        if (previous is not null && previous.Provisioned != provisioned)
        {
            previous = null;
        }
        var throughput = new TableThroughput(provisioned);
        var (read, write) = provisioned
            ? (table.ReadCapacityUnits, table.WriteCapacityUnits)
            : (table.OnDemandThroughput?.MaxReadRequestUnits ?? -1, table.OnDemandThroughput?.MaxWriteRequestUnits ?? -1);
        throughput.Read = Bucket(read, burst, previous?.Read, now);
        throughput.Write = Bucket(write, burst, previous?.Write, now);
        foreach (var index in table.Indexes)
        {
            if (!index.IsGlobal || index.Status == "DELETING")
            {
                continue;
            }
            var (indexRead, indexWrite) = provisioned
                ? (index.ReadCapacityUnits, index.WriteCapacityUnits)
                : (index.OnDemandThroughput?.MaxReadRequestUnits ?? -1, index.OnDemandThroughput?.MaxWriteRequestUnits ?? -1);
            var old = previous?.Indexes.GetValueOrDefault(index.Name);
            var buckets = (Bucket(indexRead, burst, old?.Read, now), Bucket(indexWrite, burst, old?.Write, now));
            if (buckets.Item1 is not null || buckets.Item2 is not null)
            {
                throughput.Indexes[index.Name] = buckets;
            }
        }
        return throughput.Read is null && throughput.Write is null && throughput.Indexes.Count == 0 ? null : throughput;
    }

    // A limit of zero or less (on-demand: -1, none set) is no limit.
    private static TokenBucket? Bucket(long rate, double burst, TokenBucket? previous, DateTimeOffset now) =>
        rate <= 0 ? null
        : previous is null ? new TokenBucket(rate, burst, now)
        : previous.Rate == rate ? previous
        : previous.Resized(rate, burst, now);
}
