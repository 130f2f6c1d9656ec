using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier2/partiql/executeStatementIndex.test.ts:
// index-qualified PartiQL reads, and BatchExecuteStatement's rule that a SELECT names the primary key.
public class ParityPartiQLIndexTests(DynamoDbPath path) : ParityTestBase(path)
{
    private const string Indexed = "indexed";
    private const string BatchNeedsKey = "Select statements within BatchExecuteStatement must specify the primary key in the where clause.";

    [SetUp]
    public async Task CreateTables()
    {
        await CreateIndexedTableAsync(Indexed);
        await Ddb.PutItemAsync(Indexed, Item(("pk", S("pq-idx-select")), ("sk", S("s1")), ("lsi1sk", S("pq-gsi-a")), ("lsi2sk", S("pq-lsi-b")), ("data", S("one"))));
    }

    [Test]
    public async Task ExecuteStatement_GsiWithEqualityOnItsPartitionKey_Reads()
    {
        var items = (await Statement($"SELECT * FROM \"{Indexed}\".\"gsi1\" WHERE lsi1sk = 'pq-gsi-a'")).Items;
        Assert.That(items.Select(i => i["pk"].S), Is.EqualTo(new[] { "pq-idx-select" }));
    }

    [Test]
    public async Task ExecuteStatement_GsiWithoutItsPartitionKey_ScansAndFilters()
    {
        var items = (await Statement($"SELECT * FROM \"{Indexed}\".\"gsi1\" WHERE pk = 'pq-idx-select'")).Items;
        Assert.That(items.Select(i => i["sk"].S), Is.EqualTo(new[] { "s1" }));
    }

    [Test]
    public async Task ExecuteStatement_ConsistentReadOnLsi_Accepted() =>
        Assert.That((await Ddb.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"SELECT * FROM \"{Indexed}\".\"lsi1\" WHERE pk = 'pq-idx-select'", ConsistentRead = true })).Items,
            Has.Count.EqualTo(1));

    [Test]
    public async Task ExecuteStatement_LsiColumnOutsideItsProjection_ReachesTheBaseItem()
    {
        var items = (await Statement($"SELECT data FROM \"{Indexed}\".\"lsi2\" WHERE pk = 'pq-idx-select' AND lsi2sk = 'pq-lsi-b'")).Items;
        Assert.That(items.Select(i => i["data"].S), Is.EqualTo(new[] { "one" }));
    }

    [Test]
    public void ExecuteStatement_GsiColumnsOutsideItsProjection_ListedInStatementOrder() =>
        Invalid(() => Statement($"SELECT alternate, mymap FROM \"{Indexed}\".\"gsi2\" WHERE lsi1sk = 'pq-gsi-a'"),
            "One or more parameter values were invalid: Global secondary index gsi2 does not project [alternate, mymap]");

    [Test]
    public void ExecuteStatement_GsiScanOfAColumnOutsideItsProjection_Refused() =>
        Invalid(() => Statement($"SELECT alternate FROM \"{Indexed}\".\"gsi2\""),
            "One or more parameter values were invalid: Global secondary index gsi2 does not project [alternate]");

    [Test]
    public async Task BatchExecuteStatement_IndexOrPartialKeySelect_RefusedPerSlot()
    {
        var response = await Ddb.BatchExecuteStatementAsync(new BatchExecuteStatementRequest
        {
            Statements =
            [
                new BatchStatementRequest { Statement = $"SELECT * FROM \"{Indexed}\".\"gsi1\" WHERE lsi1sk = 'pq-gsi-a'" },
                new BatchStatementRequest { Statement = $"SELECT * FROM \"{Indexed}\" WHERE pk = 'pq-idx-select'" },
            ],
        });
        Assert.That(response.Responses, Has.Count.EqualTo(2));
        foreach (var slot in response.Responses)
        {
            Assert.That(slot.Error?.Code?.Value, Is.EqualTo("ValidationError"));
            Assert.That(slot.Error?.Message, Is.EqualTo(BatchNeedsKey));
        }
    }
}
