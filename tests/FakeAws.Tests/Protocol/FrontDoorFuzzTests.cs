using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using FakeAws.Tests.DynamoDb;

namespace FakeAws.Tests.Protocol;

/// <summary>
/// Requests to every implemented operation of every front door of a cloud seeded with real resources
/// (<see cref="SeededCloud"/>), issue #22: each is answered, with the operation's output or an AWS error,
/// never a 500 and never an exception out of the router, and a request refused (any status of 400 or more)
/// leaves every service's state byte for byte as it was (the snapshot format, written whole, is the oracle).
/// Seeded and bounded, as <see cref="FuzzTests"/>; <c>FUZZ_CASES=N</c> runs N cases of each instead.
/// </summary>
public class FrontDoorFuzzTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), out var n) ? n : 400;

    private static readonly Gen<string> Scalar = Gen.OneOf(
        "null", "true", "0", "-1", "1e400", "\"\"", "\"x\"", "\"arn:aws:lambda:us-east-1:123456789012:function:f\"", "\"us-east-1_abc\"",
        "\"a\\u0000b\"", "12345678901234567890123456789012345678901", "\"2030-01-01T00:00:00Z\"", "[]", "{}");

    private static readonly Gen<string> Key = Gen.OneOf(
        "TableName", "Key", "Item", "FunctionName", "name", "definition", "roleArn", "UserPoolId", "PoolName", "ClientId", "Username",
        "IdentityPoolName", "ClusterName", "NodeType", "ReplicationFactor", "IamRoleArn", "restApiId", "Name", "S", "N", "L", "M", "", "\u00e9");

    private static readonly Gen<string> Json = Gen.Recursive<string>((depth, inner) => depth > 3
        ? Scalar
        : Gen.Frequency(
            (3, Scalar),
            (2, inner.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
            (4, Gen.Select(Key.Array[0, 4], inner.Array[4], (keys, values) => "{" + string.Join(",", keys.Select((k, i) => $"\"{k}\":{values[i]}")) + "}"))));

    // A body as a client might send it: JSON, JSON cut short, or bytes that are not JSON at all.
    private static readonly Gen<byte[]> Body = Gen.Frequency(
        (6, Json.Select(Encoding.UTF8.GetBytes)),
        (1, Json.Select(j => Encoding.UTF8.GetBytes(j[..(j.Length / 2)]))),
        (1, Gen.Byte.Array[0, 20]));

    private SeededCloud _cloud = null!;
    private CloudSnapshot _seed = null!;

    [OneTimeSetUp]
    public async Task Seed()
    {
        _cloud = await SeededCloud.CreateAsync();
        _seed = _cloud.Aws.Snapshot();
    }

    [OneTimeTearDown]
    public void Dispose() => _cloud.Dispose();

    [Test]
    public void EveryOperation_AnswersAnyBody_WithoutA500_AndARefusalChangesNothing()
    {
        var operations = _cloud.Operations;
        Gen.Select(Gen.Int[0, operations.Count - 1], Body).Sample((index, body) =>
        {
            var operation = operations[index];
            using var request = operation.Request([]);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            Check(operation, request);
        }, seed: FuzzTests.Seed, iter: Cases, threads: 1, print: c => $"{operations[c.Item1]} {Encoding.UTF8.GetString(c.Item2)}");
    }

    [Test]
    public void EveryOperation_AnswersWellFormedAndBrokenInputs_WithoutA500_AndARefusalChangesNothing()
    {
        var operations = _cloud.Operations;
        var inputs = operations.Select(o => new OperationInputs(o, _cloud.Known)).ToArray();
        Gen.Select(Gen.Int[0, operations.Count - 1], Gen.Int, Gen.Bool).Sample((index, seed, broken) =>
        {
            using var request = operations[index].Request(Input(inputs[index], seed, broken, out _));
            Check(operations[index], request);
        }, seed: FuzzTests.Seed, iter: Cases, threads: 1, print: c =>
        {
            var input = Input(inputs[c.Item1], c.Item2, c.Item3, out var how);
            return $"{operations[c.Item1]} ({how}) {input.ToJsonString()}";
        });
    }

    private static JsonObject Input(OperationInputs inputs, int seed, bool broken, out string how)
    {
        how = "well-formed";
        return broken ? inputs.Broken(new Random(seed), out how) : inputs.WellFormed(new Random(seed));
    }

    // Answers below 500, and a refusal leaves the state as it was. A case that changed the state puts the
    // seed back, so each case starts from it (a shrinking run too). The state before is taken just before:
    // work a previous case started may still be finishing.
    private void Check(FrontDoorOperation operation, HttpRequestMessage request)
    {
        var before = _cloud.State();
        var (status, body) = _cloud.Send(request);
        Assert.That(status, Is.LessThan(HttpStatusCode.InternalServerError), $"{operation}: {body}");
        var after = _cloud.State();
        if (after.AsSpan().SequenceEqual(before))
        {
            return;
        }
        _cloud.Aws.Restore(_seed);
        Assert.That((int)status, Is.LessThan(400), () => $"{operation} refused the request ({(int)status} {body}) but changed the state: {Difference(before, after)}");
    }

    // Where two states part, with the readable text around it in each.
    private static string Difference(byte[] before, byte[] after)
    {
        var at = before.AsSpan().CommonPrefixLength(after);
        string Around(byte[] state) => new(Encoding.UTF8.GetString(state, Math.Max(0, at - 200), Math.Min(300, state.Length - Math.Max(0, at - 200)))
            .Select(c => char.IsControl(c) ? '.' : c).ToArray());
        return $"from byte {at}:\n  before: {Around(before)}\n  after:  {Around(after)}";
    }
}
