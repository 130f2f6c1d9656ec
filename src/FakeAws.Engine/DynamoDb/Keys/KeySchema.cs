namespace FakeAws.Engine.DynamoDb;

/// <summary>One key attribute: its name and scalar type (S, N or B).</summary>
internal sealed record KeyAttribute(string Name, AttributeType Type);

/// <summary>
/// The key of a table or index: a partition key and an optional sort key. A global secondary index may
/// make either of them from up to four attributes (a multi-attribute key); tables and local indexes have
/// one of each at most.
/// </summary>
/// <remarks>
/// A multi-attribute partition or sort key is held as one L value of its parts in key-schema order, so
/// stores, pages and start keys keep working with one value per key: L values are equal part by part,
/// and <see cref="AttributeValue.CompareKeys"/> orders them part by part, which is how DynamoDB sorts
/// such a sort key. A key made of one attribute is that attribute's value, as before.
/// </remarks>
internal sealed class KeySchema
{
    /// <summary>The usual key: one partition key attribute and an optional sort key attribute.</summary>
    public KeySchema(KeyAttribute hash, KeyAttribute? range)
        : this([hash], range is null ? [] : [range])
    {
    }

    /// <summary>A key whose partition and sort keys may each have several attributes, in key-schema order.</summary>
    public KeySchema(KeyAttribute[] hashAttributes, KeyAttribute[] rangeAttributes)
    {
        HashAttributes = hashAttributes;
        RangeAttributes = rangeAttributes;
        Hash = hashAttributes[0];
        Range = rangeAttributes.Length > 0 ? rangeAttributes[0] : null;
        Attributes = [.. hashAttributes, .. rangeAttributes];
        IsMultiAttribute = hashAttributes.Length > 1 || rangeAttributes.Length > 1;
    }

    /// <summary>The partition key attribute; the first of them for a multi-attribute partition key.</summary>
    public KeyAttribute Hash { get; }

    /// <summary>The sort key attribute, or null; the first of them for a multi-attribute sort key.</summary>
    public KeyAttribute? Range { get; }

    /// <summary>The HASH attributes, in key-schema order.</summary>
    public KeyAttribute[] HashAttributes { get; }

    /// <summary>The RANGE attributes, in key-schema order; empty without a sort key.</summary>
    public KeyAttribute[] RangeAttributes { get; }

    /// <summary>Whether the partition key or the sort key has more than one attribute.</summary>
    public bool IsMultiAttribute { get; }

    /// <summary>The key attributes, HASH ones first, as the key schema lists them.</summary>
    /// <remarks>An array made once, so walking it on every request allocates nothing.</remarks>
    public KeyAttribute[] Attributes { get; }

    /// <summary>Whether <paramref name="name"/> is one of the key attributes.</summary>
    public bool Contains(string name)
    {
        if (!IsMultiAttribute)
        {
            return Hash.Name == name || Range?.Name == name;
        }
        foreach (var attribute in Attributes)
        {
            if (attribute.Name == name)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether <paramref name="attribute"/> is part of the partition key.</summary>
    public bool IsHash(KeyAttribute attribute) => Array.IndexOf(HashAttributes, attribute) >= 0;

    /// <summary>"HASH" or "RANGE": the key type of the attribute at <paramref name="position"/> in <see cref="Attributes"/>.</summary>
    public string KeyTypeAt(int position) => position < HashAttributes.Length ? "HASH" : "RANGE";

    /// <summary>The primary key of <paramref name="item"/>, or null when the item lacks a key attribute (sparse indexes).</summary>
    public PrimaryKey? KeyOf(IReadOnlyDictionary<string, AttributeValue> item)
    {
        if (IsMultiAttribute)
        {
            return MultiAttributeKeyOf(item);
        }
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
        var key = new Dictionary<string, AttributeValue>(Attributes.Length);
        foreach (var attribute in Attributes)
        {
            if (item.TryGetValue(attribute.Name, out var value))
            {
                key[attribute.Name] = value;
            }
        }
        return key;
    }

    // Kept apart so the single-attribute path above stays as small as it was.
    private PrimaryKey? MultiAttributeKeyOf(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var hash = Compose(HashAttributes, item);
        if (hash is null)
        {
            return null;
        }
        if (RangeAttributes.Length == 0)
        {
            return new PrimaryKey(hash, null);
        }
        var range = Compose(RangeAttributes, item);
        return range is null ? null : new PrimaryKey(hash, range);
    }

    /// <summary>The value of a partition or sort key made of <paramref name="parts"/>, or null when one is missing or mistyped.</summary>
    private static AttributeValue? Compose(KeyAttribute[] parts, IReadOnlyDictionary<string, AttributeValue> item)
    {
        if (parts.Length == 1)
        {
            return item.TryGetValue(parts[0].Name, out var single) && single.Type == parts[0].Type ? single : null;
        }
        var values = new AttributeValue[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!item.TryGetValue(parts[i].Name, out var value) || value.Type != parts[i].Type)
            {
                return null;
            }
            values[i] = value;
        }
        return AttributeValue.FromL(values);
    }

    /// <summary>The value of a partition or sort key made of <paramref name="values"/>, given in key-schema order.</summary>
    public static AttributeValue Compose(IReadOnlyList<AttributeValue> values) => values.Count == 1 ? values[0] : AttributeValue.FromL(values);
}

/// <summary>A primary key value. Equal keys are equal values (numbers compare by value, binary by bytes).</summary>
internal readonly record struct PrimaryKey(AttributeValue Hash, AttributeValue? Range);
