using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier1/query/multiAttributeGsiKey.test.ts: Query on a
// global index whose key is one HASH and four RANGE attributes. Items sort by the RANGE attributes in
// key-schema order, compared one after another; an item missing a key attribute is not indexed; the
// key condition needs an equality on the HASH attribute and on a gap-free prefix of the RANGE
// attributes, of which only the last named may carry a range condition, in any clause order.
public class ParityMultiAttributeGsiQueryTests(DynamoDbPath path) : ParityTestBase(path)
{
    private const string Table = "multiKeyGsi";
    private const string Index = "gsi";

    private static readonly (string Pk, string A, string B, string? C, string D)[] Rows =
    [
        ("p1", "T", "live", "b", "r1"),
        ("p2", "T", "live", "a", "r2"),
        ("p3", "T", "live", "a", "r1"),
        ("p4", "T", "draft", "c", "r1"),
        ("p5", "F", "live", "a", "r0"),
        // No c, so not in the index.
        ("p6", "T", "live", null, "r1"),
    ];

    private static readonly Dictionary<string, AttributeValue> Values = Item(
        (":h", S("o1")), (":a", S("T")), (":b", S("live")), (":c", S("a")), (":d", S("r")), (":x", S("r1")), (":y", S("r1")));

    [SetUp]
    public async Task CreateTable()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = Table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [.. new[] { "pk", "h", "a", "b", "c", "d" }.Select(n => new AttributeDefinition(n, ScalarAttributeType.S))],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = Index,
                    KeySchema =
                    [
                        new KeySchemaElement("h", KeyType.HASH), new KeySchemaElement("a", KeyType.RANGE), new KeySchemaElement("b", KeyType.RANGE),
                        new KeySchemaElement("c", KeyType.RANGE), new KeySchemaElement("d", KeyType.RANGE),
                    ],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                },
            ],
        });
        foreach (var row in Rows)
        {
            var item = Item(("h", S("o1")), ("pk", S(row.Pk)), ("a", S(row.A)), ("b", S(row.B)), ("d", S(row.D)));
            if (row.C is not null)
            {
                item["c"] = S(row.C);
            }
            await Ddb.PutItemAsync(Table, item);
        }
    }

    private async Task<(List<string> Pks, Dictionary<string, AttributeValue>? LastEvaluatedKey)> QueryAsync(string condition, bool forward = true, int? limit = null)
    {
        var response = await Ddb.QueryAsync(new QueryRequest
        {
            TableName = Table,
            IndexName = Index,
            KeyConditionExpression = condition,
            ExpressionAttributeValues = Values.Where(v => condition.Contains(v.Key)).ToDictionary(),
            ScanIndexForward = forward,
            Limit = limit,
        });
        return ([.. response.Items.Select(i => i["pk"].S)], response.LastEvaluatedKey is { Count: > 0 } key ? key : null);
    }

    private async Task<List<string>> PksAsync(string condition, bool forward = true) => (await QueryAsync(condition, forward)).Pks;

    [Test]
    public async Task Query_HashAttributeAlone_IndexedItemsInKeyOrderWithoutTheOneMissingAKeyAttribute() =>
        Assert.That(await PksAsync("h = :h"), Is.EqualTo(new[] { "p5", "p4", "p3", "p2", "p1" }));

    [Test]
    public async Task Query_EqualityOnFirstRangeAttribute_NarrowsToIt() =>
        Assert.That(await PksAsync("h = :h AND a = :a"), Is.EqualTo(new[] { "p4", "p3", "p2", "p1" }));

    [Test]
    public async Task Query_ScanIndexForwardFalse_ReversesTheOrder() =>
        Assert.That(await PksAsync("h = :h AND a = :a", forward: false), Is.EqualTo(new[] { "p1", "p2", "p3", "p4" }));

    [Test]
    public async Task Query_EqualitiesOnFirstTwoRangeAttributes_Narrow() =>
        Assert.That(await PksAsync("h = :h AND a = :a AND b = :b"), Is.EqualTo(new[] { "p3", "p2", "p1" }));

    [Test]
    public async Task Query_EqualitiesOnFirstThreeRangeAttributes_Narrow() =>
        Assert.That(await PksAsync("h = :h AND a = :a AND b = :b AND c = :c"), Is.EqualTo(new[] { "p3", "p2" }));

    [Test]
    public async Task Query_RangeConditionOnLastAttributeNamed_Applies() =>
        Assert.That(await PksAsync("h = :h AND a = :a AND b = :b AND c > :c"), Is.EqualTo(new[] { "p1" }));

    [Test]
    public async Task Query_BeginsWithOnFourthRangeAttribute_Applies() =>
        Assert.That(await PksAsync("h = :h AND a = :a AND b = :b AND c = :c AND begins_with(d, :d)"), Is.EqualTo(new[] { "p3", "p2" }));

    [Test]
    public async Task Query_BetweenOnFourthRangeAttribute_Applies() =>
        Assert.That(await PksAsync("h = :h AND a = :a AND b = :b AND c = :c AND d BETWEEN :x AND :y"), Is.EqualTo(new[] { "p3" }));

    [Test]
    public async Task Query_RangeConditionOnSecondRangeAttribute_Applies() =>
        Assert.That(await PksAsync("h = :h AND a = :a AND b < :b"), Is.EqualTo(new[] { "p4" }));

    [Test]
    public async Task Query_ClausesInAnyOrder_Accepted() =>
        Assert.That(await PksAsync("b = :b AND h = :h AND a = :a"), Is.EqualTo(new[] { "p3", "p2", "p1" }));

    [Test]
    public async Task Query_Page_LastEvaluatedKeyCarriesTableKeyAndEveryIndexKeyAttribute()
    {
        var (pks, lastEvaluatedKey) = await QueryAsync("h = :h AND a = :a", limit: 2);

        Assert.That(pks, Is.EqualTo(new[] { "p4", "p3" }));
        Assert.That(lastEvaluatedKey?.Keys.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "a", "b", "c", "d", "h", "pk" }));
    }

    [Test]
    public void Query_GapInRangeAttributes_Refused() =>
        Invalid(() => QueryAsync("h = :h AND a = :a AND c = :c"),
            "RANGE key attributes b must have equality conditions specified in the query because a condition is present on key attribute c");

    [Test]
    public void Query_RangeConditionBeforeLastAttributeNamed_Refused() =>
        Invalid(() => QueryAsync("h = :h AND a = :a AND b > :b AND c = :c"),
            "RANGE key attributes b must have equality conditions specified in the query because a condition is present on key attribute c");

    [Test]
    public void Query_FirstRangeAttributeSkipped_Refused() =>
        Invalid(() => QueryAsync("h = :h AND b = :b"),
            "RANGE key attributes a must have equality conditions specified in the query because a condition is present on key attribute b");
}
