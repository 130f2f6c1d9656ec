using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/error-messages/partiqlMultiAttributeIndex.test.ts:
// the exact text of PartiQL's refusal to read a global index with a multi-attribute key, and where it
// sits among the other checks. A statement the parser cannot read, a literal it cannot convert and a
// parameter that is not a number come first; key types, the WHERE requirements and COUNT(*) after it.
// In a BatchExecuteStatement it fails only its own statement, ahead of the key-only rule.
public class ParityErrorMessagesPartiQLMultiAttributeIndexTests(DynamoDbPath path) : ParityTestBase(path)
{
    private const string Refused = "PartiQL statements cannot be executed on tables with multi-attribute HASH keys or multi-attribute RANGE keys.";
    private const string BatchNeedsKey = "Select statements within BatchExecuteStatement must specify the primary key in the where clause.";

    // Two HASH and two RANGE attributes.
    private const string HashRangeTable = "pqMultiHhRr";

    // Two HASH attributes and one RANGE.
    private const string HashTable = "pqMultiHhR";

    // One of each, for the batch member that fails on the key-only rule instead.
    private const string ControlTable = "pqMultiCtrl";

    private Task CreateAsync(string table, string[] hash, string[] range) => Ddb.CreateTableAsync(new CreateTableRequest
    {
        TableName = table,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions = [.. new[] { "id" }.Concat(hash).Concat(range).Select(n => new AttributeDefinition(n, ScalarAttributeType.S))],
        KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
        GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex
            {
                IndexName = "gsi",
                KeySchema = [.. hash.Select(n => new KeySchemaElement(n, KeyType.HASH)), .. range.Select(n => new KeySchemaElement(n, KeyType.RANGE))],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
        ],
    });

    [SetUp]
    public async Task CreateTables()
    {
        await CreateAsync(HashRangeTable, ["h1", "h2"], ["r1", "r2"]);
        await CreateAsync(HashTable, ["h1", "h2"], ["r1"]);
        await CreateAsync(ControlTable, ["h1"], ["r1"]);
        await Ddb.PutItemAsync(HashRangeTable, Item(("id", S("i1")), ("h1", S("a")), ("h2", S("x")), ("r1", S("m")), ("r2", S("n"))));
        foreach (var table in new[] { HashTable, ControlTable })
        {
            await Ddb.PutItemAsync(table, Item(("id", S("i1")), ("h1", S("a")), ("h2", S("x")), ("r1", S("m"))));
        }
    }

    private void Fails(string statement, string message, params AttributeValue[] parameters) =>
        Invalid(() => Statement(statement, parameters), message);

    [Test]
    public void ExecuteStatement_SelectOnGsiWithTwoHashAndTwoRange_ExactMessage() =>
        Fails($"SELECT * FROM \"{HashRangeTable}\".\"gsi\" WHERE h1 = 'a'", Refused);

    [Test]
    public void ExecuteStatement_SelectOnGsiWithTwoHashAndOneRange_ExactMessage() =>
        Fails($"SELECT * FROM \"{HashTable}\".\"gsi\" WHERE h1 = 'a'", Refused);

    [Test]
    public void ExecuteStatement_SelectWithOrderByOnMultiAttributeGsi_ExactMessage() =>
        Fails($"SELECT id FROM \"{HashRangeTable}\".\"gsi\" WHERE h1 = 'a' AND h2 = 'x' ORDER BY r1 DESC", Refused);

    [Test]
    public void ExecuteStatement_StatementThatBreaksOff_SyntaxErrorAheadOfTheRefusal() =>
        Fails($"SELECT * FROM \"{HashTable}\".\"gsi\" WHERE", $"{NotWellFormed}Unexpected term");

    [Test]
    public void ExecuteStatement_NumberLiteralThatCannotBeConverted_ReportedAheadOfTheRefusal() =>
        Fails($"SELECT * FROM \"{HashTable}\".\"gsi\" WHERE h1 = 1e99999999999", NotWellFormed);

    [Test]
    public void ExecuteStatement_ParameterThatCannotBeConvertedToANumber_ReportedAheadOfTheRefusal() =>
        Fails($"SELECT * FROM \"{HashTable}\".\"gsi\" WHERE h1 = ?", "The parameter cannot be converted to a numeric value: 1e99999999999", N("1e99999999999"));

    [Test]
    public void ExecuteStatement_KeyTypeMismatchNonKeyWhereMissingWhereAndCount_RefusalReportedFirst()
    {
        var index = $"\"{HashTable}\".\"gsi\"";
        Fails($"SELECT * FROM {index} WHERE h1 = 5", Refused);
        Fails($"SELECT * FROM {index} WHERE id = 'i1'", Refused);
        Fails($"SELECT * FROM {index}", Refused);
        Fails($"SELECT COUNT(*) FROM {index}", Refused);
    }

    [Test]
    public async Task BatchExecuteStatement_StatementReadingTheIndex_OnlyItFailsAheadOfTheKeyOnlyRule()
    {
        var response = await Ddb.BatchExecuteStatementAsync(new BatchExecuteStatementRequest
        {
            Statements =
            [
                new BatchStatementRequest { Statement = $"SELECT * FROM \"{ControlTable}\".\"gsi\" WHERE h1 = 'a' AND r1 = 'm'" },
                new BatchStatementRequest { Statement = $"SELECT * FROM \"{HashTable}\".\"gsi\" WHERE h1 = 'a' AND h2 = 'x' AND r1 = 'm'" },
                new BatchStatementRequest { Statement = $"SELECT * FROM \"{HashTable}\" WHERE id = 'i1'" },
            ],
        });
        var (control, multi, @base) = (response.Responses[0], response.Responses[1], response.Responses[2]);

        Assert.That(control.Error?.Code?.Value, Is.EqualTo("ValidationError"));
        Assert.That(control.Error?.Message, Is.EqualTo(BatchNeedsKey));
        Assert.That(multi.Error?.Code?.Value, Is.EqualTo("ValidationError"));
        Assert.That(multi.Error?.Message, Is.EqualTo(Refused));
        Assert.That(@base.Error, Is.Null);
        Assert.That(@base.Item?["id"].S, Is.EqualTo("i1"));
    }
}
