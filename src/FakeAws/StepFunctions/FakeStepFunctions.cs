using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions;
using FakeAws.Protocol;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.StepFunctions;

/// <summary>
/// What a test can do with the cloud's Step Functions without the SDK's package, and what AWS has no
/// API for: start an execution and wait for its end and history, and give Task states canned results
/// or errors instead of calling Lambda or other services, in the spirit of Step Functions Local's MockConfigFile.
/// </summary>
/// <example>
/// <code>
/// aws.StepFunctions.Mock("orders")
///     .Throws("ChargeCard", "Payments.Declined", "card expired")
///     .Returns("ChargeCard", """{"StatusCode": 200, "Payload": {"charged": true}}""");
/// </code>
/// </example>
public sealed class FakeStepFunctions
{
    private static readonly JsonSerializerOptions Timestamps = new() { Converters = { new EpochSecondsConverter() } };

    private readonly FakeAwsCloud _cloud;

    internal FakeStepFunctions(FakeAwsCloud cloud, StepFunctionsEngine engine)
    {
        _cloud = cloud;
        Engine = engine;
    }

    internal StepFunctionsEngine Engine { get; }

    /// <summary>
    /// The mocks of a state machine's executions. Without a test case they apply to every execution
    /// of the machine; with one, to executions started with the ARN <c>stateMachineArn#testCase</c>.
    /// </summary>
    /// <param name="stateMachineName">The state machine's name.</param>
    /// <param name="testCase">A test case name, or null for every execution.</param>
    public StepFunctionsTaskMocks Mock(string stateMachineName, string? testCase = null) =>
        new(Engine.Mocks.For(stateMachineName, testCase));

    /// <summary>
    /// Loads a Step Functions Local MockConfigFile document (its StateMachines, TestCases and
    /// MockedResponses). Executions started as <c>stateMachineArn#TestCase</c> use its test cases.
    /// </summary>
    /// <exception cref="ArgumentException">The document is not a mock configuration.</exception>
    public void LoadMockConfig(string mockConfigJson) => Engine.Mocks.Load(mockConfigJson);

    /// <summary>Starts an execution, as StartExecution does, and returns its ARN.</summary>
    /// <param name="stateMachine">The state machine's name (in the cloud's region) or ARN; an ARN may end in <c>#TestCase</c> for mocks.</param>
    /// <param name="input">The execution's input JSON.</param>
    /// <param name="name">The execution's name; a generated one when null.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <exception cref="AwsServiceException">Step Functions refused it: no such state machine, a name in use, invalid input.</exception>
    public async Task<string> StartExecutionAsync(string stateMachine, string input = "{}", string? name = null, CancellationToken cancellationToken = default)
    {
        var started = await Call("StartExecution", new JsonObject
        {
            ["stateMachineArn"] = StateMachineArn(stateMachine),
            ["input"] = input,
            ["name"] = name,
        }, cancellationToken).ConfigureAwait(false);
        return started!["executionArn"]!.GetValue<string>();
    }

    /// <summary>
    /// Runs the cloud's work until the execution ends (jumping the clock over Wait states, retries and
    /// timeouts, as <see cref="FakeAwsCloud.RunUntilIdleAsync"/> does) and returns it with its history.
    /// An execution still waiting for something outside the clock (a callback token, an activity worker)
    /// comes back <c>RUNNING</c>.
    /// </summary>
    /// <param name="executionArn">The execution's ARN.</param>
    /// <param name="horizon">How far the clock may move; <see cref="VirtualClock.DefaultIdleHorizon"/> when null.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="AwsServiceException">No such execution.</exception>
    public async Task<StepFunctionsExecution> WaitForExecutionAsync(string executionArn, TimeSpan? horizon = null, CancellationToken cancellationToken = default)
    {
        await _cloud.RunUntilIdleAsync(horizon, cancellationToken).ConfigureAwait(false);
        var described = (await Call("DescribeExecution", new JsonObject { ["executionArn"] = executionArn }, cancellationToken).ConfigureAwait(false))!;
        return new StepFunctionsExecution(
            executionArn,
            described["status"]!.GetValue<string>(),
            described["output"]?.GetValue<string>(),
            described["error"]?.GetValue<string>(),
            described["cause"]?.GetValue<string>(),
            described["startDate"].Deserialize<DateTimeOffset>(Timestamps),
            described["stopDate"]?.Deserialize<DateTimeOffset>(Timestamps),
            await HistoryAsync(executionArn, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Starts an execution and waits for its end: <see cref="StartExecutionAsync"/> then <see cref="WaitForExecutionAsync"/>.</summary>
    /// <example>
    /// <code>
    /// var run = await aws.StepFunctions.RunExecutionAsync("orders", """{"orderId": "o-1"}""");
    /// Assert.That(run.Status, Is.EqualTo("SUCCEEDED"));
    /// </code>
    /// </example>
    /// <param name="stateMachine">The state machine's name or ARN.</param>
    /// <param name="input">The execution's input JSON.</param>
    /// <param name="name">The execution's name; a generated one when null.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task<StepFunctionsExecution> RunExecutionAsync(string stateMachine, string input = "{}", string? name = null, CancellationToken cancellationToken = default) =>
        await WaitForExecutionAsync(await StartExecutionAsync(stateMachine, input, name, cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyList<StepFunctionsHistoryEvent>> HistoryAsync(string executionArn, CancellationToken cancellationToken)
    {
        var events = new List<StepFunctionsHistoryEvent>();
        string? nextToken = null;
        do
        {
            var page = (await Call("GetExecutionHistory", new JsonObject
            {
                ["executionArn"] = executionArn,
                ["maxResults"] = 1000,
                ["nextToken"] = nextToken,
            }, cancellationToken).ConfigureAwait(false))!;
            foreach (var item in page["events"]!.AsArray())
            {
                var e = item!.AsObject();
                var details = e.FirstOrDefault(p => p.Key.EndsWith("EventDetails", StringComparison.Ordinal)).Value;
                events.Add(new StepFunctionsHistoryEvent(
                    e["id"]!.GetValue<long>(),
                    e["previousEventId"]?.GetValue<long>() ?? 0,
                    e["type"]!.GetValue<string>(),
                    e["timestamp"].Deserialize<DateTimeOffset>(Timestamps),
                    details?.DeepClone().AsObject()));
            }
            nextToken = page["nextToken"]?.GetValue<string>();
        }
        while (nextToken is not null);
        return events;
    }

    private string StateMachineArn(string nameOrArn) =>
        nameOrArn.StartsWith("arn:", StringComparison.Ordinal)
            ? nameOrArn
            : $"arn:aws:states:{_cloud.Options.Region}:{_cloud.Options.AccountId}:stateMachine:{nameOrArn}";

    private Task<JsonNode?> Call(string operation, JsonObject input, CancellationToken cancellationToken) =>
        _cloud.CallAsync("states", operation, input, cancellationToken: cancellationToken);
}

/// <summary>Canned outcomes of Task states, each state's used in order, one per invocation; the last repeats.</summary>
public sealed class StepFunctionsTaskMocks
{
    private readonly TaskMockCase _case;

    internal StepFunctionsTaskMocks(TaskMockCase mockCase) => _case = mockCase;

    /// <summary>Adds a result for the next invocation of the Task state <paramref name="stateName"/>.</summary>
    /// <param name="stateName">The Task state's name.</param>
    /// <param name="resultJson">The task's result as JSON: a function's payload for a Lambda ARN resource, the whole Invoke response for <c>lambda:invoke</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="resultJson"/> is not JSON.</exception>
    public StepFunctionsTaskMocks Returns(string stateName, string resultJson)
    {
        if (!JsonValues.TryParse(resultJson, out var result))
        {
            throw new ArgumentException("The mocked result must be JSON.", nameof(resultJson));
        }
        _case.Returns(stateName, result);
        return this;
    }

    /// <summary>Adds an error for the next invocation of the Task state <paramref name="stateName"/>.</summary>
    public StepFunctionsTaskMocks Throws(string stateName, string error, string? cause = null)
    {
        _case.Throws(stateName, error, cause);
        return this;
    }
}
