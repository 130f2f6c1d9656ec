using System.Text;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/limits/expressionSize.test.ts: every expression
// parameter is capped at 4096 bytes of the raw string as sent (aliases not substituted, values not
// counted), on every surface, and inside a transaction the cap is a top-level ValidationException.
public class ParityLimitsExpressionSizeTests(DynamoDbPath path) : ParityTestBase(path)
{
    private const int Limit = 4096;
    private const string SizeMessage = "Expression size has exceeded the maximum allowed size";

    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash);

    // A 50-byte attribute name unique per clause: letters and an index, never a reserved word.
    private static string PadName(int i, int length = 50)
    {
        var suffix = $"x{i}";
        return new string('a', length - suffix.Length) + suffix;
    }

    // Joins clauses to exactly `target` bytes, stretching the last clause's name to land on the byte.
    private static (string Expression, int Clauses) BuildToBytes(int target, string prefix, string joiner, Func<int, int, string> clause)
    {
        var parts = new List<string>();
        var total = prefix.Length;
        for (var i = 0; ; i++)
        {
            var next = clause(i, 50);
            var add = (parts.Count > 0 ? joiner.Length : 0) + next.Length;
            if (total + add > target)
            {
                break;
            }
            parts.Add(next);
            total += add;
        }
        if (target - total > 0)
        {
            parts[^1] = clause(parts.Count - 1, 50 + target - total);
        }
        var expression = prefix + string.Join(joiner, parts);
        Assert.That(Encoding.UTF8.GetByteCount(expression), Is.EqualTo(target));
        return (expression, parts.Count);
    }

    private static Dictionary<string, AttributeValue> Values(int clauses) =>
        Enumerable.Range(0, clauses).ToDictionary(i => $":v{i}", _ => S("x"));

    private static (string Expression, Dictionary<string, AttributeValue> Values) UpdateExpression(int target)
    {
        var (expression, clauses) = BuildToBytes(target, "SET ", ", ", (i, n) => $"{PadName(i, n)} = :v{i}");
        return (expression, Values(clauses));
    }

    private static string ConditionExpression(int target) =>
        BuildToBytes(target, "", " AND ", (i, n) => $"attribute_not_exists({PadName(i, n)})").Expression;

    private static (string Expression, Dictionary<string, AttributeValue> Values) FilterExpression(int target)
    {
        var (expression, clauses) = BuildToBytes(target, "", " OR ", (i, n) => $"{PadName(i, n)} = :v{i}");
        return (expression, Values(clauses));
    }

    private static string ProjectionExpression(int target) => BuildToBytes(target, "", ", ", (i, n) => PadName(i, n)).Expression;

    private static void TooLarge(Func<Task> call) => InvalidContaining(call, SizeMessage);

    [Test]
    public async Task UpdateItem_UpdateExpressionAtTheLimit_Applied()
    {
        var (expression, values) = UpdateExpression(Limit);
        await Ddb.UpdateItemAsync(new UpdateItemRequest { TableName = Hash, Key = Key("lim-es-upd-at"), UpdateExpression = expression, ExpressionAttributeValues = values });
        Assert.That((await StoredAsync(Hash, Key("lim-es-upd-at")))![PadName(0)].S, Is.EqualTo("x"));
    }

    [Test]
    public void UpdateItem_UpdateExpressionOverTheLimit_Refused()
    {
        var (expression, values) = UpdateExpression(Limit + 1);
        TooLarge(() => Ddb.UpdateItemAsync(new UpdateItemRequest { TableName = Hash, Key = Key("lim-es-upd-over"), UpdateExpression = expression, ExpressionAttributeValues = values }));
    }

    [Test]
    public Task PutItem_ConditionExpressionAtTheLimit_Evaluated() =>
        Ddb.PutItemAsync(new PutItemRequest { TableName = Hash, Item = Key("lim-es-cond-at"), ConditionExpression = ConditionExpression(Limit) });

    [Test]
    public void PutItem_ConditionExpressionOverTheLimit_Refused() =>
        TooLarge(() => Ddb.PutItemAsync(new PutItemRequest { TableName = Hash, Item = Key("lim-es-cond-over"), ConditionExpression = ConditionExpression(Limit + 1) }));

    [Test]
    public async Task Query_FilterExpressionAtTheLimit_Evaluated()
    {
        await Ddb.PutItemAsync(Hash, Item(("pk", S("lim-es-qfilter-at")), (PadName(0), S("x"))));
        var (expression, values) = FilterExpression(Limit);
        values[":pk"] = S("lim-es-qfilter-at");
        var response = await Ddb.QueryAsync(new QueryRequest
        {
            TableName = Hash, KeyConditionExpression = "pk = :pk", FilterExpression = expression, ExpressionAttributeValues = values, ConsistentRead = true,
        });
        Assert.That(response.Count, Is.EqualTo(1));
    }

    [Test]
    public void Query_FilterExpressionOverTheLimit_Refused()
    {
        var (expression, values) = FilterExpression(Limit + 1);
        values[":pk"] = S("lim-es-qfilter-over");
        TooLarge(() => Ddb.QueryAsync(new QueryRequest { TableName = Hash, KeyConditionExpression = "pk = :pk", FilterExpression = expression, ExpressionAttributeValues = values }));
    }

    [Test]
    public Task Scan_FilterExpressionAtTheLimit_Accepted()
    {
        var (expression, values) = FilterExpression(Limit);
        return Ddb.ScanAsync(new ScanRequest { TableName = Hash, FilterExpression = expression, ExpressionAttributeValues = values });
    }

    [Test]
    public void Scan_FilterExpressionOverTheLimit_Refused()
    {
        var (expression, values) = FilterExpression(Limit + 1);
        TooLarge(() => Ddb.ScanAsync(new ScanRequest { TableName = Hash, FilterExpression = expression, ExpressionAttributeValues = values }));
    }

    [Test]
    public async Task GetItem_ProjectionAtTheLimit_Applied()
    {
        await Ddb.PutItemAsync(Hash, Item(("pk", S("lim-es-proj-at")), (PadName(0), S("present"))));
        var response = await Ddb.GetItemAsync(new GetItemRequest { TableName = Hash, Key = Key("lim-es-proj-at"), ProjectionExpression = ProjectionExpression(Limit), ConsistentRead = true });
        Assert.That(response.Item[PadName(0)].S, Is.EqualTo("present"));
    }

    [Test]
    public void GetItem_ProjectionOverTheLimit_Refused() =>
        TooLarge(() => Ddb.GetItemAsync(new GetItemRequest { TableName = Hash, Key = Key("lim-es-proj-over"), ProjectionExpression = ProjectionExpression(Limit + 1) }));

    [Test]
    public async Task GetItem_AliasesExpandingPastTheLimit_MeasuredRaw()
    {
        await Ddb.PutItemAsync(Hash, Item(("pk", S("lim-es-proj-alias")), ("real", S("y"))));
        var aliases = Enumerable.Range(0, 30).Select(i => $"#a{i}").ToList();
        var names = aliases.Select((alias, i) => (alias, i)).ToDictionary(a => a.alias, a => new string('n', 246) + $"q{a.i}");
        await Ddb.GetItemAsync(new GetItemRequest
        {
            TableName = Hash, Key = Key("lim-es-proj-alias"), ProjectionExpression = string.Join(", ", aliases), ExpressionAttributeNames = names, ConsistentRead = true,
        });
    }

    [Test]
    public async Task TransactWriteItems_PutConditionAtTheLimit_Evaluated()
    {
        await Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new TransactWriteItem { Put = new Put { TableName = Hash, Item = Item(("pk", S("lim-es-twi-cond-at")), ("real", S("y"))), ConditionExpression = ConditionExpression(Limit) } }],
        });
        Assert.That((await StoredAsync(Hash, Key("lim-es-twi-cond-at")))?["real"].S, Is.EqualTo("y"));
    }

    [Test]
    public void TransactWriteItems_PutConditionOverTheLimit_RefusedUpFront() =>
        TooLarge(() => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new TransactWriteItem { Put = new Put { TableName = Hash, Item = Key("lim-es-twi-cond-over"), ConditionExpression = ConditionExpression(Limit + 1) } }],
        }));

    [Test]
    public void TransactWriteItems_UpdateExpressionOverTheLimit_RefusedUpFront()
    {
        var (expression, values) = UpdateExpression(Limit + 1);
        TooLarge(() => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new TransactWriteItem { Update = new Update { TableName = Hash, Key = Key("lim-es-twi-upd-over"), UpdateExpression = expression, ExpressionAttributeValues = values } }],
        }));
    }

    [Test]
    public async Task TransactWriteItems_OnlySecondMemberOversized_NothingWritten()
    {
        TooLarge(() => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = Hash, Item = Key("lim-es-twi-second-first") } },
                new TransactWriteItem { Put = new Put { TableName = Hash, Item = Key("lim-es-twi-second-over"), ConditionExpression = ConditionExpression(Limit + 1) } },
            ],
        }));
        Assert.That(await StoredAsync(Hash, Key("lim-es-twi-second-first")), Is.Null);
    }
}
