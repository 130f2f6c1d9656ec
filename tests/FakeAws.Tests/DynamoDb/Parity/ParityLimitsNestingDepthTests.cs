using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/limits/nestingDepth.test.ts: documents nest at
// most 32 levels, counting the attribute as level 1, so 31 map wrappers around a leaf are accepted and
// 32 refused, in stored items (PutItem, BatchWriteItem, a transacted Put) and in UpdateItem's
// expression values. A transaction does not check the depth of its expression values; an Update that
// writes a too-deep value cancels on the stored-item cap (some regions refuse it up front instead,
// which the suite also accepts).
public class ParityLimitsNestingDepthTests(DynamoDbPath path) : ParityTestBase(path)
{
    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash);

    private static int DepthOf(AttributeValue? value)
    {
        var depth = 0;
        while (value?.M is { } map && map.TryGetValue("n", out var inner))
        {
            depth++;
            value = inner;
        }
        return depth;
    }

    private Task TransactWrite(TransactWriteItem item) => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [item] });

    private Task UpdateWithDeepCondition(int depth) => Ddb.UpdateItemAsync(new UpdateItemRequest
    {
        TableName = Hash,
        Key = Key("nest-cond-eav"),
        UpdateExpression = "SET touched = :t",
        ConditionExpression = "#d = :deep",
        ExpressionAttributeNames = new Dictionary<string, string> { ["#d"] = "data" },
        ExpressionAttributeValues = Item((":t", S("y")), (":deep", Deep(depth))),
    });

    [Test]
    public async Task PutItem_31Levels_Stored()
    {
        await Ddb.PutItemAsync(Hash, Item(("pk", S("nest-stored-31")), ("data", Deep(31))));
        Assert.That(DepthOf((await StoredAsync(Hash, Key("nest-stored-31")))!["data"]), Is.EqualTo(31));
    }

    [Test]
    public void PutItem_32Levels_Refused() =>
        InvalidContaining(() => Ddb.PutItemAsync(Hash, Item(("pk", S("nest-stored-32")), ("data", Deep(32)))), Nesting);

    [Test]
    public async Task UpdateItem_31LevelConditionValue_ConditionEvaluated()
    {
        await Ddb.PutItemAsync(Hash, Item(("pk", S("nest-cond-eav")), ("marker", S("x"))));
        Assert.ThrowsAsync<ConditionalCheckFailedException>(() => UpdateWithDeepCondition(31));
    }

    [Test]
    public async Task UpdateItem_32LevelConditionValue_Refused()
    {
        await Ddb.PutItemAsync(Hash, Item(("pk", S("nest-cond-eav")), ("marker", S("x"))));
        InvalidContaining(() => UpdateWithDeepCondition(32), Nesting);
    }

    [Test]
    public async Task BatchWriteItem_31Levels_Stored()
    {
        var response = await Ddb.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new Dictionary<string, List<WriteRequest>> { [Hash] = [new WriteRequest { PutRequest = new PutRequest { Item = Item(("pk", S("nest-bw-31")), ("data", Deep(31))) } }] },
        });
        Assert.That(response.UnprocessedItems, Is.Null.Or.Empty);
        Assert.That(DepthOf((await StoredAsync(Hash, Key("nest-bw-31")))!["data"]), Is.EqualTo(31));
    }

    [Test]
    public void BatchWriteItem_32Levels_Refused() =>
        InvalidContaining(() => Ddb.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new Dictionary<string, List<WriteRequest>> { [Hash] = [new WriteRequest { PutRequest = new PutRequest { Item = Item(("pk", S("nest-bw-32")), ("data", Deep(32))) } }] },
        }), Nesting);

    [Test]
    public async Task TransactWriteItems_Put31Levels_Stored()
    {
        await TransactWrite(new TransactWriteItem { Put = new Put { TableName = Hash, Item = Item(("pk", S("nest-twi-31")), ("data", Deep(31))) } });
        Assert.That(DepthOf((await StoredAsync(Hash, Key("nest-twi-31")))!["data"]), Is.EqualTo(31));
    }

    [Test]
    public void TransactWriteItems_Put32Levels_RefusedUpFront() =>
        InvalidContaining(() => TransactWrite(new TransactWriteItem { Put = new Put { TableName = Hash, Item = Item(("pk", S("nest-twi-32")), ("data", Deep(32))) } }), Nesting);

    [Test]
    public void TransactWriteItems_UpdateWritingA32LevelValue_CancelledOrRefused()
    {
        var error = Assert.CatchAsync<AmazonDynamoDBException>(() => TransactWrite(new TransactWriteItem
        {
            Update = new Update { TableName = Hash, Key = Key("nest-twi-eav"), UpdateExpression = "SET deep = :deep", ExpressionAttributeValues = Item((":deep", Deep(32))) },
        }));
        if (error is TransactionCanceledException cancelled)
        {
            Assert.That(cancelled.CancellationReasons.Select(r => r.Code), Is.EqualTo(new[] { "ValidationError" }));
            Assert.That(cancelled.CancellationReasons[0].Message, Does.Contain(Nesting));
        }
        else
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("ValidationException"));
            Assert.That(error.Message, Does.Contain(Nesting));
        }
    }

    [Test]
    public async Task TransactWriteItems_Deep32ConditionValueOfUpdateOrCheck_ConditionEvaluated()
    {
        await Ddb.PutItemAsync(Hash, Item(("pk", S("nest-twi-eav")), ("marker", S("x"))));
        var names = new Dictionary<string, string> { ["#d"] = "data" };
        TransactWriteItem[] actions =
        [
            new() { Update = new Update { TableName = Hash, Key = Key("nest-twi-eav"), UpdateExpression = "SET touched = :t", ConditionExpression = "#d = :deep", ExpressionAttributeNames = names, ExpressionAttributeValues = Item((":t", S("y")), (":deep", Deep(32))) } },
            new() { ConditionCheck = new ConditionCheck { TableName = Hash, Key = Key("nest-twi-eav"), ConditionExpression = "#d = :deep", ExpressionAttributeNames = names, ExpressionAttributeValues = Item((":deep", Deep(32))) } },
        ];
        foreach (var action in actions)
        {
            var error = Assert.CatchAsync<AmazonDynamoDBException>(() => TransactWrite(action));
            if (error is TransactionCanceledException cancelled)
            {
                Assert.That(cancelled.CancellationReasons.Select(r => r.Code), Is.EqualTo(new[] { "ConditionalCheckFailed" }));
            }
            else
            {
                Assert.That(error!.Message, Does.Contain(Nesting));
            }
        }
    }
}
