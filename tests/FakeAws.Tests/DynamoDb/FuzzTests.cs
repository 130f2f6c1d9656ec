using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using CsCheck;

namespace FakeAws.Tests.DynamoDb;

/// <summary>
/// Property-based fuzzing of DynamoDB's inputs through the official client, on each path (issue #22):
/// expressions of every kind, PartiQL statements and attribute-value documents. Whatever the input,
/// the answer is a valid one or an AWS error (never another exception type, never a 500), and a
/// refused write changes nothing. Seeded, with a bounded number of cases, so a failure reproduces.
/// </summary>
public class FuzzTests(DynamoDbPath path) : DynamoDbTestBase(path)
{
    private const int Cases = 150;

    /// <summary>CsCheck's seed string for the runs; a failure prints the seed of its shrunk case.</summary>
    internal static readonly string Seed = new PCG(22, 2026).ToString();

    private static readonly Dictionary<string, AttributeValue> Original = new()
    {
        ["pk"] = new() { S = "k" },
        ["a"] = new() { N = "1" },
        ["b"] = new() { S = "x" },
        ["l"] = new() { L = [new() { N = "1" }] },
        ["m"] = new() { M = new() { ["b"] = new() { S = "y" } } },
        ["ss"] = new() { SS = ["p", "q"] },
    };

    private static readonly Gen<string> ExpressionText = Gen.OneOf(
            "a", "b", "pk", "l", "m", "m.b", "l[0]", "l[", "]", "a.", "#n", "#missing", ":v", ":s", ":l", ":missing", "ss",
            "size(a)", "size(", "attribute_exists(a)", "attribute_not_exists(b)", "begins_with(b, :s)", "contains(ss, :s)",
            "attribute_type(a, :s)", "if_not_exists(a, :v)", "list_append(l, :l)", "=", "<>", "<", ">", "<=", ">=", "AND", "OR",
            "NOT", "BETWEEN", "IN", "(", ")", ",", "+", "-", "SET", "REMOVE", "ADD", "DELETE", "1", "\"", "'", "", "a = :v",
            "SET a = :v", "REMOVE b", "ADD a :v", "DELETE ss :s", "pk = :s")
        .Array[1, 10].Select(tokens => string.Join(' ', tokens));

    private static readonly Gen<string> Statement = Gen.OneOf(
            "SELECT", "*", "a", "FROM", "\"fuzz\"", "\"missing\"", "WHERE", "pk", "=", "'k'", "?", "INSERT", "INTO", "VALUE", "{", "}",
            "'pk'", ":", ",", "UPDATE", "SET", "a", "1", "DELETE", "AND", "OR", "IN", "[", "]", "<<", ">>", "EXISTS", "(", ")", "\"fuzz\".\"idx\"")
        .Array[1, 12].Select(tokens => string.Join(' ', tokens));

    // Numbers at DynamoDB's edges: 38 significant digits, exponents from -130 to +125, and just past them.
    private static readonly Gen<string> Number = Gen.OneOf(
        "0", "-0", "1", "-1", ".5", "5.", "+1", "1e2", "1E+125", "9.9999999999999999999999999999999999999E+125", "1E+126",
        "1E-130", "-1E-130", "1E-131", "12345678901234567890123456789012345678", "123456789012345678901234567890123456789",
        "0.00000000000000000000000000000000000001", "NaN", "Infinity", "", " 1", "1 ", "0x10", "1e", "--1", "00012");

    private static readonly Gen<AttributeValue> Value = Gen.Recursive<AttributeValue>((depth, inner) =>
    {
        var scalar = Gen.OneOf(
            Gen.String[0, 6].Select(s => new AttributeValue { S = s }),
            Number.Select(n => new AttributeValue { N = n }),
            Gen.Byte.Array[0, 6].Select(b => new AttributeValue { B = new MemoryStream(b) }),
            Gen.Bool.Select(b => new AttributeValue { BOOL = b }),
            Gen.Const(() => new AttributeValue { NULL = true }),
            Gen.String[0, 3].Array[0, 3].Select(s => new AttributeValue { SS = [.. s] }),
            Number.Array[0, 3].Select(n => new AttributeValue { NS = [.. n] }),
            Gen.Byte.Array[0, 2].Array[0, 3].Select(b => new AttributeValue { BS = [.. b.Select(x => new MemoryStream(x))] }));
        return depth > 4
            ? scalar
            : Gen.OneOf(
                scalar,
                inner.Array[0, 3].Select(items => new AttributeValue { L = [.. items] }),
                Gen.Select(Gen.String[0, 4].Array[0, 3], inner.Array[3], (keys, values) =>
                    new AttributeValue { M = keys.Distinct().Select((k, i) => (k, values[i])).ToDictionary(p => p.k, p => p.Item2) }));
    });

    [SetUp]
    public async Task CreateFuzzTable()
    {
        await CreateTableAsync("fuzz");
        await Ddb.PutItemAsync("fuzz", Original);
    }

    [Test]
    public void Expressions_AnswerOrRefuse_AndARefusedWriteChangesNothing() =>
        ExpressionText.Sample(expression => Run(async () =>
        {
            var names = new Dictionary<string, string> { ["#n"] = "a" };
            var values = new Dictionary<string, AttributeValue> { [":v"] = N("1"), [":s"] = S("x"), [":l"] = new() { L = [N("2")] } };

            var replacement = new Dictionary<string, AttributeValue>(Original) { ["a"] = N("2") };
            await Write(() => Ddb.PutItemAsync(new PutItemRequest
            {
                TableName = "fuzz", Item = replacement, ConditionExpression = expression,
                ExpressionAttributeNames = Used(names, expression), ExpressionAttributeValues = Used(values, expression),
            }));
            await Write(() => Ddb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = "fuzz", Key = Item(("pk", S("k"))), UpdateExpression = expression,
                ExpressionAttributeNames = Used(names, expression), ExpressionAttributeValues = Used(values, expression),
            }));
            await Answer(() => Ddb.GetItemAsync(new GetItemRequest
            {
                TableName = "fuzz", Key = Item(("pk", S("k"))), ProjectionExpression = expression, ExpressionAttributeNames = Used(names, expression),
            }));
            await Answer(() => Ddb.QueryAsync(new QueryRequest
            {
                TableName = "fuzz", KeyConditionExpression = expression,
                ExpressionAttributeNames = Used(names, expression), ExpressionAttributeValues = Used(values, expression),
            }));
            await Answer(() => Ddb.ScanAsync(new ScanRequest
            {
                TableName = "fuzz", FilterExpression = expression,
                ExpressionAttributeNames = Used(names, expression), ExpressionAttributeValues = Used(values, expression),
            }));
        }), seed: Seed, iter: Cases, threads: 1);

    [Test]
    public void PartiQLStatements_AnswerOrRefuse_AndARefusedStatementChangesNothing() =>
        Statement.Sample(statement => Run(() => Write(() => Ddb.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = statement }))),
            seed: Seed, iter: Cases, threads: 1);

    [Test]
    public void Documents_AreStoredOrRefused_AndARefusedPutStoresNothing() =>
        Value.Sample(value => Run(async () =>
        {
            await Ddb.DeleteItemAsync("fuzz", Item(("pk", S("doc"))));
            var stored = await Answer(() => Ddb.PutItemAsync("fuzz", Item(("pk", S("doc")), ("v", value))));

            var item = (await Ddb.GetItemAsync(new GetItemRequest { TableName = "fuzz", Key = Item(("pk", S("doc"))), ConsistentRead = true })).Item;
            Assert.That(item is { Count: > 0 }, Is.EqualTo(stored), stored ? "an accepted document is stored" : "a refused document is not");
        }), seed: Seed, iter: Cases, threads: 1);

    // Found by Expressions_AnswerOrRefuse...: a list index cut short by the end of the expression threw IndexOutOfRangeException.
    [Test]
    public void PathIndexCutShortByTheEnd_IsASyntaxErrorAtEof()
    {
        var condition = Assert.ThrowsAsync<AmazonDynamoDBException>(() => Ddb.PutItemAsync(new PutItemRequest
        {
            TableName = "fuzz", Item = Original, ConditionExpression = "attribute_exists(l[",
        }));
        var update = Assert.ThrowsAsync<AmazonDynamoDBException>(() => Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "fuzz", Key = Item(("pk", S("k"))), UpdateExpression = "SET a = :v ADD l[", ExpressionAttributeValues = new() { [":v"] = N("1") },
        }));

        Assert.That((condition!.ErrorCode, update!.ErrorCode), Is.EqualTo(("ValidationException", "ValidationException")));
        Assert.That(condition.Message, Does.Contain("Invalid ConditionExpression: Syntax error; token: \"<EOF>\""));
        Assert.That(update.Message, Does.Contain("Invalid UpdateExpression: Syntax error; token: \"<EOF>\""));
    }

    // Runs a write; when it is refused, the table must still hold the original item, else it is put back.
    private async Task Write(Func<Task> call)
    {
        if (!await Answer(call))
        {
            var items = (await Ddb.ScanAsync(new ScanRequest { TableName = "fuzz", ConsistentRead = true })).Items;
            Assert.That(items, Has.Count.EqualTo(1), "a refused write changed the table");
            Assert.That(JsonOf(items[0]), Is.EqualTo(JsonOf(Original)), "a refused write changed the item");
        }
        else
        {
            await Ddb.DeleteItemAsync("fuzz", Item(("pk", S("k"))));
            await Ddb.PutItemAsync("fuzz", Original);
        }
    }

    /// <summary>True when the call answered, false when AWS refused it; any other outcome fails the case.</summary>
    private static async Task<bool> Answer(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (AmazonDynamoDBException e)
        {
            Assert.That(e.StatusCode, Is.LessThan(HttpStatusCode.InternalServerError), $"a 500 of ours: {e.ErrorCode}: {e.Message}");
            return false;
        }
    }

    private static void Run(Func<Task> check) => check().GetAwaiter().GetResult();

    // Placeholders the expression does not use are themselves an error; send only those it names, as a careful caller would.
    private static Dictionary<string, T>? Used<T>(Dictionary<string, T> all, string expression) =>
        all.Where(p => expression.Contains(p.Key, StringComparison.Ordinal)).ToDictionary() is { Count: > 0 } used ? used : null;

    private static string JsonOf(Dictionary<string, AttributeValue> item) =>
        Amazon.DynamoDBv2.DocumentModel.Document.FromAttributeMap(item).ToJson();
}
