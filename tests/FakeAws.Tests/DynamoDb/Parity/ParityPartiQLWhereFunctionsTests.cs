using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier2/partiql/whereFunctions.test.ts: attribute_exists,
// attribute_not_exists, size and attribute_type in a PartiQL WHERE (in any case), IS NULL, IS NOT NULL
// and IS <type> as filters, and on UPDATE and DELETE the functions as the write's condition.
public class ParityPartiQLWhereFunctionsTests(DynamoDbPath path) : ParityTestBase(path)
{
    private const string ItemKey = "pq-fn-item";

    [SetUp]
    public async Task CreateTables()
    {
        await CreateTablesAsync(Hash);
        await Ddb.PutItemAsync(Hash, Item(
            ("pk", S(ItemKey)), ("ss", SS("a", "b", "c")), ("s", S("str")), ("m", M(("sub", S("x")))), ("nul", NullValue), ("flag", Bool(true)), ("pqFnMarker", S("present"))));
        foreach (var pk in new[] { "pq-fn-upd-ok", "pq-fn-upd-ccf", "pq-fn-upd-not", "pq-fn-del-ccf", "pq-fn-del-ok", "pq-fn-tx" })
        {
            await Ddb.PutItemAsync(Hash, Item(("pk", S(pk)), ("a", N("5"))));
        }
    }

    private async Task<bool> Holds(string condition)
    {
        var items = (await Ddb.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"SELECT * FROM \"{Hash}\" WHERE pk = '{ItemKey}' AND {condition}", ConsistentRead = true })).Items;
        return items.Count == 1;
    }

    [TestCase("attribute_exists(ss)", true)]
    [TestCase("attribute_exists(nope)", false)]
    [TestCase("attribute_not_exists(nope)", true)]
    [TestCase("attribute_not_exists(ss)", false)]
    [TestCase("NOT attribute_exists(nope)", true)]
    [TestCase("ATTRIBUTE_EXISTS(ss)", true)]
    [TestCase("(attribute_exists(nope) OR attribute_exists(ss))", true)]
    [TestCase("attribute_exists(ss) = true", true)]
    [TestCase("attribute_exists(\"ss\")", true)]
    [TestCase("attribute_exists(m.sub)", true)]
    [TestCase("attribute_exists(m.nope)", false)]
    [TestCase("size(s) = 3", true)]
    [TestCase("size(s) = 4", false)]
    [TestCase("attribute_type(ss, 'SS')", true)]
    [TestCase("attribute_type(ss, 'S')", false)]
    [TestCase("nul IS NULL", true)]
    [TestCase("s IS NULL", false)]
    [TestCase("s IS NOT NULL", true)]
    [TestCase("nul IS NOT NULL", false)]
    [TestCase("flag IS BOOL", true)]
    [TestCase("s IS STRING", true)]
    [TestCase("s IS BOOL", false)]
    public async Task ExecuteStatement_FunctionInWhere_Filters(string condition, bool holds) =>
        Assert.That(await Holds(condition), Is.EqualTo(holds));

    [Test]
    public async Task ExecuteStatement_AttributeExistsWithoutKeyCondition_Filters()
    {
        var items = (await Statement($"SELECT pk FROM \"{Hash}\" WHERE attribute_exists(pqFnMarker)")).Items;
        Assert.That(items.Select(i => i["pk"].S), Is.EqualTo(new[] { ItemKey }));
    }

    [Test]
    public async Task ExecuteStatement_UpdateWhoseAttributeExistsHolds_Applied()
    {
        await Statement($"UPDATE \"{Hash}\" SET z = 1 WHERE pk = 'pq-fn-upd-ok' AND attribute_exists(a)");
        Assert.That((await StoredAsync(Hash, Key("pq-fn-upd-ok")))!["z"].N, Is.EqualTo("1"));
    }

    [Test]
    public async Task ExecuteStatement_UpdateWhoseAttributeExistsFails_ConditionalCheckFailed()
    {
        Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Statement($"UPDATE \"{Hash}\" SET z = 2 WHERE pk = 'pq-fn-upd-ccf' AND attribute_exists(nope)"));
        Assert.That((await StoredAsync(Hash, Key("pq-fn-upd-ccf")))!.ContainsKey("z"), Is.False);
    }

    [Test]
    public async Task ExecuteStatement_UpdateGuardedByAttributeNotExists_SetsOnce()
    {
        await Statement($"UPDATE \"{Hash}\" SET y = 1 WHERE pk = 'pq-fn-upd-not' AND attribute_not_exists(y)");
        Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Statement($"UPDATE \"{Hash}\" SET y = 2 WHERE pk = 'pq-fn-upd-not' AND attribute_not_exists(y)"));
        Assert.That((await StoredAsync(Hash, Key("pq-fn-upd-not")))!["y"].N, Is.EqualTo("1"));
    }

    [Test]
    public async Task ExecuteStatement_DeleteWhoseAttributeExistsFails_KeepsTheItem()
    {
        Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Statement($"DELETE FROM \"{Hash}\" WHERE pk = 'pq-fn-del-ccf' AND attribute_exists(nope)"));
        Assert.That(await StoredAsync(Hash, Key("pq-fn-del-ccf")), Is.Not.Null);
    }

    [Test]
    public async Task ExecuteStatement_DeleteWhoseAttributeNotExistsHolds_Deletes()
    {
        await Statement($"DELETE FROM \"{Hash}\" WHERE pk = 'pq-fn-del-ok' AND attribute_not_exists(nope)");
        Assert.That(await StoredAsync(Hash, Key("pq-fn-del-ok")), Is.Null);
    }

    [Test]
    public async Task ExecuteStatement_UpdateOfMissingItemGuardedByAttributeNotExists_ConditionalCheckFailed()
    {
        Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Statement($"UPDATE \"{Hash}\" SET z = 1 WHERE pk = 'pq-fn-absent' AND attribute_not_exists(pk)"));
        Assert.That(await StoredAsync(Hash, Key("pq-fn-absent")), Is.Null);
    }

    [Test]
    public async Task ExecuteTransaction_UpdateWithAttributeExists_TakenAsCondition()
    {
        await Ddb.ExecuteTransactionAsync(new ExecuteTransactionRequest { TransactStatements = [new ParameterizedStatement { Statement = $"UPDATE \"{Hash}\" SET z = 1 WHERE pk = 'pq-fn-tx' AND attribute_exists(a)" }] });
        Assert.That((await StoredAsync(Hash, Key("pq-fn-tx")))!["z"].N, Is.EqualTo("1"));
    }
}
