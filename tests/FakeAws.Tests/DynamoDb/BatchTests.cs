using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

public class BatchTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    [SetUp]
    public async Task CreateTables()
    {
        await CreateTableAsync("users");
        await CreateTableAsync("orders", "pk", range: "sk", rangeType: ScalarAttributeType.N);
    }

    private static WriteRequest Put(params (string Name, AttributeValue Value)[] attributes) => new(new PutRequest(Item(attributes)));

    private static WriteRequest Delete(params (string Name, AttributeValue Value)[] key) => new(new DeleteRequest(Item(key)));

    [Test]
    public async Task BatchWriteItem_PutsAndDeletesAcrossTables()
    {
        await Ddb.PutItemAsync("users", Item(("pk", S("gone"))));

        var response = await Ddb.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new()
            {
                ["users"] = [Put(("pk", S("u1")), ("name", S("Ann"))), Delete(("pk", S("gone")))],
                ["orders"] = [Put(("pk", S("u1")), ("sk", N("1")))],
            },
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        });

        Assert.That(response.UnprocessedItems, Is.Empty);
        Assert.That(response.ConsumedCapacity.Select(c => (c.TableName, c.CapacityUnits)), Is.EquivalentTo(new[] { ("users", (double?)2.0), ("orders", 1.0) }));
        Assert.That((await Ddb.GetItemAsync("users", Item(("pk", S("u1"))))).Item["name"].S, Is.EqualTo("Ann"));
        Assert.That((await Ddb.GetItemAsync("users", Item(("pk", S("gone"))))).IsItemSet, Is.False);
    }

    [Test]
    public async Task BatchGetItem_ReadsAcrossTablesWithProjection()
    {
        await Ddb.PutItemAsync("users", Item(("pk", S("u1")), ("name", S("Ann")), ("age", N("30"))));
        await Ddb.PutItemAsync("orders", Item(("pk", S("u1")), ("sk", N("1"))));

        var response = await Ddb.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new()
            {
                ["users"] = new KeysAndAttributes { Keys = [Item(("pk", S("u1"))), Item(("pk", S("missing")))], ProjectionExpression = "#n", ExpressionAttributeNames = new() { ["#n"] = "name" } },
                ["orders"] = new KeysAndAttributes { Keys = [Item(("pk", S("u1")), ("sk", N("1")))], ConsistentRead = true },
            },
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        });

        Assert.That(response.Responses["users"].Single().Keys, Is.EquivalentTo(new[] { "name" }));
        Assert.That(response.Responses["orders"].Single()["sk"].N, Is.EqualTo("1"));
        Assert.That(response.UnprocessedKeys, Is.Empty);
        Assert.That(response.ConsumedCapacity.Single(c => c.TableName == "users").CapacityUnits, Is.EqualTo(1.0));
    }

    [Test]
    public async Task BatchGetItem_Over16MB_ReturnsTheRestAsUnprocessedKeys()
    {
        var payload = new string('x', 390 * 1024);
        var keys = new List<Dictionary<string, AttributeValue>>();
        for (var i = 0; i < 50; i++)
        {
            await Ddb.PutItemAsync("users", Item(("pk", S($"u{i:D2}")), ("d", S(payload))));
            keys.Add(Item(("pk", S($"u{i:D2}"))));
        }

        var response = await Ddb.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { ["users"] = new KeysAndAttributes { Keys = keys, ConsistentRead = true } },
        });

        var returned = response.Responses["users"].Count;
        Assert.That(returned, Is.EqualTo(42));
        Assert.That(response.UnprocessedKeys["users"].Keys, Has.Count.EqualTo(50 - returned));
        Assert.That(response.UnprocessedKeys["users"].ConsistentRead, Is.True);
    }

    [Test]
    public void BatchGetItem_DuplicateKeys_ValidationException() =>
        Invalid(() => Ddb.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { ["users"] = new KeysAndAttributes { Keys = [Item(("pk", S("a"))), Item(("pk", S("a")))] } },
        }), "Provided list of item keys contains duplicates");

    [Test]
    public void BatchGetItem_Over100Keys_ValidationException() =>
        Invalid(() => Ddb.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new()
            {
                ["users"] = new KeysAndAttributes { Keys = Enumerable.Range(0, 60).Select(i => Item(("pk", S($"a{i}")))).ToList() },
                ["orders"] = new KeysAndAttributes { Keys = Enumerable.Range(0, 60).Select(i => Item(("pk", S("a")), ("sk", N($"{i}")))).ToList() },
            },
        }), "Too many items requested for the BatchGetItem call");

    [Test]
    public void BatchGetItem_KeyNotMatchingSchema_ValidationException() =>
        Invalid(() => Ddb.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { ["orders"] = new KeysAndAttributes { Keys = [Item(("pk", S("a")))] } },
        }), "The provided key element does not match the schema");

    [Test]
    public void BatchGetItem_MissingTable_ResourceNotFound() =>
        Fails<ResourceNotFoundException>(() => Ddb.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { ["nowhere"] = new KeysAndAttributes { Keys = [Item(("pk", S("a")))] } },
        }), "Requested resource not found");

    [Test]
    public async Task BatchWriteItem_SameItemTwice_ValidationExceptionAndNothingWritten()
    {
        Invalid(() => Ddb.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { ["users"] = [Put(("pk", S("x"))), Put(("pk", S("y"))), Delete(("pk", S("x")))] },
        }), "Provided list of item keys contains duplicates");

        Assert.That((await Ddb.ScanAsync(new ScanRequest { TableName = "users" })).Count, Is.Zero);
    }

    [Test]
    public void BatchWriteItem_Over25Requests_ValidationException() =>
        Invalid(() => Ddb.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new()
            {
                ["users"] = Enumerable.Range(0, 20).Select(i => Put(("pk", S($"u{i}")))).ToList(),
                ["orders"] = Enumerable.Range(0, 10).Select(i => Put(("pk", S("u")), ("sk", N($"{i}")))).ToList(),
            },
        }), "Too many items requested for the BatchWriteItem call");

    [Test]
    public void BatchWriteItem_PutMissingKey_KeyMismatch() =>
        Invalid(() => Ddb.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { ["orders"] = [Put(("pk", S("u")))] },
        }), "The provided key element does not match the schema");

    [Test]
    public void BatchWriteItem_EmptyRequest_ValidationException() =>
        Invalid(() => Ddb.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { ["users"] = [new WriteRequest()] },
        }), "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");

    [Test]
    public void BatchWriteItem_ItemTooLarge_ValidationException() =>
        Invalid(() => Ddb.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { ["users"] = [Put(("pk", S("u")), ("d", S(new string('x', 410 * 1024))))] },
        }), "Item size has exceeded the maximum allowed size");
}
