namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// The items of a table or of one secondary index, arranged as DynamoDB arranges them: partitions in
/// the order of a hash of their partition key, and inside a partition by sort key. A point read is a
/// hash lookup; a query finds its partition in O(1) and seeks to its first item in O(log n).
/// </summary>
/// <remarks>
/// Entries are keyed by the primary key of the table item they come from, so an index can replace or
/// drop an item's entry without knowing its old index key. In an index, items with equal index keys
/// are ordered by their table key, which makes every position unique and every page resumable.
/// </remarks>
internal sealed class ItemStore
{
    private readonly Dictionary<PrimaryKey, StoredItem> _byTableKey = [];
    private readonly Dictionary<AttributeValue, StorePartition> _partitions = [];
    private readonly SortedChunkList<StorePartition> _order = new(StorePartition.ScanOrder);

    /// <summary>How many items the store holds.</summary>
    public int Count => _byTableKey.Count;

    /// <summary>The sum of the sizes the store was given for its items.</summary>
    public long SizeBytes { get; private set; }

    /// <summary>The entry of the table item with <paramref name="tableKey"/>, or null.</summary>
    public StoredItem? Get(in PrimaryKey tableKey) => _byTableKey.GetValueOrDefault(tableKey);

    /// <summary>The partition with partition key <paramref name="hash"/>, or null when it holds nothing.</summary>
    public StorePartition? Partition(AttributeValue hash) => _partitions.GetValueOrDefault(hash);

    /// <summary>
    /// Stores <paramref name="item"/> for the table item <paramref name="tableKey"/> under this store's
    /// key (<paramref name="hash"/>, <paramref name="range"/>), replacing what was there for that table item.
    /// </summary>
    public void Put(in PrimaryKey tableKey, AttributeValue hash, AttributeValue? range, IReadOnlyDictionary<string, AttributeValue> item, int size)
    {
        if (_byTableKey.TryGetValue(tableKey, out var existing)
            && existing.Partition.Hash.Equals(hash) && Equals(existing.SortKey, range))
        {
            // Same place: swap the item in, the order is untouched.
            SizeBytes += size - existing.Size;
            existing.Partition.Bytes += size - existing.Size;
            existing.Item = item;
            existing.Size = size;
            return;
        }
        if (existing is not null)
        {
            Remove(tableKey);
        }
        if (!_partitions.TryGetValue(hash, out var partition))
        {
            partition = new StorePartition(hash);
            _partitions.Add(hash, partition);
            _order.Add(partition);
        }
        var stored = new StoredItem(tableKey, range, partition) { Item = item, Size = size };
        partition.Items.Add(stored);
        partition.Bytes += size;
        _byTableKey.Add(tableKey, stored);
        SizeBytes += size;
    }

    /// <summary>Drops the entry of the table item <paramref name="tableKey"/>; returns it, or null when there was none.</summary>
    public StoredItem? Remove(in PrimaryKey tableKey)
    {
        if (!_byTableKey.Remove(tableKey, out var stored))
        {
            return null;
        }
        var partition = stored.Partition;
        partition.Items.Remove(stored);
        partition.Bytes -= stored.Size;
        SizeBytes -= stored.Size;
        if (partition.Items.Count == 0)
        {
            _partitions.Remove(partition.Hash);
            _order.Remove(partition);
        }
        return stored;
    }

    /// <summary>Every entry, in scan order.</summary>
    public IEnumerable<StoredItem> All()
    {
        foreach (var partition in _order.Forward(SortedChunkList<StorePartition>.Start))
        {
            foreach (var stored in partition.Items.Forward(SortedChunkList<StoredItem>.Start))
            {
                yield return stored;
            }
        }
    }

    /// <summary>
    /// The partitions in scan order, starting at the first one at or after <paramref name="hash"/>'s
    /// place (or at the start when null), and only those of <paramref name="segment"/>.
    /// </summary>
    public IEnumerable<StorePartition> PartitionsFrom(AttributeValue? hash, ScanSegment segment)
    {
        var start = SortedChunkList<StorePartition>.Start;
        if (hash is not null)
        {
            var token = StorePartition.TokenOf(hash);
            start = _order.Seek(p => StorePartition.CompareTokens(p.Token, p.Hash, token, hash) < 0);
        }
        else if (segment.Total > 1)
        {
            start = _order.Seek(p => segment.Of(p.Token) < segment.Index);
        }
        foreach (var partition in _order.Forward(start))
        {
            if (segment.Of(partition.Token) > segment.Index)
            {
                yield break;
            }
            yield return partition;
        }
    }
}

/// <summary>One item in a store: where it sits and what it holds.</summary>
internal sealed class StoredItem(PrimaryKey tableKey, AttributeValue? sortKey, StorePartition partition)
{
    /// <summary>The primary key of the table item this entry comes from.</summary>
    public PrimaryKey TableKey { get; } = tableKey;

    /// <summary>The store's sort key value, or null when the store has no sort key.</summary>
    public AttributeValue? SortKey { get; } = sortKey;

    public StorePartition Partition { get; } = partition;

    /// <summary>The item (for an index, its projection). Never modified: a write swaps in a new one.</summary>
    public required IReadOnlyDictionary<string, AttributeValue> Item { get; set; }

    /// <summary>The size this entry counts for in the store's totals.</summary>
    public int Size { get; set; }

    /// <summary>Orders entries of one partition: by sort key, then by table key.</summary>
    public static readonly IComparer<StoredItem> Order = Comparer<StoredItem>.Create(Compare);

    public static int Compare(StoredItem? a, StoredItem? b) => CompareTo(a!, b!.SortKey, b.TableKey);

    /// <summary>Compares <paramref name="a"/> with the position (<paramref name="sortKey"/>, <paramref name="tableKey"/>).</summary>
    public static int CompareTo(StoredItem a, AttributeValue? sortKey, in PrimaryKey tableKey)
    {
        if (a.SortKey is not null && sortKey is not null)
        {
            var bySortKey = AttributeValue.CompareKeys(a.SortKey, sortKey);
            if (bySortKey != 0)
            {
                return bySortKey;
            }
        }
        var byHash = AttributeValue.CompareKeys(a.TableKey.Hash, tableKey.Hash);
        if (byHash != 0 || a.TableKey.Range is null)
        {
            return byHash;
        }
        return AttributeValue.CompareKeys(a.TableKey.Range, tableKey.Range!);
    }
}

/// <summary>
/// The items of one partition key. Partitions are scanned in the order of a hash of their key, which
/// looks random but never changes, as DynamoDB's does; here it is a 64-bit FNV-1a hash of the key's bytes,
/// mixed so that keys differing only in their last characters still spread over parallel-scan segments.
/// </summary>
internal sealed class StorePartition(AttributeValue hash)
{
    public AttributeValue Hash { get; } = hash;

    public ulong Token { get; } = TokenOf(hash);

    public SortedChunkList<StoredItem> Items { get; } = new(StoredItem.Order);

    /// <summary>The sum of the partition's item sizes (an LSI's item collection counts these).</summary>
    public long Bytes { get; set; }

    public static readonly IComparer<StorePartition> ScanOrder =
        Comparer<StorePartition>.Create((a, b) => CompareTokens(a!.Token, a.Hash, b!.Token, b.Hash));

    public static int CompareTokens(ulong tokenA, AttributeValue keyA, ulong tokenB, AttributeValue keyB)
    {
        var byToken = tokenA.CompareTo(tokenB);
        return byToken != 0 ? byToken : AttributeValue.CompareKeys(keyA, keyB);
    }

    public static ulong TokenOf(AttributeValue key)
    {
        var hash = Fnv(14695981039346656037UL, key);
        // MurmurHash3's finaliser: every input bit reaches the top bits, which pick the segment.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        return hash ^ (hash >> 33);
    }

    // A multi-attribute partition key (an L of its parts, see KeySchema) hashes its parts in order.
    private static ulong Fnv(ulong hash, AttributeValue key)
    {
        if (key.Type == AttributeType.L)
        {
            foreach (var part in key.L)
            {
                hash = Fnv(hash, part);
            }
            return hash;
        }
        var bytes = key.Type switch
        {
            AttributeType.S => System.Text.Encoding.UTF8.GetBytes(key.S),
            AttributeType.N => System.Text.Encoding.ASCII.GetBytes(key.N),
            _ => key.B,
        };
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return hash;
    }
}

/// <summary>
/// A parallel scan's share of the key space: segment <see cref="Index"/> of <see cref="Total"/> takes
/// the partitions whose hash falls in its equal slice of the 64-bit range.
/// </summary>
internal readonly record struct ScanSegment(int Index, int Total)
{
    /// <summary>The whole table, as a scan without Segment sees it.</summary>
    public static ScanSegment All => new(0, 1);

    /// <summary>The segment a partition hash belongs to.</summary>
    public int Of(ulong token) => Total <= 1 ? 0 : (int)(((UInt128)token * (ulong)Total) >> 64);
}
