using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/validation-ordering/query.test.ts and
// queryKeyCondition.test.ts: which Query error comes first. A key condition's clauses are walked in
// the order written, the first problem reported, and operand types are checked before the table is
// looked up or the conditions counted.
// The SDK's analyzer flags literal values it knows AWS rejects; sending them is the point here.
#pragma warning disable DynamoDB1000, DynamoDB1003
public class ParityValidationOrderingQueryTests(DynamoDbPath path) : ParityTestBase(path)
{
    private const string BadOperand = "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N";
    private const string Undefined = "An expression attribute value used in expression is not defined; attribute value: :missing";

    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash, Composite);

    private static QueryRequest ByKey(string table = Hash) => new()
    {
        TableName = table,
        KeyConditionExpression = "#pk = :pk",
        ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = "pk" },
        ExpressionAttributeValues = Item((":pk", S("test"))),
    };

    private Task Query(string table, string condition, Dictionary<string, AttributeValue> values) =>
        Ddb.QueryAsync(new QueryRequest { TableName = table, KeyConditionExpression = condition, ExpressionAttributeValues = values });

    [Test]
    public void Query_InvalidTableNameAndSelect_ValidationErrorReported()
    {
        var request = ByKey("abc!");
        request.Select = "INVALID";
        Assert.That(Refusal(() => Ddb.QueryAsync(request)), Does.Contain("validation error"));
    }

    [Test]
    public void Query_LimitZero_NamesLimit()
    {
        var request = ByKey();
        request.Limit = 0;
        Assert.That(Refusal(() => Ddb.QueryAsync(request)), Does.Contain("Limit"));
    }

    [Test]
    public void Query_InvalidReturnConsumedCapacityAndSelect_NamesReturnConsumedCapacity()
    {
        var request = ByKey();
        request.ReturnConsumedCapacity = "INVALID";
        request.Select = "INVALID";
        Assert.That(Refusal(() => Ddb.QueryAsync(request)), Does.Contain("returnConsumedCapacity"));
    }

    [Test]
    public void Query_XorBesideUnknownSelect_BareNewerEnumAlone() =>
        Invalid(() => Ddb.QueryAsync(new QueryRequest
        {
            TableName = Absent,
            KeyConditions = new Dictionary<string, Condition> { ["pk"] = new() { ComparisonOperator = ComparisonOperator.EQ, AttributeValueList = [S("a")] } },
            QueryFilter = new Dictionary<string, Condition> { ["b"] = new() { ComparisonOperator = ComparisonOperator.NULL }, ["c"] = new() { ComparisonOperator = ComparisonOperator.NULL } },
            ConditionalOperator = "XOR",
            Select = "BOGUS",
        }), "Failed to satisfy constraint: Member must satisfy enum value set: [ALL, OR]");

    [Test]
    public void Query_UndefinedValueBeforeBadOperand_UndefinedFirst() =>
        InvalidContaining(() => Query(Composite, "pk = :missing AND begins_with(sk, :n)", Item((":n", N("1")))), Undefined);

    [Test]
    public void Query_BadOperandBeforeUndefinedValue_OperandFirst() =>
        InvalidContaining(() => Query(Composite, "begins_with(sk, :n) AND pk = :missing", Item((":n", N("1")))), BadOperand);

    [Test]
    public void Query_BadOperandInTheMiddle_AheadOfALaterUndefinedValue() =>
        InvalidContaining(() => Query(Composite, "pk = :p AND begins_with(sk, :n) AND sk = :missing", Item((":p", S("q")), (":n", N("1")))), BadOperand);

    [Test]
    public void Query_BadOperand_AheadOfAThirdCondition() =>
        InvalidContaining(() => Query(Composite, "pk = :p AND begins_with(sk, :n) AND sk > :s", Item((":p", S("q")), (":n", N("1")), (":s", S("a")))), BadOperand);

    [Test]
    public void Query_BadOperand_AheadOfAMissingTable() =>
        InvalidContaining(() => Query(Absent, "pk = :p AND begins_with(sk, :n)", Item((":p", S("q")), (":n", N("1")))), BadOperand);

    [Test]
    public void Query_WellFormedConditionOnAMissingTable_ResourceNotFound() =>
        Assert.ThrowsAsync<ResourceNotFoundException>(() => Query(Absent, "pk = :p AND begins_with(sk, :s)", Item((":p", S("q")), (":s", S("a")))));
}
