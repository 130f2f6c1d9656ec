using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Integrations;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions.Asl.States;

/// <summary>Does one unit of work through its Resource: a Lambda function, a service integration, a nested execution or an activity's workers.</summary>
internal sealed class TaskState : ExecutionStateNode
{
    public override string Type => "Task";

    public required TaskResource Resource { get; init; }

    public long? TimeoutSeconds { get; init; }

    public JsonPath? TimeoutSecondsPath { get; init; }

    public long? HeartbeatSeconds { get; init; }

    public JsonPath? HeartbeatSecondsPath { get; init; }

    /// <summary>JSONata: TimeoutSeconds written as an expression.</summary>
    public JsonataTemplate? TimeoutSecondsExpression { get; init; }

    /// <summary>JSONata: HeartbeatSeconds written as an expression.</summary>
    public JsonataTemplate? HeartbeatSecondsExpression { get; init; }

    protected override Task<JsonNode?> AttemptAsync(StateRun run, JsonNode? input)
    {
        if (Resource.WaitsForToken)
        {
            run.Frame.Context["Task"] = new JsonObject { ["Token"] = run.Run.Engine.Tokens.Create(run.Run) };
        }
        var parameters = JsonValues.Clone(WorkInput(run, input));
        var timeout = TimeoutSeconds ?? ReadSeconds(run, input, TimeoutSecondsPath, "TimeoutSecondsPath") ?? EvaluateSeconds(run, input, TimeoutSecondsExpression);
        var heartbeat = HeartbeatSeconds ?? ReadSeconds(run, input, HeartbeatSecondsPath, "HeartbeatSecondsPath") ?? EvaluateSeconds(run, input, HeartbeatSecondsExpression);
        var task = new TaskInvocation(run, Resource, parameters, timeout, heartbeat);
        return Resource switch
        {
            { Kind: TaskResourceKind.LambdaFunction } => LambdaIntegration.InvokeFunctionAsync(task),
            { Kind: TaskResourceKind.Service, Service: "lambda", Action: "invoke" } => LambdaIntegration.InvokeServiceAsync(task),
            { Kind: TaskResourceKind.Service, Service: "states", Action: "startExecution" } => StepFunctionsIntegration.StartExecutionAsync(task),
            { Kind: TaskResourceKind.Activity } => ActivityIntegration.RunAsync(task),
            _ => AwsApiIntegration.CallAsync(task),
        };
    }

    private static long? EvaluateSeconds(StateRun run, JsonNode? input, JsonataTemplate? expression) =>
        expression is null
            ? null
            : JsonValues.TryGetInteger(run.Evaluate(expression, run.StatesVariable(input), "integer", v => JsonValues.TryGetInteger(v, out var s) && s > 0), out var seconds)
                ? seconds
                : null;

    private static long? ReadSeconds(StateRun run, JsonNode? input, JsonPath? path, string field)
    {
        if (path is null)
        {
            return null;
        }
        JsonNode? value;
        try
        {
            value = run.For(input).Select(path);
        }
        catch (JsonPathNotFoundException e)
        {
            throw run.RuntimeError($"Invalid path '{path.Text}' : {e.Message}");
        }
        if (!JsonValues.TryGetInteger(value, out var seconds))
        {
            throw run.RuntimeError($"The {field} parameter cannot be parsed as a long value: {path.Text} == {JsonValues.Serialize(value)}");
        }
        if (seconds <= 0)
        {
            throw run.RuntimeError($"The {field} parameter references a non-positive value: {path.Text} == {seconds}");
        }
        return seconds;
    }
}
