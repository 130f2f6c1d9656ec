using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>The SDK's object persistence model and Document model, unchanged, against the fake.</summary>
public class HighLevelApiTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private IDynamoDBContext _context = null!;

    [DynamoDBTable("Orders")]
    public sealed class Order
    {
        [DynamoDBHashKey]
        public string CustomerId { get; set; } = "";

        [DynamoDBRangeKey]
        public int OrderNumber { get; set; }

        [DynamoDBGlobalSecondaryIndexHashKey("by-status")]
        public string Status { get; set; } = "";

        public decimal Total { get; set; }

        public List<string> Lines { get; set; } = [];

        [DynamoDBVersion]
        public int? Version { get; set; }
    }

    /// <summary>The same table without a version attribute, which batch writes require.</summary>
    [DynamoDBTable("Orders")]
    public sealed class PlainOrder
    {
        [DynamoDBHashKey]
        public string CustomerId { get; set; } = "";

        [DynamoDBRangeKey]
        public int OrderNumber { get; set; }

        public string Status { get; set; } = "";
    }

    [SetUp]
    public async Task CreateTables()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "Orders",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("CustomerId", KeyType.HASH), new KeySchemaElement("OrderNumber", KeyType.RANGE)],
            AttributeDefinitions =
            [
                new AttributeDefinition("CustomerId", ScalarAttributeType.S), new AttributeDefinition("OrderNumber", ScalarAttributeType.N),
                new AttributeDefinition("Status", ScalarAttributeType.S),
            ],
            GlobalSecondaryIndexes = [new GlobalSecondaryIndex
            {
                IndexName = "by-status",
                KeySchema = [new KeySchemaElement("Status", KeyType.HASH)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            }],
        });
        _context = new DynamoDBContextBuilder().WithDynamoDBClient(() => Ddb).Build();
    }

    [TearDown]
    public void DisposeContext() => _context.Dispose();

    private static Order NewOrder(string customer, int number, string status = "open") =>
        new() { CustomerId = customer, OrderNumber = number, Status = status, Total = 12.5m, Lines = ["a", "b"] };

    [Test]
    public async Task Context_SaveAndLoad_RoundTrips()
    {
        await _context.SaveAsync(NewOrder("c1", 1));

        var loaded = await _context.LoadAsync<Order>("c1", 1);

        Assert.That(loaded.Total, Is.EqualTo(12.5m));
        Assert.That(loaded.Lines, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(loaded.Version, Is.EqualTo(0));
    }

    [Test]
    public async Task Context_VersionAttribute_RejectsAStaleSave()
    {
        await _context.SaveAsync(NewOrder("c1", 1));
        var first = await _context.LoadAsync<Order>("c1", 1);
        var second = await _context.LoadAsync<Order>("c1", 1);

        first.Total = 20;
        await _context.SaveAsync(first);
        second.Total = 30;

        Assert.ThrowsAsync<ConditionalCheckFailedException>(() => _context.SaveAsync(second));
        Assert.That((await _context.LoadAsync<Order>("c1", 1)).Total, Is.EqualTo(20m));
    }

    [Test]
    public async Task Context_QueryAndScan_FindOrders()
    {
        await _context.SaveAsync(NewOrder("c1", 1));
        await _context.SaveAsync(NewOrder("c1", 2, "done"));
        await _context.SaveAsync(NewOrder("c2", 1));

        var ofCustomer = await _context.QueryAsync<Order>("c1").GetRemainingAsync();
        var later = await _context.QueryAsync<Order>("c1", QueryOperator.GreaterThan, [1]).GetRemainingAsync();
        var open = await _context.QueryAsync<Order>("open", new QueryConfig { IndexName = "by-status" }).GetRemainingAsync();
        var done = await _context.ScanAsync<Order>([new ScanCondition("Status", ScanOperator.Equal, "done")]).GetRemainingAsync();

        Assert.That(ofCustomer.Select(o => o.OrderNumber), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(later.Single().OrderNumber, Is.EqualTo(2));
        Assert.That(open.Select(o => o.CustomerId), Is.EquivalentTo(new[] { "c1", "c2" }));
        Assert.That(done.Single().CustomerId, Is.EqualTo("c1"));
    }

    [Test]
    public async Task Context_BatchWriteAndGet_Work()
    {
        var write = _context.CreateBatchWrite<PlainOrder>();
        write.AddPutItems(new[] { 1, 2, 3 }.Select(n => new PlainOrder { CustomerId = "b", OrderNumber = n, Status = "open" }));
        await write.ExecuteAsync();

        var get = _context.CreateBatchGet<PlainOrder>();
        get.AddKey("b", 1);
        get.AddKey("b", 3);
        await get.ExecuteAsync();

        Assert.That(get.Results.Select(o => o.OrderNumber), Is.EquivalentTo(new[] { 1, 3 }));
    }

    [Test]
    public async Task Context_TransactWriteAndGet_Work()
    {
        var write = _context.CreateTransactWrite<Order>();
        write.AddSaveItem(NewOrder("t", 1));
        write.AddSaveItem(NewOrder("t", 2));
        await write.ExecuteAsync();

        var get = _context.CreateTransactGet<Order>();
        get.AddKey("t", 1);
        get.AddKey("t", 2);
        await get.ExecuteAsync();

        Assert.That(get.Results.Select(o => o.OrderNumber), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public async Task Context_Delete_RemovesTheItem()
    {
        await _context.SaveAsync(NewOrder("d", 1));

        await _context.DeleteAsync<Order>("d", 1);

        Assert.That(await _context.LoadAsync<Order>("d", 1), Is.Null);
    }

    [Test]
    public async Task DocumentModel_PutGetUpdateAndSearch_Work()
    {
        var table = new TableBuilder(Ddb, "Orders")
            .AddHashKey("CustomerId", DynamoDBEntryType.String)
            .AddRangeKey("OrderNumber", DynamoDBEntryType.Numeric)
            .Build();
        var document = new Document { ["CustomerId"] = "doc", ["OrderNumber"] = 1, ["Status"] = "open", ["Note"] = "first" };
        await table.PutItemAsync(document);
        await table.PutItemAsync(new Document { ["CustomerId"] = "doc", ["OrderNumber"] = 2, ["Status"] = "open" });

        var loaded = await table.GetItemAsync("doc", 1);
        loaded["Note"] = "changed";
        await table.UpdateItemAsync(loaded);
        var search = table.Query("doc", new QueryFilter("OrderNumber", QueryOperator.GreaterThanOrEqual, 1));
        var found = await search.GetRemainingAsync();

        Assert.That(found, Has.Count.EqualTo(2));
        Assert.That(found[0]["Note"].AsString(), Is.EqualTo("changed"));
        Assert.That((await table.Scan(new ScanFilter()).GetRemainingAsync()).Count, Is.EqualTo(2));
    }
}
