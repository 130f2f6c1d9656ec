using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions;
using FakeAws.Engine.StepFunctions.Model;
using Microsoft.Extensions.Time.Testing;

namespace FakeAws.Engine.Tests.StepFunctions;

/// <summary>A Step Functions engine on its own virtual clock, with fake Lambda and service calls.</summary>
internal sealed class SfnHarness
{
    public static readonly DateTimeOffset StartTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public SfnHarness()
    {
        Clock = new VirtualClock(new FakeTimeProvider(StartTime));
        Cloud = new CloudContext("123456789012", "us-east-1", Clock, seed: 7);
        Services = new FakeTaskServices(Cloud);
        Engine = new StepFunctionsEngine(Cloud, Services);
    }

    public VirtualClock Clock { get; }

    public CloudContext Cloud { get; }

    public FakeTaskServices Services { get; }

    public StepFunctionsEngine Engine { get; }

    public RequestScope Scope { get; } = new("123456789012", "us-east-1");

    public const string Role = "arn:aws:iam::123456789012:role/sfn";

    public string Create(string definition, string name = "machine", string type = "STANDARD") =>
        Engine.CreateStateMachine(Scope, new CreateStateMachineInput { Name = name, Definition = definition, RoleArn = Role, Type = type }).StateMachineArn!;

    public string Start(string machineArn, string? input = null, string? name = null) =>
        Engine.StartExecution(Scope, new StartExecutionInput { StateMachineArn = machineArn, Input = input, Name = name }).ExecutionArn!;

    /// <summary>Creates a machine from <paramref name="definition"/>, runs one execution to its end, and returns it.</summary>
    public async Task<Execution> RunAsync(string definition, string? input = null)
    {
        var arn = Start(Create(definition), input);
        await Clock.RunUntilIdleAsync();
        return Describe(arn);
    }

    public Execution Describe(string executionArn)
    {
        var described = Engine.DescribeExecution(Scope, new DescribeExecutionInput { ExecutionArn = executionArn });
        return new Execution(
            executionArn,
            described.Status!,
            described.Output is null ? null : FakeAws.Engine.StepFunctions.Json.JsonValues.Parse(described.Output),
            described.Output,
            described.Error,
            described.Cause,
            History(executionArn));
    }

    public List<HistoryEvent> History(string executionArn)
    {
        var events = new List<HistoryEvent>();
        string? token = null;
        do
        {
            var page = Engine.GetExecutionHistory(Scope, new GetExecutionHistoryInput { ExecutionArn = executionArn, MaxResults = 1000, NextToken = token });
            events.AddRange(page.Events!);
            token = page.NextToken;
        }
        while (token is not null);
        return events;
    }

    /// <summary>Compact JSON of a value, for comparing outputs.</summary>
    public static string Json(JsonNode? node) => FakeAws.Engine.StepFunctions.Json.JsonValues.Serialize(node);
}

/// <summary>An execution as a test reads it back.</summary>
internal sealed record Execution(string Arn, string Status, JsonNode? Output, string? OutputText, string? Error, string? Cause, List<HistoryEvent> Events)
{
    public IEnumerable<string> Types => Events.Select(e => e.Type!);
}

/// <summary>Lambda functions as in-process handlers, and AWS API calls answered by a test's function.</summary>
internal sealed class FakeTaskServices(CloudContext cloud) : IStepFunctionsTaskServices
{
    private readonly Dictionary<string, Func<JsonNode?, CancellationToken, Task<LambdaInvokeResult>>> _functions = new(StringComparer.Ordinal);

    public List<(string Function, string Payload)> Invocations { get; } = [];

    public List<(string Service, string Action, string? Parameters)> ApiCalls { get; } = [];

    public Func<string, string, JsonNode?, JsonNode?>? Api { get; set; }

    /// <summary>A function that returns what the handler returns.</summary>
    public void AddFunction(string name, Func<JsonNode?, JsonNode?> handler) =>
        _functions[name] = (e, _) => Task.FromResult(Ok(handler(e)));

    /// <summary>A function that waits on the virtual clock before it answers.</summary>
    public void AddSlowFunction(string name, TimeSpan duration, Func<JsonNode?, JsonNode?> handler) =>
        _functions[name] = async (e, ct) =>
        {
            await Task.Delay(duration, cloud.Clock, ct);
            return Ok(handler(e));
        };

    /// <summary>A function that fails as the Lambda runtime reports an unhandled error.</summary>
    public void AddFailingFunction(string name, string errorType, string message, int failures = int.MaxValue, Func<JsonNode?, JsonNode?>? afterwards = null)
    {
        var count = 0;
        _functions[name] = (e, _) =>
        {
            if (count++ < failures)
            {
                var document = $"{{\"errorMessage\": {JsonSerializer.Serialize(message)}, \"errorType\": {JsonSerializer.Serialize(errorType)}}}";
                return Task.FromResult(new LambdaInvokeResult(200, Encoding.UTF8.GetBytes(document), "Unhandled", "$LATEST"));
            }
            return Task.FromResult(Ok((afterwards ?? (x => x))(e)));
        };
    }

    /// <summary>A function that fails as the Lambda runtime reports an unhandled error while <paramref name="fails"/> holds for its event, and otherwise returns the event.</summary>
    public void AddFunctionFailingWhen(string name, Func<JsonNode?, bool> fails) =>
        _functions[name] = (e, _) => Task.FromResult(fails(e)
            ? new LambdaInvokeResult(200, Encoding.UTF8.GetBytes("""{"errorMessage": "failing", "errorType": "Boom"}"""), "Unhandled", "$LATEST")
            : Ok(e));

    /// <summary>With LogType Tail, a log that names the function, base64, as Lambda's LogResult.</summary>
    public async Task<LambdaInvokeResult> InvokeLambdaAsync(
        RequestScope scope, string functionNameOrArn, string? qualifier, byte[] payload, string? logType, CancellationToken cancellationToken)
    {
        var result = await Run(scope, functionNameOrArn, payload, cancellationToken);
        return logType == "Tail" ? result with { LogResult = Convert.ToBase64String(Encoding.UTF8.GetBytes($"log of {functionNameOrArn}")) } : result;
    }

    private async Task<LambdaInvokeResult> Run(RequestScope scope, string functionNameOrArn, byte[] payload, CancellationToken cancellationToken)
    {
        var parts = functionNameOrArn.Split(':');
        var name = parts.Length >= 7 ? parts[6] : parts[0];
        Invocations.Add((name, Encoding.UTF8.GetString(payload)));
        if (!_functions.TryGetValue(name, out var function))
        {
            throw new AwsServiceException("ResourceNotFoundException", $"Function not found: arn:aws:lambda:{scope.Region}:{scope.AccountId}:function:{name}:$LATEST", 404);
        }
        return await function(JsonNode.Parse(payload), cancellationToken);
    }

    public Task<JsonNode?> CallAwsApiAsync(RequestScope scope, string service, string action, JsonNode? parameters, CancellationToken cancellationToken)
    {
        ApiCalls.Add((service, action, parameters?.ToJsonString()));
        return Task.FromResult(Api is null ? throw new AwsServiceException("UnknownOperationException", "no API in this test") : Api(service, action, parameters));
    }

    private static LambdaInvokeResult Ok(JsonNode? result) =>
        new(200, Encoding.UTF8.GetBytes(result?.ToJsonString() ?? "null"), null, "$LATEST");
}
