using System.Text.RegularExpressions;
using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.DynamoDb.Expressions;
using LegacyCondition = FakeAws.Engine.DynamoDb.Model.Condition;
using static FakeAws.Engine.Tests.DynamoDb.Expressions.ExpressionKit;

namespace FakeAws.Engine.Tests.DynamoDb.Expressions;

public class KeyConditionExpressionTests
{
    private static readonly KeySchema Composite = new(new KeyAttribute("p", AttributeType.S), new KeyAttribute("c", AttributeType.N));
    private static readonly KeySchema HashOnly = new(new KeyAttribute("p", AttributeType.S), null);
    private static readonly KeySchema Binary = new(new KeyAttribute("p", AttributeType.S), new KeyAttribute("c", AttributeType.B));

    private static KeyConditionSpec Spec(string expression, KeySchema? schema = null, params (string Name, AttributeValue Value)[] values) =>
        Query(expression, values.ToDictionary(v => v.Name, v => v.Value)).KeyConditionFor(schema ?? Composite);

    [Test]
    public void KeyConditionExpression_PartitionOnly_GivesPartitionValue()
    {
        var spec = Spec("p = :p", values: (":p", S("x")));
        Assert.That(spec.PartitionKeyName, Is.EqualTo("p"));
        Assert.That(spec.PartitionKey, Is.EqualTo(S("x")));
        Assert.That(spec.SortKey, Is.Null);
    }

    [TestCase("p = :p AND c = :c", "EQ")]
    [TestCase("p = :p AND c < :c", "LT")]
    [TestCase("p = :p AND c <= :c", "LE")]
    [TestCase("p = :p AND c > :c", "GT")]
    [TestCase("p = :p AND c >= :c", "GE")]
    [TestCase(":c > c AND :p = p", "LT")]
    [TestCase(":c <= c AND p = :p", "GE")]
    [TestCase(":c = c AND p = :p", "EQ")]
    [TestCase("((c = :c) AND (p = :p))", "EQ")]
    public void KeyConditionExpression_SortKeyComparison_GivesOperator(string expression, string expected)
    {
        var spec = Spec(expression, values: [(":p", S("x")), (":c", N("5"))]);
        Assert.That(spec.PartitionKey, Is.EqualTo(S("x")));
        Assert.That(spec.SortKey!.AttributeName, Is.EqualTo("c"));
        Assert.That(spec.SortKey.Operator.ToString(), Is.EqualTo(expected));
        Assert.That(spec.SortKey.Value, Is.EqualTo(N("5")));
    }

    [Test]
    public void KeyConditionExpression_Between_GivesBothBounds()
    {
        var spec = Spec("p = :p AnD c BeTwEeN :lo aNd :hi", values: [(":p", S("x")), (":lo", N("4")), (":hi", N("7"))]);
        Assert.That(spec.SortKey, Is.EqualTo(new SortKeyCondition("c", SortKeyOperator.BETWEEN, N("4"), N("7"))));
        Assert.That(spec.SortKey!.Matches(N("4")), Is.True);
        Assert.That(spec.SortKey.Matches(N("7")), Is.True);
        Assert.That(spec.SortKey.Matches(N("8")), Is.False);
    }

    [Test]
    public void KeyConditionExpression_BeginsWith_GivesPrefix()
    {
        var spec = Spec("p = :p AND begins_with(c, :prefix)", Binary, (":p", S("x")), (":prefix", B(0, 1)));
        Assert.That(spec.SortKey!.Operator, Is.EqualTo(SortKeyOperator.BEGINS_WITH));
        Assert.That(spec.SortKey.Matches(B(0, 1, 2)), Is.True);
        Assert.That(spec.SortKey.Matches(B(0, 2)), Is.False);
    }

    [Test]
    public void KeyConditionExpression_NamePlaceholders_Resolve()
    {
        var spec = Query("#k1 = :p AND #k2 < :c",
            new() { [":p"] = S("x"), [":c"] = N("3") },
            new() { ["#k1"] = "p", ["#k2"] = "c" }).KeyConditionFor(Composite);
        Assert.That(spec.SortKey!.Operator, Is.EqualTo(SortKeyOperator.LT));
    }

    [Test]
    public void KeyConditionExpression_WithProjectionNames_SharesUnusedCheck()
    {
        var compiled = RequestExpressions.Compile(new ExpressionInputs
        {
            KeyConditionExpression = "#k = :p",
            ProjectionExpression = "#a",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#k"] = "p", ["#a"] = "a" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":p"] = S("x") },
        }, ExpressionOperation.Query);
        Assert.That(compiled.Projection!.Apply(Item(("a", N("1")), ("b", N("2")))), Is.EqualTo(Item(("a", N("1")))));
    }

    [TestCase("LT", "5", true)]
    [TestCase("LT", "6", false)]
    [TestCase("LE", "6", true)]
    [TestCase("GT", "7", true)]
    [TestCase("GE", "6", true)]
    [TestCase("EQ", "6.0", true)]
    public void SortKeyCondition_Matches_ComparesNumbers(string op, string key, bool expected) =>
        Assert.That(new SortKeyCondition("c", Enum.Parse<SortKeyOperator>(op), N("6")).Matches(N(key)), Is.EqualTo(expected));

    [TestCase("p = :p OR c = :c", "Invalid operator used in KeyConditionExpression: OR")]
    [TestCase("NOT c = :c AND p = :p", "Invalid operator used in KeyConditionExpression: NOT")]
    [TestCase("p = :p AND c <> :c", "Invalid operator used in KeyConditionExpression: <>")]
    [TestCase("p = :p AND c IN (:c)", "Invalid operator used in KeyConditionExpression: IN")]
    [TestCase("p = :p AND attribute_exists(c)", "Invalid operator used in KeyConditionExpression: attribute_exists")]
    [TestCase("p = :p AND contains(c, :c)", "Invalid operator used in KeyConditionExpression: contains")]
    [TestCase("p = :p AND size(c) > :c", "KeyConditionExpressions cannot contain nested operations")]
    [TestCase("p = :p AND a.b < :c", "KeyConditionExpressions cannot have conditions on nested attributes")]
    [TestCase("p = c AND c = :c AND :p = :p", "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition")]
    [TestCase(":p = :c", "Invalid condition in KeyConditionExpression: No key attribute specified")]
    [TestCase("p = :p AND p = :p", "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key")]
    [TestCase("p = :p AND :c BETWEEN c AND :c", "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand")]
    [TestCase("p = :p AND begins_with(:p, c)", "Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand")]
    [TestCase("p = :p AND begins_with(c, :c)", "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N")]
    [TestCase("p = :p AND dog(c, :c)", "Invalid KeyConditionExpression: Invalid function name; function: dog")]
    [TestCase("p = :p AND c != :c", "Invalid KeyConditionExpression: Syntax error; token: \"!\", near: \"c !=\"")]
    [TestCase("p", "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"p\"")]
    [TestCase("((c = :c) AND ((p = :p)))", "Invalid KeyConditionExpression: The expression has redundant parentheses;")]
    public void KeyConditionExpression_BadShape_FailsWithAwsMessage(string expression, string message)
    {
        // Only the values the expression uses: an unused one would be reported first.
        var values = new Dictionary<string, AttributeValue> { [":p"] = S("x"), [":c"] = N("1") }
            .Where(v => Regex.IsMatch(expression, Regex.Escape(v.Key) + @"\b")).ToDictionary(v => v.Key, v => v.Value);
        AssertValidation(() => Query(expression, values.Count == 0 ? null : values), message);
    }

    [TestCase("c = :c", "Query condition missed key schema element: p")]
    [TestCase("p < :p", "Query key condition not supported")]
    [TestCase("p = :p AND a < :c", "Query condition missed key schema element: c")]
    [TestCase("p = :p AND c < :c AND a < :c", "The number of query conditions (3) exceeds the number of key attributes defined in the schema (2)")]
    [TestCase("p = :c", "One or more parameter values were invalid: Condition parameter type does not match schema type")]
    [TestCase("p = :p AND c = :p", "One or more parameter values were invalid: Condition parameter type does not match schema type")]
    [TestCase("p = :empty", "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: p")]
    public void KeyConditionExpression_AgainstSchema_FailsWithAwsMessage(string expression, string message)
    {
        var values = new Dictionary<string, AttributeValue> { [":p"] = S("x"), [":c"] = N("1"), [":empty"] = S("") };
        var used = values.Where(v => Regex.IsMatch(expression, Regex.Escape(v.Key) + @"\b")).ToDictionary(v => v.Key, v => v.Value);
        var compiled = Query(expression, used.Count == 0 ? null : used);
        AssertValidation(() => compiled.KeyConditionFor(Composite), message);
    }

    [Test]
    public void KeyConditionExpression_SortConditionOnHashOnlyTable_IsNotSupported()
    {
        var compiled = Query("p = :p AND c = :c", new() { [":p"] = S("x"), [":c"] = N("1") });
        AssertValidation(() => compiled.KeyConditionFor(HashOnly), "Query key condition not supported");
    }

    [Test]
    public void KeyConditionExpression_UnusedValue_IsRejected() =>
        AssertValidation(() => Query("p = :p", new() { [":p"] = S("x"), [":qq"] = N("3") }),
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {:qq}");

    [Test]
    public void KeyConditionExpression_UndefinedValue_IsRejected() =>
        AssertValidation(() => Query("p = :p"),
            "Invalid KeyConditionExpression: An expression attribute value used in expression is not defined; attribute value: :p");

    [Test]
    public void Query_NoKeyCondition_IsRejected() =>
        AssertValidation(() => RequestExpressions.Compile(new ExpressionInputs(), ExpressionOperation.Query),
            "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");

    [Test]
    public void Query_BothKeyConditionForms_IsRejected() =>
        AssertValidation(() => RequestExpressions.Compile(new ExpressionInputs
        {
            KeyConditionExpression = "p = :p",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":p"] = S("x") },
            KeyConditions = new Dictionary<string, LegacyCondition>
            {
                ["c"] = new() { ComparisonOperator = "GT", AttributeValueList = [N("3")] },
            },
        }, ExpressionOperation.Query),
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {KeyConditions} Expression parameters: {KeyConditionExpression}");

    [Test]
    public void Query_LegacyKeyConditions_GiveSameSpec()
    {
        var compiled = RequestExpressions.Compile(new ExpressionInputs
        {
            KeyConditions = new Dictionary<string, LegacyCondition>
            {
                ["p"] = new() { ComparisonOperator = "EQ", AttributeValueList = [S("x")] },
                ["c"] = new() { ComparisonOperator = "BETWEEN", AttributeValueList = [N("1"), N("3")] },
            },
        }, ExpressionOperation.Query);
        var spec = compiled.KeyConditionFor(Composite);
        Assert.That(spec.PartitionKey, Is.EqualTo(S("x")));
        Assert.That(spec.SortKey, Is.EqualTo(new SortKeyCondition("c", SortKeyOperator.BETWEEN, N("1"), N("3"))));
    }

    [TestCase("NE")]
    [TestCase("IN")]
    [TestCase("CONTAINS")]
    public void Query_LegacyKeyConditionNotIndexable_IsRejected(string op)
    {
        var compiled = RequestExpressions.Compile(new ExpressionInputs
        {
            KeyConditions = new Dictionary<string, LegacyCondition>
            {
                ["p"] = new() { ComparisonOperator = "EQ", AttributeValueList = [S("x")] },
                ["c"] = new() { ComparisonOperator = op, AttributeValueList = [N("1")] },
            },
        }, ExpressionOperation.Query);
        AssertValidation(() => compiled.KeyConditionFor(Composite), "Attempted conditional constraint is not an indexable operation");
    }

    [Test]
    public void Query_LegacyKeyConditionsWithProjectionExpression_IsAllowed()
    {
        var compiled = RequestExpressions.Compile(new ExpressionInputs
        {
            ProjectionExpression = "a",
            KeyConditions = new Dictionary<string, LegacyCondition>
            {
                ["p"] = new() { ComparisonOperator = "EQ", AttributeValueList = [S("x")] },
            },
        }, ExpressionOperation.Query);
        Assert.That(compiled.KeyConditionFor(Composite).SortKey, Is.Null);
    }

    [Test]
    public void Query_FilterOnKeyAttribute_IsRejected()
    {
        var compiled = RequestExpressions.Compile(new ExpressionInputs
        {
            KeyConditionExpression = "p = :p",
            FilterExpression = "c > :c",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":p"] = S("x"), [":c"] = N("1") },
        }, ExpressionOperation.Query);
        AssertValidation(() => compiled.CheckKeySchema(Composite),
            "Filter Expression can only contain non-primary key attributes: Primary key attribute: c");
    }

    [Test]
    public void Query_QueryFilterOnKeyAttribute_IsRejected()
    {
        var compiled = RequestExpressions.Compile(new ExpressionInputs
        {
            KeyConditions = new Dictionary<string, LegacyCondition>
            {
                ["p"] = new() { ComparisonOperator = "EQ", AttributeValueList = [S("x")] },
            },
            QueryFilter = new Dictionary<string, LegacyCondition>
            {
                ["c"] = new() { ComparisonOperator = "GT", AttributeValueList = [N("1")] },
            },
        }, ExpressionOperation.Query);
        AssertValidation(() => compiled.CheckKeySchema(Composite),
            "QueryFilter can only contain non-primary key attributes: Primary key attribute: c");
    }
}
