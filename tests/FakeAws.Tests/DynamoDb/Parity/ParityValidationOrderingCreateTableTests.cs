using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/validation-ordering/createTable.test.ts: which
// CreateTable error comes first when a request has several.
// The SDK's analyzer flags literal values it knows AWS rejects; sending them is the point here.
#pragma warning disable DynamoDB1000
public class ParityValidationOrderingCreateTableTests(DynamoDbPath path) : ParityTestBase(path)
{
    private static string TooShort(string name, string member) =>
        $"Value '{name}' at '{member}.1.member.indexName' failed to satisfy constraint: Member must have length greater than or equal to 3";

    private static CreateTableRequest WithIndexes(string lsi, string gsi) => new()
    {
        TableName = "vo_ct_index_names",
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S)],
        KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
        LocalSecondaryIndexes = [new LocalSecondaryIndex { IndexName = lsi, KeySchema = [new("pk", KeyType.HASH), new("lr", KeyType.RANGE)], Projection = new Projection { ProjectionType = ProjectionType.ALL } }],
        GlobalSecondaryIndexes = [new GlobalSecondaryIndex { IndexName = gsi, KeySchema = [new("gh", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.ALL } }],
    };

    [Test]
    public void CreateTable_EmptyTableName_NamesTableName() =>
        Assert.That(Refusal(() => Ddb.CreateTableAsync(new CreateTableRequest { TableName = "", KeySchema = [], AttributeDefinitions = [] })), Does.Contain("tableName"));

    [Test]
    public void CreateTable_InvalidBillingModeAndKeyType_Refused() =>
        Assert.That(Refusal(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "valid_table_name", AttributeDefinitions = [new("pk", ScalarAttributeType.S)], KeySchema = [new("pk", "INVALID")], BillingMode = "INVALID_MODE",
        })), Is.Not.Empty);

    [Test]
    public void CreateTable_ProvisionedWithoutThroughputAndInvalidKeyType_Refused() =>
        Assert.That(Refusal(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "valid_table_name", AttributeDefinitions = [new("pk", ScalarAttributeType.S)], KeySchema = [new("pk", "INVALID")], BillingMode = BillingMode.PROVISIONED,
        })), Is.Not.Empty);

    [Test]
    public void CreateTable_AttributeTwiceInKeySchema_InvalidKeySchema() =>
        Assert.That(Refusal(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "dupkey", AttributeDefinitions = [new("pk", ScalarAttributeType.S)], KeySchema = [new("pk", KeyType.HASH), new("pk", KeyType.RANGE)], BillingMode = BillingMode.PAY_PER_REQUEST,
        })), Does.Contain("Invalid KeySchema"));

    [Test]
    public void CreateTable_ThreeKeySchemaElements_LengthConstraint() =>
        Assert.That(Refusal(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "threekey",
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S), new("tk", ScalarAttributeType.S)],
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE), new("tk", KeyType.RANGE)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        })), Does.Contain("Member must have length less than or equal to 2"));

    [Test]
    public void CreateTable_InvalidBillingMode_EnumNamed()
    {
        var message = Refusal(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "badbilling", AttributeDefinitions = [new("pk", ScalarAttributeType.S)], KeySchema = [new("pk", KeyType.HASH)], BillingMode = "INVALID_MODE",
        }));
        Assert.That(message, Does.Contain("billingMode"));
        Assert.That(message, Does.Contain("[PROVISIONED, PAY_PER_REQUEST]"));
    }

    [TestCase("l1", "g1")]
    [TestCase("aa", "zz")]
    public void CreateTable_ShortGsiAndLsiNames_GsiErrorFirst(string lsi, string gsi) =>
        Invalid(() => Ddb.CreateTableAsync(WithIndexes(lsi, gsi)),
            $"2 validation errors detected: {TooShort(gsi, "globalSecondaryIndexes")}; {TooShort(lsi, "localSecondaryIndexes")}");
}
