using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier2/partiql/setFunctions.test.ts: set_add and
// set_delete in a PartiQL UPDATE.
public class ParityPartiQLSetFunctionsTests(DynamoDbPath path) : ParityTestBase(path)
{
    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash);

    private async Task<string> Seed(string pk)
    {
        await Ddb.PutItemAsync(Hash, Item(("pk", S(pk)), ("ss", SS("a", "b", "c")), ("ns", NS("1", "2", "3")), ("bs", BS([1], [2])), ("s", S("str"))));
        return pk;
    }

    private async Task<Dictionary<string, AttributeValue>> Stored(string pk) => (await StoredAsync(Hash, Key(pk)))!;

    private static IEnumerable<decimal> Numbers(IEnumerable<string> members) => members.Select(decimal.Parse).Order();

    [Test]
    public async Task ExecuteStatement_SetAddToStringSet_Adds()
    {
        var pk = await Seed("pq-set-add-ss");
        await Statement($"UPDATE \"{Hash}\" SET ss = set_add(ss, <<'0', 'z'>>) WHERE pk = '{pk}'");
        Assert.That((await Stored(pk))["ss"].SS.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "0", "a", "b", "c", "z" }));
    }

    [Test]
    public async Task ExecuteStatement_SetAddToNumberSet_Adds()
    {
        var pk = await Seed("pq-set-add-ns");
        await Statement($"UPDATE \"{Hash}\" SET ns = set_add(ns, <<4, 1>>) WHERE pk = '{pk}'");
        Assert.That(Numbers((await Stored(pk))["ns"].NS), Is.EqualTo(new[] { 1m, 2m, 3m, 4m }));
    }

    [Test]
    public async Task ExecuteStatement_SetAddOfParameter_Adds()
    {
        var pk = await Seed("pq-set-add-param");
        await Statement($"UPDATE \"{Hash}\" SET bs = set_add(bs, ?) WHERE pk = '{pk}'", BS([1], [3]));
        Assert.That((await Stored(pk))["bs"].BS.Select(b => b.ToArray()[0]).Order(), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public async Task ExecuteStatement_SetAddOfPresentMember_Unchanged()
    {
        var pk = await Seed("pq-set-add-existing");
        await Statement($"UPDATE \"{Hash}\" SET ss = set_add(ss, <<'a'>>) WHERE pk = '{pk}'");
        Assert.That((await Stored(pk))["ss"].SS.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public async Task ExecuteStatement_SetAddToMissingAttribute_CreatesTheSet()
    {
        var pk = await Seed("pq-set-add-new");
        await Statement($"UPDATE \"{Hash}\" SET nss = set_add(nss, <<'x'>>) WHERE pk = '{pk}'");
        Assert.That((await Stored(pk))["nss"].SS, Is.EqualTo(new[] { "x" }));
    }

    [Test]
    public async Task ExecuteStatement_SetAddUpperCase_Adds()
    {
        var pk = await Seed("pq-set-add-upper");
        await Statement($"UPDATE \"{Hash}\" SET ss = SET_ADD(ss, <<'x'>>) WHERE pk = '{pk}'");
        Assert.That((await Stored(pk))["ss"].SS.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "a", "b", "c", "x" }));
    }

    [Test]
    public async Task ExecuteStatement_TwoSetClausesEachWithSetAdd_Both()
    {
        var pk = await Seed("pq-set-add-two");
        await Statement($"UPDATE \"{Hash}\" SET ss = set_add(ss, <<'x'>>) SET ns = set_add(ns, <<9>>) WHERE pk = '{pk}'");
        var item = await Stored(pk);
        Assert.That(item["ss"].SS.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "a", "b", "c", "x" }));
        Assert.That(Numbers(item["ns"].NS), Is.EqualTo(new[] { 1m, 2m, 3m, 9m }));
    }

    [Test]
    public async Task ExecuteStatement_SetAddReturningAllNew_TheSetAfterTheAddition()
    {
        var pk = await Seed("pq-set-add-returning");
        var items = (await Statement($"UPDATE \"{Hash}\" SET ss = set_add(ss, <<'r'>>) WHERE pk = '{pk}' RETURNING ALL NEW *")).Items;
        Assert.That(items, Has.Count.EqualTo(1));
        Assert.That(items[0]["ss"].SS.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "a", "b", "c", "r" }));
    }

    [Test]
    public async Task ExecuteStatement_SetAddOnMissingItem_ConditionalCheckFailed()
    {
        Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Statement($"UPDATE \"{Hash}\" SET ss = set_add(ss, <<'x'>>) WHERE pk = 'pq-set-add-absent'"));
        Assert.That(await StoredAsync(Hash, Key("pq-set-add-absent")), Is.Null);
    }

    [Test]
    public async Task ExecuteStatement_SetDelete_RemovesMembers()
    {
        var pk = await Seed("pq-set-del-one");
        await Statement($"UPDATE \"{Hash}\" SET ss = set_delete(ss, <<'a'>>) WHERE pk = '{pk}'");
        await Statement($"UPDATE \"{Hash}\" SET ns = set_delete(ns, <<2>>) WHERE pk = '{pk}'");
        var item = await Stored(pk);
        Assert.That(item["ss"].SS.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "b", "c" }));
        Assert.That(Numbers(item["ns"].NS), Is.EqualTo(new[] { 1m, 3m }));
    }

    [Test]
    public async Task ExecuteStatement_SetDeleteOfEveryMember_RemovesTheAttribute()
    {
        var pk = await Seed("pq-set-del-all");
        await Statement($"UPDATE \"{Hash}\" SET ss = set_delete(ss, <<'a', 'b', 'c'>>) WHERE pk = '{pk}'");
        Assert.That((await Stored(pk)).ContainsKey("ss"), Is.False);
    }

    [Test]
    public async Task ExecuteStatement_SetDeleteOfAbsentMemberOrAttribute_Unchanged()
    {
        var pk = await Seed("pq-set-del-absent");
        await Statement($"UPDATE \"{Hash}\" SET ss = set_delete(ss, <<'zz'>>) WHERE pk = '{pk}'");
        await Statement($"UPDATE \"{Hash}\" SET nss = set_delete(nss, <<'a'>>) WHERE pk = '{pk}'");
        var item = await Stored(pk);
        Assert.That(item["ss"].SS.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(item.ContainsKey("nss"), Is.False);
    }

    [Test]
    public async Task ExecuteTransactionAndBatch_SetAdd_Run()
    {
        var pk = await Seed("pq-set-add-tx");
        await Ddb.ExecuteTransactionAsync(new ExecuteTransactionRequest { TransactStatements = [new ParameterizedStatement { Statement = $"UPDATE \"{Hash}\" SET ss = set_add(ss, <<'t'>>) WHERE pk = '{pk}'" }] });
        var batch = await Ddb.BatchExecuteStatementAsync(new BatchExecuteStatementRequest { Statements = [new BatchStatementRequest { Statement = $"UPDATE \"{Hash}\" SET ss = set_add(ss, <<'u'>>) WHERE pk = '{pk}'" }] });
        Assert.That(batch.Responses[0].Error, Is.Null);
        Assert.That((await Stored(pk))["ss"].SS.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "a", "b", "c", "t", "u" }));
    }
}
