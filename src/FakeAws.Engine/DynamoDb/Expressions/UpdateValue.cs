namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>
/// The right-hand side of a SET action, compiled. It is computed from the item as it was before the
/// update, and fails with AWS's runtime errors when the item does not fit it.
/// </summary>
internal abstract class UpdateValue
{
    public abstract AttributeValue Evaluate(IReadOnlyDictionary<string, AttributeValue> item);
}

internal sealed class ConstantValue(AttributeValue value) : UpdateValue
{
    public override AttributeValue Evaluate(IReadOnlyDictionary<string, AttributeValue> item) => value;
}

/// <summary>A copy of another attribute; it must exist.</summary>
internal sealed class PathValue(DocumentPath path) : UpdateValue
{
    public override AttributeValue Evaluate(IReadOnlyDictionary<string, AttributeValue> item) =>
        path.Find(item) ?? throw ExpressionErrors.MissingAttribute();
}

/// <summary><c>if_not_exists(path, fallback)</c>: the attribute if present, else the fallback.</summary>
internal sealed class IfNotExistsValue(DocumentPath path, UpdateValue fallback) : UpdateValue
{
    public override AttributeValue Evaluate(IReadOnlyDictionary<string, AttributeValue> item) =>
        path.Find(item) ?? fallback.Evaluate(item);
}

/// <summary><c>list_append(first, second)</c>: both must be lists.</summary>
internal sealed class ListAppendValue(UpdateValue first, UpdateValue second) : UpdateValue
{
    public override AttributeValue Evaluate(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var x = first.Evaluate(item);
        var y = second.Evaluate(item);
        if (x.Type != AttributeType.L || y.Type != AttributeType.L)
        {
            throw ExpressionErrors.IncorrectDataType();
        }
        var joined = new List<AttributeValue>(x.L.Count + y.L.Count);
        joined.AddRange(x.L);
        joined.AddRange(y.L);
        return AttributeValue.FromL(joined);
    }
}

/// <summary><c>x + y</c> and <c>x - y</c>: both must be numbers; the result is exact.</summary>
internal sealed class ArithmeticValue(bool add, UpdateValue left, UpdateValue right) : UpdateValue
{
    public override AttributeValue Evaluate(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var x = left.Evaluate(item);
        var y = right.Evaluate(item);
        if (x.Type != AttributeType.N || y.Type != AttributeType.N)
        {
            throw ExpressionErrors.IncorrectDataType();
        }
        return AttributeValue.FromNumber(add ? x.Number + y.Number : x.Number - y.Number);
    }
}
