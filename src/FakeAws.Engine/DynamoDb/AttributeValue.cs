using System.Text;

namespace FakeAws.Engine.DynamoDb;

/// <summary>The ten DynamoDB data types, named as on the wire.</summary>
internal enum AttributeType : byte
{
    S, N, B, SS, NS, BS, M, L, NULL, BOOL,
}

/// <summary>
/// An immutable DynamoDB value. Stored items share these freely, so a read never copies.
/// Numbers are kept canonical and sets keep their elements in the order the caller sent them.
/// </summary>
internal sealed class AttributeValue : IEquatable<AttributeValue>
{
    private readonly object? _value;
    private readonly DynamoNumber _number;

    private AttributeValue(AttributeType type, object? value, DynamoNumber number = default)
    {
        Type = type;
        _value = value;
        _number = number;
    }

    /// <summary>The value's type.</summary>
    public AttributeType Type { get; }

    /// <summary>The string of an S value.</summary>
    public string S => (string)_value!;

    /// <summary>The canonical text of an N value.</summary>
    public string N => (string)_value!;

    /// <summary>The number of an N value.</summary>
    public DynamoNumber Number => _number;

    /// <summary>The bytes of a B value. Never modify them.</summary>
    public byte[] B => (byte[])_value!;

    /// <summary>The flag of a BOOL value.</summary>
    public bool Bool => (bool)_value!;

    /// <summary>The elements of an SS or NS value (NS elements are canonical numbers).</summary>
    public IReadOnlyList<string> Strings => (IReadOnlyList<string>)_value!;

    /// <summary>The elements of a BS value.</summary>
    public IReadOnlyList<byte[]> Binaries => (IReadOnlyList<byte[]>)_value!;

    /// <summary>The members of an M value.</summary>
    public IReadOnlyDictionary<string, AttributeValue> M => (IReadOnlyDictionary<string, AttributeValue>)_value!;

    /// <summary>The elements of an L value.</summary>
    public IReadOnlyList<AttributeValue> L => (IReadOnlyList<AttributeValue>)_value!;

    /// <summary>True for the scalar types S, N and B, the only ones a key may have.</summary>
    public bool IsKeyType => Type is AttributeType.S or AttributeType.N or AttributeType.B;

    /// <summary>True for SS, NS and BS.</summary>
    public bool IsSet => Type is AttributeType.SS or AttributeType.NS or AttributeType.BS;

    public static readonly AttributeValue Null = new(AttributeType.NULL, true);
    public static readonly AttributeValue True = new(AttributeType.BOOL, true);
    public static readonly AttributeValue False = new(AttributeType.BOOL, false);

    public static AttributeValue FromS(string value) => new(AttributeType.S, value);

    public static AttributeValue FromB(byte[] value) => new(AttributeType.B, value);

    public static AttributeValue FromBool(bool value) => value ? True : False;

    /// <summary>An N value from the caller's text; fails with AWS's number errors.</summary>
    public static AttributeValue FromN(string text) => FromNumber(DynamoNumber.Parse(text));

    public static AttributeValue FromNumber(DynamoNumber number) => new(AttributeType.N, number.ToString(), number);

    public static AttributeValue FromM(IReadOnlyDictionary<string, AttributeValue> members) => new(AttributeType.M, members);

    public static AttributeValue FromL(IReadOnlyList<AttributeValue> elements) => new(AttributeType.L, elements);

    /// <summary>An SS value; fails with AWS's errors for an empty set or duplicates.</summary>
    public static AttributeValue FromSS(IReadOnlyList<string> elements)
    {
        if (elements.Count == 0)
        {
            // AWS's text has the double space.
            throw DynamoDbErrors.Validation("One or more parameter values were invalid: An string set  may not be empty");
        }
        if (HasDuplicate(elements, StringComparer.Ordinal))
        {
            throw DynamoDbErrors.Validation($"One or more parameter values were invalid: Input collection [{string.Join(", ", elements)}] contains duplicates.");
        }
        return new(AttributeType.SS, elements);
    }

    /// <summary>An NS value; numbers are checked and made canonical, and duplicates (by value) rejected.</summary>
    public static AttributeValue FromNS(IReadOnlyList<string> elements)
    {
        if (elements.Count == 0)
        {
            throw DynamoDbErrors.Validation("One or more parameter values were invalid: An number set  may not be empty");
        }
        var canonical = new string[elements.Count];
        for (var i = 0; i < canonical.Length; i++)
        {
            canonical[i] = DynamoNumber.Parse(elements[i]).ToString();
        }
        if (HasDuplicate(canonical, StringComparer.Ordinal))
        {
            throw DynamoDbErrors.Validation("Input collection contains duplicates");
        }
        return new(AttributeType.NS, canonical);
    }

    /// <summary>A BS value; fails with AWS's errors for an empty set or duplicates.</summary>
    public static AttributeValue FromBS(IReadOnlyList<byte[]> elements)
    {
        if (elements.Count == 0)
        {
            throw DynamoDbErrors.Validation("One or more parameter values were invalid: Binary sets should not be empty");
        }
        if (HasDuplicate(elements, ByteArrayComparer.Instance))
        {
            // AWS's text has no space before "of".
            throw DynamoDbErrors.Validation(
                $"One or more parameter values were invalid: Input collection [{string.Join(", ", elements.Select(Convert.ToBase64String))}]of type BS contains duplicates.");
        }
        return new(AttributeType.BS, elements);
    }

    /// <summary>A set of the given type built from elements already checked and canonical (for update arithmetic).</summary>
    public static AttributeValue SetOf(AttributeType type, IReadOnlyList<string> strings) => new(type, strings);

    /// <summary>A binary set built from elements already checked.</summary>
    public static AttributeValue BinarySetOf(IReadOnlyList<byte[]> elements) => new(AttributeType.BS, elements);

    private static bool HasDuplicate<T>(IReadOnlyList<T> elements, IEqualityComparer<T> comparer)
    {
        var seen = new HashSet<T>(comparer);
        return elements.Any(e => !seen.Add(e));
    }

    /// <summary>Value equality as DynamoDB compares values (sets ignore order).</summary>
    public bool Equals(AttributeValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other is null || other.Type != Type)
        {
            return false;
        }
        return Type switch
        {
            AttributeType.S => S == other.S,
            AttributeType.N => _number.Equals(other._number),
            AttributeType.B => B.AsSpan().SequenceEqual(other.B),
            AttributeType.BOOL => Bool == other.Bool,
            AttributeType.NULL => true,
            AttributeType.SS or AttributeType.NS => Strings.Count == other.Strings.Count && Strings.ToHashSet().SetEquals(other.Strings),
            AttributeType.BS => Binaries.Count == other.Binaries.Count && Binaries.ToHashSet(ByteArrayComparer.Instance).SetEquals(other.Binaries),
            AttributeType.L => L.Count == other.L.Count && L.Zip(other.L).All(p => p.First.Equals(p.Second)),
            AttributeType.M => M.Count == other.M.Count && M.All(kv => other.M.TryGetValue(kv.Key, out var v) && kv.Value.Equals(v)),
            _ => false,
        };
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AttributeValue);

    /// <inheritdoc />
    public override int GetHashCode() => Type switch
    {
        AttributeType.S => HashCode.Combine(Type, S),
        AttributeType.N => HashCode.Combine(Type, _number),
        AttributeType.B => HashCode.Combine(Type, ByteArrayComparer.Instance.GetHashCode(B)),
        _ => HashCode.Combine(Type, _value is System.Collections.ICollection c ? c.Count : 0),
    };

    /// <summary>
    /// Orders two key values of the same type as DynamoDB sorts keys: strings by UTF-8 bytes,
    /// numbers by value, binary by unsigned bytes.
    /// </summary>
    public static int CompareKeys(AttributeValue a, AttributeValue b) => a.Type switch
    {
        AttributeType.S => CompareUtf8(a.S, b.S),
        AttributeType.N => a._number.CompareTo(b._number),
        AttributeType.B => a.B.AsSpan().SequenceCompareTo(b.B),
        _ => throw new InvalidOperationException($"{a.Type} is not a key type"),
    };

    /// <summary>
    /// Orders strings by their UTF-8 bytes, which is code-point order. UTF-16 ordinal order differs
    /// for characters above U+FFFF against U+E000–U+FFFF, so surrogates are mapped up first.
    /// </summary>
    public static int CompareUtf8(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x != y)
            {
                return CodeUnitRank(x).CompareTo(CodeUnitRank(y));
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    private static int CodeUnitRank(char c) => char.IsSurrogate(c) ? c + 0x10000 : c;

    /// <summary>A short form for messages, such as <c>{S: abc}</c>.</summary>
    public override string ToString() => Type switch
    {
        AttributeType.S => $"{{S: {S},}}",
        AttributeType.N => $"{{N: {N},}}",
        AttributeType.B => $"{{B: {Convert.ToBase64String(B)},}}",
        AttributeType.BOOL => $"{{BOOL: {(Bool ? "true" : "false")},}}",
        AttributeType.NULL => "{NULL: true,}",
        _ => $"{{{Type}: …}}",
    };

    /// <summary>The UTF-8 length of a string, as DynamoDB counts sizes.</summary>
    public static int Utf8Length(string s) => Encoding.UTF8.GetByteCount(s);
}

/// <summary>Byte arrays compared by content.</summary>
internal sealed class ByteArrayComparer : IEqualityComparer<byte[]>, IComparer<byte[]>
{
    public static readonly ByteArrayComparer Instance = new();

    public bool Equals(byte[]? x, byte[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] obj)
    {
        var hash = new HashCode();
        hash.AddBytes(obj);
        return hash.ToHashCode();
    }

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}
