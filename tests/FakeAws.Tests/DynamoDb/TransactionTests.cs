using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb;

public class TransactionTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    [SetUp]
    public async Task CreateTables()
    {
        await CreateTableAsync("accounts");
        await CreateTableAsync("ledger", "pk", range: "sk", rangeType: ScalarAttributeType.N);
        await Ddb.PutItemAsync("accounts", Item(("pk", S("alice")), ("balance", N("100"))));
        await Ddb.PutItemAsync("accounts", Item(("pk", S("bob")), ("balance", N("0"))));
    }

    private static TransactWriteItem Move(string account, string delta, string? condition = null) => new()
    {
        Update = new Update
        {
            TableName = "accounts",
            Key = Item(("pk", S(account))),
            UpdateExpression = "SET balance = balance + :d",
            ConditionExpression = condition,
            ExpressionAttributeValues = condition is null ? new() { [":d"] = N(delta) } : new() { [":d"] = N(delta), [":min"] = N("0") },
        },
    };

    private async Task<string> Balance(string account) => (await Ddb.GetItemAsync("accounts", Item(("pk", S(account))))).Item["balance"].N;

    [Test]
    public async Task TransactWriteItems_AllActions_ApplyTogether()
    {
        await Ddb.PutItemAsync("ledger", Item(("pk", S("old")), ("sk", N("1"))));

        await Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                Move("alice", "-30", "balance >= :min"),
                Move("bob", "30"),
                new TransactWriteItem { Put = new Put { TableName = "ledger", Item = Item(("pk", S("tx")), ("sk", N("1"))), ConditionExpression = "attribute_not_exists(pk)" } },
                new TransactWriteItem { Delete = new Delete { TableName = "ledger", Key = Item(("pk", S("old")), ("sk", N("1"))) } },
                new TransactWriteItem { ConditionCheck = new ConditionCheck { TableName = "accounts", Key = Item(("pk", S("carol"))), ConditionExpression = "attribute_not_exists(pk)" } },
            ],
        });

        Assert.That(await Balance("alice"), Is.EqualTo("70"));
        Assert.That(await Balance("bob"), Is.EqualTo("30"));
        var ledger = await Ddb.ScanAsync(new ScanRequest { TableName = "ledger" });
        Assert.That(ledger.Items.Select(i => i["pk"].S), Is.EqualTo(new[] { "tx" }));
    }

    [Test]
    public async Task TransactWriteItems_FailedConditions_CancelWithReasonsInOrder()
    {
        await Ddb.PutItemAsync("accounts", Item(("pk", S("carol")), ("balance", N("7"))));
        var error = Fails<TransactionCanceledException>(() => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                Move("bob", "10"),
                Move("alice", "-500", "balance < :min"),
                new TransactWriteItem { ConditionCheck = new ConditionCheck
                {
                    TableName = "accounts",
                    Key = Item(("pk", S("carol"))),
                    ConditionExpression = "attribute_not_exists(pk)",
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                } },
            ],
        }), "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, ConditionalCheckFailed]");

        Assert.That(error.CancellationReasons.Select(r => r.Code), Is.EqualTo(new[] { "None", "ConditionalCheckFailed", "ConditionalCheckFailed" }));
        Assert.That(error.CancellationReasons[0].Message, Is.Null);
        Assert.That(error.CancellationReasons[1].Message, Is.EqualTo("The conditional request failed"));
        Assert.That(error.CancellationReasons[1].Item, Is.Null.Or.Empty);
        Assert.That(error.CancellationReasons[2].Item["balance"].N, Is.EqualTo("7"));
        Assert.That(await Balance("bob"), Is.EqualTo("0"));
        Assert.That(await Balance("alice"), Is.EqualTo("100"));
    }

    [Test]
    public async Task TransactWriteItems_KeyOfWrongType_ValidationErrorReasonAndOthersNone()
    {
        var error = Fails<TransactionCanceledException>(() => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = "accounts", Item = Item(("pk", N("7"))) } },
                new TransactWriteItem { Put = new Put { TableName = "accounts", Item = Item(("pk", N("8"))) } },
                new TransactWriteItem { Put = new Put { TableName = "accounts", Item = Item(("pk", S("dave"))), ConditionExpression = "attribute_exists(pk)" } },
            ],
        }), "Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError, None, None]");

        Assert.That(error.CancellationReasons[0].Message, Is.EqualTo("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N"));
        Assert.That((await Ddb.GetItemAsync("accounts", Item(("pk", S("dave"))))).IsItemSet, Is.False);
    }

    [Test]
    public void TransactWriteItems_SameItemTwice_ValidationException() =>
        Invalid(() => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                Move("alice", "1"),
                new TransactWriteItem { ConditionCheck = new ConditionCheck { TableName = "accounts", Key = Item(("pk", S("alice"))), ConditionExpression = "attribute_exists(pk)" } },
            ],
        }), "Transaction request cannot include multiple operations on one item");

    [Test]
    public void TransactWriteItems_Over100Actions_ConstraintViolation()
    {
        var error = Assert.ThrowsAsync<AmazonDynamoDBException>(() => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = Enumerable.Range(0, 101)
                .Select(i => new TransactWriteItem { Put = new Put { TableName = "accounts", Item = Item(("pk", S($"p{i}"))) } })
                .ToList(),
        }));
        Assert.That(error!.ErrorCode, Is.EqualTo("ValidationException"));
        Assert.That(error.Message, Does.StartWith("1 validation error detected: Value '").And.EndWith("at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100"));
    }

    [Test]
    public void TransactWriteItems_Over4MB_ValidationException() =>
        Invalid(() => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = Enumerable.Range(0, 11)
                .Select(i => new TransactWriteItem { Put = new Put { TableName = "accounts", Item = Item(("pk", S($"p{i}")), ("d", S(new string('x', 390 * 1024)))) } })
                .ToList(),
        }), "Collection size of items exceeded, which can also be caused by the aggregate size of the items in the transaction exceeding the 4MB limit");

    [Test]
    public void TransactWriteItems_MissingTable_ResourceNotFound() =>
        Fails<ResourceNotFoundException>(() => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new TransactWriteItem { Put = new Put { TableName = "nowhere", Item = Item(("pk", S("x"))) } }],
        }), "Requested resource not found");

    [Test]
    public void TransactWriteItems_ExpressionError_ValidationExceptionForTheWholeRequest() =>
        Invalid(() => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new TransactWriteItem { Put = new Put { TableName = "accounts", Item = Item(("pk", S("x"))), ConditionExpression = "attribute_exists(#xyz)" } }],
        }), "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #xyz");

    [Test]
    public void TransactWriteItems_TwoOperationsInOneAction_ValidationException() =>
        Invalid(() => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new TransactWriteItem
            {
                Put = new Put { TableName = "accounts", Item = Item(("pk", S("x"))) },
                Delete = new Delete { TableName = "accounts", Key = Item(("pk", S("y"))) },
            }],
        }), "TransactItems can only contain one of Check, Put, Update or Delete");

    [Test]
    public async Task TransactWriteItems_ClientRequestToken_AppliesOnceWithinTenMinutes()
    {
        var request = new TransactWriteItemsRequest { ClientRequestToken = "token-1", TransactItems = [Move("bob", "5")] };

        await Ddb.TransactWriteItemsAsync(request);
        await Ddb.TransactWriteItemsAsync(request);
        Assert.That(await Balance("bob"), Is.EqualTo("5"));

        Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        await Ddb.TransactWriteItemsAsync(request);
        Assert.That(await Balance("bob"), Is.EqualTo("10"));
    }

    [Test]
    public async Task TransactWriteItems_TokenWithOtherRequest_IdempotentParameterMismatch()
    {
        await Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest { ClientRequestToken = "token-2", TransactItems = [Move("bob", "5")] });

        Fails<IdempotentParameterMismatchException>(
            () => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest { ClientRequestToken = "token-2", TransactItems = [Move("bob", "6")] }),
            "Specified idempotent token was used with different request parameters within the idempotency window");
    }

    [Test]
    public async Task TransactWriteItems_ConsumedCapacity_DoubledForTransactions()
    {
        var response = await Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                Move("bob", "1"),
                new TransactWriteItem { Put = new Put { TableName = "ledger", Item = Item(("pk", S("x")), ("sk", N("1")), ("d", S(new string('x', 1500)))) } },
            ],
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        });

        Assert.That(response.ConsumedCapacity.Single(c => c.TableName == "accounts").CapacityUnits, Is.EqualTo(2.0));
        Assert.That(response.ConsumedCapacity.Single(c => c.TableName == "ledger").CapacityUnits, Is.EqualTo(4.0));
    }

    [Test]
    public async Task TransactGetItems_ReadsASnapshotInOrder()
    {
        var response = await Ddb.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems =
            [
                new TransactGetItem { Get = new Get { TableName = "accounts", Key = Item(("pk", S("bob"))) } },
                new TransactGetItem { Get = new Get { TableName = "accounts", Key = Item(("pk", S("nobody"))) } },
                new TransactGetItem { Get = new Get { TableName = "accounts", Key = Item(("pk", S("alice"))), ProjectionExpression = "balance" } },
            ],
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        });

        Assert.That(response.Responses[0].Item["pk"].S, Is.EqualTo("bob"));
        Assert.That(response.Responses[1].Item, Is.Null.Or.Empty);
        Assert.That(response.Responses[2].Item.Keys, Is.EqualTo(new[] { "balance" }));
        Assert.That(response.ConsumedCapacity.Single().CapacityUnits, Is.EqualTo(6.0));
    }

    [Test]
    public void TransactGetItems_SameItemTwice_ValidationException() =>
        Invalid(() => Ddb.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems =
            [
                new TransactGetItem { Get = new Get { TableName = "accounts", Key = Item(("pk", S("bob"))) } },
                new TransactGetItem { Get = new Get { TableName = "accounts", Key = Item(("pk", S("bob"))) } },
            ],
        }), "Transaction request cannot include multiple operations on one item");
}
