namespace FakeAws;

/// <summary>
/// DynamoDB's settings in a cloud, <c>options.DynamoDb</c>: the tunables AWS leaves open. The engine reads
/// these same values, so what a test sets is what runs.
/// </summary>
public sealed class DynamoDbOptions
{
    /// <summary>The item-collection limit of tables with a local secondary index: 10 GB.</summary>
    public const long DefaultItemCollectionSizeLimit = 10L * 1024 * 1024 * 1024;

    /// <summary>
    /// How long a new table stays CREATING (and a deleted one DELETING), an updated one UPDATING, and a
    /// new or deleted global secondary index CREATING or DELETING, in virtual time. Zero: at once in the final status.
    /// </summary>
    public TimeSpan TableStatusDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How many CloudWatch Contributor Insights rules an account may have in a region: 100, AWS's default quota.
    /// Each table or global index with Contributor Insights on holds two rules (four with a sort key; half in
    /// THROTTLED_KEYS mode); an ENABLE that would pass the limit ends FAILED with a LimitExceededException
    /// FailureException, as on AWS. Raise it as an account's quota would be raised.
    /// </summary>
    public int ContributorInsightsRuleLimit { get; set; } = 100;

    /// <summary>
    /// How long a write takes to reach the table's global secondary indexes, in virtual time. AWS
    /// propagates asynchronously, usually within a second; zero (the default) makes it immediate, and a
    /// delay lets a test meet the eventual consistency its production code will see.
    /// </summary>
    public TimeSpan GlobalIndexPropagationDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How long a write to a global table takes to reach its replicas in the other regions, in virtual
    /// time: one second by default, AWS's typical lag. Each item is replicated on its own, on the cloud's
    /// scheduler, so a read in another region sees the write only once the clock has moved this far
    /// (<c>RunUntilIdleAsync</c> drains it).
    /// </summary>
    public TimeSpan ReplicationDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a write to a global table with Multi-Region strong consistency stays in flight, in virtual
    /// time: another region's write to the same item within it answers ReplicatedWriteConflictException, as
    /// AWS answers two regions writing an item at the same time. The write itself reaches every replica at
    /// once. Zero (the default) never refuses: FakeAws applies each write everywhere before the next.
    /// </summary>
    public TimeSpan ReplicatedWriteConflictWindow { get; set; } = TimeSpan.Zero;

    /// <summary>The most bytes one partition key's items and local index entries may take. AWS's limit is 10 GB.</summary>
    public long ItemCollectionSizeLimit { get; set; } = DefaultItemCollectionSizeLimit;

    /// <summary>
    /// How long after its expiry Time to Live deletes an item, in virtual time. AWS says "within a few
    /// days"; zero (the default) deletes it at the first scheduler run at or after the expiry.
    /// </summary>
    public TimeSpan TimeToLiveDeletionDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Whether provisioned capacity (and an on-demand table's maximum throughput) is enforced: true by
    /// default, so requests beyond it get ProvisionedThroughputExceededException as on AWS.
    /// </summary>
    public bool EnforceThroughput { get; set; } = true;

    /// <summary>
    /// How many readers may be active on one stream before the next one gets LimitExceededException;
    /// zero (the default) lets any number read. AWS advises two per shard and throttles by real time,
    /// so on a clock that does not move a count per second would throttle ordinary sequential code
    /// that AWS lets through; set <see cref="AdvisedStreamReadersPerStream"/> to meet the limit on purpose.
    /// </summary>
    public int StreamReadersPerStream { get; set; }

    /// <summary>Five readers a stream: the limit FakeAws enforced by default before, for tests that want throttling.</summary>
    public const int AdvisedStreamReadersPerStream = 5;

    /// <summary>
    /// How long a stream's shard stays open before it closes and a child shard (naming it as
    /// ParentShardId) takes the records that follow, on the virtual clock. AWS rolls shards over on its
    /// own schedule, typically about every four hours; four hours is FakeAws's choice of default.
    /// Null, or a period that is not positive, keeps one open shard for the stream's whole life.
    /// </summary>
    public TimeSpan? StreamShardRolloverPeriod { get; set; } = TimeSpan.FromHours(4);

    /// <summary>
    /// Sends data-plane requests of the SDK's DynamoDB clients over the in-memory HTTP route instead of
    /// answering their typed requests directly. Both give the same results; the typed fast path (the
    /// default) is about twenty times quicker.
    /// </summary>
    public bool UseWirePath { get; set; }

    /// <summary>
    /// Whether every PROVISIONED table and global secondary index counts as having its capacity auto
    /// scaled by Application Auto Scaling, which FakeAws does not serve. AWS lets a provisioned table gain
    /// replicas only once its write capacity is auto scaled ("Table write capacity should either be
    /// Pay-Per-Request or AutoScaled." otherwise); turn this on to test provisioned global tables.
    /// DescribeTableReplicaAutoScaling shows the settings and UpdateTableReplicaAutoScaling changes them;
    /// capacity itself is not scaled. False by default.
    /// </summary>
    public bool AssumeWriteAutoScaling { get; set; }

    /// <summary>A copy of these settings.</summary>
    public DynamoDbOptions Clone() => (DynamoDbOptions)MemberwiseClone();
}
