using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>
/// Requests that meet an item held by an in-flight TransactWriteItems ("Transaction conflict handling
/// in DynamoDB"). Each test pauses one transaction after it holds its items and before it applies
/// them (the engine's <c>ItemsHeld</c> hook), issues the competing request, then lets it finish.
/// </summary>
public class TransactionConflictTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private const string Ongoing = "Transaction is ongoing for the item";

    [SetUp]
    public async Task CreateTable()
    {
        await CreateTableAsync("accounts");
        await Ddb.PutItemAsync("accounts", Item(("pk", S("alice")), ("balance", N("100"))));
        await Ddb.PutItemAsync("accounts", Item(("pk", S("bob")), ("balance", N("0"))));
    }

    private static TransactWriteItemsRequest Transfer(string amount, string? token = null) => new()
    {
        ClientRequestToken = token,
        TransactItems =
        [
            new TransactWriteItem { Update = new Update
            {
                TableName = "accounts", Key = Item(("pk", S("alice"))), UpdateExpression = "SET balance = balance - :x",
                ConditionExpression = "balance >= :x", ExpressionAttributeValues = new() { [":x"] = N(amount) },
            } },
            new TransactWriteItem { Update = new Update
            {
                TableName = "accounts", Key = Item(("pk", S("bob"))), UpdateExpression = "SET balance = balance + :x",
                ExpressionAttributeValues = new() { [":x"] = N(amount) },
            } },
        ],
    };

    /// <summary>A transaction paused while it holds its items; disposing lets it apply them and waits for it.</summary>
    private sealed class InFlight(Task<TransactWriteItemsResponse> transaction, ManualResetEventSlim release) : IAsyncDisposable
    {
        public Task<TransactWriteItemsResponse> Transaction => transaction;

        public async ValueTask DisposeAsync()
        {
            release.Set();
            try
            {
                await transaction;
            }
            finally
            {
                release.Dispose();
            }
        }
    }

    private async Task<InFlight> Hold(TransactWriteItemsRequest request)
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new ManualResetEventSlim();
        Aws.DynamoDb.ItemsHeld = () =>
        {
            // Only the first transaction pauses; the ones the test sends against it run through.
            Aws.DynamoDb.ItemsHeld = null;
            held.SetResult();
            release.Wait();
        };
        var transaction = Task.Run(() => Ddb.TransactWriteItemsAsync(request));
        if (await Task.WhenAny(held.Task, transaction) == transaction)
        {
            release.Dispose();
            await transaction;
            Assert.Fail("the transaction finished without holding its items");
        }
        return new InFlight(transaction, release);
    }

    private async Task<string> Balance(string account) =>
        (await Ddb.GetItemAsync(new GetItemRequest { TableName = "accounts", Key = Item(("pk", S(account))), ConsistentRead = true })).Item["balance"].N;

    private static void AssertConflict(Amazon.Runtime.AmazonServiceException error)
    {
        Assert.That(error, Is.TypeOf<TransactionConflictException>());
        Assert.That(error.Message, Is.EqualTo(Ongoing));
        Assert.That(error.ErrorCode, Is.EqualTo("TransactionConflictException"));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task SingleItemWrites_OfAHeldItem_AreRefusedWithTransactionConflict()
    {
        await using (await Hold(Transfer("30")))
        {
            AssertConflict(Assert.ThrowsAsync<TransactionConflictException>(() =>
                Ddb.PutItemAsync("accounts", Item(("pk", S("alice")), ("balance", N("1")))))!);
            AssertConflict(Assert.ThrowsAsync<TransactionConflictException>(() => Ddb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = "accounts", Key = Item(("pk", S("bob"))), UpdateExpression = "SET balance = :z",
                ExpressionAttributeValues = new() { [":z"] = N("5") },
            }))!);
            AssertConflict(Assert.ThrowsAsync<TransactionConflictException>(() => Ddb.DeleteItemAsync("accounts", Item(("pk", S("alice")))))!);

            // Items the transaction does not hold are written, and reads see the last committed value.
            await Ddb.PutItemAsync("accounts", Item(("pk", S("carol")), ("balance", N("7"))));
            Assert.That(await Balance("alice"), Is.EqualTo("100"));
        }

        Assert.That(await Balance("alice"), Is.EqualTo("70"), "the refused writes changed nothing; the transaction applied");
        Assert.That(await Balance("bob"), Is.EqualTo("30"));
        await Ddb.PutItemAsync("accounts", Item(("pk", S("alice")), ("balance", N("1"))));
        Assert.That(await Balance("alice"), Is.EqualTo("1"), "the hold ends with the transaction");
    }

    [Test]
    public async Task ATransaction_MeetingAHeldItem_IsCancelledWithTransactionConflict()
    {
        await using (await Hold(Transfer("30")))
        {
            var error = Fails<TransactionCanceledException>(() => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems =
                [
                    new TransactWriteItem { Put = new Put { TableName = "accounts", Item = Item(("pk", S("carol")), ("balance", N("7"))) } },
                    new TransactWriteItem { ConditionCheck = new ConditionCheck
                    {
                        TableName = "accounts", Key = Item(("pk", S("bob"))), ConditionExpression = "attribute_exists(pk)",
                    } },
                ],
            }), "Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]");
            Assert.That(error.CancellationReasons.Select(r => (r.Code, r.Message)),
                Is.EqualTo(new (string, string?)[] { ("None", null), ("TransactionConflict", Ongoing) }));
            Assert.That(error.CancellationReasons[1].Item?.Count ?? 0, Is.Zero);
        }

        var carol = await Ddb.GetItemAsync("accounts", Item(("pk", S("carol"))));
        Assert.That(carol.Item?.Count ?? 0, Is.Zero, "a cancelled transaction writes nothing");
        Assert.That(await Balance("bob"), Is.EqualTo("30"));
    }

    [Test]
    public async Task TransactGetItems_OfAHeldItem_IsCancelledWithTransactionConflict()
    {
        await using (await Hold(Transfer("30")))
        {
            var error = Fails<TransactionCanceledException>(() => Ddb.TransactGetItemsAsync(new TransactGetItemsRequest
            {
                TransactItems =
                [
                    new TransactGetItem { Get = new Get { TableName = "accounts", Key = Item(("pk", S("carol"))) } },
                    new TransactGetItem { Get = new Get { TableName = "accounts", Key = Item(("pk", S("alice"))) } },
                ],
            }), "Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]");
            Assert.That(error.CancellationReasons.Select(r => r.Code), Is.EqualTo(new[] { "None", "TransactionConflict" }));
            Assert.That(error.CancellationReasons[1].Message, Is.EqualTo(Ongoing));
        }

        var read = await Ddb.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems = [new TransactGetItem { Get = new Get { TableName = "accounts", Key = Item(("pk", S("alice"))) } }],
        });
        Assert.That(read.Responses[0].Item["balance"].N, Is.EqualTo("70"));
    }

    [Test]
    public async Task BatchWriteItem_OfHeldItems_ReturnsThemUnprocessed_AndWritesTheRest()
    {
        var alice = new WriteRequest { PutRequest = new PutRequest { Item = Item(("pk", S("alice")), ("balance", N("1"))) } };
        var bob = new WriteRequest { DeleteRequest = new DeleteRequest { Key = Item(("pk", S("bob"))) } };
        var carol = new WriteRequest { PutRequest = new PutRequest { Item = Item(("pk", S("carol")), ("balance", N("7"))) } };
        BatchWriteItemResponse batch, onlyHeld;
        await using (await Hold(Transfer("30")))
        {
            batch = await Ddb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { ["accounts"] = [alice, carol, bob] } });
            // A batch whose every write is held still answers 200: nothing is thrown, everything is unprocessed.
            onlyHeld = await Ddb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { ["accounts"] = [bob] } });
            Assert.That(await Balance("carol"), Is.EqualTo("7"), "the write of an item the transaction does not hold went ahead");
        }

        Assert.Multiple(() =>
        {
            Assert.That(batch.UnprocessedItems.Keys, Is.EqualTo(new[] { "accounts" }));
            Assert.That(batch.UnprocessedItems["accounts"].Select(w => w.PutRequest?.Item["pk"].S ?? w.DeleteRequest.Key["pk"].S),
                Is.EqualTo(new[] { "alice", "bob" }), "the held writes, in the order they were sent");
            Assert.That(onlyHeld.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(onlyHeld.UnprocessedItems["accounts"].Single().DeleteRequest.Key["pk"].S, Is.EqualTo("bob"));
        });
        Assert.That(await Balance("alice"), Is.EqualTo("70"), "the unprocessed writes changed nothing; the transaction applied");
        Assert.That(await Balance("bob"), Is.EqualTo("30"));

        var retry = await Ddb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = batch.UnprocessedItems });
        Assert.That(retry.UnprocessedItems, Is.Empty, "once the transaction ends, the retry is processed");
        Assert.That(await Balance("alice"), Is.EqualTo("1"));
        var gone = await Ddb.GetItemAsync("accounts", Item(("pk", S("bob"))));
        Assert.That(gone.Item?.Count ?? 0, Is.Zero);
    }

    [Test]
    public async Task PartiQL_WritesOfAHeldItem_MeetTheConflict()
    {
        await using (await Hold(Transfer("30")))
        {
            AssertConflict(Assert.ThrowsAsync<TransactionConflictException>(() => Ddb.ExecuteStatementAsync(new ExecuteStatementRequest
            {
                Statement = "UPDATE accounts SET balance = 5 WHERE pk = 'alice'",
            }))!);
            var batch = await Ddb.BatchExecuteStatementAsync(new BatchExecuteStatementRequest
            {
                Statements =
                [
                    new BatchStatementRequest { Statement = "UPDATE accounts SET balance = 5 WHERE pk = 'bob'" },
                    new BatchStatementRequest { Statement = "INSERT INTO accounts VALUE {'pk': 'dave', 'balance': 3}" },
                ],
            });
            Assert.That(batch.Responses[0].Error.Code.Value, Is.EqualTo("TransactionConflict"));
            Assert.That(batch.Responses[0].Error.Message, Is.EqualTo(Ongoing));
            Assert.That(batch.Responses[1].Error, Is.Null);
            var transaction = Fails<TransactionCanceledException>(() => Ddb.ExecuteTransactionAsync(new ExecuteTransactionRequest
            {
                TransactStatements = [new ParameterizedStatement { Statement = "UPDATE accounts SET balance = 5 WHERE pk = 'alice'" }],
            }), "Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]");
            Assert.That(transaction.CancellationReasons[0].Message, Is.EqualTo(Ongoing));
        }

        Assert.That(await Balance("alice"), Is.EqualTo("70"));
        Assert.That(await Balance("bob"), Is.EqualTo("30"));
    }

    [Test]
    public async Task ATokenRepeated_WhileItsTransactionRuns_IsInProgress_AndAfterwardsReplays()
    {
        await using (await Hold(Transfer("30", token: "t-1")))
        {
            var error = Fails<TransactionInProgressException>(() => Ddb.TransactWriteItemsAsync(Transfer("30", token: "t-1")),
                "The transaction with the given request token is already in progress.");
            Assert.That(error.ErrorCode, Is.EqualTo("TransactionInProgressException"));
            Fails<IdempotentParameterMismatchException>(() => Ddb.TransactWriteItemsAsync(Transfer("31", token: "t-1")),
                "Specified idempotent token was used with different request parameters within the idempotency window");

            // Another token's transaction is not made to wait for the running one; it meets its items.
            var other = Fails<TransactionCanceledException>(() => Ddb.TransactWriteItemsAsync(Transfer("5", token: "t-2")),
                "Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict, TransactionConflict]");
            Assert.That(other.CancellationReasons, Has.Count.EqualTo(2));
        }

        await Ddb.TransactWriteItemsAsync(Transfer("30", token: "t-1"));
        Assert.That(await Balance("alice"), Is.EqualTo("70"), "the repeat after the transaction replays it");
        await Ddb.TransactWriteItemsAsync(Transfer("5", token: "t-2"));
        Assert.That(await Balance("alice"), Is.EqualTo("65"), "a token whose transaction was cancelled is unused");
    }

    [Test]
    public async Task ACancelledTransaction_ReleasesItsItems()
    {
        Fails<TransactionCanceledException>(() => Ddb.TransactWriteItemsAsync(Transfer("500")),
            "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]");

        await Ddb.PutItemAsync("accounts", Item(("pk", S("alice")), ("balance", N("9"))));
        Assert.That(await Balance("alice"), Is.EqualTo("9"));
    }
}
