using System.Collections.Concurrent;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>
/// Exact totals under contention, on each path (issue #22). The quick sizes run by default; the
/// sizes the issue names are explicit tests of category Long, which CI runs in a step of its own
/// (<c>dotnet test tests/FakeAws.Tests --no-build --filter TestCategory=Long</c>).
/// </summary>
public class ContentionTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private const int Tasks = 8;

    [TestCase(250)]
    [TestCase(5_000, Category = "Long", Explicit = true, Reason = "long: CI runs category Long in a step of its own")]
    public async Task AddUpdates_FromEightTasks_OnOneItem_AreExact(int perTask)
    {
        await CreateTableAsync("counters");

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < perTask; i++)
            {
                await Ddb.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = "counters",
                    Key = Item(("pk", S("c"))),
                    UpdateExpression = "ADD n :one",
                    ExpressionAttributeValues = new() { [":one"] = N("1") },
                });
            }
        })));

        var item = await Ddb.GetItemAsync(new GetItemRequest { TableName = "counters", Key = Item(("pk", S("c"))), ConsistentRead = true });
        Assert.That(item.Item["n"].N, Is.EqualTo((Tasks * perTask).ToString(CultureInfo.InvariantCulture)));
    }

    [TestCase(100)]
    [TestCase(1_000, Category = "Long", Explicit = true, Reason = "long: CI runs category Long in a step of its own")]
    public async Task ConditionalPuts_FromEightTasks_SucceedOncePerKey(int keys)
    {
        await CreateTableAsync("claims");
        var successes = new ConcurrentBag<(string Key, int Task)>();
        var refused = 0;

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(task => Task.Run(async () =>
        {
            // Each task claims every key, in its own order.
            foreach (var key in Enumerable.Range(0, keys).OrderBy(k => (k * 7919 + task * 104729) % keys))
            {
                try
                {
                    await Ddb.PutItemAsync(new PutItemRequest
                    {
                        TableName = "claims",
                        Item = Item(("pk", S($"k{key}")), ("owner", N(task.ToString(CultureInfo.InvariantCulture)))),
                        ConditionExpression = "attribute_not_exists(pk)",
                    });
                    successes.Add(($"k{key}", task));
                }
                catch (ConditionalCheckFailedException)
                {
                    Interlocked.Increment(ref refused);
                }
            }
        })));

        Assert.That(successes.Select(s => s.Key).Distinct().Count(), Is.EqualTo(keys));
        Assert.That(successes, Has.Count.EqualTo(keys));
        Assert.That(refused, Is.EqualTo((Tasks - 1) * keys));
        var scan = await Ddb.ScanAsync(new ScanRequest { TableName = "claims", ConsistentRead = true });
        var owners = scan.Items.ToDictionary(i => i["pk"].S, i => int.Parse(i["owner"].N, CultureInfo.InvariantCulture));
        Assert.That(owners, Is.EquivalentTo(successes.ToDictionary(s => s.Key, s => s.Task)), "each item is the one put by the task that succeeded");
    }

    [TestCase(50)]
    [TestCase(500, Category = "Long", Explicit = true, Reason = "long: CI runs category Long in a step of its own")]
    public async Task TransfersBetweenTenAccounts_KeepTheTotalAndNeverGoNegative(int perTask)
    {
        const int Accounts = 10;
        const int Opening = 50;
        await CreateTableAsync("accounts");
        for (var a = 0; a < Accounts; a++)
        {
            await Ddb.PutItemAsync("accounts", Item(("pk", S($"a{a}")), ("balance", N(Opening.ToString(CultureInfo.InvariantCulture)))));
        }
        var committed = 0;
        var cancelled = 0;
        var conflicts = 0;
        var auditConflicts = 0;

        async Task Transfer(int seed)
        {
            var random = new Random(seed);
            for (var i = 0; i < perTask; i++)
            {
                var from = random.Next(Accounts);
                var to = (from + 1 + random.Next(Accounts - 1)) % Accounts;
                var amount = N(random.Next(1, 30).ToString(CultureInfo.InvariantCulture));
                try
                {
                    await Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
                    {
                        TransactItems =
                        [
                            new TransactWriteItem { Update = new Update
                            {
                                TableName = "accounts", Key = Item(("pk", S($"a{from}"))), UpdateExpression = "SET balance = balance - :x",
                                ConditionExpression = "balance >= :x", ExpressionAttributeValues = new() { [":x"] = amount },
                            } },
                            new TransactWriteItem { Update = new Update
                            {
                                TableName = "accounts", Key = Item(("pk", S($"a{to}"))), UpdateExpression = "SET balance = balance + :x",
                                ExpressionAttributeValues = new() { [":x"] = amount },
                            } },
                        ],
                    });
                    Interlocked.Increment(ref committed);
                }
                catch (TransactionCanceledException e) when (e.CancellationReasons.Any(r => r.Code == "TransactionConflict"))
                {
                    // Another transfer held one of the accounts: a caller would retry.
                    Assert.That(e.CancellationReasons.Select(r => r.Code), Is.All.AnyOf("TransactionConflict", "None"));
                    Interlocked.Increment(ref conflicts);
                }
                catch (TransactionCanceledException e)
                {
                    Assert.That(e.CancellationReasons.Select(r => r.Code), Is.EqualTo(new[] { "ConditionalCheckFailed", "None" }));
                    Interlocked.Increment(ref cancelled);
                }
            }
        }

        async Task Audit()
        {
            for (var i = 0; i < perTask; i++)
            {
                TransactGetItemsResponse? snapshot = null;
                while (snapshot is null)
                {
                    try
                    {
                        snapshot = await Ddb.TransactGetItemsAsync(new TransactGetItemsRequest
                        {
                            TransactItems = Enumerable.Range(0, Accounts).Select(a => new TransactGetItem { Get = new Get { TableName = "accounts", Key = Item(("pk", S($"a{a}"))) } }).ToList(),
                        });
                    }
                    catch (TransactionCanceledException e)
                    {
                        // A read meeting a transfer in flight is cancelled, never answered half applied; the auditor retries.
                        Assert.That(e.CancellationReasons.Select(r => r.Code), Has.Some.EqualTo("TransactionConflict").And.All.AnyOf("TransactionConflict", "None"));
                        Interlocked.Increment(ref auditConflicts);
                    }
                }
                var balances = snapshot.Responses.Select(r => int.Parse(r.Item["balance"].N, CultureInfo.InvariantCulture)).ToList();
                Assert.That(balances.Sum(), Is.EqualTo(Accounts * Opening));
                Assert.That(balances, Is.All.GreaterThanOrEqualTo(0));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(seed => Task.Run(() => Transfer(seed))).Append(Task.Run(Audit)));

        Assert.That(committed + cancelled + conflicts, Is.EqualTo(Tasks * perTask));
        Assert.That(committed, Is.GreaterThan(0));
        TestContext.Out.WriteLine($"{committed} committed, {cancelled} cancelled by their condition, {conflicts} by a transfer in flight; audits retried {auditConflicts} times");
        var scan = await Ddb.ScanAsync(new ScanRequest { TableName = "accounts", ConsistentRead = true });
        var final = scan.Items.Select(i => int.Parse(i["balance"].N, CultureInfo.InvariantCulture)).ToList();
        Assert.That(final.Sum(), Is.EqualTo(Accounts * Opening));
        Assert.That(final, Is.All.GreaterThanOrEqualTo(0));
    }

    [TestCase(100)]
    [TestCase(2_000, Category = "Long", Explicit = true, Reason = "long: CI runs category Long in a step of its own")]
    public async Task QueryAndScan_ConcurrentWithWrites_AnswerConsistentPages(int writes)
    {
        await CreateTableAsync("events", range: "sk", rangeType: ScalarAttributeType.N);
        using var stop = new CancellationTokenSource();

        async Task Write(int task)
        {
            for (var i = 0; i < writes; i++)
            {
                var sk = N(((i * Tasks) + task).ToString(CultureInfo.InvariantCulture));
                await Ddb.PutItemAsync("events", Item(("pk", S("p")), ("sk", sk), ("payload", S(new string('x', 100)))));
                if (i % 3 == 0)
                {
                    await Ddb.DeleteItemAsync("events", Item(("pk", S("p")), ("sk", sk)));
                }
            }
        }

        async Task<int> Read(bool query)
        {
            var reads = 0;
            while (!stop.IsCancellationRequested)
            {
                Dictionary<string, AttributeValue>? start = null;
                decimal last = -1;
                do
                {
                    List<Dictionary<string, AttributeValue>> items;
                    if (query)
                    {
                        var page = await Ddb.QueryAsync(new QueryRequest
                        {
                            TableName = "events", KeyConditionExpression = "pk = :p", ExpressionAttributeValues = new() { [":p"] = S("p") },
                            Limit = 50, ExclusiveStartKey = start,
                        });
                        (items, start) = (page.Items, page.LastEvaluatedKey is { Count: > 0 } next ? next : null);
                    }
                    else
                    {
                        var page = await Ddb.ScanAsync(new ScanRequest { TableName = "events", Limit = 50, ExclusiveStartKey = start });
                        (items, start) = (page.Items, page.LastEvaluatedKey is { Count: > 0 } next ? next : null);
                    }
                    foreach (var item in items)
                    {
                        var sk = decimal.Parse(item["sk"].N, CultureInfo.InvariantCulture);
                        Assert.That(sk, Is.GreaterThan(last), "pages come in key order, each item once");
                        Assert.That(item["payload"].S, Has.Length.EqualTo(100), "no item is seen half written");
                        last = sk;
                    }
                }
                while (start is not null);
                reads++;
            }
            return reads;
        }

        var readers = new[] { Task.Run(() => Read(query: true)), Task.Run(() => Read(query: false)) };
        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(task => Task.Run(() => Write(task))));
        await stop.CancelAsync();
        var reads = await Task.WhenAll(readers);

        Assert.That(reads, Is.All.GreaterThan(0));
        var count = 0;
        Dictionary<string, AttributeValue>? from = null;
        do
        {
            var page = await Ddb.ScanAsync(new ScanRequest { TableName = "events", Select = Select.COUNT, ConsistentRead = true, ExclusiveStartKey = from });
            count += page.Count ?? 0;
            from = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (from is not null);
        Assert.That(count, Is.EqualTo(Tasks * (writes - ((writes + 2) / 3))), "every write that was not deleted");
    }
}
