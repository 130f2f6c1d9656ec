using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier2/partiql/multiAttributeIndex.test.ts: PartiQL
// refuses to read a global index whose key has more than one HASH or more than one RANGE attribute.
// The refusal follows the index, not the table: on the same table the base table, a single-attribute
// GSI and an LSI all read, and base table writes run.
public class ParityPartiQLMultiAttributeIndexTests(DynamoDbPath path) : ParityTestBase(path)
{
    // Two HASH and two RANGE attributes, and nothing else on the table.
    private const string MultiTable = "pqMultiKey";

    // A single-attribute GSI, a multi-attribute GSI (two HASH, one RANGE) and an LSI side by side.
    private const string MixedTable = "pqMultiMixed";

    private static List<AttributeDefinition> Strings(params string[] names) => [.. names.Select(n => new AttributeDefinition(n, ScalarAttributeType.S))];

    private static readonly Projection All = new() { ProjectionType = ProjectionType.ALL };

    [SetUp]
    public async Task CreateTables()
    {
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = MultiTable,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = Strings("id", "h1", "h2", "r1", "r2"),
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = "gsi",
                    KeySchema =
                    [
                        new KeySchemaElement("h1", KeyType.HASH), new KeySchemaElement("h2", KeyType.HASH),
                        new KeySchemaElement("r1", KeyType.RANGE), new KeySchemaElement("r2", KeyType.RANGE),
                    ],
                    Projection = All,
                },
            ],
        });
        await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = MixedTable,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = Strings("id", "sk", "g", "h1", "h2", "r1", "l"),
            KeySchema = [new KeySchemaElement("id", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex { IndexName = "single", KeySchema = [new KeySchemaElement("g", KeyType.HASH)], Projection = All },
                new GlobalSecondaryIndex
                {
                    IndexName = "multi",
                    KeySchema = [new KeySchemaElement("h1", KeyType.HASH), new KeySchemaElement("h2", KeyType.HASH), new KeySchemaElement("r1", KeyType.RANGE)],
                    Projection = All,
                },
            ],
            LocalSecondaryIndexes =
            [
                new LocalSecondaryIndex { IndexName = "local", KeySchema = [new KeySchemaElement("id", KeyType.HASH), new KeySchemaElement("l", KeyType.RANGE)], Projection = All },
            ],
        });
        await Ddb.PutItemAsync(MultiTable, Item(("id", S("i1")), ("h1", S("a")), ("h2", S("x")), ("r1", S("m")), ("r2", S("n"))));
        await Ddb.PutItemAsync(MixedTable, Item(("id", S("i1")), ("sk", S("s")), ("g", S("g1")), ("h1", S("a")), ("h2", S("x")), ("r1", S("m")), ("l", S("l1"))));
    }

    private async Task<List<Dictionary<string, AttributeValue>>> SelectAsync(string statement) => (await Statement(statement)).Items;

    [Test]
    public void ExecuteStatement_SelectOnGsiWithTwoHashAndTwoRange_Refused() =>
        Refusal(() => SelectAsync($"SELECT * FROM \"{MultiTable}\".\"gsi\" WHERE h1 = 'a'"));

    [Test]
    public void ExecuteStatement_SelectWithOrderByOnThatIndex_Refused() =>
        Refusal(() => SelectAsync($"SELECT id FROM \"{MultiTable}\".\"gsi\" WHERE h1 = 'a' AND h2 = 'x' ORDER BY r1 DESC"));

    [Test]
    public void ExecuteStatement_SelectOnGsiWithTwoHashAndOneRange_Refused() =>
        Refusal(() => SelectAsync($"SELECT * FROM \"{MixedTable}\".\"multi\" WHERE h1 = 'a' AND h2 = 'x'"));

    [Test]
    public async Task ExecuteStatement_SameTablesBaseSingleAttributeGsiAndLsi_StillRead()
    {
        Assert.That(await SelectAsync($"SELECT * FROM \"{MixedTable}\" WHERE id = 'i1'"), Has.Count.EqualTo(1));
        Assert.That(await SelectAsync($"SELECT * FROM \"{MixedTable}\".\"single\" WHERE g = 'g1'"), Has.Count.EqualTo(1));
        Assert.That(await SelectAsync($"SELECT * FROM \"{MixedTable}\".\"local\" WHERE id = 'i1'"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ExecuteStatement_BaseTableSelectInsertUpdateDeleteOnTableWithMultiAttributeGsi_Run()
    {
        Assert.That(await SelectAsync($"SELECT * FROM \"{MultiTable}\" WHERE id = 'i1'"), Has.Count.EqualTo(1));

        await Statement($"INSERT INTO \"{MultiTable}\" VALUE {{'id': 'n1'}}");
        Assert.That(await StoredAsync(MultiTable, Item(("id", S("n1")))), Is.Not.Null);

        await Statement($"UPDATE \"{MultiTable}\" SET a = 1 WHERE id = 'i1'");
        Assert.That((await StoredAsync(MultiTable, Item(("id", S("i1")))))?["a"].N, Is.EqualTo("1"));

        // A DELETE that matches nothing still runs rather than being refused.
        await Statement($"DELETE FROM \"{MultiTable}\" WHERE id = 'zz'");
    }
}
