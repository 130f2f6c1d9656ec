using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier2/partiql/grammar.test.ts: number literals with an
// exponent or no leading digit, comments, ORDER BY, and refusals that keep a malformed statement from
// running as something else.
public class ParityPartiQLGrammarTests(DynamoDbPath path) : ParityTestBase(path)
{
    [SetUp]
    public async Task CreateTables()
    {
        await CreateTablesAsync(Hash, HashN, CompositeN);
        foreach (var n in new[] { "7310000", "7.3", "-7.3" })
        {
            await Ddb.PutItemAsync(HashN, Item(("pk", N(n)), ("tag", S("grammar"))));
        }
        foreach (var s in new[] { "pq-grammar-a", "pq-grammar-b", "pq-grammar-c" })
        {
            await Ddb.PutItemAsync(Hash, Item(("pk", S(s)), ("tag", S("grammar"))));
        }
        foreach (var n in new[] { "1", "2", "3" })
        {
            await Ddb.PutItemAsync(CompositeN, Item(("pk", S("pq-grammar-order")), ("sk", N(n))));
        }
    }

    private async Task<List<Dictionary<string, AttributeValue>>> Select(string statement) =>
        (await Ddb.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = statement, ConsistentRead = true })).Items;

    [TestCase("7.31e6")]
    [TestCase("7.31E6")]
    [TestCase("7.31e+6")]
    [TestCase("731e4")]
    [TestCase("73100000e-1")]
    public async Task ExecuteStatement_ExponentLiteral_MatchesTheNumber(string literal) =>
        Assert.That((await Select($"SELECT * FROM \"{HashN}\" WHERE pk = {literal}")).Select(i => i["pk"].N), Is.EqualTo(new[] { "7310000" }));

    [Test]
    public async Task ExecuteStatement_ExponentLiteralInInsert_StoresTheNumber()
    {
        await Statement($"INSERT INTO \"{HashN}\" VALUE {{'pk': 7.32e6, 'tag': 'grammar'}}");
        Assert.That(await StoredAsync(HashN, Item(("pk", N("7320000")))), Is.Not.Null);
    }

    [TestCase(".73e1", "7.3")]
    [TestCase("-.73e1", "-7.3")]
    public async Task ExecuteStatement_NoLeadingDigit_MatchesTheNumber(string literal, string stored) =>
        Assert.That((await Select($"SELECT * FROM \"{HashN}\" WHERE pk = {literal}")).Select(i => i["pk"].N), Is.EqualTo(new[] { stored }));

    [Test]
    public async Task ExecuteStatement_NoLeadingDigitInInsert_StoresTheNumber()
    {
        await Statement($"INSERT INTO \"{HashN}\" VALUE {{'pk': .7325e1, 'tag': 'grammar'}}");
        Assert.That(await StoredAsync(HashN, Item(("pk", N("7.325")))), Is.Not.Null);
    }

    [Test]
    public void ExecuteStatement_ExponentOutsideAnInt_Refused() =>
        Refusal(() => Statement($"SELECT * FROM \"{HashN}\" WHERE pk = 1e99999999999"));

    [TestCase("SELECT * FROM \"hash\" WHERE pk = 'pq-grammar-a' -- a note", "pq-grammar-a")]
    [TestCase("SELECT * FROM \"hash\" -- a note\nWHERE pk = 'pq-grammar-b'", "pq-grammar-b")]
    [TestCase("-- a note\nSELECT * FROM \"hash\" WHERE pk = 'pq-grammar-a'", "pq-grammar-a")]
    [TestCase("SELECT * FROM \"hash\" /* a note */ WHERE pk = 'pq-grammar-c'", "pq-grammar-c")]
    [TestCase("SELECT * FROM \"hash\" WHERE pk = 'pq-grammar-c' /* a note */", "pq-grammar-c")]
    public async Task ExecuteStatement_Comment_Ignored(string statement, string pk) =>
        Assert.That((await Select(statement)).Select(i => i["pk"].S), Is.EqualTo(new[] { pk }));

    [Test]
    public void ExecuteStatement_HashComment_Refused() =>
        Refusal(() => Statement($"SELECT * FROM \"{Hash}\" WHERE pk = 'pq-grammar-a' # a note"));

    [TestCase("DESC", new[] { "3", "2", "1" })]
    [TestCase("ASC", new[] { "1", "2", "3" })]
    public async Task ExecuteStatement_OrderBySortKey_Ordered(string direction, string[] expected) =>
        Assert.That((await Select($"SELECT * FROM \"{CompositeN}\" WHERE pk = 'pq-grammar-order' ORDER BY sk {direction}")).Select(i => i["sk"].N), Is.EqualTo(expected));

    [Test]
    public async Task ExecuteStatement_InsertWithLeftoverToken_RefusedAndNothingWritten()
    {
        Refusal(() => Statement($"INSERT INTO \"{HashN}\" VALUE {{'pk': 7330000}} foo"));
        Assert.That(await StoredAsync(HashN, Item(("pk", N("7330000")))), Is.Null);
    }

    [Test]
    public void ExecuteStatement_SelectWithAlias_Refused() =>
        Refusal(() => Statement($"SELECT * FROM \"{Hash}\" t WHERE pk = 'pq-grammar-a'"));

    [Test]
    public async Task ExecuteStatement_DeleteWithAliasOrOrderBy_RefusedAndNothingDeleted()
    {
        Refusal(() => Statement($"DELETE FROM \"{Hash}\" t WHERE pk = 'pq-grammar-a'"));
        Refusal(() => Statement($"DELETE FROM \"{Hash}\" WHERE pk = 'pq-grammar-b' ORDER BY pk"));
        Assert.That(await StoredAsync(Hash, Key("pq-grammar-a")), Is.Not.Null);
        Assert.That(await StoredAsync(Hash, Key("pq-grammar-b")), Is.Not.Null);
    }
}
