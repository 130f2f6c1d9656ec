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
internal sealed class TaskTokenWaiter(string token, string executionArn)
{
    private TaskCompletionSource _heartbeat = new();

    public string Token { get; } = token;

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
    public string Create(ExecutionRun run) => Open(run).Token;

    /// <summary>Makes a token for a Task of the given execution, and returns its waiter.</summary>
    public TaskTokenWaiter Open(ExecutionRun run)
    {
        var token = "AQ" + run.Cloud.Ids.NewString(214, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
        var waiter = new TaskTokenWaiter(token, run.Execution.Arn);
        _waiters[token] = waiter;
        return waiter;
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
        var work = task.Execution.Cloud.Scheduler.CurrentWork;
        using var timers = CancellationTokenSource.CreateLinkedTokenSource(task.Cancellation);
        work?.ExternalWaitStarted();
        TaskTokenOutcome outcome;
        try
        {
            outcome = await WaitForOutcomeAsync(task, waiter, TimeLimit(task, timers.Token), timers.Token, task.TaskTimedOut);
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
        CheckOutputSize(outcome.Output, resource.EventResourceType, task.TaskFailed);
        task.AddEvent("TaskSucceeded", HistoryEvents.TaskSucceeded(resource.EventResourceType, resource.EventResource, outcome.Output));
        return outcome.Output;
    }

    /// <summary>The Task's TimeoutSeconds on the virtual clock, or a wait that only cancellation ends when it sets none.</summary>
    public static Task TimeLimit(TaskInvocation task, CancellationToken cancellationToken) =>
        task.Execution.Cloud.Clock.Delay(
            task.TimeoutSeconds is { } seconds && seconds < TaskInvocation.DefaultTimeoutSeconds ? TimeSpan.FromSeconds(seconds) : Timeout.InfiniteTimeSpan,
            cancellationToken);

    /// <summary>
    /// Waits for SendTaskSuccess or SendTaskFailure on <paramref name="waiter"/>. HeartbeatSeconds
    /// starts again with each SendTaskHeartbeat; <paramref name="limit"/> is the Task's running
    /// TimeoutSeconds. When either passes first, throws <paramref name="timedOut"/> with
    /// States.HeartbeatTimeout or States.Timeout.
    /// </summary>
    public static async Task<TaskTokenOutcome> WaitForOutcomeAsync(
        TaskInvocation task, TaskTokenWaiter waiter, Task limit, CancellationToken timers, Func<string, StatesFailure> timedOut)
    {
        var clock = task.Execution.Cloud.Clock;
        while (true)
        {
            using var beat = CancellationTokenSource.CreateLinkedTokenSource(timers);
            var heartbeat = clock.Delay(task.HeartbeatSeconds is { } hb ? TimeSpan.FromSeconds(hb) : Timeout.InfiniteTimeSpan, beat.Token);
            var signal = waiter.NextHeartbeat;
            var first = await Task.WhenAny(waiter.Outcome.Task, limit, heartbeat, signal);
            task.Cancellation.ThrowIfCancellationRequested();
            beat.Cancel();
            if (first == waiter.Outcome.Task)
            {
                return waiter.Outcome.Task.Result;
            }
            if (first != signal)
            {
                waiter.IsClosed = true;
                throw timedOut(first == heartbeat ? StatesErrors.HeartbeatTimeout : StatesErrors.Timeout);
            }
        }
    }

    /// <summary>Throws <paramref name="failed"/> with States.DataLimitExceeded when the output a worker sent is over 256 KiB.</summary>
    public static void CheckOutputSize(JsonNode? output, string stateResource, Func<string, string, StatesFailure> failed)
    {
        if (JsonValues.Utf8Size(output) > StateRun.MaxPayloadBytes)
        {
            throw failed(
                StatesErrors.DataLimitExceeded,
                $"The state/task '{stateResource}' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
    }
}
