namespace FakeAws;

/// <summary>Settings of a <see cref="FakeAwsCloud"/>.</summary>
public sealed class FakeAwsOptions
{
    /// <summary>The region clients are created in unless told otherwise. Default <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The account every resource belongs to. Default <c>123456789012</c>.</summary>
    public string AccountId { get; set; } = "123456789012";

    /// <summary>
    /// Where the cloud reads the time. Usually a <c>FakeTimeProvider</c>, which FakeAws can then move
    /// with <c>aws.Clock.Advance</c>. When unset, the cloud has its own virtual clock that starts at
    /// the wall-clock time of its creation and stands still until advanced.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Sends DynamoDB data-plane requests over the in-memory HTTP route instead of answering the SDK's
    /// typed requests directly. Both give the same results; the typed fast path (the default) is
    /// about twenty times quicker.
    /// </summary>
    public bool UseDynamoDbWirePath { get; set; }

    /// <summary>How long a new table stays CREATING, an updated one UPDATING and a deleted one DELETING, in virtual time. Default zero.</summary>
    public TimeSpan DynamoDbTableStatusDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How long, in virtual time, a write takes to reach global secondary indexes. Zero (the default):
    /// at once. Set it to see the eventual consistency production code meets on AWS.
    /// </summary>
    public TimeSpan DynamoDbGlobalIndexPropagationDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Whether DynamoDB enforces provisioned capacity (with AWS's 300 seconds of burst) and an
    /// on-demand table's OnDemandThroughput maximum, so requests beyond them get
    /// ProvisionedThroughputExceededException. True by default; turn it off for tests whose tables
    /// declare token capacities (say 1 and 1) but write more than 300 units in one virtual second.
    /// </summary>
    public bool DynamoDbEnforceThroughput { get; set; } = true;

    /// <summary>
    /// How long after an item's expiry Time to Live deletes it, in virtual time. AWS promises only
    /// "within a few days"; zero (the default) deletes it at the first scheduler run at or after the
    /// expiry (<c>Clock.Advance</c> past it, or <c>RunUntilIdleAsync</c>). Until then the item is still read.
    /// </summary>
    public TimeSpan DynamoDbTimeToLiveDeletionDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How many readers may be active on one DynamoDB stream before the next one gets
    /// LimitExceededException; zero for no limit. Default 5. A reader is one chain of shard
    /// iterators, active for a second after each GetRecords (docs/DYNAMODB.md has the details).
    /// </summary>
    public int DynamoDbStreamReadersPerStream { get; set; } = 5;

    /// <summary>The account's Lambda concurrent executions per region, AWS's default quota 1000; reserved concurrency must leave 100 of them unreserved.</summary>
    public int LambdaConcurrentExecutions { get; set; } = 1000;

    /// <summary>
    /// How long, in virtual time, a new function or version stays <c>Pending</c> and an update <c>InProgress</c>.
    /// Zero (the default): the create or update response says so, and every later read sees it done.
    /// </summary>
    public TimeSpan LambdaStateTransitionDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Seeds every generated identifier and random choice, so runs repeat exactly. Default 0.</summary>
    public int Seed { get; set; }

    /// <summary>A copy of these options.</summary>
    public FakeAwsOptions Clone() => (FakeAwsOptions)MemberwiseClone();
}
