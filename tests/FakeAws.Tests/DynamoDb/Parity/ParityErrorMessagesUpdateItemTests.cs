using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/error-messages/updateItem.test.ts:
// UpdateItem's exact error messages as real DynamoDB answers them.
public class ParityErrorMessagesUpdateItemTests(DynamoDbPath path) : ParityTestBase(path)
{
    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash, HashB, Composite);

    private Task Update(UpdateItemRequest request)
    {
        request.TableName ??= Hash;
        request.Key ??= Key("em-upd-key-mod");
        return Ddb.UpdateItemAsync(request);
    }

    [Test]
    public void UpdateItem_SetHashKey_PartOfTheKey() =>
        Invalid(() => Update(new UpdateItemRequest { UpdateExpression = "SET pk = :v", ExpressionAttributeValues = Item((":v", S("new-val"))) }),
            "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");

    [Test]
    public void UpdateItem_SyntaxError_NamesTokenAndNear() =>
        InvalidContaining(() => Update(new UpdateItemRequest { UpdateExpression = "INVALID SYNTAX HERE", ExpressionAttributeValues = Item((":v", S("val"))) }),
            "Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"");

    [Test]
    public void UpdateItem_UnusedName_Named() =>
        InvalidContaining(() => Update(new UpdateItemRequest
        {
            UpdateExpression = "SET attr1 = :v",
            ExpressionAttributeValues = Item((":v", S("val"))),
            ExpressionAttributeNames = new Dictionary<string, string> { ["#unused"] = "someattr" },
        }), "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}");

    [Test]
    public void UpdateItem_UnusedValue_Named() =>
        InvalidContaining(() => Update(new UpdateItemRequest
        {
            UpdateExpression = "SET attr1 = :v",
            ExpressionAttributeValues = Item((":v", S("val")), (":unused", S("extra"))),
        }), "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");

    [Test]
    public void UpdateItem_UndefinedValue_Named() =>
        InvalidContaining(() => Update(new UpdateItemRequest { UpdateExpression = "SET attr1 = :v" }),
            "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :v");

    [Test]
    public void UpdateItem_UndefinedValueInConditionOnly_EnvelopedAndNamed() =>
        Invalid(() => Update(new UpdateItemRequest
        {
            UpdateExpression = "SET b = :w",
            ConditionExpression = "a = :v",
            ExpressionAttributeValues = Item((":w", S("x"))),
        }), One("Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v"));

    [Test]
    public void UpdateItem_UpdateExpressionWithAttributeUpdates_BothKindsNamed() =>
        InvalidContaining(() => Update(new UpdateItemRequest
        {
            UpdateExpression = "SET attr1 = :v",
            ExpressionAttributeValues = Item((":v", S("val"))),
            AttributeUpdates = new Dictionary<string, AttributeValueUpdate> { ["attr1"] = new() { Value = S("val"), Action = AttributeAction.PUT } },
        }), "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}");

    [Test]
    public void UpdateItem_EmptyUpdateExpression_CanNotBeEmpty() =>
        InvalidContaining(() => Update(new UpdateItemRequest { UpdateExpression = "" }), "Invalid UpdateExpression: The expression can not be empty;");

    [Test]
    public void UpdateItem_SetRangeKey_PartOfTheKey() =>
        Invalid(() => Update(new UpdateItemRequest
        {
            TableName = Composite,
            Key = Item(("pk", S("em-upd-range-mod")), ("sk", S("sk1"))),
            UpdateExpression = "SET sk = :v",
            ExpressionAttributeValues = Item((":v", S("new-sk"))),
        }), "One or more parameter values were invalid: Cannot update attribute sk. This attribute is part of the key");

    [Test]
    public void UpdateItem_EmptyBinaryKey_Refused() =>
        Invalid(() => Update(new UpdateItemRequest
        {
            TableName = HashB,
            Key = Item(("pk", B())),
            UpdateExpression = "SET attr1 = :v",
            ExpressionAttributeValues = Item((":v", S("x"))),
        }), EmptyBinaryKey);
}
