using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.Tests.StepFunctions;

public class ActivityTests
{
    private const string Input = """{"Value1":"Hello","Value2":"World"}""";

    private static string Machine(string activityArn, string extra = "") => $$"""
        {"StartAt": "ActivityTask", "States": {"ActivityTask": {"Type": "Task", "Resource": "{{activityArn}}"{{extra}}, "End": true} } }
        """;

    private static (SfnHarness Sfn, string Activity) WithActivity(string name = "work")
    {
        var sfn = new SfnHarness();
        var arn = sfn.Engine.CreateActivity(sfn.Scope, new CreateActivityInput { Name = name }).ActivityArn!;
        return (sfn, arn);
    }

    private static Task<GetActivityTaskOutput> Poll(SfnHarness sfn, string activity, string? worker = "worker-1") =>
        sfn.Engine.GetActivityTask(sfn.Scope, new GetActivityTaskInput { ActivityArn = activity, WorkerName = worker }, CancellationToken.None);

    [Test]
    public async Task Worker_TakesTheTaskAndAnswers_HistoryIsAwsShape()
    {
        var (sfn, activity) = WithActivity();
        var execution = sfn.Start(sfn.Create(Machine(activity)), Input);

        var task = await Poll(sfn, activity);
        Assert.That(task.Input, Is.EqualTo(Input), "the poll runs the execution up to the activity state and hands its input over");
        Assert.That(sfn.Clock.GetUtcNow(), Is.EqualTo(SfnHarness.StartTime), "a task that is waiting is handed over without moving the clock");
        sfn.Engine.SendTaskSuccess(sfn.Scope, new SendTaskSuccessInput { TaskToken = task.TaskToken, Output = Input });
        await sfn.Clock.RunUntilIdleAsync();

        var described = sfn.Describe(execution);
        Assert.That(described.Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(described.Types, Is.EqualTo(new[]
        {
            "ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited", "ExecutionSucceeded",
        }));
        var scheduled = described.Events[2].ActivityScheduledEventDetails!;
        Assert.That((scheduled.Resource, scheduled.Input, scheduled.InputDetails!.Truncated), Is.EqualTo((activity, Input, (bool?)false)));
        Assert.That((scheduled.TimeoutInSeconds, scheduled.HeartbeatInSeconds), Is.EqualTo(((long?)null, (long?)null)), "limits the state does not set are left out");
        Assert.That(described.Events[3].ActivityStartedEventDetails!.WorkerName, Is.EqualTo("worker-1"));
        Assert.That(described.Events[4].ActivitySucceededEventDetails!.Output, Is.EqualTo(Input));
        Assert.That(described.Events[4].PreviousEventId, Is.EqualTo(4));
    }

    [Test]
    public async Task Worker_WithoutAName_ActivityStartedHasEmptyDetails()
    {
        var (sfn, activity) = WithActivity();
        var execution = sfn.Start(sfn.Create(Machine(activity)), Input);
        var task = await Poll(sfn, activity, worker: null);
        sfn.Engine.SendTaskSuccess(sfn.Scope, new SendTaskSuccessInput { TaskToken = task.TaskToken, Output = "{}" });
        await sfn.Clock.RunUntilIdleAsync();
        var started = sfn.Describe(execution).Events.Single(e => e.Type == "ActivityStarted");
        Assert.That(started.ActivityStartedEventDetails, Is.Not.Null);
        Assert.That(started.ActivityStartedEventDetails!.WorkerName, Is.Null);
    }

    [Test]
    public async Task Worker_SendsFailure_ActivityFailedThenExecutionFailedWithTheSameErrorAndCause()
    {
        var (sfn, activity) = WithActivity();
        var execution = sfn.Start(sfn.Create(Machine(activity)), Input);
        var task = await Poll(sfn, activity);
        sfn.Engine.SendTaskFailure(sfn.Scope, new SendTaskFailureInput { TaskToken = task.TaskToken, Error = "Programmatic Error", Cause = Input });
        await sfn.Clock.RunUntilIdleAsync();
        var described = sfn.Describe(execution);
        Assert.That(described.Types.TakeLast(2), Is.EqualTo(new[] { "ActivityFailed", "ExecutionFailed" }));
        Assert.That((described.Error, described.Cause), Is.EqualTo(("Programmatic Error", Input)));
        Assert.That(described.Events[^2].ActivityFailedEventDetails!.Error, Is.EqualTo("Programmatic Error"));
    }

    [Test]
    public async Task ActivityFailure_IsCaughtByCatch()
    {
        var (sfn, activity) = WithActivity();
        var definition = $$"""
            {"StartAt": "A", "States": {
              "A": {"Type": "Task", "Resource": "{{activity}}", "Catch": [{"ErrorEquals": ["Rejected"], "ResultPath": "$.error", "Next": "Done"}], "End": true},
              "Done": {"Type": "Pass", "End": true} } }
            """;
        var execution = sfn.Start(sfn.Create(definition), "{}");
        var task = await Poll(sfn, activity);
        sfn.Engine.SendTaskFailure(sfn.Scope, new SendTaskFailureInput { TaskToken = task.TaskToken, Error = "Rejected", Cause = "no stock" });
        await sfn.Clock.RunUntilIdleAsync();
        var described = sfn.Describe(execution);
        Assert.That(described.Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(SfnHarness.Json(described.Output), Is.EqualTo("""{"error":{"Error":"Rejected","Cause":"no stock"}}"""));
    }

    [Test]
    public async Task DeletedActivity_FailsTheExecutionWithStatesRuntime()
    {
        var (sfn, activity) = WithActivity();
        var machine = sfn.Create(Machine(activity));
        sfn.Engine.DeleteActivity(sfn.Scope, new DeleteActivityInput { ActivityArn = activity });
        var execution = sfn.Start(machine, Input);
        await sfn.Clock.RunUntilIdleAsync();
        var described = sfn.Describe(execution);
        Assert.That(described.Types, Is.EqualTo(new[] { "ExecutionStarted", "TaskStateEntered", "ExecutionFailed" }));
        Assert.That(described.Error, Is.EqualTo("States.Runtime"));
        Assert.That(described.Cause, Is.EqualTo(
            $"An error occurred while executing the state 'ActivityTask' (entered at the event id #2). The activity {activity} does not exist."));
    }

    [Test]
    public async Task NoWorker_TimeoutSecondsPasses_ActivityTimedOut()
    {
        var (sfn, activity) = WithActivity();
        var execution = sfn.Start(sfn.Create(Machine(activity, ", \"TimeoutSeconds\": 30")), Input);
        await sfn.Clock.RunUntilIdleAsync();
        var described = sfn.Describe(execution);
        Assert.That(described.Types.TakeLast(3), Is.EqualTo(new[] { "ActivityScheduled", "ActivityTimedOut", "ExecutionFailed" }));
        Assert.That(described.Events[^2].ActivityTimedOutEventDetails!.Error, Is.EqualTo("States.Timeout"));
        Assert.That(described.Events[2].ActivityScheduledEventDetails!.TimeoutInSeconds, Is.EqualTo(30));
        Assert.That(sfn.Clock.GetUtcNow() - SfnHarness.StartTime, Is.EqualTo(TimeSpan.FromSeconds(30)));

        var late = await Poll(sfn, activity);
        Assert.That(late.TaskToken, Is.Null, "a task that timed out in the queue is not handed to a later worker");
    }

    [Test]
    public async Task TimeoutSeconds_CountsFromScheduling_NotFromTheWorkerTakingIt()
    {
        var (sfn, activity) = WithActivity();
        var execution = sfn.Start(sfn.Create(Machine(activity, ", \"TimeoutSeconds\": 100")), Input);
        await sfn.Clock.RunUntilIdleAsync(TimeSpan.Zero);
        sfn.Clock.Advance(TimeSpan.FromSeconds(70));
        var task = await Poll(sfn, activity);
        Assert.That(task.TaskToken, Is.Not.Null);
        await sfn.Clock.RunUntilIdleAsync();
        Assert.That(sfn.Describe(execution).Error, Is.EqualTo("States.Timeout"));
        Assert.That(sfn.Clock.GetUtcNow() - SfnHarness.StartTime, Is.EqualTo(TimeSpan.FromSeconds(100)));
    }

    [Test]
    public async Task HeartbeatSeconds_CountsFromTheWorkerTakingIt_AndHeartbeatsKeepItAlive()
    {
        var (sfn, activity) = WithActivity();
        var execution = sfn.Start(sfn.Create(Machine(activity, ", \"HeartbeatSeconds\": 10, \"TimeoutSeconds\": 60")), Input);
        await sfn.Clock.RunUntilIdleAsync(TimeSpan.Zero);
        sfn.Clock.Advance(TimeSpan.FromSeconds(15));
        var task = await Poll(sfn, activity);
        sfn.Clock.Advance(TimeSpan.FromSeconds(8));
        sfn.Engine.SendTaskHeartbeat(sfn.Scope, new SendTaskHeartbeatInput { TaskToken = task.TaskToken });
        sfn.Clock.Advance(TimeSpan.FromSeconds(8));
        Assert.That(sfn.Describe(execution).Status, Is.EqualTo("RUNNING"), "waiting 15 s in the queue and 8 s after a heartbeat is within HeartbeatSeconds");
        await sfn.Clock.RunUntilIdleAsync();
        var described = sfn.Describe(execution);
        Assert.That(described.Events.Single(e => e.Type == "ActivityTimedOut").ActivityTimedOutEventDetails!.Error, Is.EqualTo("States.HeartbeatTimeout"));
        Assert.That(sfn.Clock.GetUtcNow() - SfnHarness.StartTime, Is.EqualTo(TimeSpan.FromSeconds(33)));
        var scheduled = described.Events[2].ActivityScheduledEventDetails!;
        Assert.That((scheduled.TimeoutInSeconds, scheduled.HeartbeatInSeconds), Is.EqualTo(((long?)60, (long?)10)));
    }

    [Test]
    public async Task Poll_WithNothingScheduled_ReturnsEmptyAfterSixtySecondsOfVirtualTime()
    {
        var (sfn, activity) = WithActivity();
        var task = await Poll(sfn, activity);
        Assert.That((task.TaskToken, task.Input), Is.EqualTo(((string?)null, (string?)null)));
        Assert.That(sfn.Clock.GetUtcNow() - SfnHarness.StartTime, Is.EqualTo(TimeSpan.FromSeconds(60)));
    }

    [Test]
    public async Task Poll_AnswersAsSoonAsAnExecutionReachesTheActivity()
    {
        var (sfn, activity) = WithActivity();
        var definition = $$"""
            {"StartAt": "Wait", "States": {"Wait": {"Type": "Wait", "Seconds": 20, "Next": "A"},
              "A": {"Type": "Task", "Resource": "{{activity}}", "End": true} } }
            """;
        sfn.Start(sfn.Create(definition), Input);
        var task = await Poll(sfn, activity);
        Assert.That(task.Input, Is.EqualTo(Input));
        Assert.That(sfn.Clock.GetUtcNow() - SfnHarness.StartTime, Is.EqualTo(TimeSpan.FromSeconds(20)), "the poll waits in virtual time only as long as the Wait state");
    }

    [Test]
    public async Task Poll_FromWorkOnTheScheduler_WaitsWhileTheSchedulerMovesTheClock()
    {
        var (sfn, activity) = WithActivity();
        var definition = $$"""
            {"StartAt": "Wait", "States": {"Wait": {"Type": "Wait", "Seconds": 20, "Next": "A"},
              "A": {"Type": "Task", "Resource": "{{activity}}", "End": true} } }
            """;
        GetActivityTaskOutput? polled = null;
        DateTimeOffset? answeredAt = null;
        sfn.Cloud.Scheduler.Schedule(sfn.Clock.GetUtcNow(), async () =>
        {
            polled = await Poll(sfn, activity);
            answeredAt = sfn.Clock.GetUtcNow();
        }, "a worker running as background work, as a Lambda handler would");
        sfn.Start(sfn.Create(definition), Input);
        await sfn.Clock.RunUntilIdleAsync(TimeSpan.FromSeconds(30));
        Assert.That(polled?.Input, Is.EqualTo(Input));
        Assert.That(answeredAt - SfnHarness.StartTime, Is.EqualTo(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public async Task Tasks_GoToWorkersInTheOrderTheyWereScheduled()
    {
        var (sfn, activity) = WithActivity();
        var machine = sfn.Create(Machine(activity));
        sfn.Start(machine, """{"n":1}""");
        sfn.Start(machine, """{"n":2}""");
        await sfn.Clock.RunUntilIdleAsync();
        Assert.That((await Poll(sfn, activity)).Input, Is.EqualTo("""{"n":1}"""));
        Assert.That((await Poll(sfn, activity)).Input, Is.EqualTo("""{"n":2}"""));
    }

    [Test]
    public async Task StoppedExecution_ItsQueuedTaskIsNotHandedOut()
    {
        var (sfn, activity) = WithActivity();
        var execution = sfn.Start(sfn.Create(Machine(activity)), Input);
        await sfn.Clock.RunUntilIdleAsync();
        sfn.Engine.StopExecution(sfn.Scope, new StopExecutionInput { ExecutionArn = execution });
        await sfn.Clock.RunUntilIdleAsync();
        Assert.That((await Poll(sfn, activity)).TaskToken, Is.Null);
    }

    [Test]
    public void CreateActivity_Beyond10000_IsActivityLimitExceeded_UntilOneIsDeleted()
    {
        var sfn = new SfnHarness();
        for (var i = 0; i < 10_000; i++)
        {
            sfn.Engine.CreateActivity(sfn.Scope, new CreateActivityInput { Name = $"a{i}" });
        }
        var refused = Assert.Throws<AwsServiceException>(() => sfn.Engine.CreateActivity(sfn.Scope, new CreateActivityInput { Name = "one-more" }));
        Assert.That(refused!.Code, Is.EqualTo("ActivityLimitExceeded"));
        // An existing name is still answered: creating is idempotent, not a new activity.
        Assert.That(sfn.Engine.CreateActivity(sfn.Scope, new CreateActivityInput { Name = "a0" }).ActivityArn, Does.EndWith(":activity:a0"));
        var first = sfn.Engine.CreateActivity(sfn.Scope, new CreateActivityInput { Name = "a1" }).ActivityArn!;
        sfn.Engine.DeleteActivity(sfn.Scope, new DeleteActivityInput { ActivityArn = first });
        Assert.That(sfn.Engine.CreateActivity(sfn.Scope, new CreateActivityInput { Name = "one-more" }).ActivityArn, Does.EndWith(":activity:one-more"));
    }

    [Test]
    public void CreateActivity_IsIdempotentByName_AndListedAndDescribed()
    {
        var (sfn, first) = WithActivity("work");
        sfn.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = sfn.Engine.CreateActivity(sfn.Scope, new CreateActivityInput { Name = "work", Tags = [new Tag { Key = "k", Value = "v" }] });
        Assert.That(again.ActivityArn, Is.EqualTo(first));
        Assert.That(again.CreationDate, Is.EqualTo(SfnHarness.StartTime), "the second create returns the first activity");
        Assert.That(first, Is.EqualTo("arn:aws:states:us-east-1:123456789012:activity:work"));
        sfn.Engine.CreateActivity(sfn.Scope, new CreateActivityInput { Name = "other" });

        var listed = sfn.Engine.ListActivities(sfn.Scope, new ListActivitiesInput { MaxResults = 1 });
        Assert.That(listed.Activities!.Select(a => a.Name), Is.EqualTo(new[] { "work" }));
        var rest = sfn.Engine.ListActivities(sfn.Scope, new ListActivitiesInput { NextToken = listed.NextToken });
        Assert.That(rest.Activities!.Select(a => a.Name), Is.EqualTo(new[] { "other" }));
        Assert.That(rest.NextToken, Is.Null);

        var described = sfn.Engine.DescribeActivity(sfn.Scope, new DescribeActivityInput { ActivityArn = first });
        Assert.That((described.Name, described.CreationDate), Is.EqualTo(("work", (DateTimeOffset?)SfnHarness.StartTime)));
    }

    [Test]
    public void Activity_MissingOrMalformed_AwsErrors()
    {
        var (sfn, activity) = WithActivity();
        sfn.Engine.DeleteActivity(sfn.Scope, new DeleteActivityInput { ActivityArn = activity });
        Assert.DoesNotThrow(() => sfn.Engine.DeleteActivity(sfn.Scope, new DeleteActivityInput { ActivityArn = activity }), "deleting twice succeeds");

        var missing = Assert.Throws<AwsServiceException>(() => sfn.Engine.DescribeActivity(sfn.Scope, new DescribeActivityInput { ActivityArn = activity }));
        Assert.That((missing!.Code, missing.Message), Is.EqualTo(("ActivityDoesNotExist", $"Activity Does Not Exist: '{activity}'")));
        var poll = Assert.ThrowsAsync<AwsServiceException>(() => Poll(sfn, activity));
        Assert.That(poll!.Code, Is.EqualTo("ActivityDoesNotExist"));
        var malformed = Assert.Throws<AwsServiceException>(() => sfn.Engine.DescribeActivity(sfn.Scope, new DescribeActivityInput { ActivityArn = "arn:aws:states:us-east-1:123456789012:stateMachine:m" }));
        Assert.That((malformed!.Code, malformed.Message), Is.EqualTo(("InvalidArn", "Invalid Arn: 'arn:aws:states:us-east-1:123456789012:stateMachine:m'")));
        var badName = Assert.Throws<AwsServiceException>(() => sfn.Engine.CreateActivity(sfn.Scope, new CreateActivityInput { Name = "a b" }));
        Assert.That((badName!.Code, badName.Message), Is.EqualTo(("InvalidName", "Invalid Name: 'a b'")));
    }

    [Test]
    public void Activity_Tags_AddListRemove()
    {
        var (sfn, activity) = WithActivity();
        sfn.Engine.TagResource(sfn.Scope, new TagResourceInput { ResourceArn = activity, Tags = [new Tag { Key = "team", Value = "ops" }, new Tag { Key = "x", Value = "1" }] });
        sfn.Engine.UntagResource(sfn.Scope, new UntagResourceInput { ResourceArn = activity, TagKeys = ["x"] });
        var tags = sfn.Engine.ListTagsForResource(sfn.Scope, new ListTagsForResourceInput { ResourceArn = activity }).Tags!;
        Assert.That(tags.Select(t => (t.Key, t.Value)), Is.EqualTo(new[] { ("team", "ops") }));
        var missing = Assert.Throws<AwsServiceException>(() =>
            sfn.Engine.ListTagsForResource(sfn.Scope, new ListTagsForResourceInput { ResourceArn = activity + "-gone" }));
        Assert.That(missing!.Code, Is.EqualTo("ResourceNotFound"));
    }

    [Test]
    public async Task MockedActivity_AnswersWithoutAWorker()
    {
        var (sfn, activity) = WithActivity();
        var machine = sfn.Create(Machine(activity));
        sfn.Engine.Mocks.For("machine").Returns("ActivityTask", System.Text.Json.Nodes.JsonNode.Parse("""{"ok":true}"""));
        var execution = sfn.Start(machine, "{}");
        await sfn.Clock.RunUntilIdleAsync();
        var described = sfn.Describe(execution);
        Assert.That(SfnHarness.Json(described.Output), Is.EqualTo("""{"ok":true}"""));
        Assert.That(described.Types, Does.Contain("ActivitySucceeded"));
    }
}
