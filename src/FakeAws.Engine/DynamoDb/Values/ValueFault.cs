namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// Something wrong with a value of a request, kept as sent until the operation reports it. Which words
/// DynamoDB uses depends on the operation (see <see cref="ValueChecks"/>), and when it reports it depends on
/// what else the request gets wrong, so the request decoders record a fault instead of failing at once.
/// </summary>
internal abstract class ValueFault
{
    /// <summary>DynamoDB's message for the fault, read as <paramref name="reading"/> reads values.</summary>
    public abstract string Describe(NumberReading reading);
}

/// <summary>A number DynamoDB does not accept: not a number, too many digits, or out of range.</summary>
internal sealed class NumberFault(string text) : ValueFault
{
    /// <summary>The number as sent.</summary>
    public string Text { get; } = text;

    public override string Describe(NumberReading reading) =>
        DynamoNumber.TryParse(Text, reading, out _, out var error) ? throw new InvalidOperationException($"{Text} is a valid number") : error!;
}

/// <summary>A value nested deeper than DynamoDB's 32 levels.</summary>
internal sealed class NestingFault : ValueFault
{
    public static readonly NestingFault Instance = new();

    public override string Describe(NumberReading reading) =>
        "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit";
}

/// <summary>
/// A set with a member twice. The current layer quotes the members and lists them in DynamoDB's order up to
/// the first repeat, then the repeat and the rest as sent, and names no members of a number set; the older
/// layer prints the members as sent and words the number set's message on its own.
/// </summary>
internal sealed class DuplicateFault : ValueFault
{
    private const string Invalid = "One or more parameter values were invalid: ";
    private readonly AttributeType _type;
    private readonly IReadOnlyList<string> _asSent;
    private readonly IReadOnlyList<string> _current;

    private DuplicateFault(AttributeType type, IReadOnlyList<string> asSent, IReadOnlyList<string> current)
    {
        _type = type;
        _asSent = asSent;
        _current = current;
    }

    /// <summary>The fault of a string set.</summary>
    public static DuplicateFault OfStrings(IReadOnlyList<string> members) =>
        new(AttributeType.SS, members, [.. CurrentOrder(members, Comparer<string>.Create(AttributeValue.CompareUtf8))]);

    /// <summary>The fault of a number set.</summary>
    public static DuplicateFault OfNumbers(IReadOnlyList<string> members) => new(AttributeType.NS, members, members);

    /// <summary>The fault of a binary set.</summary>
    public static DuplicateFault OfBinaries(IReadOnlyList<byte[]> members) => new(
        AttributeType.BS,
        [.. members.Select(Convert.ToBase64String)],
        [.. CurrentOrder(members, ByteArrayComparer.Instance).Select(Convert.ToBase64String)]);

    // The members in order up to the first repeat, then the repeat, then the rest as sent.
    private static IEnumerable<T> CurrentOrder<T>(IReadOnlyList<T> members, IComparer<T> order)
    {
        var seen = new SortedSet<T>(order);
        var first = 0;
        while (first < members.Count && seen.Add(members[first]))
        {
            first++;
        }
        return seen.Concat(members.Skip(first));
    }

    public override string Describe(NumberReading reading) => (_type, reading) switch
    {
        (AttributeType.NS, NumberReading.Current) => $"{Invalid}Input collection contains duplicates.",
        (AttributeType.NS, _) => "Input collection contains duplicates",
        (AttributeType.SS, NumberReading.Current) => $"{Invalid}Input collection [{string.Join(", ", _current.Select(m => $"\"{m}\""))}] contains duplicates.",
        (AttributeType.BS, NumberReading.Current) => $"{Invalid}Input collection [{string.Join(",", _current.Select(m => $"\"{m}\""))}]of type BS contains duplicates.",
        (AttributeType.SS, _) => $"{Invalid}Input collection [{string.Join(", ", _asSent)}] contains duplicates.",
        _ => $"{Invalid}Input collection [{string.Join(", ", _asSent)}]of type BS contains duplicates.",
    };
}
