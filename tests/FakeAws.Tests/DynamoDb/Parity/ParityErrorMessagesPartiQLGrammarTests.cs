namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/error-messages/partiqlGrammar.test.ts:
// the statements DynamoDB's PartiQL parser refuses, with AWS's exact messages.
public class ParityErrorMessagesPartiQLGrammarTests(DynamoDbPath path) : ParityTestBase(path)
{
    private const string Leftover = NotWellFormed + "Unexpected token after expression";
    private const string Aliasing = "Aliasing is not supported";

    [SetUp]
    public Task CreateTables() => CreateTablesAsync(Hash, HashN);

    private void Refused(string statement, string message) => Invalid(() => Statement(statement), message);

    [TestCase("SELECT * FROM \"hashN\" WHERE pk = 1 foo")]
    [TestCase("SELECT * FROM \"hashN\" WHERE pk = 1 e5")]
    [TestCase("INSERT INTO \"hashN\" VALUE {'pk': 970001} foo")]
    [TestCase("UPDATE \"hashN\" SET a = 9 WHERE pk = 970002 foo")]
    [TestCase("DELETE FROM \"hashN\" WHERE pk = 970003 foo")]
    [TestCase("SELECT * FROM \"hashN\" WHERE pk = 1)")]
    [TestCase("DELETE FROM \"hashN\" WHERE pk = 970004 ORDER BY pk")]
    [TestCase("SELECT * FROM \"hashN\" ORDER BY pk WHERE pk = 1")]
    [TestCase("INSERT INTO \"hash\" t VALUE {'pk': 'x'}")]
    public void ExecuteStatement_TokenAfterACompleteStatement_UnexpectedToken(string statement) =>
        Refused(statement, Leftover);

    [TestCase("SELECT * FROM \"hashN\" WHERE pk = 1e2147483648")]
    [TestCase("SELECT * FROM \"hashN\" WHERE pk = 1e99999999999")]
    [TestCase("SELECT * FROM \"hashN\" WHERE pk = 1.5e-2147483647")]
    [TestCase("SELECT * FROM \"hashN\" WHERE pk = 1 # note")]
    [TestCase("SELECT * FROM \"hashN\" WHERE pk = 1 /* note")]
    public void ExecuteStatement_UnreadableLiteralOrComment_NothingAfterTheColon(string statement) =>
        Refused(statement, NotWellFormed);

    [TestCase("SELECT * FROM \"hash\" t WHERE pk = 'x'")]
    [TestCase("SELECT * FROM \"hash\" AS t WHERE pk = 'x'")]
    [TestCase("UPDATE \"hash\" t SET a = 3 WHERE pk = 'x'")]
    [TestCase("DELETE FROM \"hash\" t WHERE pk = 'x'")]
    public void ExecuteStatement_TableAlias_AliasingNotSupported(string statement) =>
        Refused(statement, Aliasing);

    [TestCase("SELECT * FROM \"hashN\" WHERE pk = 1e126", Overflow + " under root")]
    [TestCase("SELECT * FROM \"hashN\" WHERE pk = 1e-131", Underflow + " under root")]
    [TestCase("SELECT * FROM \"hashN\" WHERE pk = 123456789012345678901234567890123456789", TooManyDigits + " under root")]
    [TestCase("INSERT INTO \"hashN\" VALUE {'pk': 1e126}", Overflow + " under root")]
    [TestCase("UPDATE \"hashN\" SET a = 1e-131 WHERE pk = 970005", Underflow + " under root")]
    [TestCase("INSERT INTO \"hashN\" VALUE {'pk': 970006, 'm': {'x': 1e126}}", Overflow + " under root.x")]
    [TestCase("INSERT INTO \"hashN\" VALUE {'pk': 970007, 'l': [1, 1e126]}", Overflow + " under root[1]")]
    public void ExecuteStatement_LiteralBreakingNumberRules_NamesItsPath(string statement, string message) =>
        Refused(statement, message);
}
