using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/limits/numberExponent.test.ts: DynamoDB reads
// an exponent in full before applying its range (1E-130 to 9.99…E+125), so an exponent past a 32-bit
// integer is an overflow or underflow rather than wrapping, one past a 64-bit integer cannot be
// converted, and zero is range-checked by the exponent it is written with.
public class ParityLimitsNumberExponentTests(DynamoDbPath path) : ParityTestBase(path)
{
    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash, HashN, CompositeN);

    private Task Put(string value, string pk = "nx-rejected") => Ddb.PutItemAsync(Hash, Item(("pk", S(pk)), ("val", N(value))));

    [TestCase("1e99999999999", Overflow)]
    [TestCase("1e-99999999999", Underflow)]
    [TestCase("1e2147483648", Overflow)]
    [TestCase("1e9223372036854775808", NotNumeric)]
    [TestCase("0e126", Overflow)]
    [TestCase("0e-131", Underflow)]
    public void PutItem_ExponentOutOfRange_Refused(string value, string message) =>
        InvalidContaining(() => Put(value), message);

    [Test]
    public async Task PutItem_ZeroWithExponentInRange_StoredAsZero()
    {
        await Put("0e125", "nx-zero");
        Assert.That((await StoredAsync(Hash, Key("nx-zero")))!["val"].N, Is.EqualTo("0"));
    }

    [Test]
    public async Task PutItem_SmallestMagnitudeWithExponent_Stored()
    {
        await Put("1e-130", "nx-small");
        Assert.That((await StoredAsync(Hash, Key("nx-small")))!["val"].N, Is.Not.Null);
    }

    [Test]
    public void UpdateItem_ValueWithHugeExponent_Overflow() =>
        InvalidContaining(() => Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Hash, Key = Key("nx-update"), UpdateExpression = "SET m = :v", ExpressionAttributeValues = Item((":v", N("1e99999999999"))),
        }), Overflow);

    [Test]
    public void PutItem_ConditionValueWithHugeExponent_Overflow() =>
        InvalidContaining(() => Ddb.PutItemAsync(new PutItemRequest
        {
            TableName = Hash, Item = Key("nx-condition"), ConditionExpression = "attribute_not_exists(n) OR n = :v", ExpressionAttributeValues = Item((":v", N("1e99999999999"))),
        }), Overflow);

    [Test]
    public void KeyReads_KeyWithHugeExponent_Overflow()
    {
        var key = Item(("pk", N("1e99999999999")));
        InvalidContaining(() => Ddb.GetItemAsync(HashN, key), Overflow);
        InvalidContaining(() => Ddb.DeleteItemAsync(HashN, key), Overflow);
        InvalidContaining(() => Ddb.UpdateItemAsync(new UpdateItemRequest { TableName = HashN, Key = key, UpdateExpression = "SET a = :a", ExpressionAttributeValues = Item((":a", S("x"))) }), Overflow);
        InvalidContaining(() => Ddb.QueryAsync(new QueryRequest
        {
            TableName = CompositeN, KeyConditionExpression = "pk = :p AND sk = :v", ExpressionAttributeValues = Item((":p", S("nx-query")), (":v", N("1e99999999999"))),
        }), Overflow);
        InvalidContaining(() => Ddb.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new Dictionary<string, KeysAndAttributes> { [HashN] = new() { Keys = [key] } },
        }), Overflow);
    }
}
