namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// Item sizes as DynamoDB computes them for the 400 KB limit and for capacity units
/// ("Item sizes and formats" in the DynamoDB developer guide).
/// </summary>
internal static class ItemSize
{
    /// <summary>The largest item DynamoDB stores: 400 KB, names and values together.</summary>
    public const int MaxItemBytes = 400 * 1024;

    /// <summary>The sum over attributes of the UTF-8 name length plus the value's size.</summary>
    public static int Of(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var size = 0;
        foreach (var (name, value) in ItemEntries.Of(item))
        {
            size += AttributeValue.Utf8Length(name) + Of(value);
        }
        return size;
    }

    /// <summary>
    /// A value's size: strings by UTF-8 bytes, binary by bytes, numbers by one byte per two
    /// significant digits plus one, null and boolean one byte, sets the sum of their elements,
    /// and lists and maps 3 bytes plus one byte per element (a map element also counts its name).
    /// </summary>
    public static int Of(AttributeValue value)
    {
        switch (value.Type)
        {
            case AttributeType.S:
                return AttributeValue.Utf8Length(value.S);
            case AttributeType.N:
                return value.Number.StorageSize;
            case AttributeType.B:
                return value.B.Length;
            case AttributeType.BOOL:
            case AttributeType.NULL:
                return 1;
            case AttributeType.SS:
                return value.Strings.Sum(AttributeValue.Utf8Length);
            case AttributeType.NS:
                return value.Strings.Sum(n => DynamoNumber.Parse(n).StorageSize);
            case AttributeType.BS:
                return value.Binaries.Sum(b => b.Length);
            case AttributeType.L:
                // By index: Sum, or a foreach over the IReadOnlyList, would box its enumerator.
                var elements = value.L;
                var list = 3;
                for (var i = 0; i < elements.Count; i++)
                {
                    list += 1 + Of(elements[i]);
                }
                return list;
            case AttributeType.M:
                var size = 3;
                foreach (var (name, member) in ItemEntries.Of(value.M))
                {
                    size += 1 + AttributeValue.Utf8Length(name) + Of(member);
                }
                return size;
            default:
                throw new InvalidOperationException($"Unknown attribute type {value.Type}");
        }
    }
}
