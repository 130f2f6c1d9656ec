using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions;

/// <summary>One execution and its history, as DescribeExecution and GetExecutionHistory show it.</summary>
internal sealed class ExecutionRecord
{
    private readonly TimeProvider _clock;

    public ExecutionRecord(TimeProvider clock)
    {
        _clock = clock;
        History = new HistoryLog(clock) { LimitReached = FailAtHistoryLimit };
    }

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

    public HistoryLog History { get; }

    /// <summary>Cancelled when the current attempt stops (StopExecution) or times out; a redrive brings a new one.</summary>
    public CancellationTokenSource Stop { get; private set; } = new();

    /// <summary>Completes when the current attempt closes, whatever its status; a redrive brings a new one.</summary>
    public TaskCompletionSource Done { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many times RedriveExecution has restarted the execution.</summary>
    public int RedriveCount { get; private set; }

    /// <summary>When the execution was last redriven.</summary>
    public DateTimeOffset? RedriveDate { get; private set; }

    /// <summary>Where the latest attempt's top-level program stands: a redrive resumes from its current state.</summary>
    public RedrivePoint? LastAttempt { get; set; }

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
    /// Opens a closed execution again for a redrive: RUNNING, with a fresh stop signal, completion
    /// and closing waiters for the new attempt, and the redrive counted; false when it is not closed.
    /// </summary>
    public bool TryReopen(DateTimeOffset redriveDate)
    {
        lock (this)
        {
            if (!IsClosed)
            {
                return false;
            }
            Status = "RUNNING";
            StopDate = null;
            Output = null;
            Error = null;
            Cause = null;
            Stop = new CancellationTokenSource();
            Done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _whenClosed = [];
            RedriveCount++;
            RedriveDate = redriveDate;
            return true;
        }
    }

    /// <summary>
    /// Gives the execution its final status and writes its closing event, once; false when it was
    /// already closed (a stopped execution keeps its ABORTED status whatever its program does next),
    /// or when <paramref name="attempt"/>, the stop signal of the attempt closing, is not the current
    /// one because a redrive has begun another.
    /// </summary>
    public bool TryClose(
        string status, DateTimeOffset stopDate, Action? closingEvent, string? output = null, string? error = null, string? cause = null, CancellationTokenSource? attempt = null)
    {
        List<Action> closed;
        lock (this)
        {
            if (IsClosed || (attempt is not null && attempt != Stop))
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

    /// <summary>
    /// Ends the current attempt as AWS ends an execution whose history is full: FAILED with
    /// States.Runtime, the failure event the history's last, whatever its program was doing.
    /// </summary>
    private void FailAtHistoryLimit(long lastEvent)
    {
        var attempt = Stop;
        if (TryClose(
            "FAILED",
            _clock.GetUtcNow(),
            () => History.Add(new HistoryCursor(lastEvent), "ExecutionFailed", HistoryEvents.ExecutionFailed(StatesErrors.Runtime, HistoryLog.LimitCause)),
            error: StatesErrors.Runtime,
            cause: HistoryLog.LimitCause,
            attempt: attempt))
        {
            attempt.Cancel();
        }
    }
}
