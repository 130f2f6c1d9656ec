using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/error-messages/partiqlParameterNumbers.test.ts:
// a number passed as a PartiQL parameter is read as Java's BigDecimal reads a string. An exponent
// outside a 32-bit integer cannot be converted at all (the text is echoed), 1e2147483647 wraps to an
// underflow, and an empty string gets the message with nothing after it. A parameter both too deep and
// unconvertible reports whichever comes first in document order.
public class ParityErrorMessagesPartiQLParameterNumbersTests(DynamoDbPath path) : ParityTestBase(path)
{
    private static readonly string[] Positions =
    [
        $"SELECT * FROM \"{Composite}\" WHERE pk = 'pq-pn' AND n = ?",
        $"INSERT INTO \"{Composite}\" VALUE {{'pk': 'pq-pn-insert', 'sk': 's', 'n': ?}}",
        $"UPDATE \"{Composite}\" SET n = ? WHERE pk = 'pq-pn' AND sk = 's'",
        $"SELECT * FROM \"{Composite}\" WHERE pk = ?",
    ];

    private static readonly string Pair = $"SELECT * FROM \"{Composite}\" WHERE pk = 'pq-pn' AND x = ? AND y = ?";
    private static readonly string Single = $"SELECT * FROM \"{Composite}\" WHERE pk = 'pq-pn' AND x = ?";

    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Composite);

    private void Refused(string statement, string message, params AttributeValue[] parameters) =>
        Invalid(() => Statement(statement, parameters), message);

    private async Task<BatchStatementError?> BatchError(string statement, params AttributeValue[] parameters)
    {
        var response = await Ddb.BatchExecuteStatementAsync(new BatchExecuteStatementRequest
        {
            Statements = [new BatchStatementRequest { Statement = statement, Parameters = [.. parameters] }],
        });
        Assert.That(response.Responses, Has.Count.EqualTo(1));
        Assert.That(response.Responses[0].Error?.Code?.Value, Is.EqualTo("ValidationError"));
        return response.Responses[0].Error;
    }

    private void TransactionRefused(string statement, string message, params AttributeValue[] parameters) =>
        Invalid(() => Ddb.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements = [new ParameterizedStatement { Statement = statement, Parameters = [.. parameters] }],
        }), message);

    [Test]
    public void ExecuteStatement_ExponentOutsideAnInt_CannotBeConvertedInEveryPosition(
        [Values("1e99999999999", "-1e99999999999", "1e-99999999999", "1e2147483648", "1e-2147483648")] string value,
        [Range(0, 3)] int position) =>
        Refused(Positions[position], $"{NotNumeric}: {value}", N(value));

    [Test]
    public void ExecuteStatement_MaxIntExponent_UnderflowsInEveryPosition([Range(0, 3)] int position) =>
        Refused(Positions[position], Underflow, N("1e2147483647"));

    [Test]
    public void ExecuteStatement_EmptyNumber_NothingAfterTheMessage([Range(0, 3)] int position) =>
        Refused(Positions[position], NotNumeric, N(""));

    [Test]
    public void ExecuteStatement_UnconvertibleInsideListMapOrSet_CannotBeConverted()
    {
        Refused(Positions[0], $"{NotNumeric}: 1e99999999999", L(N("1"), N("1e99999999999")));
        Refused(Positions[0], $"{NotNumeric}: 1e99999999999", M(("x", N("1e99999999999"))));
        Refused(Positions[0], $"{NotNumeric}: 1e99999999999", NS("1", "1e99999999999"));
    }

    [Test]
    public void ExecuteTransaction_UnconvertibleNumber_CannotBeConverted() =>
        TransactionRefused($"UPDATE \"{Composite}\" SET n = ? WHERE pk = 'pq-pn' AND sk = 's'", $"{NotNumeric}: 1e99999999999", N("1e99999999999"));

    [Test]
    public async Task BatchExecuteStatement_UnconvertibleNumber_CannotBeConverted() =>
        Assert.That((await BatchError($"SELECT * FROM \"{Composite}\" WHERE pk = 'pq-pn' AND sk = 's' AND n = ?", N("1e99999999999")))?.Message,
            Is.EqualTo($"{NotNumeric}: 1e99999999999"));

    [TestCase(40)]
    [TestCase(100)]
    public void ExecuteStatement_DeepAndUnconvertible_FirstInDocumentOrder(int depth)
    {
        Refused(Pair, Nesting, Deep(depth), N("abc"));
        Refused(Pair, $"{NotNumeric}: abc", N("abc"), Deep(depth));
        Refused(Single, Nesting, M(("d", Deep(depth)), ("bad", N("abc"))));
        Refused(Single, $"{NotNumeric}: abc", M(("bad", N("abc")), ("d", Deep(depth))));
        Refused(Single, Nesting, Deep(depth, N("abc")));
        Refused(Pair, Nesting, Deep(depth), N("1e126"));
    }

    [TestCase(40)]
    [TestCase(100)]
    public void ExecuteTransaction_DeepBeforeUnconvertible_Nesting(int depth) =>
        TransactionRefused($"UPDATE \"{Composite}\" SET x = ? SET y = ? WHERE pk = 'pq-pn' AND sk = '1'", Nesting, Deep(depth), N("abc"));

    [TestCase(40)]
    [TestCase(100)]
    public async Task BatchExecuteStatement_DeepBeforeUnconvertible_Nesting(int depth) =>
        Assert.That((await BatchError(Pair, Deep(depth), N("abc")))?.Message, Is.EqualTo(Nesting));
}
