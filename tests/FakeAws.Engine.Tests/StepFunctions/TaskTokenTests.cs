using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.Tests.StepFunctions;

public class TaskTokenTests
{
    private static string Machine(string extra = "") => """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters": {"FunctionName": "fn", "Payload": {"token.$": "$$.Task.Token"}}
        """ + extra + """, "End": true}}}""";

    /// <summary>Starts the machine and runs until the task waits for its token; returns the execution and the token.</summary>
    private static async Task<(SfnHarness Sfn, string Execution, string Token)> StartWaiting(string extra = "")
    {
        var sfn = new SfnHarness();
        string? token = null;
        sfn.Services.AddFunction("fn", e =>
        {
            token = e!["token"]!.GetValue<string>();
            return null;
        });
        var arn = sfn.Start(sfn.Create(Machine(extra)));
        await sfn.Clock.RunUntilIdleAsync(TimeSpan.Zero);
        return (sfn, arn, token!);
    }

    [Test]
    public async Task SendTaskSuccess_ResumesTheTaskWithTheOutput()
    {
        var (sfn, arn, token) = await StartWaiting();
        await sfn.Clock.RunUntilIdleAsync();
        Assert.That(sfn.Describe(arn).Status, Is.EqualTo("RUNNING"), "a task waiting for its token keeps the execution running, and the cloud idle");
        sfn.Engine.SendTaskSuccess(sfn.Scope, new SendTaskSuccessInput { TaskToken = token, Output = """{"done":true}""" });
        await sfn.Clock.RunUntilIdleAsync();
        var execution = sfn.Describe(arn);
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"done":true}"""));
        Assert.That(execution.Types, Is.EqualTo(new[]
        {
            "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded",
        }));
        Assert.That(execution.Events[2].TaskScheduledEventDetails!.Resource, Is.EqualTo("invoke.waitForTaskToken"));
    }

    [Test]
    public async Task SendTaskFailure_FailsTheTaskWithTheErrorAndCause()
    {
        var (sfn, arn, token) = await StartWaiting();
        sfn.Engine.SendTaskFailure(sfn.Scope, new SendTaskFailureInput { TaskToken = token, Error = "Rejected", Cause = "no" });
        await sfn.Clock.RunUntilIdleAsync();
        var execution = sfn.Describe(arn);
        Assert.That((execution.Error, execution.Cause), Is.EqualTo(("Rejected", "no")));
        Assert.That(execution.Types, Does.Contain("TaskFailed"));
    }

    [Test]
    public async Task HeartbeatSeconds_WithoutHeartbeats_TimesOutWithHeartbeatTimeout()
    {
        var (sfn, arn, _) = await StartWaiting(", \"HeartbeatSeconds\": 30");
        await sfn.Clock.RunUntilIdleAsync();
        var execution = sfn.Describe(arn);
        Assert.That(execution.Error, Is.EqualTo("States.HeartbeatTimeout"));
        Assert.That(sfn.Clock.GetUtcNow() - SfnHarness.StartTime, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(execution.Events.Single(e => e.Type == "TaskTimedOut").TaskTimedOutEventDetails!.Error, Is.EqualTo("States.HeartbeatTimeout"));
    }

    [Test]
    public async Task SendTaskHeartbeat_KeepsTheTaskAlive()
    {
        var (sfn, arn, token) = await StartWaiting(", \"HeartbeatSeconds\": 30, \"TimeoutSeconds\": 100");
        sfn.Clock.Advance(TimeSpan.FromSeconds(20));
        sfn.Engine.SendTaskHeartbeat(sfn.Scope, new SendTaskHeartbeatInput { TaskToken = token });
        sfn.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.That(sfn.Describe(arn).Status, Is.EqualTo("RUNNING"));
        await sfn.Clock.RunUntilIdleAsync();
        Assert.That(sfn.Describe(arn).Error, Is.EqualTo("States.HeartbeatTimeout"));
        Assert.That(sfn.Clock.GetUtcNow() - SfnHarness.StartTime, Is.EqualTo(TimeSpan.FromSeconds(50)));
    }

    [Test]
    public async Task TimeoutSeconds_WithoutAnAnswer_TimesOutWithStatesTimeout()
    {
        var (sfn, arn, token) = await StartWaiting(", \"TimeoutSeconds\": 300");
        await sfn.Clock.RunUntilIdleAsync();
        Assert.That(sfn.Describe(arn).Error, Is.EqualTo("States.Timeout"));
        var e = Assert.Throws<AwsServiceException>(() => sfn.Engine.SendTaskSuccess(sfn.Scope, new SendTaskSuccessInput { TaskToken = token, Output = "{}" }));
        Assert.That(e!.Code, Is.EqualTo("TaskTimedOut"));
    }

    [Test]
    public async Task SendTaskSuccess_UnknownToken_IsInvalidToken()
    {
        var (sfn, _, _) = await StartWaiting();
        var e = Assert.Throws<AwsServiceException>(() => sfn.Engine.SendTaskSuccess(sfn.Scope, new SendTaskSuccessInput { TaskToken = "nope", Output = "{}" }));
        Assert.That((e!.Code, e.Message), Is.EqualTo(("InvalidToken", "Invalid Token: 'nope'")));
    }

    [Test]
    public async Task SendTaskSuccess_OutputNotJson_IsInvalidOutput()
    {
        var (sfn, _, token) = await StartWaiting();
        var e = Assert.Throws<AwsServiceException>(() => sfn.Engine.SendTaskSuccess(sfn.Scope, new SendTaskSuccessInput { TaskToken = token, Output = "{" }));
        Assert.That(e!.Code, Is.EqualTo("InvalidOutput"));
    }

    [Test]
    public async Task SendTaskSuccess_Twice_IsTaskTimedOut()
    {
        var (sfn, _, token) = await StartWaiting();
        sfn.Engine.SendTaskSuccess(sfn.Scope, new SendTaskSuccessInput { TaskToken = token, Output = "{}" });
        await sfn.Clock.RunUntilIdleAsync();
        Assert.Throws<AwsServiceException>(() => sfn.Engine.SendTaskSuccess(sfn.Scope, new SendTaskSuccessInput { TaskToken = token, Output = "{}" }));
    }
}
