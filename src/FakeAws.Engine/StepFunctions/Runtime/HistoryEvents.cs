using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.StepFunctions.Runtime;

/// <summary>
/// The details of each history event type, filled as AWS records them: data as compact JSON text
/// with a <c>truncated: false</c> companion, and optional members left out when they do not apply.
/// </summary>
internal static class HistoryEvents
{
    private static HistoryEventExecutionDataDetails NotTruncated => new() { Truncated = false };

    /// <summary>ExecutionStarted keeps the input text exactly as the caller sent it.</summary>
    public static Action<HistoryEvent> ExecutionStarted(string input, string roleArn, string? aliasArn, string? versionArn) => e =>
        e.ExecutionStartedEventDetails = new()
        {
            Input = input,
            InputDetails = NotTruncated,
            RoleArn = roleArn,
            StateMachineAliasArn = aliasArn,
            StateMachineVersionArn = versionArn,
        };

    public static Action<HistoryEvent> ExecutionSucceeded(JsonNode? output) => e =>
        e.ExecutionSucceededEventDetails = new() { Output = JsonValues.Serialize(output), OutputDetails = NotTruncated };

    public static Action<HistoryEvent> ExecutionFailed(string? error, string? cause) => e =>
        e.ExecutionFailedEventDetails = new() { Error = error, Cause = cause };

    public static Action<HistoryEvent> ExecutionAborted(string? error, string? cause) => e =>
        e.ExecutionAbortedEventDetails = new() { Error = error, Cause = cause };

    public static Action<HistoryEvent> ExecutionTimedOut(string? error, string? cause) => e =>
        e.ExecutionTimedOutEventDetails = new() { Error = error, Cause = cause };

    public static Action<HistoryEvent> ExecutionRedriven(int redriveCount) => e =>
        e.ExecutionRedrivenEventDetails = new() { RedriveCount = redriveCount };

    public static Action<HistoryEvent> StateEntered(string name, JsonNode? input) => e =>
        e.StateEnteredEventDetails = new() { Name = name, Input = JsonValues.Serialize(input), InputDetails = NotTruncated };

    public static Action<HistoryEvent> StateExited(string name, JsonNode? output, IReadOnlyList<KeyValuePair<string, JsonNode?>>? assigned) => e =>
    {
        e.StateExitedEventDetails = new() { Name = name, Output = JsonValues.Serialize(output), OutputDetails = NotTruncated };
        if (assigned is { Count: > 0 })
        {
            e.StateExitedEventDetails.AssignedVariables = assigned.ToDictionary(a => a.Key, a => JsonValues.Serialize(a.Value));
            e.StateExitedEventDetails.AssignedVariablesDetails = new() { Truncated = false };
        }
    };

    public static Action<HistoryEvent> EvaluationFailed(string state, string? location, string error, string cause) => e =>
        e.EvaluationFailedEventDetails = new() { State = state, Location = location, Error = error, Cause = cause };

    public static Action<HistoryEvent> MapStateStarted(int length) => e =>
        e.MapStateStartedEventDetails = new() { Length = length };

    public static Action<HistoryEvent> MapIterationStarted(string name, int index) => e =>
        e.MapIterationStartedEventDetails = new() { Name = name, Index = index };

    public static Action<HistoryEvent> MapIterationSucceeded(string name, int index) => e =>
        e.MapIterationSucceededEventDetails = new() { Name = name, Index = index };

    public static Action<HistoryEvent> MapIterationFailed(string name, int index) => e =>
        e.MapIterationFailedEventDetails = new() { Name = name, Index = index };

    public static Action<HistoryEvent> MapIterationAborted(string name, int index) => e =>
        e.MapIterationAbortedEventDetails = new() { Name = name, Index = index };

    public static Action<HistoryEvent> MapRunStarted(string mapRunArn) => e =>
        e.MapRunStartedEventDetails = new() { MapRunArn = mapRunArn };

    public static Action<HistoryEvent> MapRunRedriven(string mapRunArn, int redriveCount) => e =>
        e.MapRunRedrivenEventDetails = new() { MapRunArn = mapRunArn, RedriveCount = redriveCount };

    public static Action<HistoryEvent> MapRunFailed(string? error, string? cause) => e =>
        e.MapRunFailedEventDetails = new() { Error = error, Cause = cause };

    public static Action<HistoryEvent> LambdaFunctionScheduled(string resource, JsonNode? input, long? timeoutSeconds) => e =>
        e.LambdaFunctionScheduledEventDetails = new()
        {
            Resource = resource,
            Input = JsonValues.Serialize(input),
            InputDetails = NotTruncated,
            TimeoutInSeconds = timeoutSeconds,
        };

    public static Action<HistoryEvent> LambdaFunctionSucceeded(JsonNode? output) => e =>
        e.LambdaFunctionSucceededEventDetails = new() { Output = JsonValues.Serialize(output), OutputDetails = NotTruncated };

    public static Action<HistoryEvent> LambdaFunctionFailed(string? error, string? cause) => e =>
        e.LambdaFunctionFailedEventDetails = new() { Error = error, Cause = cause };

    public static Action<HistoryEvent> LambdaFunctionTimedOut(string? error, string? cause) => e =>
        e.LambdaFunctionTimedOutEventDetails = new() { Error = error, Cause = cause };

    public static Action<HistoryEvent> TaskScheduled(string resourceType, string resource, string region, JsonNode? parameters, long? timeoutSeconds, long? heartbeatSeconds) => e =>
        e.TaskScheduledEventDetails = new()
        {
            ResourceType = resourceType,
            Resource = resource,
            Region = region,
            Parameters = JsonValues.Serialize(parameters),
            TimeoutInSeconds = timeoutSeconds,
            HeartbeatInSeconds = heartbeatSeconds,
        };

    public static Action<HistoryEvent> TaskStarted(string resourceType, string resource) => e =>
        e.TaskStartedEventDetails = new() { ResourceType = resourceType, Resource = resource };

    public static Action<HistoryEvent> TaskSubmitted(string resourceType, string resource, JsonNode? output) => e =>
        e.TaskSubmittedEventDetails = new() { ResourceType = resourceType, Resource = resource, Output = JsonValues.Serialize(output), OutputDetails = NotTruncated };

    public static Action<HistoryEvent> TaskSucceeded(string resourceType, string resource, JsonNode? output) => e =>
        e.TaskSucceededEventDetails = new() { ResourceType = resourceType, Resource = resource, Output = JsonValues.Serialize(output), OutputDetails = NotTruncated };

    public static Action<HistoryEvent> TaskFailed(string resourceType, string resource, string? error, string? cause) => e =>
        e.TaskFailedEventDetails = new() { ResourceType = resourceType, Resource = resource, Error = error, Cause = cause };

    public static Action<HistoryEvent> TaskTimedOut(string resourceType, string resource, string? error, string? cause) => e =>
        e.TaskTimedOutEventDetails = new() { ResourceType = resourceType, Resource = resource, Error = error, Cause = cause };

    public static Action<HistoryEvent> ActivityScheduled(string resource, string input, long? timeoutSeconds, long? heartbeatSeconds) => e =>
        e.ActivityScheduledEventDetails = new()
        {
            Resource = resource,
            Input = input,
            InputDetails = NotTruncated,
            TimeoutInSeconds = timeoutSeconds,
            HeartbeatInSeconds = heartbeatSeconds,
        };

    /// <summary>ActivityStarted names the worker when its GetActivityTask did; its details are empty otherwise.</summary>
    public static Action<HistoryEvent> ActivityStarted(string? workerName) => e =>
        e.ActivityStartedEventDetails = new() { WorkerName = workerName };

    public static Action<HistoryEvent> ActivitySucceeded(JsonNode? output) => e =>
        e.ActivitySucceededEventDetails = new() { Output = JsonValues.Serialize(output), OutputDetails = NotTruncated };

    public static Action<HistoryEvent> ActivityFailed(string? error, string? cause) => e =>
        e.ActivityFailedEventDetails = new() { Error = error, Cause = cause };

    public static Action<HistoryEvent> ActivityTimedOut(string? error, string? cause) => e =>
        e.ActivityTimedOutEventDetails = new() { Error = error, Cause = cause };
}
