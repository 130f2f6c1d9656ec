using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier2/partiql/writeResponses.test.ts and
// whereOverlap.test.ts: what a PartiQL write answers with (an empty Items list; an ExecuteTransaction of
// writes an empty Responses list), and OR branches whose sort-key condition is negated, which run and
// return the union of the branches.
public class ParityPartiQLResponsesTests(DynamoDbPath path) : ParityTestBase(path)
{
    [SetUp]
    public async Task CreateTables()
    {
        await CreateTablesAsync(Hash, Composite);
        foreach (var pk in new[] { "pq-wr-update", "pq-wr-delete", "pq-wr-tx-a", "pq-wr-tx-b", "pq-wr-tx-c" })
        {
            await Ddb.PutItemAsync(Hash, Item(("pk", S(pk)), ("a", N("1"))));
        }
        foreach (var sk in new[] { "1", "2", "3" })
        {
            await Ddb.PutItemAsync(Composite, Item(("pk", S("pq-overlap")), ("sk", S(sk))));
        }
    }

    private static ParameterizedStatement Of(string statement) => new() { Statement = statement };

    [TestCase("INSERT INTO \"hash\" VALUE {'pk': 'pq-wr-insert'}")]
    [TestCase("UPDATE \"hash\" SET a = 2 WHERE pk = 'pq-wr-update'")]
    [TestCase("DELETE FROM \"hash\" WHERE pk = 'pq-wr-delete'")]
    [TestCase("DELETE FROM \"hash\" WHERE pk = 'pq-wr-never-written'")]
    public async Task ExecuteStatement_Write_EmptyItemsList(string statement)
    {
        var response = await Statement(statement);
        Assert.That(response.Items, Is.Not.Null.And.Empty);
    }

    [Test]
    public async Task ExecuteTransaction_Updates_EmptyResponsesList()
    {
        var response = await Ddb.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements = [Of($"UPDATE \"{Hash}\" SET a = 2 WHERE pk = 'pq-wr-tx-a'"), Of($"UPDATE \"{Hash}\" SET a = 2 WHERE pk = 'pq-wr-tx-b'")],
        });
        Assert.That(response.Responses, Is.Not.Null.And.Empty);
    }

    [Test]
    public async Task ExecuteTransaction_InsertAndDelete_EmptyResponsesList()
    {
        var response = await Ddb.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements = [Of($"INSERT INTO \"{Hash}\" VALUE {{'pk': 'pq-wr-tx-new'}}"), Of($"DELETE FROM \"{Hash}\" WHERE pk = 'pq-wr-tx-c'")],
        });
        Assert.That(response.Responses, Is.Not.Null.And.Empty);
    }

    [Test]
    public async Task ExecuteTransaction_WritesWithCapacity_CapacityBesideEmptyResponses()
    {
        var response = await Ddb.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements = [Of($"UPDATE \"{Hash}\" SET a = 3 WHERE pk = 'pq-wr-tx-a'")],
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        });
        Assert.That(response.Responses, Is.Not.Null.And.Empty);
        Assert.That(response.ConsumedCapacity.Select(c => c.TableName), Is.EqualTo(new[] { Hash }));
    }

    [TestCase("pk = 'pq-overlap' AND NOT sk = '1'", new[] { "2", "3" })]
    [TestCase("pk = 'pq-overlap' AND sk <> '1'", new[] { "2", "3" })]
    [TestCase("pk = 'pq-overlap' AND NOT begins_with(sk, 'x')", new[] { "1", "2", "3" })]
    [TestCase("pk = 'pq-overlap' AND NOT sk IN ['1', '3']", new[] { "2" })]
    [TestCase("pk = 'pq-overlap' AND NOT sk > '5'", new[] { "1", "2", "3" })]
    [TestCase("pk = 'pq-overlap' AND NOT (sk = '1')", new[] { "2", "3" })]
    public async Task ExecuteStatement_NegatedSortKeyBranchBesideEquality_Union(string left, string[] expected)
    {
        var response = await Ddb.ExecuteStatementAsync(new ExecuteStatementRequest
        {
            Statement = $"SELECT * FROM \"{Composite}\" WHERE {left} OR pk = 'pq-overlap' AND sk = '2'", ConsistentRead = true,
        });
        Assert.That(response.Items.Select(i => i["sk"].S).Order(StringComparer.Ordinal), Is.EqualTo(expected));
    }

    [Test]
    public async Task ExecuteStatement_BarePartitionBesideNegatedSortKey_Union()
    {
        var response = await Ddb.ExecuteStatementAsync(new ExecuteStatementRequest
        {
            Statement = $"SELECT * FROM \"{Composite}\" WHERE pk = 'pq-overlap' OR pk = 'pq-overlap' AND NOT sk = '1'", ConsistentRead = true,
        });
        Assert.That(response.Items.Select(i => i["sk"].S).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "1", "2", "3" }));
    }
}
