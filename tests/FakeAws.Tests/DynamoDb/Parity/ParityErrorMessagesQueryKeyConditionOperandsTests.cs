using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/error-messages/queryKeyConditionOperands.test.ts:
// a key condition operand no key type could satisfy is an expression error naming the operator; one
// of a key type that is not the attribute's fails the schema check.
public class ParityErrorMessagesQueryKeyConditionOperandsTests(DynamoDbPath path) : ParityTestBase(path)
{
    private const string SchemaType = "One or more parameter values were invalid: Condition parameter type does not match schema type";

    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Composite, CompositeN);

    private static string Operand(string op, string type) =>
        $"Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: {op}, operand type: {type}";

    private void Refused(string table, string condition, Dictionary<string, AttributeValue> values, string message) =>
        Invalid(() => Ddb.QueryAsync(new QueryRequest { TableName = table, KeyConditionExpression = condition, ExpressionAttributeValues = values }), message);

    [Test]
    public void Query_BeginsWithNumberOnStringSortKey_IncorrectOperandType() =>
        Refused(Composite, "pk = :p AND begins_with(sk, :v)", Item((":p", S("q")), (":v", N("1"))), Operand("begins_with", "N"));

    [Test]
    public void Query_BeginsWithBooleanOnStringSortKey_IncorrectOperandType() =>
        Refused(Composite, "pk = :p AND begins_with(sk, :v)", Item((":p", S("q")), (":v", Bool(true))), Operand("begins_with", "BOOL"));

    [Test]
    public void Query_BeginsWithNumberOnNumberSortKey_IncorrectOperandType() =>
        Refused(CompositeN, "pk = :p AND begins_with(sk, :v)", Item((":p", S("q")), (":v", N("1"))), Operand("begins_with", "N"));

    [Test]
    public void Query_BeginsWithStringOnNumberSortKey_SchemaType() =>
        Refused(CompositeN, "pk = :p AND begins_with(sk, :v)", Item((":p", S("q")), (":v", S("a"))), SchemaType);

    [Test]
    public void Query_OrderingWithBoolean_IncorrectOperandType() =>
        Refused(CompositeN, "pk = :p AND sk < :v", Item((":p", S("q")), (":v", Bool(true))), Operand("<", "BOOL"));

    [Test]
    public void Query_OrderingWrittenValueFirst_IncorrectOperandType() =>
        Refused(CompositeN, "pk = :p AND :v >= sk", Item((":p", S("q")), (":v", Bool(true))), Operand(">=", "BOOL"));

    [Test]
    public void Query_BetweenBooleans_IncorrectOperandType() =>
        Refused(CompositeN, "pk = :p AND sk BETWEEN :a AND :b", Item((":p", S("q")), (":a", Bool(false)), (":b", Bool(true))), Operand("BETWEEN", "BOOL"));

    [Test]
    public void Query_EqualityWithBoolean_SchemaType() =>
        Refused(CompositeN, "pk = :p AND sk = :v", Item((":p", S("q")), (":v", Bool(true))), SchemaType);

    [Test]
    public void Query_TwoConditionsOnTheSortKey_OneConditionPerKey() =>
        Refused(CompositeN, "pk = :p AND sk > :a AND sk < :b", Item((":p", S("q")), (":a", N("1")), (":b", N("5"))),
            "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");

    [Test]
    public void Query_ThreeConditionsOnATwoAttributeKey_TooManyConditions() =>
        Refused(CompositeN, "pk = :p AND sk > :a AND extra = :b", Item((":p", S("q")), (":a", N("1")), (":b", N("5"))),
            "The number of query conditions (3) exceeds the number of key attributes defined in the schema (2)");
}
