namespace FakeAws.Engine.DynamoDb;

/// <summary>One key attribute: its name and scalar type (S, N or B).</summary>
internal sealed record KeyAttribute(string Name, AttributeType Type);

/// <summary>The key of a table or index: a partition key and an optional sort key.</summary>
internal sealed class KeySchema(KeyAttribute hash, KeyAttribute? range)
{
    public KeyAttribute Hash { get; } = hash;

    public KeyAttribute? Range { get; } = range;

    /// <summary>The key attributes, partition key first.</summary>
    /// <remarks>An array made once, so walking it on every request allocates nothing.</remarks>
    public KeyAttribute[] Attributes { get; } = range is null ? [hash] : [hash, range];

    /// <summary>Whether <paramref name="name"/> is one of the key attributes.</summary>
    public bool Contains(string name) => Hash.Name == name || Range?.Name == name;

    /// <summary>The primary key of <paramref name="item"/>, or null when the item lacks a key attribute (sparse indexes).</summary>
    public PrimaryKey? KeyOf(IReadOnlyDictionary<string, AttributeValue> item)
    {
        if (!item.TryGetValue(Hash.Name, out var hash) || hash.Type != Hash.Type)
        {
            return null;
        }
        if (Range is null)
        {
            return new PrimaryKey(hash, null);
        }
        return item.TryGetValue(Range.Name, out var range) && range.Type == Range.Type ? new PrimaryKey(hash, range) : null;
    }

    /// <summary>The key attributes of <paramref name="item"/> as an item of their own.</summary>
    public Dictionary<string, AttributeValue> Project(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var key = new Dictionary<string, AttributeValue>(2);
        foreach (var attribute in Attributes)
        {
            if (item.TryGetValue(attribute.Name, out var value))
            {
                key[attribute.Name] = value;
            }
        }
        return key;
    }
}

/// <summary>A primary key value. Equal keys are equal values (numbers compare by value, binary by bytes).</summary>
internal readonly record struct PrimaryKey(AttributeValue Hash, AttributeValue? Range);
