using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.StepFunctions.Runtime;

/// <summary>
/// An error raised while a state runs: the error name and cause Retry and Catch match on, and,
/// for failures of a task, the history event that records it (TaskFailed, LambdaFunctionFailed, ...).
/// </summary>
internal sealed class StatesFailure(string? error, string? cause) : Exception(cause ?? error ?? "States failure")
{
    /// <summary>The error name, for example <c>States.Timeout</c> or a Lambda function's errorType.</summary>
    public string? Error { get; } = error;

    /// <summary>The cause text.</summary>
    public string? Cause { get; } = cause;

    /// <summary>
    /// True for an error of the state's own data processing (a path that selects nothing, a bad
    /// value), which fails the execution without the state's Failed event.
    /// </summary>
    public bool IsRuntime { get; init; }

    /// <summary>The event type that records this failure inside the state, or null when none does.</summary>
    public string? EventType { get; init; }

    /// <summary>Fills the details of <see cref="EventType"/>.</summary>
    public Action<HistoryEvent>? EventDetails { get; init; }

    /// <summary>The event <see cref="EventType"/> follows, when not the state's latest one.</summary>
    public long? PreviousEventId { get; init; }

    /// <summary>The state the error escaped from, once it left its state.</summary>
    public Asl.States.StateNode? FailedState { get; set; }

    /// <summary>True once <see cref="EventType"/> is in the history.</summary>
    public bool Recorded { get; set; }

    /// <summary>The value a catcher passes on: <c>{"Error": ..., "Cause": ...}</c>, empty strings when absent.</summary>
    public System.Text.Json.Nodes.JsonObject ToErrorOutput() => new()
    {
        ["Error"] = Error ?? "",
        ["Cause"] = Cause ?? "",
    };
}

/// <summary>The error names Step Functions defines.</summary>
internal static class StatesErrors
{
    public const string All = "States.ALL";
    public const string Runtime = "States.Runtime";
    public const string Timeout = "States.Timeout";
    public const string HeartbeatTimeout = "States.HeartbeatTimeout";
    public const string TaskFailed = "States.TaskFailed";
    public const string DataLimitExceeded = "States.DataLimitExceeded";
    public const string NoChoiceMatched = "States.NoChoiceMatched";
    public const string IntrinsicFailure = "States.IntrinsicFailure";
    public const string ExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold";
    public const string ItemReaderFailed = "States.ItemReaderFailed";
    public const string ResultWriterFailed = "States.ResultWriterFailed";
    public const string Permissions = "States.Permissions";
    public const string QueryEvaluationError = "States.QueryEvaluationError";
    public const string ParameterPathFailure = "States.ParameterPathFailure";
    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";
    public const string BranchFailed = "States.BranchFailed";

    /// <summary>Every predefined name, for definition validation.</summary>
    public static readonly HashSet<string> Known =
    [
        All, Runtime, Timeout, HeartbeatTimeout, TaskFailed, DataLimitExceeded, NoChoiceMatched, IntrinsicFailure,
        ExceedToleratedFailureThreshold, ItemReaderFailed, ResultWriterFailed, Permissions, QueryEvaluationError,
        ParameterPathFailure, ResultPathMatchFailure, BranchFailed,
    ];

    /// <summary>
    /// Whether a retrier's or catcher's ErrorEquals entry matches <paramref name="error"/>. States.ALL
    /// matches every error but States.Runtime: a task whose result is over the size limit is caught
    /// by States.ALL (recorded against AWS), while a state's own output over the limit fails the
    /// execution before any catcher runs. States.TaskFailed matches neither of those nor the timeouts.
    /// </summary>
    public static bool Matches(string entry, string? error)
    {
        error ??= "";
        if (entry == error)
        {
            return true;
        }
        return entry switch
        {
            All => error is not Runtime,
            TaskFailed => error is not (Runtime or DataLimitExceeded or Timeout or HeartbeatTimeout),
            _ => false,
        };
    }
}
