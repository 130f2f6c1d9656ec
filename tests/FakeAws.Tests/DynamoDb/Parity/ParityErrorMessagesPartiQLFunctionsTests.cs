using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

// Follows paritysuite/dynamodb-conformance tests/tier3/error-messages/partiqlFunctions.test.ts:
// the functions PartiQL refuses or restricts, with AWS's exact messages. Several carry a position,
// "at <line>:<column>:<length>", counted in characters from 1.
public class ParityErrorMessagesPartiQLFunctionsTests(DynamoDbPath path) : ParityTestBase(path)
{
    private const string ItemKey = "pq-fn-msg";

    [SetUp]
    public async Task CreateTables()
    {
        await CreateTablesAsync(Hash);
        await Ddb.PutItemAsync(Hash, Item(
            ("pk", S(ItemKey)), ("ss", SS("a", "b", "c")), ("ns", NS("1", "2", "3")), ("s", S("str")), ("m", M(("inner", SS("x"))))));
    }

    private static string Where(string condition) => $"SELECT * FROM \"{Hash}\" WHERE pk = '{ItemKey}' AND {condition}";

    private static string Update(string set) => $"UPDATE \"{Hash}\" SET {set} WHERE pk = '{ItemKey}'";

    /// <summary><c>1:column:length</c> of the first <paramref name="token"/> at or after <paramref name="from"/>.</summary>
    private static string At(string statement, string token, int? length = null, int from = 0)
    {
        var index = statement.IndexOf(token, from, StringComparison.Ordinal);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), token);
        return $"1:{index + 1}:{length ?? token.Length}";
    }

    private void Refused(string statement, string message, params AttributeValue[] parameters) =>
        Invalid(() => Statement(statement, parameters), message);

    [Test]
    public void ExecuteStatement_AttributeExistsOfLiteral_RequiresDocumentPath() =>
        Refused(Where("attribute_exists('ss')"), "Operator or function requires a document path; operator or function: attribute_exists");

    [Test]
    public void ExecuteStatement_AttributeExistsOfParameter_RequiresDocumentPath() =>
        Refused(Where("attribute_exists(?)"), "Operator or function requires a document path; operator or function: attribute_exists", S("ss"));

    [Test]
    public void ExecuteStatement_AttributeExistsWithoutOperand_IncorrectNumberOfOperands() =>
        Refused(Where("attribute_exists()"), "Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 0");

    [Test]
    public void ExecuteStatement_AttributeExistsWithTwoOperands_IncorrectNumberOfOperands() =>
        Refused(Where("attribute_exists(ss, ns)"), "Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2");

    [Test]
    public void ExecuteStatement_AttributeExistsAsProjection_UnexpectedPathComponent()
    {
        var statement = $"SELECT attribute_exists(ss) FROM \"{Hash}\" WHERE pk = '{ItemKey}'";
        Refused(statement, $"Unexpected path component at {At(statement, "attribute_exists")}");
    }

    [Test]
    public void ExecuteStatement_ExistsOfPath_UnrecognizedFunction()
    {
        var statement = Where("EXISTS(ss)");
        Refused(statement, $"Unrecognized function: exists at {At(statement, "EXISTS")}");
    }

    [Test]
    public void ExecuteStatement_PathThroughInner_InvalidPathDotComponent() =>
        Refused(Where("attribute_exists(m.inner)"), $"{NotWellFormed}Invalid path dot component");

    [Test]
    public void ExecuteTransaction_SelectWhereAttributeExists_MustSpecifyPrimaryKey() =>
        Invalid(() => Ddb.ExecuteTransactionAsync(new ExecuteTransactionRequest { TransactStatements = [new ParameterizedStatement { Statement = Where("attribute_exists(ss)") }] }),
            "Validation failed in TransactStatements[0]: Select statements within ExecuteTransaction must specify the primary key in the where clause.");

    [Test]
    public async Task BatchExecuteStatement_SelectWhereAttributeExists_MustSpecifyPrimaryKey()
    {
        var response = await Ddb.BatchExecuteStatementAsync(new BatchExecuteStatementRequest { Statements = [new BatchStatementRequest { Statement = Where("attribute_exists(ss)") }] });
        Assert.That(response.Responses, Has.Count.EqualTo(1));
        Assert.That(response.Responses[0].Error?.Code?.Value, Is.EqualTo("ValidationError"));
        Assert.That(response.Responses[0].Error?.Message, Is.EqualTo("Select statements within BatchExecuteStatement must specify the primary key in the where clause."));
    }

    [Test]
    public void ExecuteTransaction_BareExistsOfSelect_NeedsAdditionalCondition() =>
        Invalid(() => Ddb.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements =
            [
                new ParameterizedStatement { Statement = $"EXISTS(SELECT * FROM \"{Hash}\" WHERE pk = '{ItemKey}')" },
                new ParameterizedStatement { Statement = $"UPDATE \"{Hash}\" SET z = 1 WHERE pk = 'pq-fn-msg-never-written'" },
            ],
        }), "Validation failed in TransactStatements[0]: EXISTS() must contain a single item read with additional condition");

    [Test]
    public void ExecuteStatement_SetAddAssignedElsewhere_FirstArgumentMustEqualTarget()
    {
        var statement = Update("t = set_add(ss, <<'x'>>)");
        Refused(statement, $"The first argument to SET_ADD must equal the assignment value at {At(statement, "set_add")}");
    }

    [Test]
    public void ExecuteStatement_SetAddOfNonPath_FirstArgumentMustEqualTarget()
    {
        var statement = Update("ss = set_add(<<'a'>>, <<'b'>>)");
        Refused(statement, $"The first argument to SET_ADD must equal the assignment value at {At(statement, "set_add")}");
    }

    [TestCase("'x'")]
    [TestCase("['x']")]
    public void ExecuteStatement_SetAddOfNonSet_SecondArgumentMustBeSet(string added)
    {
        var statement = Update($"ss = set_add(ss, {added})");
        Refused(statement, $"The second argument to SET_ADD must be a value with type SET at {At(statement, "ss", 2, statement.IndexOf("set_add(", StringComparison.Ordinal))}");
    }

    [TestCase("ss")]
    [TestCase("ss, <<'x'>>, <<'y'>>")]
    public void ExecuteStatement_SetAddWithWrongArgumentCount_ExactlyTwo(string arguments)
    {
        var statement = Update($"ss = set_add({arguments})");
        Refused(statement, $"SET_ADD must have exactly two arguments at {At(statement, "set_add")}");
    }

    [TestCase("ss = set_add(ss, <<1>>)")]
    [TestCase("s = set_add(s, <<'x'>>)")]
    [TestCase("ss = set_delete(ss, <<1>>)")]
    public void ExecuteStatement_SetFunctionOfWrongType_IncorrectDataType(string set) =>
        Refused(Update(set), "An operand in the update expression has an incorrect data type");

    [Test]
    public void ExecuteStatement_SetAddOfRepeatedMember_ContainsDuplicates() =>
        Refused(Update("ss = set_add(ss, <<'x', 'x'>>)"), "One or more parameter values were invalid: Input collection [x, x] contains duplicates.");

    [Test]
    public void ExecuteStatement_SetAddOfEmptySet_EmptyBagsNotSupported() =>
        Refused(Update("ss = set_add(ss, <<>>)"), "Empty bags are not supported");

    [Test]
    public void ExecuteStatement_SetAddThroughInner_InvalidPathDotComponent() =>
        Refused(Update("m.inner = set_add(m.inner, <<'y'>>)"), $"{NotWellFormed}Invalid path dot component");

    [Test]
    public void ExecuteStatement_SetAddInWhere_UnrecognizedFunction()
    {
        var statement = Where("set_add(ss, <<'x'>>) = ss");
        Refused(statement, $"Unrecognized function: set_add at {At(statement, "set_add")}");
    }

    [Test]
    public void ExecuteStatement_SetAddInInsert_UnsupportedDataType()
    {
        var statement = $"INSERT INTO \"{Hash}\" VALUE {{'pk': 'pq-fn-msg-insert', 'ss': set_add(<<'a'>>, <<'b'>>)}}";
        Refused(statement, $"Unsupported data type: set_add under key root at {At(statement, "set_add")}");
    }

    [Test]
    public void ExecuteStatement_SetDeleteAssignedElsewhere_FirstArgumentMustEqualTarget()
    {
        var statement = Update("t = set_delete(ss, <<'a'>>)");
        Refused(statement, $"The first argument to SET_DELETE must equal the assignment value at {At(statement, "set_delete")}");
    }

    [Test]
    public void ExecuteStatement_SetDeleteOfString_SecondArgumentMustBeSet()
    {
        var statement = Update("ss = set_delete(ss, 'a')");
        Refused(statement, $"The second argument to SET_DELETE must be a value with type SET at {At(statement, "ss", 2, statement.IndexOf("set_delete(", StringComparison.Ordinal))}");
    }
}
