using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity.LocalStack;

// Facts from AWS-recorded responses in LocalStack's tests/aws/services/dynamodb/test_dynamodb.py
// (test_dynamodb.snapshot.json, tests listed in test_dynamodb.validation.json): TestDynamoDB::
// test_valid_local_secondary_index, test_return_values_in_put_item, test_empty_and_binary_values,
// test_return_values_on_conditions_check_failure and the GetItem half of test_data_encoding_consistency.
public class LocalStackItemParityTests(DynamoDbPath path) : LocalStackParityTestBase(path)
{
    [Test]
    public async Task Query_LocalIndexOnHashKeyOnly_AllAttributes_ReturnsTheItem()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "lsi",
            KeySchema = [new("PK", KeyType.HASH), new("SK", KeyType.RANGE)],
            AttributeDefinitions = [new("PK", ScalarAttributeType.S), new("SK", ScalarAttributeType.S), new("LSI1SK", ScalarAttributeType.N)],
            LocalSecondaryIndexes =
            [
                new LocalSecondaryIndex
                {
                    IndexName = "LSI1",
                    KeySchema = [new("PK", KeyType.HASH), new("LSI1SK", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                },
            ],
            ProvisionedThroughput = new ProvisionedThroughput(5, 5),
            Tags = [new Tag { Key = "Name", Value = "test-table" }, new Tag { Key = "TestKey", Value = "true" }],
        });
        var item = Item(("SK", S("hello")), ("LSI1SK", N("123")), ("PK", S("test one")));
        await Ddb.PutItemAsync("lsi", item);

        var result = await Ddb.QueryAsync(new QueryRequest
        {
            TableName = "lsi",
            IndexName = "LSI1",
            KeyConditionExpression = "PK = :v1",
            ExpressionAttributeValues = new() { [":v1"] = S("test one") },
            Select = Select.ALL_ATTRIBUTES,
        });

        Assert.Multiple(() =>
        {
            Assert.That(result.Count, Is.EqualTo(1));
            Assert.That(result.ScannedCount, Is.EqualTo(1));
            Assert.That(result.Items, Has.Count.EqualTo(1));
            Assert.That(result.Items[0].Keys, Is.EquivalentTo(new[] { "LSI1SK", "PK", "SK" }));
            Assert.That(result.Items[0]["LSI1SK"].N, Is.EqualTo("123"));
            Assert.That(result.Items[0]["PK"].S, Is.EqualTo("test one"));
            Assert.That(result.Items[0]["SK"].S, Is.EqualTo("hello"));
            Assert.That(result.LastEvaluatedKey, Is.Null.Or.Empty);
        });
    }

    [Test]
    public async Task PutItem_ReturnValues_AllOldOnlyWhenAnItemWasReplaced()
    {
        await CreateLocalStackTableAsync("put");
        var first = Item(("id", S("id1")), ("data", S("foobar")));
        var changed = Item(("id", S("id1")), ("data", S("barfoo")));

        var onEmpty = await Ddb.PutItemAsync(new PutItemRequest { TableName = "put", Item = first, ReturnValues = ReturnValue.ALL_OLD });
        var same = await Ddb.PutItemAsync(new PutItemRequest { TableName = "put", Item = first, ReturnValues = ReturnValue.ALL_OLD });
        var replaced = await Ddb.PutItemAsync(new PutItemRequest { TableName = "put", Item = changed, ReturnValues = ReturnValue.ALL_OLD });
        var plain = await Ddb.PutItemAsync(new PutItemRequest { TableName = "put", Item = first });
        var plainAgain = await Ddb.PutItemAsync(new PutItemRequest { TableName = "put", Item = first });

        Assert.Multiple(() =>
        {
            Assert.That(onEmpty.Attributes, Is.Null.Or.Empty);
            Assert.That(same.Attributes.ToDictionary(a => a.Key, a => a.Value.S), Is.EquivalentTo(new Dictionary<string, string> { ["data"] = "foobar", ["id"] = "id1" }));
            Assert.That(replaced.Attributes.ToDictionary(a => a.Key, a => a.Value.S), Is.EquivalentTo(new Dictionary<string, string> { ["data"] = "foobar", ["id"] = "id1" }));
            Assert.That(plain.Attributes, Is.Null.Or.Empty);
            Assert.That(plainAgain.Attributes, Is.Null.Or.Empty);
            Assert.That(new[] { onEmpty, same, replaced, plain, plainAgain }.Select(r => r.HttpStatusCode), Is.All.EqualTo(System.Net.HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task PutItem_EmptyStringAndNonUtf8Binary_NonKeyAttributes_Accepted()
    {
        await CreateLocalStackTableAsync("values");

        var empty = await Ddb.PutItemAsync("values", Item(("id", S("id1")), ("data", S(""))));
        var binary = await Ddb.PutItemAsync("values", Item(("id", S("id2")), ("data", B(0x90))));

        Assert.Multiple(() =>
        {
            Assert.That(empty.HttpStatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
            Assert.That(binary.HttpStatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
            Assert.That(empty.Attributes, Is.Null.Or.Empty);
            Assert.That(binary.Attributes, Is.Null.Or.Empty);
        });
    }

    [Test]
    public async Task DeleteItem_ConditionFails_ReturnValuesOnConditionCheckFailure_ErrorCarriesTheItem()
    {
        await CreateLocalStackTableAsync("conditions");
        await Ddb.PutItemAsync("conditions", Item(("id", S("456")), ("price", N("650")), ("product", S("sporting goods"))));

        var error = Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Ddb.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = "conditions",
            Key = Item(("id", S("456"))),
            ConditionExpression = "price between :lo and :hi",
            ExpressionAttributeValues = new() { [":lo"] = N("500"), [":hi"] = N("600") },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        }))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.ErrorCode, Is.EqualTo("ConditionalCheckFailedException"));
            Assert.That(error.Message, Is.EqualTo("The conditional request failed"));
            Assert.That(error.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.BadRequest));
            Assert.That(error.Item.Keys, Is.EquivalentTo(new[] { "id", "price", "product" }));
            Assert.That(error.Item["id"].S, Is.EqualTo("456"));
            Assert.That(error.Item["price"].N, Is.EqualTo("650"));
            Assert.That(error.Item["product"].S, Is.EqualTo("sporting goods"));
        });
    }

    [Test]
    public async Task GetItem_NonUtf8Binary_ComesBackByteForByteBeforeAndAfterAnUpdate()
    {
        await CreateLocalStackTableAsync("encoding", streamViewType: "NEW_AND_OLD_IMAGES");
        await Ddb.PutItemAsync("encoding", Item(("id", S("id1")), ("version", N("1")), ("data", B(0x90))));

        var before = (await Ddb.GetItemAsync("encoding", Item(("id", S("id1"))))).Item;
        await Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "encoding", Key = Item(("id", S("id1"))), UpdateExpression = "SET version=:v", ExpressionAttributeValues = new() { [":v"] = N("2") },
        });
        var after = (await Ddb.GetItemAsync("encoding", Item(("id", S("id1"))))).Item;

        Assert.Multiple(() =>
        {
            Assert.That(Bytes(before["data"]), Is.EqualTo(new byte[] { 0x90 }));
            Assert.That(before["version"].N, Is.EqualTo("1"));
            Assert.That(Bytes(after["data"]), Is.EqualTo(new byte[] { 0x90 }));
            Assert.That(after["version"].N, Is.EqualTo("2"));
            Assert.That(after.Keys, Is.EquivalentTo(new[] { "data", "id", "version" }));
        });
    }
}
