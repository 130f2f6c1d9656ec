using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions;

/// <summary>One execution and its history, as DescribeExecution and GetExecutionHistory show it.</summary>
internal sealed class ExecutionRecord(TimeProvider clock)
{
    public required string Arn { get; init; }

    public required string Name { get; init; }

    /// <summary>The ARN of the state machine itself (not of a version or alias).</summary>
    public required string StateMachineArn { get; init; }

    public required string StateMachineName { get; init; }

    /// <summary>STANDARD or EXPRESS.</summary>
    public required string Type { get; init; }

    public string? VersionArn { get; init; }

    public string? AliasArn { get; init; }

    /// <summary>The revision the execution runs.</summary>
    public required StateMachineRevision Revision { get; init; }

    public required string Input { get; init; }

    public string? TraceHeader { get; init; }

    public required DateTimeOffset StartDate { get; init; }

    /// <summary>The order executions started in, which ListExecutions sorts by after the start date.</summary>
    public long Sequence { get; init; }

    /// <summary>The Map Run this execution is a child of, if any.</summary>
    public string? MapRunArn { get; init; }

    /// <summary>RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED.</summary>
    public string Status { get; private set; } = "RUNNING";

    public DateTimeOffset? StopDate { get; private set; }

    public string? Output { get; private set; }

    public string? Error { get; private set; }

    public string? Cause { get; private set; }

    public HistoryLog History { get; } = new(clock);

    /// <summary>Cancelled when the execution stops (StopExecution) or times out.</summary>
    public CancellationTokenSource Stop { get; } = new();

    /// <summary>Completes when the execution closes, whatever its status.</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private List<Action>? _whenClosed = [];

    /// <summary>
    /// Runs <paramref name="action"/> once the execution closes (at once if it already has). Waiters
    /// use it to resume on the scheduler rather than on whatever thread closed the execution.
    /// </summary>
    public void WhenClosed(Action action)
    {
        lock (this)
        {
            if (_whenClosed is not null)
            {
                _whenClosed.Add(action);
                return;
            }
        }
        action();
    }

    /// <summary>True once the execution has a final status; nothing is written after that.</summary>
    public bool IsClosed => Status != "RUNNING";

    /// <summary>
    /// Gives the execution its final status and writes its closing event, once; false when it was
    /// already closed (a stopped execution keeps its ABORTED status whatever its program does next).
    /// </summary>
    public bool TryClose(string status, DateTimeOffset stopDate, Action? closingEvent, string? output = null, string? error = null, string? cause = null)
    {
        List<Action> closed;
        lock (this)
        {
            if (IsClosed)
            {
                return false;
            }
            closingEvent?.Invoke();
            Status = status;
            StopDate = stopDate;
            Output = output;
            Error = error;
            Cause = cause;
            closed = _whenClosed!;
            _whenClosed = null;
        }
        Done.TrySetResult();
        foreach (var action in closed)
        {
            action();
        }
        return true;
    }
}
