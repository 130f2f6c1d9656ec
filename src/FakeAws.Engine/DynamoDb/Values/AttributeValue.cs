using System.Text;

namespace FakeAws.Engine.DynamoDb;

/// <summary>The ten DynamoDB data types, named as on the wire, and the mark of a value a request got wrong.</summary>
internal enum AttributeType : byte
{
    S, N, B, SS, NS, BS, M, L, NULL, BOOL,

    /// <summary>
    /// A request's value DynamoDB refuses (see <see cref="AttributeValue.Fault"/>). Only the request decoders
    /// make these, and every operation checks its values before it uses them, so none is ever stored.
    /// </summary>
    Invalid,
}

/// <summary>
/// An immutable DynamoDB value. Stored items share these freely, so a read never copies.
/// Numbers are kept canonical, and sets in DynamoDB's own order (strings and binaries by their bytes,
/// numbers by value), which is the order GetItem returns them in.
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

    /// <summary>An SS value, sorted; fails with AWS's errors (the older layer's wording) for an empty set or duplicates.</summary>
    public static AttributeValue FromSS(IReadOnlyList<string> elements) => Checked(DecodeSS(elements));

    /// <summary>An NS value, canonical and sorted; fails with AWS's errors (the older layer's wording) for a bad member or duplicates.</summary>
    public static AttributeValue FromNS(IReadOnlyList<string> elements) => Checked(DecodeNS(elements));

    /// <summary>A BS value, sorted; fails with AWS's errors (the older layer's wording) for an empty set or duplicates.</summary>
    public static AttributeValue FromBS(IReadOnlyList<byte[]> elements) => Checked(DecodeBS(elements));

    // Sets built inside the engine (PartiQL's literals) are worded as the older layer words them.
    private static AttributeValue Checked(AttributeValue value) =>
        value.Fault is { } fault ? throw DynamoDbErrors.Validation(fault.Describe(NumberReading.BigDecimal)) : value;

    /// <summary>A request's N value: the number, or an <see cref="AttributeType.Invalid"/> value carrying its fault.</summary>
    public static AttributeValue DecodeN(string text) =>
        DynamoNumber.TryParse(text, out var number, out _) ? FromNumber(number) : new(AttributeType.Invalid, new NumberFault(text));

    /// <summary>A request's SS value, sorted, or one carrying its duplicate; an empty set fails at once, as on AWS.</summary>
    public static AttributeValue DecodeSS(IReadOnlyList<string> elements)
    {
        if (elements.Count == 0)
        {
            // AWS's text has the double space.
            throw DynamoDbErrors.Validation("One or more parameter values were invalid: An string set  may not be empty");
        }
        var sorted = elements.ToArray();
        Array.Sort(sorted, CompareUtf8);
        return HasAdjacentDuplicate(sorted, StringComparer.Ordinal)
            ? new(AttributeType.Invalid, DuplicateFault.OfStrings(elements))
            : new(AttributeType.SS, sorted);
    }

    /// <summary>A request's NS value, canonical and sorted by value, or one carrying its first bad member or its duplicate.</summary>
    public static AttributeValue DecodeNS(IReadOnlyList<string> elements)
    {
        if (elements.Count == 0)
        {
            throw DynamoDbErrors.Validation("One or more parameter values were invalid: An number set  may not be empty");
        }
        var numbers = new DynamoNumber[elements.Count];
        for (var i = 0; i < numbers.Length; i++)
        {
            if (!DynamoNumber.TryParse(elements[i], out numbers[i], out _))
            {
                return new(AttributeType.Invalid, new NumberFault(elements[i]));
            }
        }
        Array.Sort(numbers);
        for (var i = 1; i < numbers.Length; i++)
        {
            if (numbers[i].Equals(numbers[i - 1]))
            {
                return new(AttributeType.Invalid, DuplicateFault.OfNumbers(elements));
            }
        }
        return new(AttributeType.NS, numbers.Select(n => n.ToString()).ToArray());
    }

    /// <summary>A request's BS value, sorted by bytes, or one carrying its duplicate; an empty set fails at once.</summary>
    public static AttributeValue DecodeBS(IReadOnlyList<byte[]> elements)
    {
        if (elements.Count == 0)
        {
            throw DynamoDbErrors.Validation("One or more parameter values were invalid: Binary sets should not be empty");
        }
        var sorted = elements.ToArray();
        Array.Sort(sorted, ByteArrayComparer.Instance);
        return HasAdjacentDuplicate(sorted, ByteArrayComparer.Instance)
            ? new(AttributeType.Invalid, DuplicateFault.OfBinaries(elements))
            : new(AttributeType.BS, sorted);
    }

    /// <summary>What is wrong with a value a request decoder refused, or null for any other value.</summary>
    public ValueFault? Fault => Type == AttributeType.Invalid ? (ValueFault)_value! : null;

    /// <summary>A set of the given type built from elements already checked and canonical (for update arithmetic); sorted here.</summary>
    public static AttributeValue SetOf(AttributeType type, IReadOnlyList<string> strings)
    {
        var sorted = strings.ToArray();
        if (type == AttributeType.NS)
        {
            Array.Sort(sorted, (a, b) => DynamoNumber.Parse(a).CompareTo(DynamoNumber.Parse(b)));
        }
        else
        {
            Array.Sort(sorted, CompareUtf8);
        }
        return new(type, sorted);
    }

    /// <summary>A binary set built from elements already checked; sorted here.</summary>
    public static AttributeValue BinarySetOf(IReadOnlyList<byte[]> elements)
    {
        var sorted = elements.ToArray();
        Array.Sort(sorted, ByteArrayComparer.Instance);
        return new(AttributeType.BS, sorted);
    }

    private static bool HasAdjacentDuplicate<T>(T[] sorted, IEqualityComparer<T> comparer)
    {
        for (var i = 1; i < sorted.Length; i++)
        {
            if (comparer.Equals(sorted[i], sorted[i - 1]))
            {
                return true;
            }
        }
        return false;
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
        // A multi-attribute partition key is an L (see KeySchema) and keys a store's partitions, so its parts count.
        AttributeType.L => L.Aggregate(HashCode.Combine(Type, L.Count), (hash, element) => HashCode.Combine(hash, element)),
        _ => HashCode.Combine(Type, _value is System.Collections.ICollection c ? c.Count : 0),
    };

    /// <summary>
    /// Orders two key values of the same type as DynamoDB sorts keys: strings by UTF-8 bytes,
    /// numbers by value, binary by unsigned bytes, and the parts of a multi-attribute key (an L, see
    /// <see cref="KeySchema"/>) one after another.
    /// </summary>
    public static int CompareKeys(AttributeValue a, AttributeValue b) => a.Type switch
    {
        AttributeType.S => CompareUtf8(a.S, b.S),
        AttributeType.N => a._number.CompareTo(b._number),
        AttributeType.B => a.B.AsSpan().SequenceCompareTo(b.B),
        AttributeType.L => CompareParts(a.L, b.L),
        _ => throw new InvalidOperationException($"{a.Type} is not a key type"),
    };

    // Parts of one key schema: same count, and each position of one type.
    private static int CompareParts(IReadOnlyList<AttributeValue> a, IReadOnlyList<AttributeValue> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            var order = CompareKeys(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }
        return 0;
    }

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
