using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/error-messages/indexReads.test.ts:
// strongly consistent reads of a GSI, and unknown indexes, through Query, Scan and PartiQL.
public class ParityErrorMessagesIndexReadsTests(DynamoDbPath path) : ParityTestBase(path)
{
    private const string Indexed = "indexed";

    [SetUp]
    public Task CreateTables() => CreateIndexedTableAsync(Indexed);

    [Test]
    public void Query_ConsistentReadOnGsi_NotSupported() =>
        Invalid(() => Ddb.QueryAsync(new QueryRequest
        {
            TableName = Indexed,
            IndexName = "gsi1",
            KeyConditionExpression = "#hk = :v",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#hk"] = "lsi1sk" },
            ExpressionAttributeValues = Item((":v", S("val"))),
            ConsistentRead = true,
        }), "Consistent reads are not supported on global secondary indexes");

    [Test]
    public void Scan_ConsistentReadOnGsi_NotSupported() =>
        Invalid(() => Ddb.ScanAsync(new ScanRequest { TableName = Indexed, IndexName = "gsi1", ConsistentRead = true }),
            "Consistent reads are not supported on global secondary indexes");

    [Test]
    public void ExecuteStatement_ConsistentReadOnGsi_OwnWording() =>
        Invalid(() => Ddb.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"SELECT * FROM \"{Indexed}\".\"gsi1\"", ConsistentRead = true }),
            "Strongly consistent read is not supported on Global Secondary Indexes");

    [Test]
    public void ExecuteStatement_UnknownIndex_IndexNotNamed() =>
        Invalid(() => Statement($"SELECT * FROM \"{Indexed}\".\"no-such-index\""), "The table does not have the specified index");

    [Test]
    public void ExecuteStatement_UnknownIndexWithConsistentRead_IndexReportedFirst() =>
        Invalid(() => Ddb.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"SELECT * FROM \"{Indexed}\".\"no-such-index\"", ConsistentRead = true }),
            "The table does not have the specified index");
}
