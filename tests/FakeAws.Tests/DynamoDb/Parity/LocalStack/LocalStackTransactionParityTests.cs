using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity.LocalStack;

// Facts from AWS-recorded responses in LocalStack's tests/aws/services/dynamodb/test_dynamodb.py
// (validated snapshots): TestDynamoDB::test_transaction_write_items, test_transaction_write_canceled,
// test_transaction_write_binary_data, test_transact_get_items, test_dynamodb_idempotent_writing and
// test_batch_write_not_existing_table.
public class LocalStackTransactionParityTests(DynamoDbPath path) : LocalStackParityTestBase(path)
{
    [Test]
    public async Task TransactWriteItems_ConditionCheckPutUpdateDelete_AnswersNothingButSuccess()
    {
        await CreateLocalStackTableAsync("txitems");

        var response = await Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { ConditionCheck = new ConditionCheck { TableName = "txitems", ConditionExpression = "attribute_not_exists(id)", Key = Item(("id", S("test1"))) } },
                new TransactWriteItem { Put = new Put { TableName = "txitems", Item = Item(("id", S("test2"))) } },
                new TransactWriteItem
                {
                    Update = new Update
                    {
                        TableName = "txitems", Key = Item(("id", S("test3"))), UpdateExpression = "SET attr1 = :v1, attr2 = :v2",
                        ExpressionAttributeValues = new() { [":v1"] = S("value1"), [":v2"] = S("value2") },
                    },
                },
                new TransactWriteItem { Delete = new Delete { TableName = "txitems", Key = Item(("id", S("test4"))) } },
            ],
        });

        Assert.Multiple(() =>
        {
            Assert.That(response.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.ConsumedCapacity, Is.Null.Or.Empty);
            Assert.That(response.ItemCollectionMetrics, Is.Null.Or.Empty);
        });
    }

    [Test]
    public async Task TransactWriteItems_ConditionCheckFails_CancelledWithReasonsInOrder()
    {
        await CreateLocalStackTableAsync("cancel", hash: "Username");
        await Ddb.PutItemAsync("cancel", Item(("Username", S("Fred"))));

        var error = Assert.ThrowsAsync<TransactionCanceledException>(() => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { ConditionCheck = new ConditionCheck { TableName = "cancel", ConditionExpression = "attribute_not_exists(Username)", Key = Item(("Username", S("Fred"))) } },
                new TransactWriteItem { Delete = new Delete { TableName = "cancel", Key = Item(("Username", S("Bert"))) } },
            ],
        }))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.ErrorCode, Is.EqualTo("TransactionCanceledException"));
            Assert.That(error.Message, Is.EqualTo("Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]"));
            Assert.That(error.CancellationReasons.Select(r => r.Code), Is.EqualTo(new[] { "ConditionalCheckFailed", "None" }));
        });
    }

    [Test]
    public async Task TransactWriteItems_PutBinary_GetItemReturnsTheBytes()
    {
        await CreateLocalStackTableAsync("txbinary");

        var response = await Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new TransactWriteItem { Put = new Put { TableName = "txbinary", Item = Item(("id", S("someUser")), ("binaryData", B("foobar"u8.ToArray()))) } }],
        });
        var item = (await Ddb.GetItemAsync("txbinary", Item(("id", S("someUser"))))).Item;

        Assert.Multiple(() =>
        {
            Assert.That(response.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(item.Keys, Is.EquivalentTo(new[] { "binaryData", "id" }));
            Assert.That(Bytes(item["binaryData"]), Is.EqualTo("foobar"u8.ToArray()));
        });
    }

    [Test]
    public async Task TransactGetItems_OneGet_ResponsesHoldTheItem()
    {
        await CreateLocalStackTableAsync("txget");
        await Ddb.PutItemAsync("txget", Item(("id", S("John"))));

        var result = await Ddb.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems = [new TransactGetItem { Get = new Get { TableName = "txget", Key = Item(("id", S("John"))) } }],
        });

        Assert.Multiple(() =>
        {
            Assert.That(result.Responses, Has.Count.EqualTo(1));
            Assert.That(result.Responses[0].Item.Keys, Is.EqualTo(new[] { "id" }));
            Assert.That(result.Responses[0].Item["id"].S, Is.EqualTo("John"));
            Assert.That(result.ConsumedCapacity, Is.Null.Or.Empty);
        });
    }

    [Test]
    public async Task TransactWriteItems_SameTokenSameItemWithAttributesInAnotherOrder_IsTheSameRequest()
    {
        await CreateLocalStackTableAsync("idempotent", range: "name");

        Task<TransactWriteItemsResponse> Write(Dictionary<string, AttributeValue> item) => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            ClientRequestToken = "dedupe_token",
            TransactItems = [new TransactWriteItem { Put = new Put { TableName = "idempotent", Item = item } }],
        });

        var first = await Write(Item(("id", S("id1")), ("name", S("name1"))));
        var second = await Write(Item(("name", S("name1")), ("id", S("id1"))));

        Assert.That(new[] { first.HttpStatusCode, second.HttpStatusCode }, Is.All.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void TransactWriteItems_PutIntoATableThatDoesNotExist_ResourceNotFoundBeforeTheItemIsChecked()
    {
        var error = Assert.ThrowsAsync<ResourceNotFoundException>(() => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new TransactWriteItem { Put = new Put { TableName = "non-existing-table", Item = [] } }],
        }))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.ErrorCode, Is.EqualTo("ResourceNotFoundException"));
            Assert.That(error.Message, Is.EqualTo("Requested resource not found"));
            Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }
}
