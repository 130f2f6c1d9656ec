using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/error-messages/deleteItem.test.ts:
// DeleteItem's exact error messages, and the request-validation envelope it reports them in.
public class ParityErrorMessagesDeleteItemTests(DynamoDbPath path) : ParityTestBase(path)
{
    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Composite, Hash, HashB);

    private string Message(DeleteItemRequest request)
    {
        request.TableName ??= Hash;
        request.Key ??= Key("em-del-envelope");
        return Refusal(() => Ddb.DeleteItemAsync(request));
    }

    private static Dictionary<string, ExpectedAttributeValue> Expected(ExpectedAttributeValue condition) => new() { ["a"] = condition };

    [Test]
    public void DeleteItem_AbsentTable_RequestedResourceNotFound() =>
        Fails<ResourceNotFoundException>(() => Ddb.DeleteItemAsync(Absent, Key("test")), "Requested resource not found");

    [Test]
    public void DeleteItem_MissingRangeKey_SchemaMismatch() =>
        Invalid(() => Ddb.DeleteItemAsync(Composite, Key("test")), SchemaMismatch);

    [Test]
    public void DeleteItem_ExpectedWithConditionExpression_BothKindsNamed() =>
        Assert.That(Message(new DeleteItemRequest
        {
            Key = Key("em-del-mix"),
            Expected = new Dictionary<string, ExpectedAttributeValue> { ["pk"] = new() { Exists = false } },
            ConditionExpression = "attribute_not_exists(pk)",
        }), Does.Contain("Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}"));

    [Test]
    public void DeleteItem_EmptyBinaryKey_Refused() =>
        Invalid(() => Ddb.DeleteItemAsync(HashB, Item(("pk", B()))), EmptyBinaryKey);

    [Test]
    public void DeleteItem_NamesOrValuesWithoutExpression_Enveloped()
    {
        Assert.That(Message(new DeleteItemRequest { ExpressionAttributeValues = Item((":v", S("x"))) }),
            Is.EqualTo(One("ExpressionAttributeValues can only be specified when using expressions")));
        Assert.That(Message(new DeleteItemRequest { ExpressionAttributeNames = new Dictionary<string, string> { ["#a"] = "a" } }),
            Is.EqualTo(One("ExpressionAttributeNames can only be specified when using expressions")));
        Assert.That(Message(new DeleteItemRequest
        {
            Expected = Expected(new ExpectedAttributeValue { Exists = false }),
            ExpressionAttributeNames = new Dictionary<string, string> { ["#a"] = "a" },
        }), Is.EqualTo(One("ExpressionAttributeNames can only be specified when using expressions")));
    }

    [Test]
    public void DeleteItem_EmptyNamesOrValues_MustNotBeEmpty()
    {
        Assert.That(Message(new DeleteItemRequest { ConditionExpression = "attribute_exists(a)", ExpressionAttributeValues = [] }),
            Is.EqualTo(One("ExpressionAttributeValues must not be empty")));
        Assert.That(Message(new DeleteItemRequest { ConditionExpression = "attribute_exists(a)", ExpressionAttributeNames = [] }),
            Is.EqualTo(One("ExpressionAttributeNames must not be empty")));
    }

    [Test]
    public void DeleteItem_EmptyConditionExpression_Enveloped() =>
        Assert.That(Message(new DeleteItemRequest { ConditionExpression = "" }), Is.EqualTo(One("Invalid ConditionExpression: The expression can not be empty;")));

    [TestCase("ALL_NEW")]
    [TestCase("UPDATED_NEW")]
    public void DeleteItem_ReturnValuesOtherThanOld_Enveloped(string returnValues) =>
        Assert.That(Message(new DeleteItemRequest { ReturnValues = returnValues }), Is.EqualTo(One("ReturnValues can only be ALL_OLD or NONE")));

    [Test]
    public void DeleteItem_MalformedExpected_EachEnveloped()
    {
        Assert.That(Message(new DeleteItemRequest { Expected = Expected(new() { Exists = true }) }),
            Is.EqualTo(One($"{ParametersInvalid}Value must be provided when Exists is true for Attribute: a")));
        Assert.That(Message(new DeleteItemRequest { Expected = Expected(new() { Exists = false, Value = S("x") }) }),
            Is.EqualTo(One($"{ParametersInvalid}Value cannot be used when Exists is false for Attribute: a")));
        Assert.That(Message(new DeleteItemRequest { Expected = Expected(new() { Value = S("x"), ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = [S("x")] }) }),
            Is.EqualTo(One($"{ParametersInvalid}Value and AttributeValueList cannot be used together for Attribute: a")));
        Assert.That(Message(new DeleteItemRequest { Expected = Expected(new() { ComparisonOperator = ComparisonOperator.EQ }) }),
            Is.EqualTo(One($"{ParametersInvalid}Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a")));
        Assert.That(Message(new DeleteItemRequest { Expected = Expected(new() { ComparisonOperator = ComparisonOperator.BETWEEN, AttributeValueList = [S("x")] }) }),
            Is.EqualTo(One($"{ParametersInvalid}Invalid number of argument(s) for the BETWEEN ComparisonOperator")));
    }
}
