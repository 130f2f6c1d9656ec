using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier2/partiql/fromFirstUpdate.test.ts: PartiQL's
// FROM-first UPDATE, `FROM "T" WHERE <key> SET ...` or `... REMOVE ...`, runs as an UPDATE of the item
// the WHERE names.
public class ParityPartiQLFromFirstUpdateTests(DynamoDbPath path) : ParityTestBase(path)
{
    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash);

    private async Task<string> Seed(string pk)
    {
        await Ddb.PutItemAsync(Hash, Item(("pk", S(pk)), ("a", N("1")), ("b", S("bee"))));
        return pk;
    }

    private async Task<Dictionary<string, AttributeValue>?> Stored(string pk) => await StoredAsync(Hash, Key(pk));

    [Test]
    public async Task ExecuteStatement_FromWhereSet_Updates()
    {
        var pk = await Seed("pq-ff-set");
        await Statement($"FROM \"{Hash}\" WHERE pk = '{pk}' SET c = 1");
        Assert.That((await Stored(pk))!["c"].N, Is.EqualTo("1"));
    }

    [Test]
    public async Task ExecuteStatement_FromWhereRemove_Removes()
    {
        var pk = await Seed("pq-ff-remove");
        await Statement($"FROM \"{Hash}\" WHERE pk = '{pk}' REMOVE b");
        Assert.That((await Stored(pk))!.ContainsKey("b"), Is.False);
    }

    [Test]
    public async Task ExecuteStatement_FromWhereSetThenRemove_Both()
    {
        var pk = await Seed("pq-ff-set-remove");
        await Statement($"FROM \"{Hash}\" WHERE pk = '{pk}' SET c = 2 REMOVE a");
        var item = (await Stored(pk))!;
        Assert.That(item["c"].N, Is.EqualTo("2"));
        Assert.That(item.ContainsKey("a"), Is.False);
    }

    [Test]
    public async Task ExecuteStatement_FromFirstReturningAllNew_ReturnsTheItem()
    {
        var pk = await Seed("pq-ff-returning");
        var items = (await Statement($"FROM \"{Hash}\" WHERE pk = '{pk}' SET d = 3 RETURNING ALL NEW *")).Items;
        Assert.That(items, Has.Count.EqualTo(1));
        Assert.That(items[0].Keys, Is.EquivalentTo(new[] { "pk", "a", "b", "d" }));
        Assert.That(items[0]["d"].N, Is.EqualTo("3"));
    }

    [Test]
    public async Task ExecuteStatement_FromFirstLowerCase_Updates()
    {
        var pk = await Seed("pq-ff-lower");
        await Statement($"from \"{Hash}\" where pk = '{pk}' set e = 4");
        Assert.That((await Stored(pk))!["e"].N, Is.EqualTo("4"));
    }

    [Test]
    public async Task ExecuteStatement_FromFirstWithParameters_Updates()
    {
        var pk = await Seed("pq-ff-params");
        await Statement($"FROM \"{Hash}\" WHERE pk = ? SET c = ?", S(pk), N("7"));
        Assert.That((await Stored(pk))!["c"].N, Is.EqualTo("7"));
    }

    [Test]
    public async Task ExecuteStatement_FromFirstWithHoldingCondition_Updates()
    {
        var pk = await Seed("pq-ff-condition");
        await Statement($"FROM \"{Hash}\" WHERE pk = '{pk}' AND a = 1 SET c = 5");
        Assert.That((await Stored(pk))!["c"].N, Is.EqualTo("5"));
    }

    [Test]
    public async Task ExecuteStatement_FromFirstWithFailingCondition_ConditionalCheckFailed()
    {
        var pk = await Seed("pq-ff-condition-fails");
        Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Statement($"FROM \"{Hash}\" WHERE pk = '{pk}' AND a = 2 SET c = 5"));
        Assert.That((await Stored(pk))!.ContainsKey("c"), Is.False);
    }

    [Test]
    public async Task ExecuteStatement_FromFirstOfMissingItem_ConditionalCheckFailed()
    {
        Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Statement($"FROM \"{Hash}\" WHERE pk = 'pq-ff-absent' SET c = 1"));
        Assert.That(await Stored("pq-ff-absent"), Is.Null);
    }

    [Test]
    public async Task ExecuteTransaction_FromFirst_Runs()
    {
        var pk = await Seed("pq-ff-tx");
        await Ddb.ExecuteTransactionAsync(new ExecuteTransactionRequest { TransactStatements = [new ParameterizedStatement { Statement = $"FROM \"{Hash}\" WHERE pk = '{pk}' SET c = 1" }] });
        Assert.That((await Stored(pk))!["c"].N, Is.EqualTo("1"));
    }

    [Test]
    public async Task BatchExecuteStatement_FromFirst_Runs()
    {
        var pk = await Seed("pq-ff-batch");
        var response = await Ddb.BatchExecuteStatementAsync(new BatchExecuteStatementRequest { Statements = [new BatchStatementRequest { Statement = $"FROM \"{Hash}\" WHERE pk = '{pk}' SET c = 1" }] });
        Assert.That(response.Responses, Has.Count.EqualTo(1));
        Assert.That(response.Responses[0].Error, Is.Null);
        Assert.That((await Stored(pk))!["c"].N, Is.EqualTo("1"));
    }
}
