using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.DynamoDb.Expressions;
using static FakeAws.Engine.Tests.DynamoDb.Expressions.ExpressionKit;

namespace FakeAws.Engine.Tests.DynamoDb.Expressions;

public class MultiAttributeKeyConditionTests
{
    // Two HASH attributes (h1 S, h2 N) and three RANGE attributes (a S, b N, c S).
    private static readonly KeySchema Schema = new(
        [new KeyAttribute("h1", AttributeType.S), new KeyAttribute("h2", AttributeType.N)],
        [new KeyAttribute("a", AttributeType.S), new KeyAttribute("b", AttributeType.N), new KeyAttribute("c", AttributeType.S)]);

    private static readonly Dictionary<string, AttributeValue> Values = new()
    {
        [":h1"] = S("x"), [":h2"] = N("7"), [":a"] = S("A"), [":b"] = N("2"), [":c"] = S("C"), [":z"] = S("Z"),
    };

    private static KeyConditionSpec Spec(string expression) =>
        Query(expression, Values.Where(v => expression.Contains(v.Key)).ToDictionary()).KeyConditionFor(Schema);

    [Test]
    public void KeyCondition_EveryHashAttribute_PartitionKeyIsTheListOfTheirValuesInSchemaOrder()
    {
        var spec = Spec("h2 = :h2 AND h1 = :h1");

        Assert.That(spec.PartitionKey, Is.EqualTo(L(S("x"), N("7"))));
        Assert.That(spec.SortKey, Is.Null);
    }

    [Test]
    public void KeyCondition_EqualityPrefixAndRangeOnNext_ConditionOnThatPartAfterThePrefix()
    {
        var spec = Spec("h1 = :h1 AND h2 = :h2 AND b > :b AND a = :a");

        Assert.That(spec.SortKey!.AttributeName, Is.EqualTo("b"));
        Assert.That(spec.SortKey.Operator, Is.EqualTo(SortKeyOperator.GT));
        Assert.That(spec.SortKey.Prefix, Is.EqualTo(new[] { S("A") }));
        Assert.That(spec.SortKey.Matches(L(S("A"), N("3"), S("any"))), Is.True);
        Assert.That(spec.SortKey.Matches(L(S("A"), N("2"), S("any"))), Is.False);
        Assert.That(spec.SortKey.Matches(L(S("B"), N("3"), S("any"))), Is.False);
    }

    [Test]
    public void KeyCondition_MissingHashAttribute_NamesIt() =>
        AssertValidation(() => Spec("h1 = :h1 AND a = :a"), "Query condition missed key schema element: h2");

    [Test]
    public void KeyCondition_RangeOnHashAttribute_NotSupported() =>
        AssertValidation(() => Spec("h1 = :h1 AND h2 > :h2"), "Query key condition not supported");

    [Test]
    public void KeyCondition_TwoMissingEqualities_ListsBoth() =>
        AssertValidation(() => Spec("h1 = :h1 AND h2 = :h2 AND c = :c"),
            "RANGE key attributes a, b must have equality conditions specified in the query because a condition is present on key attribute c");

    [Test]
    public void KeyCondition_ClauseOnNonKeyAttribute_NamesTheKeyAttributeMissing() =>
        AssertValidation(() => Spec("h1 = :h1 AND h2 = :h2 AND a = :a AND z = :z"), "Query condition missed key schema element: b");

    [Test]
    public void KeyCondition_ValueOfAnotherType_TypeMismatch() =>
        AssertValidation(() => Spec("h1 = :h1 AND h2 = :h2 AND b = :a"), "One or more parameter values were invalid: Condition parameter type does not match schema type");
}
