using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Integrations;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Runtime;

/// <summary>What SendTaskSuccess or SendTaskFailure reported for a task token.</summary>
internal sealed record TaskTokenOutcome(JsonNode? Output, string? Error, string? Cause)
{
    public bool Failed => Output is null && (Error is not null || Cause is not null);
}

/// <summary>A Task waiting for its token: how the callback APIs reach it.</summary>
internal sealed class TaskTokenWaiter(string executionArn)
{
    private TaskCompletionSource _heartbeat = new();

    public string ExecutionArn { get; } = executionArn;

    public TaskCompletionSource<TaskTokenOutcome> Outcome { get; } = new();

    /// <summary>True once the Task stopped waiting (answered, timed out, or its execution ended).</summary>
    public bool IsClosed { get; set; }

    /// <summary>Completes when a heartbeat arrives.</summary>
    public Task NextHeartbeat
    {
        get
        {
            lock (this)
            {
                return _heartbeat.Task;
            }
        }
    }

    public void Beat()
    {
        TaskCompletionSource beaten;
        lock (this)
        {
            beaten = _heartbeat;
            _heartbeat = new TaskCompletionSource();
        }
        // The waiting task resumes inside this call, and must already see the next heartbeat's signal.
        beaten.TrySetResult();
    }
}

/// <summary>
/// The task tokens of <c>.waitForTaskToken</c> tasks. A Task makes its token before its Parameters
/// are evaluated (so <c>$$.Task.Token</c> can pass it on), submits its request, then waits, on
/// the virtual clock, for SendTaskSuccess, SendTaskFailure, its HeartbeatSeconds or its TimeoutSeconds.
/// </summary>
internal sealed class TaskTokens
{
    private readonly ConcurrentDictionary<string, TaskTokenWaiter> _waiters = new(StringComparer.Ordinal);

    /// <summary>Makes a token for a Task of the given execution.</summary>
    public string Create(ExecutionRun run)
    {
        var token = "AQ" + run.Cloud.Ids.NewString(214, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
        _waiters[token] = new TaskTokenWaiter(run.Execution.Arn);
        return token;
    }

    public TaskTokenWaiter? Find(string token) => _waiters.GetValueOrDefault(token);

    public void Clear() => _waiters.Clear();

    /// <summary>
    /// Records the submitted request (TaskSubmitted), then waits for the token's outcome and
    /// returns the output SendTaskSuccess gave.
    /// </summary>
    public static async Task<JsonNode?> WaitAsync(TaskInvocation task, JsonNode? submitted)
    {
        var resource = task.Resource;
        task.AddEvent("TaskSubmitted", HistoryEvents.TaskSubmitted(resource.EventResourceType, resource.EventResource, submitted));
        var token = JsonValues.AsString(task.Run.Frame.Context["Task"]?["Token"]) ?? "";
        var waiter = task.Execution.Engine.Tokens.Find(token)
            ?? throw new InvalidOperationException("A waitForTaskToken task has no token.");
        var clock = task.Execution.Cloud.Clock;
        var work = task.Execution.Cloud.Scheduler.CurrentWork;
        using var timers = CancellationTokenSource.CreateLinkedTokenSource(task.Cancellation);
        var limit = task.TimeoutSeconds is { } seconds && seconds < TaskInvocation.DefaultTimeoutSeconds
            ? ClockDelay.WaitAsync(clock, TimeSpan.FromSeconds(seconds), timers.Token)
            : ClockDelay.Forever(timers.Token);
        work?.ExternalWaitStarted();
        TaskTokenOutcome outcome;
        try
        {
            while (true)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(timers.Token);
                var heartbeat = task.HeartbeatSeconds is { } hb
                    ? ClockDelay.WaitAsync(clock, TimeSpan.FromSeconds(hb), beat.Token)
                    : ClockDelay.Forever(beat.Token);
                var signal = waiter.NextHeartbeat;
                var first = await Task.WhenAny(waiter.Outcome.Task, limit, heartbeat, signal);
                task.Cancellation.ThrowIfCancellationRequested();
                if (first == waiter.Outcome.Task)
                {
                    outcome = waiter.Outcome.Task.Result;
                    beat.Cancel();
                    break;
                }
                if (first == signal)
                {
                    beat.Cancel();
                    continue;
                }
                waiter.IsClosed = true;
                throw task.TaskTimedOut(first == heartbeat ? StatesErrors.HeartbeatTimeout : StatesErrors.Timeout);
            }
        }
        finally
        {
            waiter.IsClosed = true;
            timers.Cancel();
            work?.ExternalWaitEnded();
        }
        if (outcome.Failed)
        {
            throw task.TaskFailed(outcome.Error, outcome.Cause);
        }
        if (JsonValues.Utf8Size(outcome.Output) > StateRun.MaxPayloadBytes)
        {
            throw task.TaskFailed(
                StatesErrors.DataLimitExceeded,
                $"The state/task '{resource.EventResourceType}' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
        task.AddEvent("TaskSucceeded", HistoryEvents.TaskSucceeded(resource.EventResourceType, resource.EventResource, outcome.Output));
        return outcome.Output;
    }
}
