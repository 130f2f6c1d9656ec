using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Model;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions;

// Activities: create, describe, delete, list, and the workers' long poll GetActivityTask.
internal sealed partial class StepFunctionsEngine
{
    /// <summary>How long GetActivityTask waits for a task before it returns an empty one.</summary>
    public static readonly TimeSpan ActivityPollTimeout = TimeSpan.FromSeconds(60);

    /// <summary>AWS's quota of registered activities per account and region.</summary>
    private const int MaxActivities = 10_000;

    public CreateActivityOutput CreateActivity(RequestScope scope, CreateActivityInput input)
    {
        var name = input.Name!;
        if (!StepFunctionsArns.IsValidName(name))
        {
            throw StepFunctionsErrors.InvalidName(name);
        }
        var arn = StepFunctionsArns.Activity(scope, name);
        var region = _regions[scope];
        lock (region.Gate)
        {
            // Creating an activity is idempotent by name: a second call, whatever its tags, returns the first.
            if (region.Activities.TryGetValue(arn, out var existing))
            {
                return new CreateActivityOutput { ActivityArn = arn, CreationDate = existing.CreationDate };
            }
            if (region.Activities.Count >= MaxActivities)
            {
                throw StepFunctionsErrors.ActivityLimitExceeded();
            }
            var activity = new ActivityRecord { Arn = arn, Name = name, CreationDate = _cloud.Now, Encryption = input.EncryptionConfiguration };
            SetTags(activity.Tags, input.Tags, arn);
            region.Activities[arn] = activity;
            return new CreateActivityOutput { ActivityArn = arn, CreationDate = activity.CreationDate };
        }
    }

    public DescribeActivityOutput DescribeActivity(RequestScope scope, DescribeActivityInput input)
    {
        var activity = GetActivity(scope, input.ActivityArn!);
        return new DescribeActivityOutput
        {
            ActivityArn = activity.Arn,
            Name = activity.Name,
            CreationDate = activity.CreationDate,
            EncryptionConfiguration = activity.Encryption,
        };
    }

    public DeleteActivityOutput DeleteActivity(RequestScope scope, DeleteActivityInput input)
    {
        var arn = input.ActivityArn!;
        ParseActivityArn(arn);
        // Deleting an activity that does not exist succeeds. Tasks already scheduled stay answerable
        // by their tokens; the next activity state that uses it fails with States.Runtime.
        if (_regions[scope].Activities.TryRemove(arn, out var activity))
        {
            activity.GiveUpAll();
        }
        return new DeleteActivityOutput();
    }

    public ListActivitiesOutput ListActivities(RequestScope scope, ListActivitiesInput input)
    {
        var activities = _regions[scope].Activities.Values
            .OrderBy(a => a.CreationDate)
            .ThenBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new ActivityListItem { ActivityArn = a.Arn, Name = a.Name, CreationDate = a.CreationDate })
            .ToList();
        var (page, next) = Paging.Page(activities, input.MaxResults, input.NextToken);
        return new ListActivitiesOutput { Activities = page, NextToken = next };
    }

    /// <summary>
    /// Hands the worker the oldest task waiting on the activity. With none waiting it long-polls:
    /// up to 60 seconds of virtual time, then an empty answer. A caller outside the cloud's scheduler
    /// (a test, a wire request) drives the clock while it waits, so an execution that reaches the
    /// activity state later in virtual time is answered at once, and a poll that nothing answers moves
    /// the clock 60 seconds, as it would have taken.
    /// </summary>
    public async Task<GetActivityTaskOutput> GetActivityTask(RequestScope scope, GetActivityTaskInput input, CancellationToken cancellationToken)
    {
        var activity = GetActivity(scope, input.ActivityArn!);
        var poll = activity.Poll();
        if (!poll.Task.IsCompleted)
        {
            await WaitForPollAsync(activity, poll, cancellationToken);
        }
        if (await poll.Task is not { } task)
        {
            return new GetActivityTaskOutput();
        }
        // The state records ActivityStarted on the scheduler, before any answer the worker sends next.
        _cloud.Scheduler.Schedule(_cloud.Now, () =>
        {
            task.Started.TrySetResult(input.WorkerName);
            return Task.CompletedTask;
        }, "Step Functions activity task started");
        return new GetActivityTaskOutput { TaskToken = task.Token, Input = task.Input };
    }

    /// <summary>The activity an activity ARN names, for a Task state; null when it does not exist.</summary>
    internal ActivityRecord? FindActivity(string arn) =>
        StepFunctionsArns.TryParse(arn, out var kind, out _, out var scope) && kind == "activity"
            ? _regions[scope].Activities.GetValueOrDefault(arn)
            : null;

    private async Task WaitForPollAsync(ActivityRecord activity, TaskCompletionSource<ActivityTask?> poll, CancellationToken cancellationToken)
    {
        using var expiry = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Both the 60 seconds and a caller that goes away end the poll; a task that reached it first wins.
        _ = _cloud.Clock.Delay(ActivityPollTimeout, expiry.Token)
            .ContinueWith(_ => activity.GiveUp(poll), TaskContinuationOptions.ExecuteSynchronously);
        try
        {
            var caller = _cloud.Scheduler.CurrentWork;
            if (caller is null && !_cloud.Scheduler.IsPumping)
            {
                await _cloud.Clock.RunUntilCompleteAsync(poll.Task, cancellationToken);
                return;
            }
            // Called from work on the scheduler (a Lambda handler, say): the scheduler moves the clock.
            // Awaiting the poll itself resumes the caller inline, before the scheduler could take the
            // gap for idle time.
            caller?.ExternalWaitStarted();
            try
            {
                await poll.Task;
            }
            finally
            {
                caller?.ExternalWaitEnded();
            }
        }
        finally
        {
            expiry.Cancel();
            activity.GiveUp(poll);
            if (cancellationToken.IsCancellationRequested && poll.Task.Result is { } task)
            {
                // The caller went away: the task it was handed goes to the next poll.
                activity.Schedule(task);
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private ActivityRecord GetActivity(RequestScope scope, string arn)
    {
        ParseActivityArn(arn);
        return _regions[scope].Activities.TryGetValue(arn, out var activity) ? activity : throw StepFunctionsErrors.ActivityDoesNotExist(arn);
    }

    private static void ParseActivityArn(string arn)
    {
        if (!StepFunctionsArns.TryParse(arn, out var kind, out var names, out _) || kind != "activity" || names.Length != 1)
        {
            throw StepFunctionsErrors.InvalidArn(arn);
        }
    }
}
