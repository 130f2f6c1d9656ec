using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.DynamoDb.Expressions;
using FakeAws.Engine.DynamoDb.Model;
using LegacyCondition = FakeAws.Engine.DynamoDb.Model.Condition;
using static FakeAws.Engine.Tests.DynamoDb.Expressions.ExpressionKit;

namespace FakeAws.Engine.Tests.DynamoDb.Expressions;

public class LegacyParametersTests
{
    private static readonly Dictionary<string, AttributeValue> Stored = Item(
        ("a", N("2")),
        ("s", S("hello")),
        ("set", NS("2", "4", "7")),
        ("list", L(N("2"), N("4"))),
        ("bin", B(1, 2, 3)));

    private static RequestExpressions Expected(string? conditionalOperator, params (string Name, ExpectedAttributeValue Condition)[] expected) =>
        RequestExpressions.Compile(new ExpressionInputs
        {
            Expected = expected.ToDictionary(e => e.Name, e => e.Condition),
            ConditionalOperator = conditionalOperator,
        }, ExpressionOperation.PutItem);

    private static ExpectedAttributeValue Op(string op, params AttributeValue[] values) =>
        new() { ComparisonOperator = op, AttributeValueList = [.. values] };

    private static bool Test(string attribute, ExpectedAttributeValue condition) =>
        Expected(null, (attribute, condition)).Condition!.Evaluate(Stored);

    [Test]
    public void Expected_ValueAndExists_MeanEqualityAndExistence()
    {
        Assert.That(Test("a", new() { Value = N("2") }), Is.True);
        Assert.That(Test("a", new() { Value = N("3") }), Is.False);
        Assert.That(Test("a", new() { Exists = true, Value = N("2") }), Is.True);
        Assert.That(Test("missing", new() { Exists = false }), Is.True);
        Assert.That(Test("a", new() { Exists = false }), Is.False);
    }

    [TestCase("a", "EQ", "2", true)]
    [TestCase("a", "NE", "3", true)]
    [TestCase("missing", "NE", "3", true)]
    [TestCase("a", "LT", "3", true)]
    [TestCase("a", "LE", "2", true)]
    [TestCase("a", "GT", "2", false)]
    [TestCase("a", "GE", "2", true)]
    [TestCase("set", "CONTAINS", "4", true)]
    [TestCase("list", "CONTAINS", "4", true)]
    [TestCase("set", "NOT_CONTAINS", "5", true)]
    [TestCase("set", "NOT_CONTAINS", "4", false)]
    [TestCase("missing", "NOT_CONTAINS", "1", false)]
    [TestCase("set", "IN", "2", false)]
    public void Expected_ComparisonOperator_EvaluatesLikeAws(string attribute, string op, string number, bool expected) =>
        Assert.That(Test(attribute, Op(op, N(number))), Is.EqualTo(expected));

    [Test]
    public void Expected_StringAndBinaryOperators_Work()
    {
        Assert.That(Test("s", Op("BEGINS_WITH", S("hel"))), Is.True);
        Assert.That(Test("s", Op("CONTAINS", S("ell"))), Is.True);
        Assert.That(Test("bin", Op("BEGINS_WITH", B(1, 2))), Is.True);
        Assert.That(Test("a", Op("BEGINS_WITH", S("2"))), Is.False);
        Assert.That(Test("a", Op("BETWEEN", N("1"), N("2"))), Is.True);
        Assert.That(Test("a", Op("IN", N("1"), N("2"), N("8"))), Is.True);
        Assert.That(Test("a", Op("NOT_NULL")), Is.True);
        Assert.That(Test("a", Op("NULL")), Is.False);
    }

    [Test]
    public void Expected_ConditionalOperator_CombinesEntries()
    {
        var and = Expected(null, ("a", new() { Value = N("2") }), ("s", new() { Value = S("nope") }));
        var or = Expected("OR", ("a", new() { Value = N("2") }), ("s", new() { Value = S("nope") }));
        Assert.That(and.Condition!.Evaluate(Stored), Is.False);
        Assert.That(or.Condition!.Evaluate(Stored), Is.True);
    }

    [Test]
    public void Expected_OnMissingItem_TestsEmptyItem() =>
        Assert.That(Expected(null, ("a", new() { Exists = false })).Condition!.Evaluate(null), Is.True);

    [Test]
    public void ScanFilter_WithConditionalOperator_EvaluatesLikeFilterExpression()
    {
        var compiled = RequestExpressions.Compile(new ExpressionInputs
        {
            ScanFilter = new Dictionary<string, LegacyCondition>
            {
                ["a"] = new() { ComparisonOperator = "GE", AttributeValueList = [N("2")] },
                ["s"] = new() { ComparisonOperator = "BEGINS_WITH", AttributeValueList = [S("x")] },
            },
            ConditionalOperator = "OR",
            AttributesToGet = ["a"],
        }, ExpressionOperation.Scan);
        Assert.That(compiled.Filter!.Evaluate(Stored), Is.True);
        Assert.That(compiled.Projection!.Apply(Stored), Is.EqualTo(Item(("a", N("2")))));
    }

    [TestCase("EQ", "One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator", "1", "2")]
    [TestCase("NULL", "One or more parameter values were invalid: Invalid number of argument(s) for the NULL ComparisonOperator", "1")]
    [TestCase("IN", "One or more parameter values were invalid: Invalid number of argument(s) for the IN ComparisonOperator")]
    [TestCase("BETWEEN", "One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator", "1", "2", "3")]
    [TestCase("BETWEEN", "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound", "3", "1")]
    public void ScanFilter_BadValues_FailWithAwsMessage(string op, string message, params string[] numbers) =>
        AssertValidation(() => RequestExpressions.Compile(new ExpressionInputs
        {
            ScanFilter = new Dictionary<string, LegacyCondition> { ["a"] = new() { ComparisonOperator = op, AttributeValueList = [.. numbers.Select(N)] } },
        }, ExpressionOperation.Scan), message);

    [TestCase("BEGINS_WITH", "SS")]
    [TestCase("CONTAINS", "L")]
    [TestCase("IN", "L")]
    [TestCase("BETWEEN", "NS")]
    [TestCase("LT", "BOOL")]
    public void Filter_OperatorWithWrongType_FailsWithAwsMessage(string op, string type)
    {
        AttributeValue value = type switch { "SS" => SS("a"), "L" => L(N("1")), "NS" => NS("1"), _ => Bool(true) };
        var values = op == "BETWEEN" ? new List<AttributeValue> { value, value } : [value];
        AssertValidation(() => RequestExpressions.Compile(new ExpressionInputs
        {
            QueryFilter = new Dictionary<string, LegacyCondition> { ["a"] = new() { ComparisonOperator = op, AttributeValueList = values } },
            KeyConditions = new Dictionary<string, LegacyCondition> { ["p"] = new() { ComparisonOperator = "EQ", AttributeValueList = [S("x")] } },
        }, ExpressionOperation.Query), $"One or more parameter values were invalid: ComparisonOperator {op} is not valid for {type} AttributeValue type");
    }

    [Test]
    public void Filter_MixedTypes_IsRejected() =>
        AssertValidation(() => RequestExpressions.Compile(new ExpressionInputs
        {
            ScanFilter = new Dictionary<string, LegacyCondition> { ["a"] = new() { ComparisonOperator = "IN", AttributeValueList = [N("3"), S("dog")] } },
        }, ExpressionOperation.Scan), "One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type");

    [Test]
    public void Filter_UnknownOperator_FailsWithConstraintMessage() =>
        AssertValidation(() => RequestExpressions.Compile(new ExpressionInputs
        {
            ScanFilter = new Dictionary<string, LegacyCondition> { ["a"] = new() { ComparisonOperator = "LIKE", AttributeValueList = [N("3")] } },
        }, ExpressionOperation.Scan),
            "1 validation error detected: Value 'LIKE' at 'scanFilter.a.member.comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: [EQ, NE, IN, LE, LT, GE, GT, BETWEEN, NOT_NULL, NULL, CONTAINS, NOT_CONTAINS, BEGINS_WITH]");

    [TestCase("Value and AttributeValueList cannot be used together for Attribute: a")]
    [TestCase("Exists and ComparisonOperator cannot be used together for Attribute: a")]
    [TestCase("Value or AttributeValueList must be used with ComparisonOperator: GT for Attribute: a")]
    [TestCase("AttributeValueList can only be used with a ComparisonOperator for Attribute: a")]
    [TestCase("Value must be provided when Exists is true for Attribute: a")]
    [TestCase("Value must be provided when Exists is null for Attribute: a")]
    [TestCase("Value cannot be used when Exists is false for Attribute: a")]
    [TestCase("Invalid number of argument(s) for the NOT_NULL ComparisonOperator")]
    [TestCase("ComparisonOperator CONTAINS is not valid for L AttributeValue type")]
    public void Expected_BadCombination_FailsWithAwsMessage(string message)
    {
        var condition = message switch
        {
            _ when message.StartsWith("Value and") => new ExpectedAttributeValue { Value = N("1"), AttributeValueList = [N("1")], ComparisonOperator = "EQ" },
            _ when message.StartsWith("Exists and") => new ExpectedAttributeValue { Exists = true, ComparisonOperator = "EQ", AttributeValueList = [N("1")] },
            _ when message.StartsWith("Value or") => new ExpectedAttributeValue { ComparisonOperator = "GT" },
            _ when message.StartsWith("AttributeValueList") => new ExpectedAttributeValue { AttributeValueList = [N("1")] },
            _ when message.Contains("Exists is true") => new ExpectedAttributeValue { Exists = true },
            _ when message.Contains("Exists is null") => new ExpectedAttributeValue(),
            _ when message.Contains("Exists is false") => new ExpectedAttributeValue { Exists = false, Value = N("1") },
            _ when message.Contains("NOT_NULL") => new ExpectedAttributeValue { ComparisonOperator = "NOT_NULL", Value = N("1") },
            _ => new ExpectedAttributeValue { ComparisonOperator = "CONTAINS", AttributeValueList = [L(N("1"))] },
        };
        AssertValidation(() => Expected(null, ("a", condition)), "One or more parameter values were invalid: " + message);
    }

    private static UpdateResult ApplyUpdates(Dictionary<string, AttributeValue>? existing, params (string Name, string? Action, AttributeValue? Value)[] updates)
    {
        var compiled = RequestExpressions.Compile(new ExpressionInputs
        {
            AttributeUpdates = updates.ToDictionary(u => u.Name, u => new AttributeValueUpdate { Action = u.Action, Value = u.Value }),
        }, ExpressionOperation.UpdateItem);
        return compiled.Update!.Apply(existing, Item(("pk", S("k"))));
    }

    [Test]
    public void AttributeUpdates_PutAddDelete_ApplyLikeAws()
    {
        var existing = Item(("pk", S("k")), ("n", N("1")), ("ss", SS("a", "b")), ("l", L(N("1"))), ("gone", S("x")));
        var result = ApplyUpdates(existing,
            ("put", null, S("v")),
            ("n", "ADD", N("2")),
            ("ss", "DELETE", SS("a")),
            ("l", "ADD", L(N("2"))),
            ("gone", "DELETE", null),
            ("fresh", "ADD", NS("5")));
        Assert.That(result.Item, Is.EqualTo(Item(("pk", S("k")), ("n", N("3")), ("ss", SS("b")), ("l", L(N("1"), N("2"))), ("put", S("v")), ("fresh", NS("5")))));
        Assert.That(result.UpdatedOld(existing), Is.EqualTo(Item(("n", N("1")), ("ss", SS("a", "b")), ("l", L(N("1"))), ("gone", S("x")))));
    }

    [Test]
    public void AttributeUpdates_Empty_CreatesNothingButTheKey()
    {
        var result = ApplyUpdates(null);
        Assert.That(result.Item, Is.EqualTo(Item(("pk", S("k")))));
        Assert.That(result.UpdatedNew(), Is.Empty);
    }

    [TestCase("ADD", null, "One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified")]
    [TestCase("PUT", null, "One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified")]
    [TestCase("DELETE", "S", "One or more parameter values were invalid: DELETE action with value is not supported for the type S")]
    [TestCase("ADD", "S", "One or more parameter values were invalid: ADD action is not supported for the type S")]
    [TestCase("ADD", "M", "One or more parameter values were invalid: ADD action is not supported for the type M")]
    public void AttributeUpdates_BadAction_FailsWithAwsMessage(string action, string? type, string message)
    {
        AttributeValue? value = type switch { "S" => S("x"), "M" => M(), _ => null };
        AssertValidation(() => ApplyUpdates(null, ("a", action, value)), message);
    }

    [Test]
    public void AttributeUpdates_AddToWrongType_FailsWhenApplied() =>
        AssertValidation(() => ApplyUpdates(Item(("pk", S("k")), ("a", S("x"))), ("a", "ADD", N("1"))), "Type mismatch for attribute to update");

    [Test]
    public void AttributeUpdates_KeyAttribute_CannotBeUpdated()
    {
        var compiled = RequestExpressions.Compile(new ExpressionInputs
        {
            AttributeUpdates = new Dictionary<string, AttributeValueUpdate> { ["pk"] = new() { Action = "PUT", Value = S("x") } },
        }, ExpressionOperation.UpdateItem);
        AssertValidation(() => compiled.CheckKeySchema(new KeySchema(new KeyAttribute("pk", AttributeType.S), null)),
            "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
    }
}
