using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// A global or local secondary index: its key, its projection and its own store of projected items.
/// An item appears in the index only when it has every index key attribute with the declared type
/// (a sparse index); the table checks types on write, so a mistyped key never reaches here.
/// </summary>
internal sealed class SecondaryIndex
{
    /// <summary>What DynamoDB adds to an index entry's size for its own bookkeeping.</summary>
    public const int EntryOverheadBytes = 100;

    private readonly HashSet<string>? _projected;

    public SecondaryIndex(string name, bool isGlobal, KeySchema key, KeySchema tableKey, Projection projection, string arn)
    {
        Name = name;
        IsGlobal = isGlobal;
        Key = key;
        Projection = projection;
        Arn = arn;
        if (projection.ProjectionType != "ALL")
        {
            _projected = new HashSet<string>(StringComparer.Ordinal);
            foreach (var attribute in key.Attributes.Concat(tableKey.Attributes))
            {
                _projected.Add(attribute.Name);
            }
            foreach (var attribute in projection.NonKeyAttributes ?? [])
            {
                _projected.Add(attribute);
            }
        }
    }

    public string Name { get; }

    public bool IsGlobal { get; }

    public KeySchema Key { get; }

    public Projection Projection { get; }

    public string Arn { get; }

    /// <summary>CREATING, ACTIVE or DELETING (global indexes only).</summary>
    public string Status { get; set; } = "ACTIVE";

    /// <summary>Whether a new global index is still being filled from the table.</summary>
    public bool Backfilling { get; set; }

    public long ReadCapacityUnits { get; set; }

    public long WriteCapacityUnits { get; set; }

    public OnDemandThroughput? OnDemandThroughput { get; set; }

    /// <summary>The projected items, keyed by index key.</summary>
    public ItemStore Store { get; } = new();

    /// <summary>Whether every attribute of the table is projected.</summary>
    public bool ProjectsAll => _projected is null;

    /// <summary>Whether <paramref name="attribute"/> is in the index's items.</summary>
    public bool Projects(string attribute) => _projected is null || _projected.Contains(attribute);

    /// <summary>The index entry of <paramref name="item"/>, or null when the item has no index key (sparse).</summary>
    public IReadOnlyDictionary<string, AttributeValue>? Project(IReadOnlyDictionary<string, AttributeValue>? item)
    {
        if (item is null || Key.KeyOf(item) is null)
        {
            return null;
        }
        if (_projected is null)
        {
            return item;
        }
        var projected = new Dictionary<string, AttributeValue>(Math.Min(item.Count, _projected.Count), StringComparer.Ordinal);
        foreach (var (name, value) in item)
        {
            if (_projected.Contains(name))
            {
                projected[name] = value;
            }
        }
        return projected;
    }

    /// <summary>The size an item's index entry counts for, or zero when the item is not in the index.</summary>
    public int EntrySize(IReadOnlyDictionary<string, AttributeValue>? projected) =>
        projected is null ? 0 : ItemSize.Of(projected) + EntryOverheadBytes;

    /// <summary>Makes the index show <paramref name="item"/> (null: nothing) for the table item <paramref name="tableKey"/>.</summary>
    public void Apply(in PrimaryKey tableKey, IReadOnlyDictionary<string, AttributeValue>? item)
    {
        var projected = Project(item);
        if (projected is null)
        {
            Store.Remove(tableKey);
            return;
        }
        var key = Key.KeyOf(projected)!.Value;
        Store.Put(tableKey, key.Hash, key.Range, projected, EntrySize(projected));
    }
}
