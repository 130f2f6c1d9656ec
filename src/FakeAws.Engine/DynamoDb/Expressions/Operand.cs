namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>A compiled condition operand: something that yields a value, or nothing, for an item.</summary>
internal abstract class Operand
{
    /// <summary>The operand's value for <paramref name="item"/>, or null when it has none.</summary>
    public abstract AttributeValue? Evaluate(IReadOnlyDictionary<string, AttributeValue> item);
}

/// <summary>The value at a document path of the item.</summary>
internal sealed class PathOperand(DocumentPath path) : Operand
{
    public DocumentPath Path { get; } = path;

    public override AttributeValue? Evaluate(IReadOnlyDictionary<string, AttributeValue> item) => Path.Find(item);
}

/// <summary>A value from ExpressionAttributeValues (or a legacy AttributeValueList).</summary>
internal sealed class ConstantOperand(AttributeValue value) : Operand
{
    public AttributeValue Value { get; } = value;

    public override AttributeValue? Evaluate(IReadOnlyDictionary<string, AttributeValue> item) => Value;
}

/// <summary><c>size(x)</c>: a number, or nothing when x is missing or has no size.</summary>
internal sealed class SizeOperand(Operand inner) : Operand
{
    public Operand Inner { get; } = inner;

    public override AttributeValue? Evaluate(IReadOnlyDictionary<string, AttributeValue> item) =>
        ValueSemantics.Size(Inner.Evaluate(item)) is { } size
            ? AttributeValue.FromN(size.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;
}
