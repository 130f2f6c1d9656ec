using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/validation-ordering/batchOperations.test.ts:
// member constraints (the enums, a table name's pattern) come first and are reported together; a
// missing table, duplicate keys and key-schema problems come after. BatchWriteItem gives way to the
// enum over a malformed table name, where BatchGetItem reports both.
public class ParityValidationOrderingBatchTests(DynamoDbPath path) : ParityTestBase(path)
{
    private const string EnumRcc = "Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]";
    private const string EnumRicm = "Value 'BOGUS2' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]";

    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash);

    private static Dictionary<string, List<WriteRequest>> PutInto(string table, string pk) =>
        new() { [table] = [new WriteRequest { PutRequest = new PutRequest { Item = Key(pk) } }] };

    private Task BatchWrite(Dictionary<string, List<WriteRequest>> items, string? rcc = null, string? ricm = null) =>
        Ddb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = items, ReturnConsumedCapacity = rcc, ReturnItemCollectionMetrics = ricm });

    private Task BatchGet(string table, string? rcc = null) => Ddb.BatchGetItemAsync(new BatchGetItemRequest
    {
        RequestItems = new Dictionary<string, KeysAndAttributes> { [table] = new() { Keys = [Key("a")] } },
        ReturnConsumedCapacity = rcc,
    });

    [Test]
    public void BatchWriteItem_EmptyRequestItems_NamesRequestItems() =>
        Assert.That(Refusal(() => BatchWrite([])), Does.Match("(?i)requestitems"));

    [Test]
    public void BatchGetItem_EmptyRequestItems_NamesRequestItems() =>
        Assert.That(Refusal(() => Ddb.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = [] })), Does.Match("(?i)requestitems"));

    [Test]
    public void BatchWriteItem_26Items_LengthConstraint() =>
        Assert.That(Refusal(() => BatchWrite(new() { [Hash] = [.. Enumerable.Range(0, 26).Select(i => new WriteRequest { PutRequest = new PutRequest { Item = Key($"item_{i}") } })] })),
            Does.Match("(?i)member must have length less than or equal to 25|too many items"));

    [Test]
    public void BatchGetItem_101Keys_LengthConstraint() =>
        Assert.That(Refusal(() => Ddb.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new Dictionary<string, KeysAndAttributes> { [Hash] = new() { Keys = [.. Enumerable.Range(0, 101).Select(i => Key($"key_{i}"))] } },
        })), Does.Match("(?i)member must have length less than or equal to 100|too many items"));

    [Test]
    public async Task BatchWriteItem_UnknownReturnConsumedCapacity_RefusedAndNothingWritten()
    {
        Invalid(() => BatchWrite(PutInto(Hash, "vo-bw-rcc"), rcc: "BOGUS"), One(EnumRcc));
        Assert.That(await StoredAsync(Hash, Key("vo-bw-rcc")), Is.Null);
    }

    [Test]
    public async Task BatchWriteItem_UnknownReturnItemCollectionMetrics_RefusedAndNothingWritten()
    {
        Invalid(() => BatchWrite(PutInto(Hash, "vo-bw-ricm"), ricm: "BOGUS2"), One(EnumRicm));
        Assert.That(await StoredAsync(Hash, Key("vo-bw-ricm")), Is.Null);
    }

    [Test]
    public void BatchWriteItem_BothEnumsUnknown_OneMessageCapacityFirst() =>
        Invalid(() => BatchWrite(PutInto(Hash, "vo-bw-both"), "BOGUS", "BOGUS2"), $"2 validation errors detected: {EnumRcc}; {EnumRicm}");

    [Test]
    public void BatchWriteItem_UnknownEnumAndMissingTable_EnumFirst() =>
        Invalid(() => BatchWrite(PutInto(Absent, "a"), rcc: "BOGUS"), One(EnumRcc));

    [Test]
    public void BatchWriteItem_UnknownEnumAndMalformedTableName_EnumAlone() =>
        Invalid(() => BatchWrite(PutInto("bad!name", "vo-bw-badname"), rcc: "BOGUS"), One(EnumRcc));

    [Test]
    public void BatchGetItem_UnknownReturnConsumedCapacity_Refused() =>
        Invalid(() => BatchGet(Hash, "BOGUS"), One(EnumRcc));

    [Test]
    public void BatchGetItem_UnknownEnumAndMissingTable_EnumFirst() =>
        Invalid(() => BatchGet(Absent, "BOGUS"), One(EnumRcc));
}
