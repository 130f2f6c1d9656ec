using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier1/putItem/itemCollectionMetrics.test.ts:
// ReturnItemCollectionMetrics on a table with a local secondary index.
public class ParityItemCollectionMetricsTests(DynamoDbPath path) : ParityTestBase(path)
{
    private const string Indexed = "indexed";

    [SetUp]
    public Task CreateTables() => CreateIndexedTableAsync(Indexed);

    private static Dictionary<string, AttributeValue> Row(string pk, string data) =>
        Item(("pk", S(pk)), ("sk", S("a")), ("lsi1sk", S("lval")), ("data", S(data)));

    private static Dictionary<string, AttributeValue> KeyOf(string pk) => Item(("pk", S(pk)), ("sk", S("a")));

    private static void HasMetrics(ItemCollectionMetrics? metrics, string pk)
    {
        Assert.That(metrics?.ItemCollectionKey["pk"].S, Is.EqualTo(pk));
        Assert.That(metrics!.SizeEstimateRangeGB, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task PutItem_Size_ReturnsMetrics() =>
        HasMetrics((await Ddb.PutItemAsync(new PutItemRequest { TableName = Indexed, Item = Row("icm-put-1", "hello"), ReturnItemCollectionMetrics = ReturnItemCollectionMetrics.SIZE })).ItemCollectionMetrics, "icm-put-1");

    [Test]
    public async Task DeleteItem_Size_ReturnsMetrics()
    {
        await Ddb.PutItemAsync(Indexed, Row("icm-del-1", "to-delete"));
        HasMetrics((await Ddb.DeleteItemAsync(new DeleteItemRequest { TableName = Indexed, Key = KeyOf("icm-del-1"), ReturnItemCollectionMetrics = ReturnItemCollectionMetrics.SIZE })).ItemCollectionMetrics, "icm-del-1");
    }

    [Test]
    public async Task UpdateItem_Size_ReturnsMetrics()
    {
        await Ddb.PutItemAsync(Indexed, Row("icm-upd-1", "original"));
        HasMetrics((await Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Indexed, Key = KeyOf("icm-upd-1"), UpdateExpression = "SET #d = :v",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#d"] = "data" }, ExpressionAttributeValues = Item((":v", S("updated"))),
            ReturnItemCollectionMetrics = ReturnItemCollectionMetrics.SIZE,
        })).ItemCollectionMetrics, "icm-upd-1");
    }

    [Test]
    public async Task PutItem_SmallCollection_RangeZeroToOneGigabyte() =>
        Assert.That((await Ddb.PutItemAsync(new PutItemRequest { TableName = Indexed, Item = Row("icm-range-1", "hello"), ReturnItemCollectionMetrics = ReturnItemCollectionMetrics.SIZE }))
            .ItemCollectionMetrics.SizeEstimateRangeGB, Is.EqualTo(new[] { 0.0, 1.0 }));

    [Test]
    public async Task PutItem_None_NoMetrics() =>
        Assert.That((await Ddb.PutItemAsync(new PutItemRequest { TableName = Indexed, Item = Row("icm-none-1", "hello"), ReturnItemCollectionMetrics = ReturnItemCollectionMetrics.NONE })).ItemCollectionMetrics,
            Is.Null);
}
