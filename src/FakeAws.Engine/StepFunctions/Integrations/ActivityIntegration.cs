using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions.Integrations;

/// <summary>
/// <c>arn:aws:states:region:account:activity:name</c>: queues the Task's input for the activity's
/// workers, waits for one to take it with GetActivityTask (ActivityStarted), then for its
/// SendTaskSuccess or SendTaskFailure. TimeoutSeconds runs from the moment the task is scheduled,
/// HeartbeatSeconds from the moment a worker takes it, both on the virtual clock.
/// </summary>
internal static class ActivityIntegration
{
    public static async Task<JsonNode?> RunAsync(TaskInvocation task)
    {
        var arn = task.Resource.Arn;
        var engine = task.Execution.Engine;
        // AWS fails the execution itself, with no Activity event, when the activity is gone.
        var activity = engine.FindActivity(arn) ?? throw task.Run.RuntimeError($"The activity {arn} does not exist.");
        var input = JsonValues.Serialize(task.Parameters);
        task.AddEvent("ActivityScheduled", HistoryEvents.ActivityScheduled(arn, input, task.TimeoutSeconds, task.HeartbeatSeconds));
        if (task.NextMock() is { } mock)
        {
            task.AddEvent("ActivityStarted", HistoryEvents.ActivityStarted(null));
            return Finish(task, new TaskTokenOutcome(mock.Throws ? null : JsonValues.Clone(mock.Result), mock.Error, mock.Cause));
        }
        var waiter = engine.Tokens.Open(task.Execution);
        var work = task.Execution.Cloud.Scheduler.CurrentWork;
        using var timers = CancellationTokenSource.CreateLinkedTokenSource(task.Cancellation);
        work?.ExternalWaitStarted();
        TaskTokenOutcome outcome;
        try
        {
            var scheduled = new ActivityTask(waiter.Token, input, waiter);
            var limit = TaskTokens.TimeLimit(task, timers.Token);
            activity.Schedule(scheduled);
            var first = await Task.WhenAny(scheduled.Started.Task, limit);
            task.Cancellation.ThrowIfCancellationRequested();
            if (first != scheduled.Started.Task)
            {
                waiter.IsClosed = true;
                throw TimedOut(StatesErrors.Timeout);
            }
            task.AddEvent("ActivityStarted", HistoryEvents.ActivityStarted(scheduled.Started.Task.Result));
            outcome = await TaskTokens.WaitForOutcomeAsync(task, waiter, limit, timers.Token, TimedOut);
        }
        finally
        {
            waiter.IsClosed = true;
            timers.Cancel();
            work?.ExternalWaitEnded();
        }
        return Finish(task, outcome);
    }

    private static JsonNode? Finish(TaskInvocation task, TaskTokenOutcome outcome)
    {
        if (outcome.Failed)
        {
            throw Failed(outcome.Error, outcome.Cause);
        }
        TaskTokens.CheckOutputSize(outcome.Output, task.Resource.Arn, Failed);
        task.AddEvent("ActivitySucceeded", HistoryEvents.ActivitySucceeded(outcome.Output));
        return outcome.Output;
    }

    private static StatesFailure Failed(string? error, string? cause) => new(error, cause)
    {
        EventType = "ActivityFailed",
        EventDetails = HistoryEvents.ActivityFailed(error, cause),
    };

    private static StatesFailure TimedOut(string error) => new(error, null)
    {
        EventType = "ActivityTimedOut",
        EventDetails = HistoryEvents.ActivityTimedOut(error, null),
    };
}
