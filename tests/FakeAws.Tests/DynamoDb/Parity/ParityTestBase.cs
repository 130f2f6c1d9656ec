using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.DynamoDb.Parity;

/// <summary>
/// The tables and helpers the fixtures ported from the AWS-verified parity suite
/// (paritysuite/dynamodb-conformance) share. The suite's shared tables are recreated under the same
/// roles: <c>hash</c> (pk S), <c>hashB</c> (pk B), <c>hashN</c> (pk N), <c>composite</c> (pk S, sk S)
/// and <c>compositeN</c> (pk S, sk N). Each fixture creates only the ones it names.
/// </summary>
public abstract class ParityTestBase(DynamoDbPath path) : DynamoDbTestBase(path)
{
    protected const string Hash = "hash";
    protected const string HashB = "hashB";
    protected const string HashN = "hashN";
    protected const string Composite = "composite";
    protected const string CompositeN = "compositeN";

    /// <summary>A table name no test creates, for the suite's "absent table" cases.</summary>
    protected const string Absent = "absent_parity_table";

    protected const string Overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
    protected const string Underflow = "Number underflow. Attempting to store a number with magnitude smaller than supported range";
    protected const string NotNumeric = "The parameter cannot be converted to a numeric value";
    protected const string TooManyDigits = "Attempting to store more than 38 significant digits in a Number";
    protected const string Nesting = "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit";
    protected const string NotWellFormed = "Statement wasn't well formed, can't be processed: ";
    protected const string ParametersInvalid = "One or more parameter values were invalid: ";
    protected const string EmptyStringKey = "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk";
    protected const string EmptyBinaryKey = "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: pk";
    protected const string SchemaMismatch = "The provided key element does not match the schema";

    /// <summary>The "N validation error(s) detected" envelope around one message.</summary>
    protected static string One(string message) => $"1 validation error detected: {message}";

    /// <summary>Creates the named shared tables.</summary>
    protected Task CreateTablesAsync(params string[] names) => Task.WhenAll(names.Select(name => name switch
    {
        Hash => CreateTableAsync(Hash),
        HashB => CreateTableAsync(HashB, hashType: ScalarAttributeType.B),
        HashN => CreateTableAsync(HashN, hashType: ScalarAttributeType.N),
        Composite => CreateTableAsync(Composite, range: "sk"),
        CompositeN => CreateTableAsync(CompositeN, range: "sk", rangeType: ScalarAttributeType.N),
        _ => throw new ArgumentException($"No shared table {name}", nameof(names)),
    }));

    /// <summary>
    /// The suite's indexed table: pk/sk, GSIs gsi1 (hash lsi1sk, ALL) and gsi2 (hash lsi1sk, KEYS_ONLY),
    /// LSIs lsi1 (sort lsi1sk, ALL) and lsi2 (sort lsi2sk, INCLUDE lsi1sk).
    /// </summary>
    protected Task CreateIndexedTableAsync(string name) => Ddb.CreateTableAsync(new CreateTableRequest
    {
        TableName = name,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.S),
            new AttributeDefinition("lsi1sk", ScalarAttributeType.S), new AttributeDefinition("lsi2sk", ScalarAttributeType.S),
        ],
        KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
        GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex { IndexName = "gsi1", KeySchema = [new KeySchemaElement("lsi1sk", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.ALL } },
            new GlobalSecondaryIndex { IndexName = "gsi2", KeySchema = [new KeySchemaElement("lsi1sk", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY } },
        ],
        LocalSecondaryIndexes =
        [
            new LocalSecondaryIndex { IndexName = "lsi1", KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("lsi1sk", KeyType.RANGE)], Projection = new Projection { ProjectionType = ProjectionType.ALL } },
            new LocalSecondaryIndex
            {
                IndexName = "lsi2",
                KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("lsi2sk", KeyType.RANGE)],
                Projection = new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = ["lsi1sk"] },
            },
        ],
    });

    /// <summary>Runs a call that must fail with a ValidationException and returns its message.</summary>
    protected static string Refusal(Func<Task> call)
    {
        var error = Assert.ThrowsAsync<AmazonDynamoDBException>(async () => await call());
        Assert.That(error!.ErrorCode, Is.EqualTo("ValidationException"), error.Message);
        return error.Message;
    }

    /// <summary>Asserts a ValidationException whose message contains every fragment.</summary>
    protected static void InvalidContaining(Func<Task> call, params string[] fragments)
    {
        var message = Refusal(call);
        foreach (var fragment in fragments)
        {
            Assert.That(message, Does.Contain(fragment));
        }
    }

    /// <summary>Asserts that a transaction is cancelled with the given reason codes, and returns the reasons.</summary>
    protected static List<CancellationReason> Cancelled(Func<Task> call, params string[] codes)
    {
        var error = Assert.ThrowsAsync<TransactionCanceledException>(async () => await call());
        Assert.That(error!.Message, Is.EqualTo($"Transaction cancelled, please refer cancellation reasons for specific reasons [{string.Join(", ", codes)}]"));
        Assert.That(error.CancellationReasons.Select(r => r.Code), Is.EqualTo(codes));
        return error.CancellationReasons;
    }

    /// <summary><paramref name="depth"/> single-key maps around a string leaf (or <paramref name="leaf"/>).</summary>
    protected static AttributeValue Deep(int depth, AttributeValue? leaf = null)
    {
        var value = leaf ?? S("leaf");
        for (var i = 0; i < depth; i++)
        {
            value = new AttributeValue { M = new Dictionary<string, AttributeValue> { ["n"] = value } };
        }
        return value;
    }

    protected static AttributeValue B(params byte[] bytes) => new() { B = new MemoryStream(bytes) };

    protected static AttributeValue SS(params string[] members) => new() { SS = [.. members] };

    protected static AttributeValue NS(params string[] members) => new() { NS = [.. members] };

    protected static AttributeValue BS(params byte[][] members) => new() { BS = [.. members.Select(m => new MemoryStream(m))] };

    protected static AttributeValue L(params AttributeValue[] elements) => new() { L = [.. elements] };

    protected static AttributeValue M(params (string Name, AttributeValue Value)[] members) => new() { M = Item(members) };

    protected static AttributeValue Bool(bool value) => new() { BOOL = value };

    protected static readonly AttributeValue NullValue = new() { NULL = true };

    /// <summary>A key of the <c>hash</c> table.</summary>
    protected static Dictionary<string, AttributeValue> Key(string pk) => Item(("pk", S(pk)));

    protected Task<ExecuteStatementResponse> Statement(string statement, params AttributeValue[] parameters) =>
        Ddb.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = statement, Parameters = parameters.Length == 0 ? null : [.. parameters] });

    protected async Task<Dictionary<string, AttributeValue>?> StoredAsync(string table, Dictionary<string, AttributeValue> key)
    {
        var response = await Ddb.GetItemAsync(new GetItemRequest { TableName = table, Key = key, ConsistentRead = true });
        return response.Item is { Count: > 0 } item ? item : null;
    }
}
