using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// One table: its settings and its items. Items are immutable dictionaries, so a read hands out the
/// stored instance. A hash index gives O(1) point reads; each partition keeps its sort keys in a
/// sorted set, so a query seeks in O(log n) and then walks the k items it returns.
/// </summary>
/// <remarks>All access happens under <see cref="Gate"/>: a write is atomic against every other request.</remarks>
internal sealed class Table
{
    private readonly Dictionary<PrimaryKey, IReadOnlyDictionary<string, AttributeValue>> _items = [];
    private readonly SortedDictionary<PartitionToken, Partition> _partitions = new(PartitionToken.Comparer);

    public Table(string name, string arn, string tableId, KeySchema key, DateTimeOffset created)
    {
        Name = name;
        Arn = arn;
        TableId = tableId;
        Key = key;
        CreationDateTime = created;
    }

    /// <summary>Every read and write of the table holds this lock.</summary>
    public object Gate { get; } = new();

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

    /// <summary>How many items the table holds.</summary>
    public long ItemCount => _items.Count;

    /// <summary>The sum of the items' sizes, as DynamoDB counts them.</summary>
    public long SizeBytes { get; private set; }

    /// <summary>The item with <paramref name="key"/>, or null.</summary>
    public IReadOnlyDictionary<string, AttributeValue>? Get(in PrimaryKey key) =>
        _items.TryGetValue(key, out var item) ? item : null;

    /// <summary>
    /// The one write path: stores <paramref name="item"/> under <paramref name="key"/>, or removes the
    /// key when <paramref name="item"/> is null, and returns the item it replaced.
    /// </summary>
    public IReadOnlyDictionary<string, AttributeValue>? Write(in PrimaryKey key, IReadOnlyDictionary<string, AttributeValue>? item)
    {
        _items.TryGetValue(key, out var old);
        if (old is not null)
        {
            SizeBytes -= ItemSize.Of(old);
        }
        if (item is null)
        {
            if (old is not null)
            {
                _items.Remove(key);
                RemoveFromPartition(key);
            }
            return old;
        }
        _items[key] = item;
        SizeBytes += ItemSize.Of(item);
        if (old is null)
        {
            AddToPartition(key);
        }
        return old;
    }

    /// <summary>Every item, partition by partition in hash order, then by sort key.</summary>
    public IEnumerable<IReadOnlyDictionary<string, AttributeValue>> AllItems()
    {
        foreach (var partition in _partitions.Values)
        {
            foreach (var key in partition.Keys())
            {
                yield return _items[key];
            }
        }
    }

    /// <summary>Removes every item.</summary>
    public void Clear()
    {
        _items.Clear();
        _partitions.Clear();
        SizeBytes = 0;
    }

    private void AddToPartition(in PrimaryKey key)
    {
        var token = PartitionToken.Of(key.Hash);
        if (!_partitions.TryGetValue(token, out var partition))
        {
            partition = new Partition(key.Hash, Key.Range is not null);
            _partitions.Add(token, partition);
        }
        partition.Add(key.Range);
    }

    private void RemoveFromPartition(in PrimaryKey key)
    {
        var token = PartitionToken.Of(key.Hash);
        if (_partitions.TryGetValue(token, out var partition) && partition.Remove(key.Range))
        {
            _partitions.Remove(token);
        }
    }

    /// <summary>The items of one partition key: their sort keys in DynamoDB's order.</summary>
    private sealed class Partition(AttributeValue hash, bool hasRange)
    {
        private readonly SortedSet<AttributeValue>? _sortKeys = hasRange ? new(SortKeyComparer.Instance) : null;
        private bool _present;

        public AttributeValue Hash { get; } = hash;

        public void Add(AttributeValue? range)
        {
            if (_sortKeys is null)
            {
                _present = true;
            }
            else
            {
                _sortKeys.Add(range!);
            }
        }

        /// <summary>Removes a key and says whether the partition is now empty.</summary>
        public bool Remove(AttributeValue? range)
        {
            if (_sortKeys is null)
            {
                _present = false;
                return true;
            }
            _sortKeys.Remove(range!);
            return _sortKeys.Count == 0;
        }

        public IEnumerable<PrimaryKey> Keys()
        {
            if (_sortKeys is null)
            {
                if (_present)
                {
                    yield return new PrimaryKey(Hash, null);
                }
                yield break;
            }
            foreach (var range in _sortKeys)
            {
                yield return new PrimaryKey(Hash, range);
            }
        }
    }
}

/// <summary>Orders sort keys as DynamoDB does.</summary>
internal sealed class SortKeyComparer : IComparer<AttributeValue>
{
    public static readonly SortKeyComparer Instance = new();

    public int Compare(AttributeValue? x, AttributeValue? y) => AttributeValue.CompareKeys(x!, y!);
}

/// <summary>
/// Where a partition sits in scan order. DynamoDB scans partitions in the order of a hash of their
/// key, which looks random but never changes; a stable 64-bit hash (FNV-1a) of the key's bytes does the same here.
/// </summary>
internal readonly record struct PartitionToken(ulong Hash, AttributeValue Key)
{
    public static readonly IComparer<PartitionToken> Comparer = Comparer<PartitionToken>.Create((a, b) =>
    {
        var byHash = a.Hash.CompareTo(b.Hash);
        return byHash != 0 ? byHash : AttributeValue.CompareKeys(a.Key, b.Key);
    });

    public static PartitionToken Of(AttributeValue key)
    {
        var bytes = key.Type switch
        {
            AttributeType.S => System.Text.Encoding.UTF8.GetBytes(key.S),
            AttributeType.N => System.Text.Encoding.ASCII.GetBytes(key.N),
            _ => key.B,
        };
        return new PartitionToken(Fnv1a(bytes), key);
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return hash;
    }
}
