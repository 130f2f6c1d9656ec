using System.Text;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/limits/numberByteSize.test.ts: what a number
// costs toward the 400 KB item limit, to the byte. The suite's rule: 1 byte, plus one per two
// significant digits of the integer part and one per two of the fraction, each rounded up, plus one
// for a minus sign, over the value with leading and trailing zeros trimmed (3.14159 costs 5, 123456
// costs 4, 1E125 costs 2). Each literal gets an item of exactly 409,600 bytes on that cost, accepted,
// and one a byte over, refused. The suite's captured list lives outside its indexed files, so the
// literals here are this fixture's own, each priced by that rule.
public class ParityLimitsNumberSizeTests(DynamoDbPath path) : ParityTestBase(path)
{
    private const int MaxItemBytes = 409_600;

    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash);

    private static Dictionary<string, AttributeValue> ItemForNumber(string pk, string literal, int numberCost, int total)
    {
        var padding = total - Encoding.UTF8.GetByteCount("pk" + pk) - "n".Length - numberCost - "p".Length;
        return Item(("pk", S(pk)), ("n", N(literal)), ("p", S(new string('p', padding))));
    }

    [TestCase("0", 1)]
    [TestCase("1", 2)]
    [TestCase("-1", 3)]
    [TestCase("12", 2)]
    [TestCase("123", 3)]
    [TestCase("123456", 4)]
    [TestCase("-123456", 5)]
    [TestCase("3.14159", 5)]
    [TestCase("0.5", 2)]
    [TestCase("0.05", 2)]
    [TestCase("12.34", 3)]
    [TestCase("1.5", 3)]
    [TestCase("100", 2)]
    [TestCase("1000", 2)]
    [TestCase("0042.1200", 3)]
    [TestCase("99999999999999999999999999999999999999", 20)]
    [TestCase("1E125", 2)]
    public async Task PutItem_Number_SizedBySignificantDigits(string literal, int cost)
    {
        await Ddb.PutItemAsync(Hash, ItemForNumber("lim-nbs-at", literal, cost, MaxItemBytes));
        InvalidContaining(() => Ddb.PutItemAsync(Hash, ItemForNumber("lim-nbs-ov", literal, cost, MaxItemBytes + 1)),
            "Item size has exceeded the maximum allowed size");
    }

    [Test]
    public async Task PutItem_ZerosItDoesNotCount_Trimmed()
    {
        await Ddb.PutItemAsync(Hash, Item(("pk", S("lim-nbs-rt-trim")), ("n", N("0042.1200"))));
        Assert.That((await StoredAsync(Hash, Key("lim-nbs-rt-trim")))!["n"].N, Is.EqualTo("42.12"));
    }

    [Test]
    public async Task PutItem_Exponent_StoredExpanded()
    {
        await Ddb.PutItemAsync(Hash, Item(("pk", S("lim-nbs-rt-exp")), ("n", N("1E125"))));
        Assert.That((await StoredAsync(Hash, Key("lim-nbs-rt-exp")))!["n"].N, Is.EqualTo("1" + new string('0', 125)));
    }
}
