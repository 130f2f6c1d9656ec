using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>Conditional writes and transactions stay correct when many callers race.</summary>
public class ConcurrencyTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private const int Threads = 8;
    private const int IncrementsPerThread = 50;

    [SetUp]
    public async Task CreateTables()
    {
        await CreateTableAsync("counters");
        await CreateTableAsync("accounts");
    }

    [Test]
    public async Task UpdateItem_EightThreadsOfConditionalIncrements_LoseNoUpdate()
    {
        await Ddb.PutItemAsync("counters", Item(("pk", S("c")), ("n", N("0"))));

        // Optimistic locking: read, then write only if nobody wrote in between; retry on conflict.
        async Task Increment()
        {
            for (var done = 0; done < IncrementsPerThread;)
            {
                var current = (await Ddb.GetItemAsync(new GetItemRequest { TableName = "counters", Key = Item(("pk", S("c"))), ConsistentRead = true })).Item["n"].N;
                try
                {
                    await Ddb.UpdateItemAsync(new UpdateItemRequest
                    {
                        TableName = "counters",
                        Key = Item(("pk", S("c"))),
                        UpdateExpression = "SET n = n + :one",
                        ConditionExpression = "n = :seen",
                        ExpressionAttributeValues = new() { [":one"] = N("1"), [":seen"] = N(current) },
                    });
                    done++;
                }
                catch (ConditionalCheckFailedException)
                {
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(_ => Task.Run(Increment)));

        var final = await Ddb.GetItemAsync("counters", Item(("pk", S("c"))));
        Assert.That(final.Item["n"].N, Is.EqualTo($"{Threads * IncrementsPerThread}"));
    }

    [Test]
    public async Task TransactWriteItems_TransfersUnderContention_KeepTheTotal()
    {
        var accounts = Enumerable.Range(0, 4).Select(i => $"a{i}").ToList();
        foreach (var account in accounts)
        {
            await Ddb.PutItemAsync("accounts", Item(("pk", S(account)), ("balance", N("100"))));
        }

        async Task Transfer(int seed)
        {
            var random = new Random(seed);
            for (var i = 0; i < IncrementsPerThread; i++)
            {
                var from = accounts[random.Next(accounts.Count)];
                var to = accounts[(accounts.IndexOf(from) + 1 + random.Next(accounts.Count - 1)) % accounts.Count];
                try
                {
                    await Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
                    {
                        TransactItems =
                        [
                            new TransactWriteItem { Update = new Update
                            {
                                TableName = "accounts", Key = Item(("pk", S(from))), UpdateExpression = "SET balance = balance - :x",
                                ConditionExpression = "balance >= :x", ExpressionAttributeValues = new() { [":x"] = N("7") },
                            } },
                            new TransactWriteItem { Update = new Update
                            {
                                TableName = "accounts", Key = Item(("pk", S(to))), UpdateExpression = "SET balance = balance + :x",
                                ExpressionAttributeValues = new() { [":x"] = N("7") },
                            } },
                        ],
                    });
                }
                catch (TransactionCanceledException)
                {
                }
            }
        }

        async Task Audit()
        {
            for (var i = 0; i < IncrementsPerThread; i++)
            {
                TransactGetItemsResponse snapshot;
                try
                {
                    snapshot = await Ddb.TransactGetItemsAsync(new TransactGetItemsRequest
                    {
                        TransactItems = accounts.Select(a => new TransactGetItem { Get = new Get { TableName = "accounts", Key = Item(("pk", S(a))) } }).ToList(),
                    });
                }
                catch (TransactionCanceledException e) when (e.CancellationReasons.Any(r => r.Code == "TransactionConflict"))
                {
                    // The read met a transfer in flight, as DynamoDB's would.
                    continue;
                }
                Assert.That(snapshot.Responses.Sum(r => int.Parse(r.Item["balance"].N, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(400));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(seed => Task.Run(() => Transfer(seed))).Append(Task.Run(Audit)));

        var scan = await Ddb.ScanAsync(new ScanRequest { TableName = "accounts", ConsistentRead = true });
        var balances = scan.Items.Select(i => int.Parse(i["balance"].N, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(balances.Sum(), Is.EqualTo(400));
        Assert.That(balances, Is.All.GreaterThanOrEqualTo(0));
    }
}
