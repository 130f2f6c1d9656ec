using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/limits/itemSizeBySurface.test.ts: the 400 KB
// gate on each write surface, to the byte. Every surface here measures the finished item flat (exactly
// 409,600 bytes, key included). A put's size is known from the request, so a transacted Put over it
// is refused before the transaction opens; an update's depends on the stored item, so a transacted
// Update over it cancels. The put path says "Item size", the update path "Item size to update".
// UpdateItem's statement-sized rule (22 regions charge what the statement writes plus a cost per
// clause; ten size the finished item) is a regional split: FakeAws sizes the finished item, as the
// ten flat regions do, and only the cases on which both rules agree are ported.
public class ParityLimitsItemSizeBySurfaceTests(DynamoDbPath path) : ParityTestBase(path)
{
    private const int MaxItemBytes = 409_600;
    private const string PutWording = "Item size has exceeded the maximum allowed size";
    private const string UpdateWording = "Item size to update has exceeded the maximum allowed size";

    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash);

    private static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>The size of an item whose values are all strings.</summary>
    private static int StringItemBytes(Dictionary<string, AttributeValue> item) => item.Sum(a => Bytes(a.Key) + Bytes(a.Value.S));

    /// <summary>The string value of <c>p</c> that makes <paramref name="key"/> plus <c>p</c> measure <paramref name="total"/>.</summary>
    private static AttributeValue Padding(Dictionary<string, AttributeValue> key, int total, Dictionary<string, AttributeValue>? besides = null) =>
        S(new string('p', total - StringItemBytes(key) - StringItemBytes(besides ?? []) - Bytes("p")));

    private static Dictionary<string, AttributeValue> SizedItem(string pk, int total)
    {
        var item = Key(pk);
        item["p"] = Padding(Key(pk), total);
        return item;
    }

    private async Task<int> StoredBytesAsync(string pk) => StringItemBytes((await StoredAsync(Hash, Key(pk)))!);

    private Task BatchWrite(Dictionary<string, AttributeValue> item) => Ddb.BatchWriteItemAsync(new BatchWriteItemRequest
    {
        RequestItems = new Dictionary<string, List<WriteRequest>> { [Hash] = [new WriteRequest { PutRequest = new PutRequest { Item = item } }] },
    });

    private Task Insert(string pk, int total) => Statement($"INSERT INTO \"{Hash}\" VALUE {{'pk': ?, 'p': ?}}", S(pk), SizedItem(pk, total)["p"]);

    private async Task UpdateTo(string pk, int total)
    {
        await Ddb.PutItemAsync(Hash, Key(pk));
        await Statement($"UPDATE \"{Hash}\" SET p = ? WHERE pk = ?", SizedItem(pk, total)["p"], S(pk));
    }

    private Task TransactPut(string pk, int total) => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
    {
        TransactItems = [new TransactWriteItem { Put = new Put { TableName = Hash, Item = SizedItem(pk, total) } }],
    });

    private Task TransactUpdate(string pk, int total) => Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
    {
        TransactItems = [new TransactWriteItem { Update = new Update { TableName = Hash, Key = Key(pk), UpdateExpression = "SET p = :p", ExpressionAttributeValues = Item((":p", SizedItem(pk, total)["p"])) } }],
    });

    private static void CancelledFor(Func<Task> call, string reason) =>
        Assert.That(Cancelled(call, "ValidationError")[0].Message, Does.Contain(reason));

    [Test]
    public async Task BatchWriteItem_ItemOfExactly409600Bytes_Stored()
    {
        await BatchWrite(SizedItem("lim-surface-bwi-at", MaxItemBytes));
        Assert.That(await StoredBytesAsync("lim-surface-bwi-at"), Is.EqualTo(MaxItemBytes));
    }

    [Test]
    public void BatchWriteItem_OneByteOver_PutWording() =>
        InvalidContaining(() => BatchWrite(SizedItem("lim-surface-bwi-over", MaxItemBytes + 1)), PutWording);

    [Test]
    public async Task ExecuteStatement_InsertOfExactly409600Bytes_Stored()
    {
        await Insert("lim-surface-pql-ins-at", MaxItemBytes);
        Assert.That(await StoredBytesAsync("lim-surface-pql-ins-at"), Is.EqualTo(MaxItemBytes));
    }

    [Test]
    public void ExecuteStatement_InsertOneByteOver_PutWording() =>
        InvalidContaining(() => Insert("lim-surface-pql-ins-over", MaxItemBytes + 1), PutWording);

    [Test]
    public async Task ExecuteStatement_UpdateToExactly409600Bytes_Stored()
    {
        await UpdateTo("lim-surface-pql-upd-at", MaxItemBytes);
        Assert.That(await StoredBytesAsync("lim-surface-pql-upd-at"), Is.EqualTo(MaxItemBytes));
    }

    [Test]
    public void ExecuteStatement_UpdateOneByteOver_UpdateWording() =>
        InvalidContaining(() => UpdateTo("lim-surface-pql-upd-over", MaxItemBytes + 1), UpdateWording);

    [Test]
    public async Task TransactWriteItems_PutOfExactly409600Bytes_Stored()
    {
        await TransactPut("lim-surface-txn-put-at", MaxItemBytes);
        Assert.That(await StoredBytesAsync("lim-surface-txn-put-at"), Is.EqualTo(MaxItemBytes));
    }

    [Test]
    public void TransactWriteItems_PutOneByteOver_ValidationExceptionNotCancellation() =>
        InvalidContaining(() => TransactPut("lim-surface-txn-put-over", MaxItemBytes + 1), PutWording);

    [Test]
    public async Task TransactWriteItems_UpdateToExactly409600Bytes_Stored()
    {
        await TransactUpdate("lim-surface-txn-upd-at", MaxItemBytes);
        Assert.That(await StoredBytesAsync("lim-surface-txn-upd-at"), Is.EqualTo(MaxItemBytes));
    }

    [Test]
    public void TransactWriteItems_UpdateOneByteOver_CancelledWithUpdateWording() =>
        CancelledFor(() => TransactUpdate("lim-surface-txn-upd-over", MaxItemBytes + 1), UpdateWording);

    [Test]
    public async Task TransactWriteItems_UpdateOfExistingRowOneByteOver_CancelledWithUpdateWording()
    {
        await Ddb.PutItemAsync(Hash, Item(("pk", S("lim-surface-txn-upd-existing")), ("p", S("small"))));
        CancelledFor(() => TransactUpdate("lim-surface-txn-upd-existing", MaxItemBytes + 1), UpdateWording);
    }

    [TestCase(100)]
    [TestCase(1024)]
    public async Task UpdateItem_LongKey_CapsTheFinishedItemAtExactly409600(int length)
    {
        var accepted = "A" + new string('k', length - 1);
        var refused = "B" + new string('k', length - 1);
        await Ddb.UpdateItemAsync(new UpdateItemRequest { TableName = Hash, Key = Key(accepted), UpdateExpression = "SET p = :pad", ExpressionAttributeValues = Item((":pad", Padding(Key(accepted), MaxItemBytes))) });
        Assert.That(await StoredBytesAsync(accepted), Is.EqualTo(MaxItemBytes));
        InvalidContaining(() => Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Hash, Key = Key(refused), UpdateExpression = "SET p = :pad", ExpressionAttributeValues = Item((":pad", Padding(Key(refused), MaxItemBytes + 1))),
        }), UpdateWording);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task UpdateItem_AttributeUpdates_SizesTheFinishedItem(bool besideUntouched)
    {
        var untouched = besideUntouched ? Item(("u", S(new string('y', 10)))) : [];
        async Task Send(string pk, int total)
        {
            if (besideUntouched)
            {
                var seed = Key(pk);
                seed["u"] = untouched["u"];
                await Ddb.PutItemAsync(Hash, seed);
            }
            await Ddb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = Hash, Key = Key(pk),
                AttributeUpdates = new Dictionary<string, AttributeValueUpdate> { ["p"] = new() { Action = AttributeAction.PUT, Value = Padding(Key(pk), total, untouched) } },
            });
        }
        await Send("lim-surface-au-at", MaxItemBytes);
        Assert.That(await StoredBytesAsync("lim-surface-au-at"), Is.EqualTo(MaxItemBytes));
        InvalidContaining(() => Send("lim-surface-au-over", MaxItemBytes + 1), UpdateWording);
    }
}
