using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;
using FakeAws.Engine.DynamoDbStreams;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// One table: its settings, its items and its secondary indexes. Items are immutable dictionaries, so
/// a read hands out the stored instance. Every change of an item goes through <see cref="Write"/>,
/// which keeps the indexes in step (a global index after the configured propagation delay), appends
/// the change to the table's stream and point-in-time history, and queues the item's Time to Live.
/// </summary>
/// <remarks>All access happens under <see cref="Gate"/>: a write is atomic against every other request.</remarks>
internal sealed class Table
{
    private readonly CloudContext _cloud;
    private readonly DynamoDbOptions _options;
    private readonly List<SecondaryIndex> _indexes = [];
    private ExpiryUpkeep? _historyExpiry;

    public Table(RequestScope home, string name, string tableId, KeySchema key, DateTimeOffset created, CloudContext cloud, DynamoDbOptions options)
    {
        AccountId = home.AccountId;
        Region = home.Region;
        Name = name;
        Arn = TableNames.Arn(home.Region, home.AccountId, name);
        TableId = tableId;
        Key = key;
        CreationDateTime = created;
        _cloud = cloud;
        _options = options;
        TimeToLive = new TimeToLive(this, cloud, options.TimeToLiveDeletionDelay);
    }

    /// <summary>
    /// Every read and write of the table holds this lock. The replicas of a strong global table share one,
    /// given at their creation, so a write reaches them all at once.
    /// </summary>
    public object Gate { get; init; } = new();

    /// <summary>A number unique to the table in its cloud; transactions lock tables in this order.</summary>
    public long Ordinal { get; init; }

    /// <summary>The account the table belongs to.</summary>
    public string AccountId { get; }

    /// <summary>The region the table lives in.</summary>
    public string Region { get; }

    public string Name { get; }
    public string Arn { get; }
    public string TableId { get; }
    public KeySchema Key { get; }
    public DateTimeOffset CreationDateTime { get; }
    public List<AttributeDefinition> AttributeDefinitions { get; set; } = [];
    public string Status { get; set; } = "ACTIVE";
    public string BillingMode { get; set; } = "PROVISIONED";
    public DateTimeOffset? LastUpdateToPayPerRequest { get; set; }
    public long ReadCapacityUnits { get; set; }
    public long WriteCapacityUnits { get; set; }
    public DateTimeOffset? LastIncreaseDateTime { get; set; }
    public DateTimeOffset? LastDecreaseDateTime { get; set; }
    public long NumberOfDecreasesToday { get; set; }
    public string TableClass { get; set; } = "STANDARD";
    public DateTimeOffset? TableClassUpdated { get; set; }
    public bool DeletionProtectionEnabled { get; set; }
    public OnDemandThroughput? OnDemandThroughput { get; set; }

    /// <summary>The table's encryption under a KMS key; null for an AWS owned key.</summary>
    public TableEncryption? Encryption { get; set; }

    /// <summary>Set when DeleteTable removes the table: work still queued for it (TTL deletions) does nothing.</summary>
    public bool IsDeleted { get; set; }

    /// <summary>The stream that records the table's changes, or null when streams are off.</summary>
    public TableStream? Stream { get; set; }

    /// <summary>The table's newest stream, enabled or not; DescribeTable shows its ARN and label.</summary>
    public TableStream? LatestStream { get; set; }

    /// <summary>The time the label of the table's newest stream was made from; labels stay unique per table.</summary>
    public DateTimeOffset? LastStreamLabelTime { get; set; }

    /// <summary>The table's Time to Live setting and the items waiting to expire.</summary>
    public TimeToLive TimeToLive { get; }

    /// <summary>The point-in-time recovery log, or null while recovery is off.</summary>
    public PointInTimeHistory? History { get; set; }

    /// <summary>The table's tags, in the order they were first set.</summary>
    public List<KeyValuePair<string, string>> Tags { get; } = [];

    /// <summary>The resource-based policies of the table and of its streams, by the ARN each is attached to.</summary>
    public Dictionary<string, PolicySlot> Policies { get; } = new(StringComparer.Ordinal);

    /// <summary>The last policy revision given out for the table or its streams, so revisions only grow.</summary>
    public long LastPolicyRevision { get; set; }

    /// <summary>The Kinesis data streams the table streams to, the most recently enabled first; disabled and failed ones stay listed.</summary>
    public List<KinesisDestination> KinesisDestinations { get; } = [];

    /// <summary>Contributor Insights: the table's setting under "", each global secondary index's under its name.</summary>
    public Dictionary<string, ContributorInsights> Insights { get; } = new(StringComparer.Ordinal);

    /// <summary>Where a restored table came from; null for a table that was created.</summary>
    public RestoreSummary? RestoreSummary { get; set; }

    /// <summary>The global table the table belongs to, or null for a regional table.</summary>
    public ReplicationGroup? Replication { get; set; }

    /// <summary>For a replica added to a global table: the region whose table it was copied from, and when.</summary>
    public (string Region, DateTimeOffset At)? AddedFrom { get; set; }

    /// <summary>The capacity auto scaling a provisioned table is taken to have; null until first asked for, and for on-demand tables.</summary>
    public CapacityAutoScaling? AutoScaling { get; set; }

    /// <summary>A replica's own read capacity (ProvisionedThroughputOverride); null when it takes the group's.</summary>
    public long? ReadCapacityOverride { get; set; }

    /// <summary>A replica's own on-demand read maximum (OnDemandThroughputOverride); null when it takes the group's.</summary>
    public long? MaxReadRequestUnitsOverride { get; set; }

    /// <summary>A replica's own read capacity per global index (the replica's GlobalSecondaryIndexes overrides).</summary>
    public Dictionary<string, long> IndexReadCapacityOverrides { get; } = new(StringComparer.Ordinal);

    /// <summary>While the table is global: per key, the version of the write it holds, for last writer wins.</summary>
    public Dictionary<PrimaryKey, WriteVersion> WriteVersions { get; } = [];

    /// <summary>The read and write limits enforced on the table and its indexes, or null when nothing limits it.</summary>
    public TableThroughput? Throughput { get; set; }

    /// <summary>The table's items by primary key.</summary>
    public ItemStore Items { get; } = new();

    /// <summary>How many items the table holds.</summary>
    public long ItemCount => Items.Count;

    /// <summary>The sum of the items' sizes, as DynamoDB counts them.</summary>
    public long SizeBytes => Items.SizeBytes;

    /// <summary>The secondary indexes, local ones first, each group in the order created.</summary>
    public IReadOnlyList<SecondaryIndex> Indexes => _indexes;

    /// <summary>Whether the table has a local secondary index, which limits item collections to 10 GB.</summary>
    public bool HasLocalIndexes { get; private set; }

    /// <summary>The index named <paramref name="name"/>, or null; one being deleted included.</summary>
    public SecondaryIndex? Index(string name) => _indexes.Find(i => i.Name == name);

    /// <summary>The index named <paramref name="name"/> that reads may use, or null.</summary>
    public SecondaryIndex? ReadableIndex(string name) => _indexes.Find(i => i.Name == name && i.Status != "DELETING");

    /// <summary>Adds an index, filled with the table's current items.</summary>
    public void AddIndex(SecondaryIndex index)
    {
        var position = index.IsGlobal ? -1 : _indexes.FindIndex(i => i.IsGlobal);
        _indexes.Insert(position < 0 ? _indexes.Count : position, index);
        HasLocalIndexes |= !index.IsGlobal;
        foreach (var stored in Items.All())
        {
            if (IsIndexable(index, stored.Item))
            {
                index.Apply(stored.TableKey, stored.Item);
            }
        }
    }

    /// <summary>Drops an index and everything in it, its Contributor Insights included.</summary>
    public void RemoveIndex(SecondaryIndex index)
    {
        _indexes.Remove(index);
        Insights.Remove(index.Name);
    }

    /// <summary>The item with <paramref name="key"/>, or null.</summary>
    public IReadOnlyDictionary<string, AttributeValue>? Get(in PrimaryKey key) => Items.Get(key)?.Item;

    /// <summary>
    /// The one write path: stores <paramref name="item"/> (of <paramref name="size"/> bytes) under
    /// <paramref name="key"/>, or removes the key when <paramref name="item"/> is null, updates the
    /// indexes, records the change in the stream and the point-in-time history (unless nothing
    /// changed: AWS writes no stream record then), queues the item's expiry, hands a global table's
    /// change that was not itself replicated to its <see cref="Replication"/>, and returns the item it
    /// replaced. The caller has run <see cref="CheckIndexKeys"/> and <see cref="CheckItemCollection"/>.
    /// </summary>
    /// <param name="key">The item's primary key.</param>
    /// <param name="item">The new item, or null to delete.</param>
    /// <param name="size">The new item's size.</param>
    /// <param name="origin">Who makes the change: a Time to Live deletion's stream record names DynamoDB, and a replicated change is not replicated again.</param>
    public IReadOnlyDictionary<string, AttributeValue>? Write(in PrimaryKey key, IReadOnlyDictionary<string, AttributeValue>? item, int size,
        WriteOrigin origin = WriteOrigin.User)
    {
        if (origin != WriteOrigin.Replication && Replication is { IsStrong: true } strong)
        {
            strong.CheckNotInFlight(this, key);
        }
        var stored = item is null ? Items.Remove(key) : Items.Get(key);
        var old = stored?.Item;
        var oldSize = stored?.Size ?? 0;
        if (item is not null)
        {
            Items.Put(key, key.Hash, key.Range, item, size);
        }
        foreach (var index in _indexes)
        {
            if (index.Status == "DELETING")
            {
                continue;
            }
            if (index.IsGlobal && _options.GlobalIndexPropagationDelay > TimeSpan.Zero)
            {
                Propagate(index, key, item);
            }
            else
            {
                index.Apply(key, item);
            }
        }
        if ((Stream is not null || History is not null) && !SameItem(old, item))
        {
            var now = _cloud.Now;
            Stream?.Write(key, old, item, now, _cloud.Ids.NewGuid(), origin);
            if (History is { } history)
            {
                history.Record(key, old, oldSize, item, size, now);
                // What this change supersedes falls out of the window then, writes or not.
                _historyExpiry ??= new ExpiryUpkeep(_cloud, ExpireHistory, $"{Name} point-in-time history");
                _historyExpiry.ArmBy(now + history.Window);
            }
        }
        TimeToLive.Track(key, item);
        if (Replication is { } group && origin != WriteOrigin.Replication)
        {
            group.Replicate(this, key, item, size, _cloud.Now);
        }
        return old;
    }

    // The history in force now (recovery may have been turned off, or on again, since the upkeep was armed).
    private DateTimeOffset? ExpireHistory(DateTimeOffset now)
    {
        lock (Gate)
        {
            return IsDeleted ? null : History?.Expire(now);
        }
    }

    /// <summary>Whether two versions of an item hold the same attributes and values.</summary>
    public static bool SameItem(IReadOnlyDictionary<string, AttributeValue>? a, IReadOnlyDictionary<string, AttributeValue>? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        if (a is null || b is null || a.Count != b.Count)
        {
            return false;
        }
        foreach (var (name, value) in a)
        {
            if (!b.TryGetValue(name, out var other) || !value.Equals(other))
            {
                return false;
            }
        }
        return true;
    }

    // A global index catches up after the delay, in the order the writes happened.
    private void Propagate(SecondaryIndex index, PrimaryKey key, IReadOnlyDictionary<string, AttributeValue>? item) =>
        _cloud.Scheduler.Schedule(_cloud.Now + _options.GlobalIndexPropagationDelay, () =>
        {
            lock (Gate)
            {
                if (_indexes.Contains(index))
                {
                    index.Apply(key, item);
                }
            }
        }, $"{Name} propagate to {index.Name}");

    /// <summary>
    /// Fails with AWS's message when <paramref name="item"/> gives an index key attribute a type other
    /// than the declared one, or an empty value.
    /// </summary>
    /// <param name="item">The item about to be written.</param>
    /// <param name="byUpdate">Whether an UpdateItem made the item; AWS words the empty-value error differently then.</param>
    public void CheckIndexKeys(IReadOnlyDictionary<string, AttributeValue> item, bool byUpdate = false)
    {
        foreach (var index in _indexes)
        {
            if (index.Status == "DELETING")
            {
                continue;
            }
            foreach (var attribute in index.Key.Attributes)
            {
                if (Key.Contains(attribute.Name) || !item.TryGetValue(attribute.Name, out var value))
                {
                    continue;
                }
                if (value.Type != attribute.Type)
                {
                    throw DynamoDbErrors.Validation(
                        $"One or more parameter values were invalid: Type mismatch for Index Key {attribute.Name} Expected: {attribute.Type} Actual: {value.Type} IndexName: {index.Name}");
                }
                if (IsEmpty(value))
                {
                    var kind = value.Type == AttributeType.S ? "string" : "binary";
                    throw DynamoDbErrors.Validation(byUpdate
                        ? $"One or more parameter values are not valid. The update expression attempted to update a secondary index key to a value that is not supported. The AttributeValue for a key attribute cannot contain an empty {kind} value."
                        : $"One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty {kind} value. IndexName: {index.Name}, IndexKey: {attribute.Name}");
                }
                var maxBytes = MaxIndexKeyBytes(index, attribute);
                if (KeyBytes(value) is var bytes && bytes > maxBytes)
                {
                    throw DynamoDbErrors.Validation(
                        $"One or more parameter values were invalid: Size limit exceeded for Index Key {attribute.Name} Actual Size: {bytes} bytes Max Size: {maxBytes} bytes IndexName: {index.Name}");
                }
            }
        }
    }

    /// <summary>
    /// With a local index, the items of one partition key and their local index entries may not pass
    /// the item-collection limit (10 GB); fails when the write would grow the collection past it.
    /// </summary>
    public void CheckItemCollection(in PrimaryKey key, IReadOnlyDictionary<string, AttributeValue>? item, int size)
    {
        if (!HasLocalIndexes)
        {
            return;
        }
        var old = Items.Get(key);
        var growth = (long)size - (old?.Size ?? 0);
        foreach (var index in _indexes)
        {
            if (!index.IsGlobal)
            {
                growth += index.EntrySize(index.Project(item)) - (index.Store.Get(key)?.Size ?? 0);
            }
        }
        if (growth > 0 && ItemCollectionSize(key.Hash) + growth > _options.ItemCollectionSizeLimit)
        {
            throw DynamoDbErrors.ItemCollectionSizeLimitExceeded();
        }
    }

    /// <summary>The bytes the items with partition key <paramref name="hash"/> and their local index entries take.</summary>
    public long ItemCollectionSize(AttributeValue hash)
    {
        var size = Items.Partition(hash)?.Bytes ?? 0;
        foreach (var index in _indexes)
        {
            if (!index.IsGlobal)
            {
                size += index.Store.Partition(hash)?.Bytes ?? 0;
            }
        }
        return size;
    }

    // Backfilling skips items whose index key has the wrong type, is empty, or is too long for a key.
    private static bool IsIndexable(SecondaryIndex index, IReadOnlyDictionary<string, AttributeValue> item)
    {
        foreach (var attribute in index.Key.Attributes)
        {
            if (item.TryGetValue(attribute.Name, out var value)
                && (value.Type != attribute.Type || IsEmpty(value) || KeyBytes(value) > MaxIndexKeyBytes(index, attribute)))
            {
                return false;
            }
        }
        return true;
    }

    // An index key attribute holds at most 2048 bytes in the partition key, 1024 in the sort key, as a table's key does.
    private static int MaxIndexKeyBytes(SecondaryIndex index, KeyAttribute attribute) => index.Key.IsHash(attribute) ? 2048 : 1024;

    private static bool IsEmpty(AttributeValue value) =>
        value.Type == AttributeType.S ? value.S.Length == 0 : value.Type == AttributeType.B && value.B.Length == 0;

    private static int KeyBytes(AttributeValue value) => value.Type switch
    {
        AttributeType.S => AttributeValue.Utf8Length(value.S),
        AttributeType.B => value.B.Length,
        _ => 0,
    };
}
