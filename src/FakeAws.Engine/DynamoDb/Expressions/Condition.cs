namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>
/// A compiled, validated condition (ConditionExpression, FilterExpression, or a legacy Expected,
/// QueryFilter or ScanFilter): a tree that only reads the item.
/// </summary>
internal abstract class Condition
{
    private static readonly IReadOnlyDictionary<string, AttributeValue> NoItem = new Dictionary<string, AttributeValue>();

    /// <summary>
    /// Whether <paramref name="item"/> satisfies the condition. A missing item (null) is tested as an
    /// item with no attributes, as AWS does for conditional writes.
    /// </summary>
    public bool Evaluate(IReadOnlyDictionary<string, AttributeValue>? item) => Matches(item ?? NoItem);

    public abstract bool Matches(IReadOnlyDictionary<string, AttributeValue> item);
}

internal sealed class AndCondition(Condition left, Condition right) : Condition
{
    public Condition Left { get; } = left;

    public Condition Right { get; } = right;

    public override bool Matches(IReadOnlyDictionary<string, AttributeValue> item) => Left.Matches(item) && Right.Matches(item);
}

internal sealed class OrCondition(Condition left, Condition right) : Condition
{
    public override bool Matches(IReadOnlyDictionary<string, AttributeValue> item) => left.Matches(item) || right.Matches(item);
}

internal sealed class NotCondition(Condition inner) : Condition
{
    public override bool Matches(IReadOnlyDictionary<string, AttributeValue> item) => !inner.Matches(item);
}

/// <summary>The comparators of ConditionExpression (and of the legacy EQ, NE, LT, LE, GT, GE).</summary>
internal enum Comparator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>
/// <c>x = y</c> and friends. Equality needs both values present and of one type (sets ignore order);
/// <c>&lt;&gt;</c> is its negation, so it is true when either is missing; the orderings need two
/// present scalars of one type.
/// </summary>
internal sealed class ComparisonCondition(Comparator comparator, Operand left, Operand right) : Condition
{
    public Comparator Comparator { get; } = comparator;

    public Operand Left { get; } = left;

    public Operand Right { get; } = right;

    public override bool Matches(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var x = Left.Evaluate(item);
        var y = Right.Evaluate(item);
        switch (Comparator)
        {
            case Comparator.Equal:
                return x is not null && x.Equals(y);
            case Comparator.NotEqual:
                return x is null || !x.Equals(y);
        }
        if (ValueSemantics.Compare(x, y) is not { } order)
        {
            return false;
        }
        return Comparator switch
        {
            Comparator.Less => order < 0,
            Comparator.LessOrEqual => order <= 0,
            Comparator.Greater => order > 0,
            _ => order >= 0,
        };
    }
}

/// <summary><c>x BETWEEN lower AND upper</c>, inclusive, on scalars of one type.</summary>
internal sealed class BetweenCondition(Operand value, Operand lower, Operand upper) : Condition
{
    public Operand Value { get; } = value;

    public Operand Lower { get; } = lower;

    public Operand Upper { get; } = upper;

    public override bool Matches(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var x = Value.Evaluate(item);
        return ValueSemantics.Compare(x, Lower.Evaluate(item)) >= 0 && ValueSemantics.Compare(x, Upper.Evaluate(item)) <= 0;
    }
}

/// <summary><c>x IN (a, b, …)</c>: equal to any of the candidates.</summary>
internal sealed class InCondition(Operand value, Operand[] candidates) : Condition
{
    public override bool Matches(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var x = value.Evaluate(item);
        if (x is null)
        {
            return false;
        }
        foreach (var candidate in candidates)
        {
            if (x.Equals(candidate.Evaluate(item)))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary><c>attribute_exists(path)</c> and <c>attribute_not_exists(path)</c>.</summary>
internal sealed class ExistsCondition(DocumentPath path, bool exists) : Condition
{
    public DocumentPath Path { get; } = path;

    /// <summary>True for attribute_exists, false for attribute_not_exists.</summary>
    public bool Exists { get; } = exists;

    public override bool Matches(IReadOnlyDictionary<string, AttributeValue> item) => Path.Find(item) is not null == Exists;
}

/// <summary><c>attribute_type(x, :type)</c>, the type given by its wire name (S, SS, N, …).</summary>
internal sealed class TypeCondition(Operand value, Operand type) : Condition
{
    public override bool Matches(IReadOnlyDictionary<string, AttributeValue> item) =>
        value.Evaluate(item) is { } x && type.Evaluate(item) is { Type: AttributeType.S } name && x.Type.ToString() == name.S;
}

internal sealed class BeginsWithCondition(Operand value, Operand prefix) : Condition
{
    public Operand Value { get; } = value;

    public Operand Prefix { get; } = prefix;

    public override bool Matches(IReadOnlyDictionary<string, AttributeValue> item) =>
        ValueSemantics.BeginsWith(Value.Evaluate(item), Prefix.Evaluate(item));
}

/// <summary>
/// <c>contains(x, y)</c>; with <paramref name="negated"/>, the legacy NOT_CONTAINS, which AWS makes
/// false (not true) when x is missing.
/// </summary>
internal sealed class ContainsCondition(Operand container, Operand operand, bool negated = false) : Condition
{
    public override bool Matches(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var x = container.Evaluate(item);
        if (x is null)
        {
            return false;
        }
        return ValueSemantics.Contains(x, operand.Evaluate(item)) != negated;
    }
}
