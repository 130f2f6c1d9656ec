using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.DynamoDb.Expressions;
using FakeAws.Engine.DynamoDb.Model;
using LegacyCondition = FakeAws.Engine.DynamoDb.Model.Condition;
using static FakeAws.Engine.Tests.DynamoDb.Expressions.ExpressionKit;

namespace FakeAws.Engine.Tests.DynamoDb.Expressions;

public class ExpressionParametersTests
{
    [Test]
    public void ExpressionAttributeNames_Empty_IsRejected() =>
        AssertValidation(() => Condition("a = :v", new() { [":v"] = N("1") }, []), "ExpressionAttributeNames must not be empty");

    [Test]
    public void ExpressionAttributeValues_Empty_IsRejected() =>
        AssertValidation(() => Condition("attribute_exists(a)", []), "ExpressionAttributeValues must not be empty");

    [TestCase("x")]
    [TestCase("#")]
    [TestCase("#a-b")]
    [TestCase("a#")]
    public void ExpressionAttributeNames_InvalidKey_IsRejected(string key) =>
        AssertValidation(() => Condition("attribute_exists(a)", names: new() { [key] = "a" }),
            $"ExpressionAttributeNames contains invalid key: Syntax error; key: \"{key}\"");

    [TestCase("v")]
    [TestCase(":")]
    [TestCase(":a.b")]
    public void ExpressionAttributeValues_InvalidKey_IsRejected(string key) =>
        AssertValidation(() => Condition("attribute_exists(a)", new() { [key] = N("1") }),
            $"ExpressionAttributeValues contains invalid key: Syntax error; key: \"{key}\"");

    [Test]
    public void ExpressionAttributeNames_Unused_AreListed() =>
        AssertValidation(() => Condition("#b = :v", new() { [":v"] = N("1") }, new() { ["#a"] = "a", ["#b"] = "b", ["#c"] = "c" }),
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #c}");

    [Test]
    public void ExpressionAttributeValues_Unused_AreListed() =>
        AssertValidation(() => Condition("attribute_exists(a)", new() { [":a"] = N("1"), [":b"] = N("2") }),
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {:a, :b}");

    [Test]
    public void ExpressionAttributeNames_UnusedNamesAndValues_NamesReportedFirst() =>
        AssertValidation(() => Condition("attribute_exists(a)", new() { [":a"] = N("1") }, new() { ["#a"] = "a" }),
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a}");

    [Test]
    public void ExpressionAttributeNames_WithoutExpression_IsRejected() =>
        AssertValidation(() => RequestExpressions.Compile(new ExpressionInputs
        {
            ExpressionAttributeNames = new Dictionary<string, string> { ["#a"] = "a" },
        }, ExpressionOperation.PutItem), "ExpressionAttributeNames can only be specified when using expressions");

    [TestCase("UpdateItem", ": UpdateExpression and ConditionExpression are null")]
    [TestCase("PutItem", "")]
    [TestCase("DeleteItem", "")]
    [TestCase("Scan", ": FilterExpression is null")]
    public void ExpressionAttributeValues_WithoutExpression_IsRejected(string operation, string detail) =>
        AssertValidation(() => RequestExpressions.Compile(new ExpressionInputs
        {
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":a"] = N("1") },
        }, Enum.Parse<ExpressionOperation>(operation)), "ExpressionAttributeValues can only be specified when using expressions" + detail);

    [Test]
    public void ExpressionAttributeValues_WithOnlyProjection_IsRejected() =>
        AssertValidation(() => RequestExpressions.Compile(new ExpressionInputs
        {
            ProjectionExpression = "a",
            KeyConditions = new Dictionary<string, LegacyCondition> { ["p"] = new() { ComparisonOperator = "EQ", AttributeValueList = [S("x")] } },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":a"] = N("1") },
        }, ExpressionOperation.Query), "ExpressionAttributeValues can only be specified when using expressions: FilterExpression and KeyConditionExpression are null");

    [Test]
    public void ConditionExpression_WithExpected_IsRejected() =>
        AssertValidation(() => RequestExpressions.Compile(new ExpressionInputs
        {
            ConditionExpression = "attribute_exists(a)",
            Expected = new Dictionary<string, ExpectedAttributeValue> { ["a"] = new() { Exists = false } },
        }, ExpressionOperation.DeleteItem),
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");

    [Test]
    public void UpdateExpression_WithAttributeUpdatesAndExpected_ListsAll() =>
        AssertValidation(() => RequestExpressions.Compile(new ExpressionInputs
        {
            UpdateExpression = "REMOVE a",
            ConditionExpression = "attribute_exists(a)",
            AttributeUpdates = new Dictionary<string, AttributeValueUpdate> { ["b"] = new() { Action = "DELETE" } },
            Expected = new Dictionary<string, ExpectedAttributeValue> { ["a"] = new() { Exists = false } },
        }, ExpressionOperation.UpdateItem),
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributeUpdates, Expected} Expression parameters: {UpdateExpression, ConditionExpression}");

    [Test]
    public void Query_MixedFilterAndProjection_ListsInAwsOrder() =>
        AssertValidation(() => RequestExpressions.Compile(new ExpressionInputs
        {
            ProjectionExpression = "a",
            FilterExpression = "attribute_exists(b)",
            AttributesToGet = ["a"],
            QueryFilter = new Dictionary<string, LegacyCondition> { ["b"] = new() { ComparisonOperator = "NOT_NULL" } },
            ConditionalOperator = "OR",
            KeyConditions = new Dictionary<string, LegacyCondition> { ["p"] = new() { ComparisonOperator = "EQ", AttributeValueList = [S("x")] } },
        }, ExpressionOperation.Query),
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet, QueryFilter, ConditionalOperator} Expression parameters: {ProjectionExpression, FilterExpression}");

    [Test]
    public void ConditionCheck_ConditionExpression_Compiles()
    {
        var compiled = RequestExpressions.Compile(new ExpressionInputs { ConditionExpression = "attribute_not_exists(a)" }, ExpressionOperation.ConditionCheck);
        Assert.That(compiled.Condition!.Evaluate(Item(("a", N("1")))), Is.False);
        Assert.That(compiled.Update, Is.Null);
        Assert.That(compiled.Projection, Is.Null);
    }

    [Test]
    public void Scan_FilterExpression_EvaluatesAndChecksNestedKeys()
    {
        var compiled = RequestExpressions.Compile(new ExpressionInputs
        {
            FilterExpression = "size(#t) > :n",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#t"] = "tags" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":n"] = N("1") },
        }, ExpressionOperation.Scan);
        Assert.That(compiled.Filter!.Evaluate(Item(("tags", SS("a", "b")))), Is.True);
        Assert.That(compiled.Filter.Evaluate(Item(("tags", SS("a")))), Is.False);
        Assert.DoesNotThrow(() => compiled.CheckKeySchema(new KeySchema(new KeyAttribute("tags", AttributeType.S), null)));
    }

    [Test]
    public void Scan_FilterIntoKey_IsRejected()
    {
        var compiled = RequestExpressions.Compile(new ExpressionInputs { FilterExpression = "attribute_exists(p.x)" }, ExpressionOperation.Scan);
        AssertValidation(() => compiled.CheckKeySchema(new KeySchema(new KeyAttribute("p", AttributeType.S), null)),
            "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: p");
    }

    [Test]
    public void KeyConditionFor_OutsideQuery_IsAProgrammingError()
    {
        var compiled = Condition("attribute_exists(a)");
        Assert.Throws<InvalidOperationException>(() => compiled.KeyConditionFor(new KeySchema(new KeyAttribute("p", AttributeType.S), null)));
    }

    [Test]
    public void ReservedWords_FullList_IsLoaded()
    {
        Assert.That(ReservedWords.Count, Is.EqualTo(573));
        Assert.That(ReservedWords.Contains("status"), Is.True);
        Assert.That(ReservedWords.Contains("ZONE"), Is.True);
        Assert.That(ReservedWords.Contains("colour"), Is.False);
    }

    [Test]
    public void Tokenizer_MixedExpression_SplitsAsDynamoDbLexer()
    {
        var tokens = Tokenizer.Tokenize("#a.b[12] <>:v_1 _x <= 3a");
        Assert.That(tokens.Select(t => $"{t.Kind}:{t.Text}"), Is.EqualTo(new[]
        {
            "NamePlaceholder:#a", "Punctuation:.", "Name:b", "Punctuation:[", "Integer:12", "Punctuation:]", "Whitespace: ",
            "Punctuation:<>", "ValuePlaceholder::v_1", "Whitespace: ", "Invalid:_", "Name:x", "Whitespace: ", "Punctuation:<=",
            "Whitespace: ", "Integer:3", "Name:a",
        }));
    }
}
