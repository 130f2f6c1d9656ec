using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/validation-ordering/updateItem.test.ts: with a
// Key, UpdateItem stops at the first member error; with Key left out altogether, the member errors are
// reported in the older per-value form and joined with the missing key, member by member
// (ReturnConsumedCapacity, tableName, ReturnValues, key).
// The SDK's analyzer flags literal values it knows AWS rejects; sending them is the point here.
#pragma warning disable DynamoDB1000
public class ParityValidationOrderingUpdateItemTests(DynamoDbPath path) : ParityTestBase(path)
{
    private const string EmptyName = "Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 1";
    private const string NoKey = "Value null at 'key' failed to satisfy constraint: Member must not be null";

    private static UpdateItemRequest WithoutKey(string table) => new()
    {
        TableName = table, UpdateExpression = "SET a = :a", ExpressionAttributeValues = Item((":a", S("x"))),
    };

    [Test]
    public void UpdateItem_EmptyTableName_OnlyTheTableName()
    {
        var message = Refusal(() => Ddb.UpdateItemAsync(new UpdateItemRequest { TableName = "", Key = [] }));
        Assert.That(message.ToLowerInvariant(), Does.Contain("tablename"));
        Assert.That(message, Does.StartWith("1 validation error detected:"));
    }

    // A regional split in the suite: eu-west-2 stops at the first enum, older regions report both.
    [Test]
    public void UpdateItem_TwoInvalidEnums_FirstAloneOrBoth()
    {
        var message = Refusal(() => Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "valid_table_name", Key = Key("test"), ReturnValues = "INVALID", ReturnConsumedCapacity = "INVALID",
        }));
        Assert.That(message, Does.StartWith("1 validation error detected:").Or.StartWith("2 validation errors detected:"));
        Assert.That(message, Does.Contain("enum value set"));
    }

    [Test]
    public void UpdateItem_InvalidTableNamePattern_NamesTableName() =>
        Assert.That(Refusal(() => Ddb.UpdateItemAsync(new UpdateItemRequest { TableName = "x!", Key = [] })), Does.Contain("tableName"));

    [Test]
    public void UpdateItem_EmptyTableNameWithoutKey_BothJoined() =>
        Invalid(() => Ddb.UpdateItemAsync(WithoutKey("")), $"2 validation errors detected: {EmptyName}; {NoKey}");

    [Test]
    public void UpdateItem_EnumsEmptyTableNameAndNoKey_JoinedInMemberOrder()
    {
        var request = WithoutKey("");
        request.ReturnConsumedCapacity = "INVALID";
        request.ReturnValues = "INVALID";
        Invalid(() => Ddb.UpdateItemAsync(request),
            "4 validation errors detected: " +
            "Value 'INVALID' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; " +
            $"{EmptyName}; " +
            "Value 'INVALID' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]; " +
            NoKey);
    }

    [Test]
    public void UpdateItem_XorWithTwoExpectedAndNoKey_Joined() =>
        Invalid(() => Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "vo_upd_nokey",
            AttributeUpdates = new Dictionary<string, AttributeValueUpdate> { ["x"] = new() { Action = AttributeAction.PUT, Value = S("1") } },
            Expected = new Dictionary<string, ExpectedAttributeValue> { ["a"] = new() { Exists = false }, ["b"] = new() { Exists = false } },
            ConditionalOperator = "XOR",
        }), "2 validation errors detected: Value 'XOR' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value set: [OR, AND]; " + NoKey);
}
