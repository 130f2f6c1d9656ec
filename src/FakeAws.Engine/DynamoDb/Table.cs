using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// One table: its settings, its items and its secondary indexes. Items are immutable dictionaries, so
/// a read hands out the stored instance. Every change of an item goes through <see cref="Write"/>,
/// which keeps the indexes in step (a global index after the configured propagation delay).
/// </summary>
/// <remarks>All access happens under <see cref="Gate"/>: a write is atomic against every other request.</remarks>
internal sealed class Table
{
    private readonly CloudContext _cloud;
    private readonly DynamoDbOptions _options;
    private readonly List<SecondaryIndex> _indexes = [];

    public Table(string name, string arn, string tableId, KeySchema key, DateTimeOffset created, CloudContext cloud, DynamoDbOptions options)
    {
        Name = name;
        Arn = arn;
        TableId = tableId;
        Key = key;
        CreationDateTime = created;
        _cloud = cloud;
        _options = options;
    }

    /// <summary>Every read and write of the table holds this lock.</summary>
    public object Gate { get; } = new();

    /// <summary>A number unique to the table in its cloud; transactions lock tables in this order.</summary>
    public long Ordinal { get; init; }

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
        foreach (var partition in Items.PartitionsFrom(null, ScanSegment.All))
        {
            foreach (var stored in partition.Items.Forward(SortedChunkList<StoredItem>.Start))
            {
                if (IsIndexable(index, stored.Item))
                {
                    index.Apply(stored.TableKey, stored.Item);
                }
            }
        }
    }

    /// <summary>Drops an index and everything in it.</summary>
    public void RemoveIndex(SecondaryIndex index) => _indexes.Remove(index);

    /// <summary>The item with <paramref name="key"/>, or null.</summary>
    public IReadOnlyDictionary<string, AttributeValue>? Get(in PrimaryKey key) => Items.Get(key)?.Item;

    /// <summary>
    /// The one write path: stores <paramref name="item"/> (of <paramref name="size"/> bytes) under
    /// <paramref name="key"/>, or removes the key when <paramref name="item"/> is null, updates the
    /// indexes, and returns the item it replaced. The caller has run <see cref="CheckIndexKeys"/> and
    /// <see cref="CheckItemCollection"/>.
    /// </summary>
    public IReadOnlyDictionary<string, AttributeValue>? Write(in PrimaryKey key, IReadOnlyDictionary<string, AttributeValue>? item, int size)
    {
        var old = item is null ? Items.Remove(key)?.Item : Items.Get(key)?.Item;
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
        return old;
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
                && (value.Type != attribute.Type || IsEmpty(value) || KeyBytes(value) > (attribute == index.Key.Hash ? 2048 : 1024)))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsEmpty(AttributeValue value) =>
        value.Type == AttributeType.S ? value.S.Length == 0 : value.Type == AttributeType.B && value.B.Length == 0;

    private static int KeyBytes(AttributeValue value) => value.Type switch
    {
        AttributeType.S => AttributeValue.Utf8Length(value.S),
        AttributeType.B => value.B.Length,
        _ => 0,
    };
}
