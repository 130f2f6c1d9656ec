using System.Text.Json.Nodes;
using CsCheck;
using FakeAws.Tests.DynamoDb;

namespace FakeAws.Tests.StepFunctions;

/// <summary>
/// Property-based fuzzing of Step Functions definitions, intrinsic calls and JSONata expressions
/// through the wire (issue #22). CreateStateMachine, ValidateStateMachineDefinition and TestState
/// answer a result or an AWS error, never a 500, and agree with each other; an execution of any
/// accepted definition ends (SUCCEEDED, FAILED or TIMED_OUT) when the cloud runs until idle, never
/// stays RUNNING, and never fails on a fault of ours. Each case is built from a seed
/// (<see cref="RandomAsl"/>); CsCheck's seed is <see cref="FuzzTests.Seed"/>, so a failure reproduces.
/// </summary>
public class StepFunctionsFuzzTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), out var n) ? n : 300;
    private const string Role = "arn:aws:iam::123456789012:role/sfn";

    // Texts of .NET's own exceptions: an execution failing with States.Runtime and one of them as its
    // cause failed on a fault of ours that the runner turned into States.Runtime.
    private static readonly string[] Faults =
    [
        "Object reference not set", "Index was outside", "out of the range", "Unable to cast", "Sequence contains", "The given key",
        "Nullable object must have a value", "was not in a correct format", "Arithmetic operation resulted in an overflow",
        "Value was either too large or too small", "Collection was modified", "Exception of type", "The node must be of type",
        "The node already has a parent", "An item with the same key", "Operation is not valid", "maximum configured depth",
        "Specified method is not supported", "Input string", "Cannot access a disposed",
    ];

    // The JSONata constructs jsonata 2.0.6 parses that FakeAws cannot evaluate yet (docs/STEPFUNCTIONS.md, "Left out").
    private static readonly string[] NotYetEvaluated =
    [
        "transforms ('| ... |')", "the parent operator ('%')",
        "the focus variable binding ('@$v')", "the index variable binding ('#$i')", "the empty predicate '[]' after anything but a name", "a function signature ('<...>')",
    ];

    private static readonly Gen<(int, int)> Case = Gen.Select(Gen.Int, Gen.Int[0, 3]);

    [Test]
    public void Definitions_AreAnsweredConsistently_AndTheirExecutionsEnd() =>
        Case.Sample((seed, depth) => { Run(async () =>
        {
            var definition = new RandomAsl(new Random(seed)).Definition(depth);
            await CheckDefinitionAsync(definition, new RandomAsl(new Random(seed)).Input());
        }); }, seed: FuzzTests.Seed, iter: Cases, threads: 1, print: c => new RandomAsl(new Random(c.Item1)).Definition(c.Item2));

    [Test]
    public void States_AreAnsweredByTestState() =>
        Case.Sample((seed, depth) => { Run(async () =>
        {
            var random = new RandomAsl(new Random(seed));
            using var aws = new FakeAwsCloud();
            using var sfn = new SfnWire(aws);
            var body = new JsonObject { ["definition"] = random.State(depth), ["roleArn"] = Role, ["input"] = random.Input() };
            if (seed % 3 == 0)
            {
                body["inspectionLevel"] = "TRACE";
            }
            await AnswerAsync(sfn, "TestState", body);
        }); }, seed: FuzzTests.Seed, iter: Cases, threads: 1, print: c => new RandomAsl(new Random(c.Item1)).State(c.Item2));

    [Test]
    public void JsonataExpressions_AreAnsweredConsistently_AndTheirExecutionsEnd() =>
        Case.Sample((seed, depth) => { Run(async () =>
        {
            var expression = new RandomAsl(new Random(seed)).Jsonata(depth + 1);
            await CheckDefinitionAsync(OnePass("JSONata", "Output", "{% " + expression + " %}"), Input);
        }); }, seed: FuzzTests.Seed, iter: Cases, threads: 1, print: c => new RandomAsl(new Random(c.Item1)).Jsonata(c.Item2 + 1));

    [Test]
    public void IntrinsicCalls_AreAnsweredConsistently_AndTheirExecutionsEnd() =>
        Case.Sample((seed, depth) => { Run(async () =>
        {
            var call = new RandomAsl(new Random(seed)).Intrinsic(depth + 1);
            await CheckDefinitionAsync(OnePass("JSONPath", "Parameters", new JsonObject { ["v.$"] = call }), Input);
        }); }, seed: FuzzTests.Seed, iter: Cases, threads: 1, print: c => new RandomAsl(new Random(c.Item1)).Intrinsic(c.Item2 + 1));

    private const string Input = """{"a": 1, "items": [1, 2, 3], "s": "x", "b": {"c": true}}""";

    // A machine of one Pass state with one field.
    private static string OnePass(string language, string field, JsonNode value) => new JsonObject
    {
        ["QueryLanguage"] = language,
        ["StartAt"] = "P",
        ["States"] = new JsonObject { ["P"] = new JsonObject { ["Type"] = "Pass", [field] = value, ["End"] = true } },
    }.ToJsonString();

    // Validate and Create agree; an accepted definition's execution ends, and not on a fault of ours.
    private static async Task CheckDefinitionAsync(string definition, string input)
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        var validated = await AnswerAsync(sfn, "ValidateStateMachineDefinition", new JsonObject { ["definition"] = definition });
        var (createdStatus, response) = await sfn.SendAsync("CreateStateMachine", new JsonObject { ["name"] = "fuzz", ["definition"] = definition, ["roleArn"] = Role }.ToJsonString());
        Assert.That(createdStatus, Is.LessThan(500), $"CreateStateMachine: a 500 of ours: {response.ToJsonString()}");
        var created = createdStatus == 200 ? response : null;
        var valid = validated?["result"]?.GetValue<string>() == "OK";
        // Create refuses a definition that validates only when it uses one of the JSONata constructs FakeAws cannot
        // evaluate yet, which it names; a syntax error never, since jsonata's parser is FakeAws's and Validate refuses it.
        var message = response["message"]?.GetValue<string>() ?? "";
        var unsupported = message.StartsWith("FakeAws cannot run this definition yet", StringComparison.Ordinal)
            && NotYetEvaluated.Any(feature => message.Contains($"FakeAws does not support {feature} in JSONata expressions yet", StringComparison.Ordinal));
        Assert.That(created is not null ? valid : valid ? unsupported : message.StartsWith("Invalid State Machine Definition", StringComparison.Ordinal), Is.True,
            $"ValidateStateMachineDefinition said {validated?.ToJsonString()}, CreateStateMachine {response.ToJsonString()}, of {definition}");
        if (created is null)
        {
            return;
        }

        var started = await AnswerAsync(sfn, "StartExecution", new JsonObject { ["stateMachineArn"] = created["stateMachineArn"]!.DeepClone(), ["input"] = input });
        Assert.That(started, Is.Not.Null, "a valid input starts an execution");
        await aws.RunUntilIdleAsync();
        var described = await sfn.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = started!["executionArn"]!.DeepClone() });
        var status = described["status"]!.GetValue<string>();
        Assert.That(status, Is.AnyOf("SUCCEEDED", "FAILED", "TIMED_OUT"), "the execution ended");
        if (described["error"]?.GetValue<string>() == "States.Runtime")
        {
            var cause = described["cause"]?.GetValue<string>() ?? "";
            Assert.That(Faults.Where(f => cause.Contains(f, StringComparison.Ordinal)), Is.Empty, $"a fault of ours: {cause}");
        }
    }

    /// <summary>The response of a call that answered, or null for an AWS error; a 500 fails the case.</summary>
    private static async Task<JsonObject?> AnswerAsync(SfnWire sfn, string operation, JsonObject body)
    {
        var (status, response) = await sfn.SendAsync(operation, body.ToJsonString());
        Assert.That(status, Is.LessThan(500), $"{operation}: a 500 of ours: {response.ToJsonString()}");
        if (status == 200)
        {
            return response;
        }
        Assert.That(response["__type"], Is.Not.Null, $"{operation}: an error without its type: {response.ToJsonString()}");
        return null;
    }

    private static void Run(Func<Task> check) => check().GetAwaiter().GetResult();
}
