namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// How much of the 1 MB page of a Query or Scan an item uses. DynamoDB counts the item in its stored
/// form, not its billing size: each value carries a small length or type header, attribute names are
/// replaced by one-byte references, the sort key is kept apart, and every 3 KB of the item pays the
/// per-record overhead again. The formula is the one dynalite measured against DynamoDB.
/// </summary>
internal static class PageSize
{
    /// <summary>The most a page may read before it ends: 1 MB.</summary>
    public const int MaxPageBytes = 1024 * 1024;

    /// <summary>The item's stored size; <paramref name="sortKeyName"/> is the table's sort key, or null.</summary>
    public static int Of(IReadOnlyDictionary<string, AttributeValue> item, string? sortKeyName)
    {
        var size = 0;
        var sortKeySize = 0;
        foreach (var (name, value) in ItemEntries.Of(item))
        {
            if (name == sortKeyName)
            {
                sortKeySize = Stored(value, compressed: false);
                continue;
            }
            size += Stored(value, compressed: true) + 1;
        }
        return 2 + size + (1 + (1 + size) / 3072) * (18 + sortKeySize);
    }

    // A value with its storage header.
    private static int Stored(AttributeValue value, bool compressed)
    {
        var size = Raw(value, compressed);
        if (!compressed)
        {
            return size;
        }
        return value.Type switch
        {
            AttributeType.S => size + (size < 128 ? 1 : size < 16384 ? 2 : 3),
            AttributeType.B or AttributeType.N => size + 1,
            AttributeType.SS or AttributeType.NS => size + value.Strings.Count + 1,
            AttributeType.BS => size + value.Binaries.Count + 1,
            AttributeType.NULL => 0,
            AttributeType.BOOL => 1,
            _ => size,
        };
    }

    private static int Raw(AttributeValue value, bool compressed)
    {
        switch (value.Type)
        {
            case AttributeType.S:
                return AttributeValue.Utf8Length(value.S);
            case AttributeType.B:
                return value.B.Length;
            case AttributeType.N:
                return value.Number.EncodedSize;
            case AttributeType.SS:
                return value.Strings.Sum(AttributeValue.Utf8Length);
            case AttributeType.NS:
                return value.Strings.Sum(n => DynamoNumber.Parse(n).EncodedSize);
            case AttributeType.BS:
                return value.Binaries.Sum(b => b.Length);
            case AttributeType.L:
                // An index loop, not a Sum with a lambda: capturing the parameter would allocate on every call,
                // whatever the type, and a foreach over the IReadOnlyList would box its enumerator.
                var elements = value.L;
                var list = 3;
                for (var i = 0; i < elements.Count; i++)
                {
                    list += 1 + Stored(elements[i], compressed);
                }
                return list;
            case AttributeType.M:
                var size = 3 + value.M.Count;
                foreach (var (name, member) in ItemEntries.Of(value.M))
                {
                    size += Stored(member, compressed) + (compressed ? 1 : AttributeValue.Utf8Length(name));
                }
                return size;
            default:
                return 1;
        }
    }
}
