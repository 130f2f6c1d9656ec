using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Model;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions;

// RedriveExecution: a FAILED, TIMED_OUT or ABORTED Standard execution resumes from the state it stopped in.
internal sealed partial class StepFunctionsEngine
{
    /// <summary>How long after it stops an execution can be redriven.</summary>
    private static readonly TimeSpan RedrivablePeriod = TimeSpan.FromDays(14);

    /// <summary>The longest an execution may stay open, redrives included.</summary>
    private static readonly TimeSpan MaxExecutionTime = TimeSpan.FromDays(365);

    public RedriveExecutionOutput RedriveExecution(RequestScope scope, RedriveExecutionInput input)
    {
        var execution = GetExecution(scope, input.ExecutionArn!);
        if (NotRedrivableReason(execution) is { } reason)
        {
            throw StepFunctionsErrors.ExecutionNotRedrivable(reason);
        }
        var last = execution.LastAttempt!;
        var now = _cloud.Now;
        if (!execution.TryReopen(now))
        {
            throw StepFunctionsErrors.ExecutionNotRedrivable(NotRedrivableReason(execution)!);
        }
        // The redrive follows the event that closed the last attempt.
        var redriven = execution.History.Add(
            new HistoryCursor(execution.History.Count), "ExecutionRedriven", HistoryEvents.ExecutionRedriven(execution.RedriveCount));
        _cloud.Scheduler.Schedule(now, () => ExecutionRunner.RedriveAsync(last, redriven), $"Step Functions execution {execution.Arn}, redrive {execution.RedriveCount}");
        return new RedriveExecutionOutput { RedriveDate = now };
    }

    /// <summary>
    /// Why RedriveExecution would refuse the execution now, in the words of DescribeExecution's
    /// redriveStatusReason; null when it can be redriven.
    /// </summary>
    private string? NotRedrivableReason(ExecutionRecord execution)
    {
        if (execution.Type == "EXPRESS")
        {
            return "Execution is of type EXPRESS and cannot be redriven.";
        }
        if (execution.Status is "RUNNING" or "SUCCEEDED")
        {
            return $"Execution is {execution.Status} and cannot be redriven";
        }
        var now = _cloud.Now;
        if (now - execution.StartDate > MaxExecutionTime)
        {
            return "Execution has exceeded the max execution time";
        }
        if (execution.StopDate is { } stopped && now - stopped > RedrivablePeriod)
        {
            return "Execution redrivable period exceeded";
        }
        // A redrive must leave room in the history for its own events.
        if (execution.History.Count + 2 > HistoryLog.MaxEvents)
        {
            return "Execution history event limit exceeded";
        }
        return execution.LastAttempt is null ? "Execution was started before the launch of RedriveExecution" : null;
    }
}
