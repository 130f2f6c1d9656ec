using System.Text.Json.Nodes;

namespace FakeAws.StepFunctions;

/// <summary>An execution as DescribeExecution and GetExecutionHistory tell it (<see cref="FakeStepFunctions.WaitForExecutionAsync"/>).</summary>
/// <param name="ExecutionArn">The execution's ARN.</param>
/// <param name="Status"><c>RUNNING</c>, <c>SUCCEEDED</c>, <c>FAILED</c>, <c>TIMED_OUT</c>, <c>ABORTED</c> or <c>PENDING_REDRIVE</c>.</param>
/// <param name="Output">The output JSON when it succeeded.</param>
/// <param name="Error">The error name when it failed, timed out or was aborted with one.</param>
/// <param name="Cause">The cause that came with <paramref name="Error"/>.</param>
/// <param name="StartDate">When it started, on the cloud's clock.</param>
/// <param name="StopDate">When it ended; null while it runs.</param>
/// <param name="History">Its history events, oldest first.</param>
public sealed record StepFunctionsExecution(
    string ExecutionArn,
    string Status,
    string? Output,
    string? Error,
    string? Cause,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate,
    IReadOnlyList<StepFunctionsHistoryEvent> History);

/// <summary>One event of an execution's history.</summary>
/// <param name="Id">The event's id, from 1.</param>
/// <param name="PreviousEventId">The event before it in its branch, or 0.</param>
/// <param name="Type">Its type, such as <c>TaskStateEntered</c> or <c>ExecutionSucceeded</c>.</param>
/// <param name="Timestamp">When it happened, on the cloud's clock.</param>
/// <param name="Details">Its <c>...EventDetails</c> member as AWS sends it (for example <c>name</c>, <c>input</c>, <c>output</c>), or null.</param>
public sealed record StepFunctionsHistoryEvent(long Id, long PreviousEventId, string Type, DateTimeOffset Timestamp, JsonObject? Details);
