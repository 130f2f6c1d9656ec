using System.Text.Json.Nodes;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.Tests.StepFunctions;

public class RedriveTests
{
    // A Pass that assigns a variable, then a Lambda task that fails once and succeeds on the redrive.
    private const string Definition = """
        {"StartAt": "Prepare", "States": {
          "Prepare": {"Type": "Pass", "Result": {"n": 1}, "ResultPath": "$.prepared", "Assign": {"seen": "yes"}, "Next": "Work"},
          "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:fn", "Parameters": {"in.$": "$", "seen.$": "$seen"}, "End": true}}}
        """;

    private static (SfnHarness Sfn, string Arn) Failed()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFailingFunction("fn", "Boom", "first attempt fails", failures: 1);
        var arn = sfn.Start(sfn.Create(Definition), """{"a":1}""");
        return (sfn, arn);
    }

    private static RedriveExecutionOutput Redrive(SfnHarness sfn, string arn) =>
        sfn.Engine.RedriveExecution(sfn.Scope, new RedriveExecutionInput { ExecutionArn = arn });

    [Test]
    public async Task Redrive_ResumesFromTheFailedStateWithItsInputAndVariables()
    {
        var (sfn, arn) = Failed();
        await sfn.Clock.RunUntilIdleAsync();
        Assert.That(sfn.Describe(arn).Status, Is.EqualTo("FAILED"));
        var failedEvents = sfn.History(arn).Count;

        var redriven = Redrive(sfn, arn);
        Assert.That(redriven.RedriveDate, Is.EqualTo(sfn.Cloud.Now));
        Assert.That(sfn.Describe(arn).Status, Is.EqualTo("RUNNING"));
        await sfn.Clock.RunUntilIdleAsync();

        var execution = sfn.Describe(arn);
        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"in":{"a":1,"prepared":{"n":1}},"seen":"yes"}"""));
        // Prepare is not run again: the second attempt starts at Work.
        Assert.That(sfn.Services.Invocations, Has.Count.EqualTo(2));
        var events = execution.Events;
        var redrivenEvent = events[failedEvents];
        Assert.That((redrivenEvent.Type, redrivenEvent.PreviousEventId, redrivenEvent.ExecutionRedrivenEventDetails!.RedriveCount),
            Is.EqualTo(("ExecutionRedriven", (long?)failedEvents, (int?)1)));
        Assert.That(events[failedEvents + 1].Type, Is.EqualTo("TaskStateEntered"));
        Assert.That(events[failedEvents + 1].PreviousEventId, Is.EqualTo(redrivenEvent.Id));
        Assert.That(events[failedEvents + 1].StateEnteredEventDetails!.Name, Is.EqualTo("Work"));
        Assert.That(events.Count(e => e.Type == "ExecutionStarted"), Is.EqualTo(1));
        Assert.That(events.Select(e => e.Id), Is.EqualTo(Enumerable.Range(1, events.Count).Select(i => (long?)i)));
    }

    [Test]
    public async Task Describe_ShowsTheRedriveCountDateAndStatus()
    {
        var (sfn, arn) = Failed();
        await sfn.Clock.RunUntilIdleAsync();
        var failed = sfn.Engine.DescribeExecution(sfn.Scope, new DescribeExecutionInput { ExecutionArn = arn });
        Assert.That((failed.RedriveCount, failed.RedriveStatus, failed.RedriveStatusReason, failed.RedriveDate),
            Is.EqualTo(((int?)0, "REDRIVABLE", (string?)null, (DateTimeOffset?)null)));

        sfn.Clock.Advance(TimeSpan.FromMinutes(5));
        var date = Redrive(sfn, arn).RedriveDate;
        var running = sfn.Engine.DescribeExecution(sfn.Scope, new DescribeExecutionInput { ExecutionArn = arn });
        Assert.That((running.RedriveCount, running.RedriveStatus, running.RedriveStatusReason, running.RedriveDate),
            Is.EqualTo(((int?)1, "NOT_REDRIVABLE", "Execution is RUNNING and cannot be redriven", date)));
        await sfn.Clock.RunUntilIdleAsync();
        var succeeded = sfn.Engine.DescribeExecution(sfn.Scope, new DescribeExecutionInput { ExecutionArn = arn });
        Assert.That((succeeded.Status, succeeded.RedriveStatusReason), Is.EqualTo(("SUCCEEDED", "Execution is SUCCEEDED and cannot be redriven")));
        Assert.That(succeeded.StartDate, Is.EqualTo(SfnHarness.StartTime));
    }

    [Test]
    public async Task Redrive_OfARunningOrSucceededExecution_IsNotRedrivable()
    {
        var (sfn, arn) = Failed();
        var running = Assert.Throws<AwsServiceException>(() => Redrive(sfn, arn))!;
        Assert.That((running.Code, running.Message), Is.EqualTo(("ExecutionNotRedrivable", "Execution is RUNNING and cannot be redriven")));
        await sfn.Clock.RunUntilIdleAsync();
        Redrive(sfn, arn);
        await sfn.Clock.RunUntilIdleAsync();
        var succeeded = Assert.Throws<AwsServiceException>(() => Redrive(sfn, arn))!;
        Assert.That(succeeded.Message, Is.EqualTo("Execution is SUCCEEDED and cannot be redriven"));
    }

    [Test]
    public async Task Redrive_After14Days_IsNotRedrivable()
    {
        var (sfn, arn) = Failed();
        await sfn.Clock.RunUntilIdleAsync();
        sfn.Clock.Advance(TimeSpan.FromDays(14));
        Assert.That(sfn.Engine.DescribeExecution(sfn.Scope, new DescribeExecutionInput { ExecutionArn = arn }).RedriveStatus, Is.EqualTo("REDRIVABLE"));
        sfn.Clock.Advance(TimeSpan.FromSeconds(1));
        var e = Assert.Throws<AwsServiceException>(() => Redrive(sfn, arn))!;
        Assert.That((e.Code, e.Message), Is.EqualTo(("ExecutionNotRedrivable", "Execution redrivable period exceeded")));
    }

    [Test]
    public async Task Redrive_OfAnAbortedExecution_ResumesTheStateItWasStoppedIn()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddSlowFunction("fn", TimeSpan.FromMinutes(1), e => new JsonObject { ["done"] = true });
        var arn = sfn.Start(sfn.Create(Definition), "{}");
        sfn.Clock.Advance(TimeSpan.FromSeconds(10));
        sfn.Engine.StopExecution(sfn.Scope, new StopExecutionInput { ExecutionArn = arn, Error = "Stopped" });
        Redrive(sfn, arn);
        await sfn.Clock.RunUntilIdleAsync();
        var execution = sfn.Describe(arn);
        Assert.That((execution.Status, SfnHarness.Json(execution.Output)), Is.EqualTo(("SUCCEEDED", """{"done":true}""")));
        Assert.That(execution.Types, Does.Contain("ExecutionAborted").And.Contain("ExecutionRedriven"));
        Assert.That(execution.Events.Count(e => e.Type == "PassStateEntered"), Is.EqualTo(1));
    }

    [Test]
    public async Task ListExecutions_RedriveFilter_SeparatesRedrivenExecutions()
    {
        var (sfn, arn) = Failed();
        var machine = sfn.Engine.DescribeExecution(sfn.Scope, new DescribeExecutionInput { ExecutionArn = arn }).StateMachineArn!;
        var other = sfn.Start(machine, "{}", name: "other");
        await sfn.Clock.RunUntilIdleAsync();
        Redrive(sfn, arn);
        await sfn.Clock.RunUntilIdleAsync();
        List<string?> Names(string? filter) => sfn.Engine.ListExecutions(sfn.Scope, new ListExecutionsInput { StateMachineArn = machine, RedriveFilter = filter })
            .Executions!.Select(e => e.ExecutionArn).ToList();
        Assert.That(Names("REDRIVEN"), Is.EqualTo(new[] { arn }));
        Assert.That(Names("NOT_REDRIVEN"), Is.EqualTo(new[] { other }));
        var item = sfn.Engine.ListExecutions(sfn.Scope, new ListExecutionsInput { StateMachineArn = machine, RedriveFilter = "REDRIVEN" }).Executions![0];
        Assert.That((item.RedriveCount, item.RedriveDate), Is.EqualTo(((int?)1, (DateTimeOffset?)sfn.Cloud.Now)));
    }
}
