using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDbStreams;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// The in-memory DynamoDB service. It implements the generated <see cref="Model.IDynamoDbOperations"/>:
/// one method per operation, named as AWS names it, taking the operation's input shape and returning its
/// output shape. The wire layer and the typed fast path both call these methods, so both see the same behaviour.
/// </summary>
/// <remarks>
/// The data plane covers every expression kind and the legacy parameters, secondary indexes,
/// Query and Scan with AWS's 1 MB pages, batches, transactions with idempotency tokens, PartiQL, and
/// consumed capacity. Over time, on the cloud's clock: streams (kept by the one write funnel, read by
/// the DynamoDB Streams engine), Time to Live deletions on the scheduler, point-in-time recovery as a
/// per-item change log, on-demand and system backups, provisioned capacity and on-demand maxima
/// enforced with token buckets (throttled batch items come back unprocessed), the once-a-day switch to
/// on-demand, tags, encryption at rest under a KMS key (described, not enforced: FakeAws has no KMS),
/// status delays of tables, indexes and backups, and global tables of version 2019.11.21
/// (replicas in other regions, replicated on the clock, or at once with Multi-Region strong consistency;
/// see <see cref="ReplicationGroup"/>), resource-based policies (which decide other accounts' requests),
/// Contributor Insights, and Kinesis streaming destinations (their statuses; FakeAws has no Kinesis). Not
/// implemented yet (answered with an error that names the operation): imports and exports. Also left out: the size limits of index keys
/// on write (their values are checked only when an index is backfilled), PartiQL beyond single-table
/// SELECT, INSERT, UPDATE and DELETE (no EXISTS, no nested SELECT, no ORDER BY), the item-collection size
/// estimate beyond whole gigabytes, capacity charged for failed conditional writes, the limit on
/// provisioned throughput decreases per day, and a restore's schema as of the restore time (a
/// point-in-time restore takes the source table's current schema). docs/DYNAMODB.md has the details.
/// </remarks>
internal sealed partial class DynamoDbEngine : Model.IDynamoDbOperations
{
    private readonly CloudContext _cloud;
    private readonly RegionalStore<Region> _regions;
    private readonly ExpressionCache _expressions = new();
    private long _tableOrdinals;

    public DynamoDbEngine(CloudContext cloud, DynamoDbOptions options)
    {
        _cloud = cloud;
        Options = options;
        _regions = new RegionalStore<Region>(_ => new Region());
    }

    /// <summary>The engine's tunables.</summary>
    public DynamoDbOptions Options { get; }

    /// <summary>The state a snapshot of the cloud takes and puts back: everything, per account and region.</summary>
    public IStateStore State => _regions;

    /// <summary>Forgets every table.</summary>
    public void Reset() => _regions.Clear();

    /// <summary>The tables of one account and region.</summary>
    private sealed class Region
    {
        public ConcurrentDictionary<string, Table> Tables { get; } = new(StringComparer.Ordinal);

        /// <summary>Serialises table creation and deletion, so names stay unique.</summary>
        public object Gate { get; } = new();

        /// <summary>
        /// TransactWriteItems done under a ClientRequestToken, by token. Its lock is held only to look a
        /// token up and to record it: a token repeated while its transaction runs is refused with
        /// TransactionInProgressException, one repeated after it finished replays it.
        /// </summary>
        public Dictionary<string, IdempotentTransaction> TransactionTokens { get; } = new(StringComparer.Ordinal);

        /// <summary>The region's streams, those of deleted tables and disabled streams included for their last 24 hours.</summary>
        public StreamCatalog Streams { get; } = new();

        /// <summary>The region's on-demand and system backups, in the order made; they outlive their tables.</summary>
        public List<Backup> Backups { get; } = [];

        /// <summary>The ARN of the region's AWS managed KMS key for DynamoDB (alias/aws/dynamodb), once a table has asked for it.</summary>
        public string? ManagedKeyArn { get; set; }
    }

    /// <summary>
    /// The table a data-plane request names, by name or ARN (in the ARN's own account and region); a table of
    /// another account only as its resource-based policy allows <paramref name="operation"/>.
    /// </summary>
    private Table GetTable(RequestScope scope, string? nameOrArn, [CallerMemberName] string operation = "")
    {
        var (home, name) = TableNames.Resolve(scope, nameOrArn);
        if (_regions[home].Tables.TryGetValue(name, out var table) && table.Status != "DELETING")
        {
            Authorize(scope, table, operation);
            return table;
        }
        throw DynamoDbErrors.ResourceNotFound();
    }

    /// <summary>The table a control-plane request names; its error names the table. Another account's, as <see cref="GetTable"/>.</summary>
    private Table GetTableForControl(RequestScope scope, string? nameOrArn, [CallerMemberName] string operation = "")
    {
        var (home, name) = TableNames.Resolve(scope, nameOrArn);
        if (!_regions[home].Tables.TryGetValue(name, out var table))
        {
            throw DynamoDbErrors.TableNotFound(name);
        }
        Authorize(scope, table, operation);
        return table;
    }
}
