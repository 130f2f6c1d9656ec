using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>Throughput on the virtual clock: provisioned capacity with 300 seconds of burst, on-demand maxima, billing mode switches, limits.</summary>
public class CapacityTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private const string TableThrottled =
        "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.";

    private Task CreateProvisionedAsync(string name, long read, long write) => Ddb.CreateTableAsync(new CreateTableRequest
    {
        TableName = name,
        KeySchema = [new("pk", KeyType.HASH)],
        AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
        ProvisionedThroughput = new ProvisionedThroughput(read, write),
    });

    private static Dictionary<string, AttributeValue> Small(int i) => Item(("pk", S(i.ToString(CultureInfo.InvariantCulture))));

    [Test]
    public async Task ProvisionedWrites_BurstFor300Seconds_ThenThrottled_ThenRefilled()
    {
        await CreateProvisionedAsync("orders", 1, 1);
        for (var i = 0; i < 300; i++)
        {
            await Ddb.PutItemAsync("orders", Small(i));
        }

        var error = Fails<ProvisionedThroughputExceededException>(() => Ddb.PutItemAsync("orders", Small(300)), TableThrottled);
        Assert.That(error.ThrottlingReasons.Single().Reason, Is.EqualTo("TableWriteProvisionedThroughputExceeded"));
        Assert.That(error.ThrottlingReasons.Single().Resource, Is.EqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/orders"));

        Time.Advance(TimeSpan.FromSeconds(1));
        await Ddb.PutItemAsync("orders", Small(300));
        Fails<ProvisionedThroughputExceededException>(() => Ddb.PutItemAsync("orders", Small(301)), TableThrottled);
    }

    [Test]
    public async Task ProvisionedReads_ThrottledOnceTheBurstIsSpent()
    {
        await CreateProvisionedAsync("orders", 1, 5);
        await Ddb.PutItemAsync("orders", Small(1));
        for (var i = 0; i < 600; i++)
        {
            // Eventually consistent reads cost half a unit.
            await Ddb.GetItemAsync("orders", Small(1));
        }

        var error = Fails<ProvisionedThroughputExceededException>(() => Ddb.GetItemAsync("orders", Small(1)), TableThrottled);
        Assert.That(error.ThrottlingReasons.Single().Reason, Is.EqualTo("TableReadProvisionedThroughputExceeded"));
        Fails<ProvisionedThroughputExceededException>(() => Ddb.QueryAsync(new QueryRequest
        {
            TableName = "orders",
            KeyConditionExpression = "pk = :p",
            ExpressionAttributeValues = new() { [":p"] = S("1") },
        }), TableThrottled);
    }

    [Test]
    public async Task BatchWrite_ThrottledItemsComeBackUnprocessed_AllThrottledFails()
    {
        await CreateProvisionedAsync("orders", 1, 1);
        for (var i = 0; i < 298; i++)
        {
            await Ddb.PutItemAsync("orders", Small(i));
        }

        var batch = await Ddb.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { ["orders"] = Enumerable.Range(1000, 5).Select(i => new WriteRequest(new PutRequest(Small(i)))).ToList() },
        });
        Assert.That(batch.UnprocessedItems["orders"].Select(w => w.PutRequest.Item["pk"].S), Is.EqualTo(new[] { "1002", "1003", "1004" }));

        var error = Fails<ProvisionedThroughputExceededException>(() => Ddb.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { ["orders"] = batch.UnprocessedItems["orders"] },
        }), "The level of configured provisioned throughput for one or more tables was exceeded. Consider increasing your provisioning level with the UpdateTable API.");
        Assert.That(error.ThrottlingReasons.Single().Reason, Is.EqualTo("TableWriteProvisionedThroughputExceeded"));

        Time.Advance(TimeSpan.FromSeconds(3));
        var retried = await Ddb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = batch.UnprocessedItems });
        Assert.That(retried.UnprocessedItems, Is.Empty);
    }

    [Test]
    public async Task BatchGet_ThrottledKeysComeBackUnprocessed()
    {
        await CreateProvisionedAsync("orders", 1, 5);
        for (var i = 0; i < 599; i++)
        {
            await Ddb.GetItemAsync("orders", Small(1));
        }

        var batch = await Ddb.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { ["orders"] = new KeysAndAttributes { Keys = [Small(1), Small(2)] } },
        });

        Assert.That(batch.UnprocessedKeys["orders"].Keys.Select(k => k["pk"].S), Is.EqualTo(new[] { "2" }));
    }

    [Test]
    public async Task TransactWrite_OnAThrottledTable_FailsWhole()
    {
        await CreateProvisionedAsync("orders", 1, 1);
        for (var i = 0; i < 150; i++)
        {
            // Transactional writes cost double.
            await Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [new TransactWriteItem { Put = new Put { TableName = "orders", Item = Small(i) } }] });
        }

        Fails<ProvisionedThroughputExceededException>(() => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new TransactWriteItem { Put = new Put { TableName = "orders", Item = Small(999) } }],
        }), TableThrottled);
        Assert.That((await Ddb.DescribeTableAsync("orders")).Table.ItemCount, Is.EqualTo(150));
    }

    [Test]
    public async Task OnDemand_IsNotThrottled()
    {
        await CreateTableAsync("orders");
        for (var i = 0; i < 1000; i++)
        {
            await Ddb.PutItemAsync("orders", Small(i));
        }
        Assert.That((await Ddb.DescribeTableAsync("orders")).Table.ItemCount, Is.EqualTo(1000));
    }

    [Test]
    public async Task OnDemandMaximum_ThrottlesBeyondItsUnitsPerSecond()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
            OnDemandThroughput = new OnDemandThroughput { MaxWriteRequestUnits = 5 },
        });
        for (var i = 0; i < 5; i++)
        {
            await Ddb.PutItemAsync("orders", Small(i));
        }

        var error = Fails<ProvisionedThroughputExceededException>(() => Ddb.PutItemAsync("orders", Small(5)),
            "Throughput exceeds the maximum OnDemandThroughput configured on table or index.");
        Assert.That(error.ThrottlingReasons.Single().Reason, Is.EqualTo("TableWriteMaxOnDemandThroughputExceeded"));
        Time.Advance(TimeSpan.FromSeconds(1));
        await Ddb.PutItemAsync("orders", Small(5));

        await Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "orders", OnDemandThroughput = new OnDemandThroughput { MaxWriteRequestUnits = -1 } });
        for (var i = 100; i < 200; i++)
        {
            await Ddb.PutItemAsync("orders", Small(i));
        }
    }

    [Test]
    public async Task SwitchingToOnDemand_OnlyOnceADay()
    {
        await CreateTableAsync("orders");
        await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            BillingMode = BillingMode.PROVISIONED,
            ProvisionedThroughput = new ProvisionedThroughput(5, 5),
        });
        Time.Advance(TimeSpan.FromHours(23));

        var error = Fails<LimitExceededException>(() => Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "orders", BillingMode = BillingMode.PAY_PER_REQUEST }),
            "Subscriber limit exceeded: Update to PayPerRequest mode are limited to once in 1 day(s).");
        Assert.That(error.ErrorCode, Is.EqualTo("LimitExceededException"));

        Time.Advance(TimeSpan.FromHours(1));
        var switched = await Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "orders", BillingMode = BillingMode.PAY_PER_REQUEST });
        Assert.That(switched.TableDescription.BillingModeSummary.LastUpdateToPayPerRequestDateTime, Is.EqualTo(Start.AddDays(1).UtcDateTime));
    }

    [Test]
    public async Task DescribeLimits_AwsDefaultQuotas()
    {
        var limits = await Ddb.DescribeLimitsAsync(new DescribeLimitsRequest());
        Assert.Multiple(() =>
        {
            Assert.That(limits.AccountMaxReadCapacityUnits, Is.EqualTo(80000));
            Assert.That(limits.AccountMaxWriteCapacityUnits, Is.EqualTo(80000));
            Assert.That(limits.TableMaxReadCapacityUnits, Is.EqualTo(40000));
            Assert.That(limits.TableMaxWriteCapacityUnits, Is.EqualTo(40000));
        });
    }

    [Test]
    public async Task IndexWrites_DrawOnTheIndexCapacity()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("status", ScalarAttributeType.S)],
            ProvisionedThroughput = new ProvisionedThroughput(100, 100),
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = "by-status",
                    KeySchema = [new("status", KeyType.HASH)],
                    Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                    ProvisionedThroughput = new ProvisionedThroughput(1, 1),
                },
            ],
        });
        for (var i = 0; i < 300; i++)
        {
            await Ddb.PutItemAsync("orders", Item(("pk", S($"{i}")), ("status", S("open"))));
        }
        // An item without the index key costs the index nothing.
        await Ddb.PutItemAsync("orders", Item(("pk", S("sparse"))));

        var error = Fails<ProvisionedThroughputExceededException>(() => Ddb.PutItemAsync("orders", Item(("pk", S("x")), ("status", S("open")))), TableThrottled);
        Assert.That(error.ThrottlingReasons.Single().Reason, Is.EqualTo("IndexWriteProvisionedThroughputExceeded"));
        Assert.That(error.ThrottlingReasons.Single().Resource, Is.EqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/orders/index/by-status"));
    }
}

/// <summary>With DynamoDb.EnforceThroughput off, provisioned capacity is bookkeeping only.</summary>
public class UnenforcedCapacityTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    protected override FakeAwsOptions Options(FakeAwsOptions options)
    {
        options.DynamoDb.EnforceThroughput = false;
        return options;
    }

    [Test]
    public async Task ProvisionedTable_TakesAnyRate()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
            ProvisionedThroughput = new ProvisionedThroughput(1, 1),
        });
        for (var i = 0; i < 400; i++)
        {
            await Ddb.PutItemAsync("orders", Item(("pk", S($"{i}"))));
        }
        Assert.That((await Ddb.DescribeTableAsync("orders")).Table.ItemCount, Is.EqualTo(400));
    }
}
