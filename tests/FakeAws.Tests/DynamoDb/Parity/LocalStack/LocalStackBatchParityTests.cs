using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity.LocalStack;

// Facts from AWS-recorded responses in LocalStack's tests/aws/services/dynamodb/test_dynamodb.py
// (validated snapshots): TestDynamoDB::test_batch_write_binary, test_batch_write_items,
// test_dynamodb_get_batch_items and test_batch_write_not_matching_schema.
public class LocalStackBatchParityTests(DynamoDbPath path) : LocalStackParityTestBase(path)
{
    /// <summary>b"test \xc0 \xed": bytes that are not UTF-8.</summary>
    private static readonly byte[] NotUtf8 = [0x74, 0x65, 0x73, 0x74, 0x20, 0xC0, 0x20, 0xED];

    [Test]
    public async Task BatchWriteItem_BinaryValuesThatAreNotUtf8_AllProcessed()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "binary",
            AttributeDefinitions = [new("PK", ScalarAttributeType.S), new("SK", ScalarAttributeType.S)],
            KeySchema = [new("PK", KeyType.HASH), new("SK", KeyType.RANGE)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        await Ddb.PutItemAsync("binary", Item(("PK", S("hello")), ("SK", S("user")), ("data", B("test"u8.ToArray()))));

        var response = await Ddb.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new()
            {
                ["binary"] =
                [
                    new WriteRequest { PutRequest = new PutRequest { Item = Item(("PK", S("hello-1")), ("SK", S("user-1")), ("data", B("test-1"u8.ToArray()))) } },
                    new WriteRequest { PutRequest = new PutRequest { Item = Item(("PK", S("hello-2")), ("SK", S("user-2")), ("data", B(NotUtf8))) } },
                ],
            },
        });

        Assert.That(response.UnprocessedItems, Is.Not.Null.And.Empty);
        var stored = (await Ddb.GetItemAsync("binary", Item(("PK", S("hello-2")), ("SK", S("user-2"))))).Item;
        Assert.That(Bytes(stored["data"]), Is.EqualTo(NotUtf8));
    }

    [Test]
    public async Task BatchWriteItem_DeleteAndPut_UnprocessedItemsEmpty()
    {
        await CreateLocalStackTableAsync("batch");
        await Ddb.PutItemAsync("batch", Item(("id", S("Fred"))));

        var response = await Ddb.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new()
            {
                ["batch"] =
                [
                    new WriteRequest { DeleteRequest = new DeleteRequest { Key = Item(("id", S("Fred"))) } },
                    new WriteRequest { PutRequest = new PutRequest { Item = Item(("id", S("Bob"))) } },
                ],
            },
        });

        Assert.Multiple(() =>
        {
            Assert.That(response.UnprocessedItems, Is.Not.Null.And.Empty);
            Assert.That(response.ConsumedCapacity, Is.Null.Or.Empty);
            Assert.That(response.ItemCollectionMetrics, Is.Null.Or.Empty);
        });
    }

    [Test]
    public async Task BatchGetItem_KeyNotThere_EmptyListForTheTableAndEmptyUnprocessedKeys()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "gets",
            KeySchema = [new("PK", KeyType.HASH)],
            AttributeDefinitions = [new("PK", ScalarAttributeType.S)],
            ProvisionedThroughput = new ProvisionedThroughput(1, 1),
        });

        var response = await Ddb.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { ["gets"] = new KeysAndAttributes { Keys = [Item(("PK", S("test-key")))] } },
        });

        Assert.Multiple(() =>
        {
            Assert.That(response.Responses.Keys, Is.EqualTo(new[] { "gets" }));
            Assert.That(response.Responses["gets"], Is.Not.Null.And.Empty);
            Assert.That(response.UnprocessedKeys, Is.Not.Null.And.Empty);
        });
    }

    [Test]
    public async Task BatchWriteItem_PutWithoutTheKeyAttributes_KeyElementDoesNotMatchTheSchema()
    {
        await CreateLocalStackTableAsync("schema", range: "sortKey");

        Invalid(() => Ddb.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { ["schema"] = [new WriteRequest { PutRequest = new PutRequest { Item = Item(("nonKey", S("hello"))) } }] },
        }), "The provided key element does not match the schema");
    }
}
