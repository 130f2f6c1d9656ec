using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FakeAws.Tests.DynamoDb;

namespace FakeAws.Tests.Dax;

/// <summary>
/// DAX's consistency model through the official client, on both paths, with the clock moved explicitly:
/// a DAX client (<c>Dax</c>) and a plain DynamoDB client (<c>Ddb</c>) on the same tables.
/// </summary>
public class DaxCacheTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private IAmazonDynamoDB Dax { get; set; } = null!;

    [SetUp]
    public async Task CreateClusterAndTable()
    {
        await CreateTableAsync("orders", "pk", range: "sk");
        Aws.Dax.CreateCluster("Cache", new DaxClusterOptions { ItemCacheTtl = TimeSpan.FromMinutes(5), QueryCacheTtl = TimeSpan.FromMinutes(1) });
        Dax = Aws.Dax.CreateClient("cache");
    }

    [TearDown]
    public void DisposeDax() => Dax.Dispose();

    private static Dictionary<string, AttributeValue> Key(string pk, string sk = "a") => Item(("pk", S(pk)), ("sk", S(sk)));

    private static Dictionary<string, AttributeValue> Order(string pk, string status, string sk = "a") => Item(("pk", S(pk)), ("sk", S(sk)), ("status", S(status)));

    private async Task<string?> StatusVia(IAmazonDynamoDB client, string pk, bool consistent = false)
    {
        var response = await client.GetItemAsync(new GetItemRequest { TableName = "orders", Key = Key(pk), ConsistentRead = consistent });
        return response.IsItemSet ? response.Item["status"].S : null;
    }

    [Test]
    public async Task WorkedStaleRead_DirectWriteStaysInvisibleUntilTheItemTtlEnds()
    {
        await Dax.PutItemAsync("orders", Order("o1", "placed"));
        Assert.That(await StatusVia(Dax, "o1"), Is.EqualTo("placed"));

        // Another service updates DynamoDB directly, not through DAX.
        await Ddb.PutItemAsync("orders", Order("o1", "shipped"));
        Aws.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.That(await StatusVia(Dax, "o1"), Is.EqualTo("placed"), "the item cache still holds the write-through value");
        Assert.That(await StatusVia(Dax, "o1", consistent: true), Is.EqualTo("shipped"), "a strongly consistent read passes through");

        Aws.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await StatusVia(Dax, "o1"), Is.EqualTo("shipped"), "five minutes after it was cached, the entry expired");
    }

    [Test]
    public async Task ReadsDoNotExtendTheTtl()
    {
        await Ddb.PutItemAsync("orders", Order("o1", "placed"));
        await StatusVia(Dax, "o1");
        await Ddb.PutItemAsync("orders", Order("o1", "paid"));
        for (var minute = 0; minute < 4; minute++)
        {
            Aws.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.That(await StatusVia(Dax, "o1"), Is.EqualTo("placed"));
        }
        Aws.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await StatusVia(Dax, "o1"), Is.EqualTo("paid"));
    }

    [Test]
    public async Task NotFound_IsCachedUntilTtlOrAWriteThroughDax()
    {
        Assert.That(await StatusVia(Dax, "o1"), Is.Null);
        await Ddb.PutItemAsync("orders", Order("o1", "placed"));
        Assert.That(await StatusVia(Dax, "o1"), Is.Null, "negative cache");

        await Dax.PutItemAsync("orders", Order("o1", "paid"));
        Assert.That(await StatusVia(Dax, "o1"), Is.EqualTo("paid"), "a write through DAX replaces the negative entry");
    }

    [Test]
    public async Task FailedWrite_ChangesNoCache()
    {
        await Dax.PutItemAsync("orders", Order("o1", "placed"));
        await Ddb.PutItemAsync("orders", Order("o1", "shipped"));
        Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Dax.PutItemAsync(new PutItemRequest
        {
            TableName = "orders",
            Item = Order("o1", "cancelled"),
            ConditionExpression = "#s = :placed",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":placed"] = S("placed") },
        }));
        Assert.That(await StatusVia(Dax, "o1"), Is.EqualTo("placed"), "still the cached value: the failed write neither wrote nor refreshed it");
    }

    [Test]
    public async Task UpdateAndDelete_WriteThroughTheItemCache()
    {
        await Dax.PutItemAsync("orders", Order("o1", "placed"));
        await Dax.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "orders",
            Key = Key("o1"),
            UpdateExpression = "SET #s = :v",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":v"] = S("paid") },
        });
        Assert.That(await StatusVia(Dax, "o1"), Is.EqualTo("paid"));
        await Dax.DeleteItemAsync("orders", Key("o1"));
        Assert.That(await StatusVia(Dax, "o1"), Is.Null);
    }

    [Test]
    public async Task Query_IsCachedByTheWholeRequest_AndWritesNeverInvalidateIt()
    {
        var request = new QueryRequest
        {
            TableName = "orders",
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new() { [":pk"] = S("c1") },
        };
        Assert.That((await Dax.QueryAsync(request)).Count, Is.Zero);

        await Dax.PutItemAsync("orders", Order("c1", "placed"));
        Assert.That((await Dax.QueryAsync(request)).Count, Is.Zero, "an empty result is cached too, and a write does not invalidate it");
        var limited = new QueryRequest { TableName = request.TableName, KeyConditionExpression = request.KeyConditionExpression, ExpressionAttributeValues = request.ExpressionAttributeValues, Limit = 5 };
        Assert.That((await Dax.QueryAsync(limited)).Count, Is.EqualTo(1), "another request is another entry");
        Assert.That((await Dax.QueryAsync(new QueryRequest { TableName = "orders", KeyConditionExpression = "pk = :pk", ExpressionAttributeValues = new() { [":pk"] = S("c1") }, ConsistentRead = true })).Count,
            Is.EqualTo(1), "ConsistentRead passes through");

        Aws.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That((await Dax.QueryAsync(request)).Count, Is.EqualTo(1), "the query TTL has passed");
    }

    [Test]
    public async Task Scan_UsesTheQueryCache_IndependentOfTheItemCache()
    {
        await Dax.PutItemAsync("orders", Order("o1", "placed"));
        var scan = await Dax.ScanAsync(new ScanRequest { TableName = "orders" });
        await Dax.PutItemAsync("orders", Order("o1", "paid"));
        Assert.That((await Dax.ScanAsync(new ScanRequest { TableName = "orders" })).Items[0]["status"].S, Is.EqualTo("placed"));
        Assert.That(await StatusVia(Dax, "o1"), Is.EqualTo("paid"));
        Assert.That(scan.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task BatchGetItem_UsesTheItemCache()
    {
        await Dax.PutItemAsync("orders", Order("o1", "placed"));
        await Ddb.PutItemAsync("orders", Order("o1", "shipped"));
        await Ddb.PutItemAsync("orders", Order("o2", "new"));
        var response = await Dax.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { ["orders"] = new KeysAndAttributes { Keys = [Key("o1"), Key("o2"), Key("o3")] } },
        });
        Assert.That(response.Responses["orders"].Select(i => i["status"].S), Is.EquivalentTo(new[] { "placed", "new" }));

        await Ddb.PutItemAsync("orders", Order("o2", "changed"));
        Assert.That(await StatusVia(Dax, "o2"), Is.EqualTo("new"), "the batch's miss was cached");
    }

    [Test]
    public async Task Projection_IsAppliedToTheCachedItem()
    {
        await Dax.PutItemAsync("orders", Order("o1", "placed"));
        var response = await Dax.GetItemAsync(new GetItemRequest { TableName = "orders", Key = Key("o1"), ProjectionExpression = "#s", ExpressionAttributeNames = new() { ["#s"] = "status" } });
        Assert.That(response.Item.Keys, Is.EquivalentTo(new[] { "status" }));
    }

    [Test]
    public async Task BatchWriteAndTransactWrite_WriteThrough_TransactGetPassesThrough()
    {
        await Dax.GetItemAsync("orders", Key("o1"));
        await Dax.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { ["orders"] = [new WriteRequest(new PutRequest(Order("o1", "batched")))] },
        });
        Assert.That(await StatusVia(Dax, "o1"), Is.EqualTo("batched"));
        await Dax.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new TransactWriteItem { Put = new Put { TableName = "orders", Item = Order("o1", "transacted") } }],
        });
        Assert.That(await StatusVia(Dax, "o1"), Is.EqualTo("transacted"));

        await Ddb.PutItemAsync("orders", Order("o1", "direct"));
        var transactGet = await Dax.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems = [new TransactGetItem { Get = new Get { TableName = "orders", Key = Key("o1") } }],
        });
        Assert.That(transactGet.Responses[0].Item["status"].S, Is.EqualTo("direct"));
    }

    [Test]
    public void TableManagement_IsRefused()
    {
        var error = Assert.ThrowsAsync<AmazonDynamoDBException>(() => Dax.DescribeTableAsync("orders"));
        Assert.That(error!.ErrorCode, Is.EqualTo("NotImplemented"));
        Assert.ThrowsAsync<AmazonDynamoDBException>(() => Dax.ListTablesAsync());
    }

    [Test]
    public void DynamoDbErrors_ComeBackTyped()
    {
        Assert.ThrowsAsync<ResourceNotFoundException>(() => Dax.GetItemAsync("missing", Key("o1")));
        Assert.ThrowsAsync<AmazonDynamoDBException>(() => Dax.GetItemAsync("orders", Item(("pk", S("o1")))));
    }

    [Test]
    public void TableOfAnotherRegion_IsRefused()
    {
        var error = Assert.ThrowsAsync<AmazonDynamoDBException>(() =>
            Dax.GetItemAsync("arn:aws:dynamodb:eu-west-1:123456789012:table/orders", Key("o1")));
        Assert.That(error!.ErrorCode, Is.EqualTo("ValidationException"));
    }

    [Test]
    public async Task Replicas_ReceiveWritesAfterTheLag_AndReadsSpreadInTurn()
    {
        Aws.Dax.CreateCluster("three", new DaxClusterOptions { Nodes = 3, ReplicaLag = TimeSpan.FromSeconds(1) });
        using var dax = Aws.Dax.CreateClient("three");
        await Ddb.PutItemAsync("orders", Order("o1", "placed"));
        for (var node = 0; node < 3; node++)
        {
            Assert.That(await StatusVia(dax, "o1"), Is.EqualTo("placed"));
        }
        await dax.PutItemAsync("orders", Order("o1", "paid"));
        var reads = new List<string?>();
        for (var node = 0; node < 3; node++)
        {
            reads.Add(await StatusVia(dax, "o1"));
        }
        Assert.That(reads, Is.EqualTo(new[] { "paid", "placed", "placed" }), "the primary has the write; the replicas have not received it yet");

        Aws.Clock.Advance(TimeSpan.FromSeconds(1));
        for (var node = 0; node < 3; node++)
        {
            Assert.That(await StatusVia(dax, "o1"), Is.EqualTo("paid"));
        }
    }

    [Test]
    public async Task LeastRecentlyUsed_EntriesAreEvictedBeyondTheCacheSize()
    {
        Aws.Dax.CreateCluster("tiny", new DaxClusterOptions { CacheSizeBytes = 200 });
        using var dax = Aws.Dax.CreateClient("tiny");
        await Ddb.PutItemAsync("orders", Order("o1", "placed"));
        await Ddb.PutItemAsync("orders", Order("o2", "placed"));
        await StatusVia(dax, "o1");
        await StatusVia(dax, "o2");
        await Ddb.PutItemAsync("orders", Order("o1", "paid"));
        await Ddb.PutItemAsync("orders", Order("o2", "paid"));
        await StatusVia(dax, "o2");
        await StatusVia(dax, "o3"); // fills a third entry: o1, the least recently used, is evicted
        Assert.That(await StatusVia(dax, "o2"), Is.EqualTo("placed"));
        Assert.That(await StatusVia(dax, "o1"), Is.EqualTo("paid"));
    }

    [Test]
    public void ClusterNames_FollowAwsRules()
    {
        Assert.Throws<ArgumentException>(() => Aws.Dax.CreateCluster("1abc"));
        Assert.Throws<ArgumentException>(() => Aws.Dax.CreateCluster("a--b"));
        Assert.Throws<ArgumentException>(() => Aws.Dax.CreateCluster("abc-"));
        Assert.Throws<ArgumentException>(() => Aws.Dax.CreateCluster(new string('a', 21)));
        Assert.Throws<InvalidOperationException>(() => Aws.Dax.CreateCluster("CACHE"));
        Assert.Throws<ArgumentException>(() => Aws.Dax.CreateClient("nope"));
    }
}
