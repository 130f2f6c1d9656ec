namespace FakeAws.Engine.Tests.StepFunctions;

/// <summary>
/// AWS's limit of 25,000 history events per execution. Found by the Step Functions fuzzing (issue #22):
/// a definition that loops without waiting ran forever at one instant, so the cloud never came idle
/// and the execution stayed RUNNING. AWS fails it with States.Runtime as its 25,000th event.
/// </summary>
public class HistoryLimitTests
{
    private const string Cause = "The execution reached the maximum number of history events (25000).";

    private static void AssertFailedAtTheLimit(Execution execution)
    {
        Assert.That(execution.Status, Is.EqualTo("FAILED"));
        Assert.That((execution.Error, execution.Cause), Is.EqualTo(("States.Runtime", Cause)));
        Assert.That(execution.Events, Has.Count.EqualTo(25_000));
        var last = execution.Events[^1];
        Assert.That((last.Type, last.Id, last.PreviousEventId), Is.EqualTo(("ExecutionFailed", 25_000L, 24_999L)));
        Assert.That(last.ExecutionFailedEventDetails!.Cause, Is.EqualTo(Cause));
        Assert.That(execution.Events.Select(e => e.Id), Is.EqualTo(Enumerable.Range(1, 25_000).Select(i => (long)i)), "no event is written after the failure");
    }

    [Test]
    public async Task AChoiceLoopingForever_FailsAtTheLimit()
    {
        var execution = await new SfnHarness().RunAsync("""
            {"StartAt": "Loop", "States": {"Loop": {"Type": "Choice", "Choices": [{"Variable": "$.spin", "BooleanEquals": true, "Next": "Loop"}], "Default": "Done"},
              "Done": {"Type": "Succeed"}}}
            """, """{"spin": true}""");

        AssertFailedAtTheLimit(execution);
        Assert.That(execution.Events[^2].Type, Is.EqualTo("ChoiceStateExited"));
    }

    [Test]
    public async Task ALoopInsideAParallelBranch_FailsTheExecutionAtTheLimit()
    {
        var execution = await new SfnHarness().RunAsync("""
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "C"},
                "C": {"Type": "Choice", "Choices": [{"Variable": "$.spin", "BooleanEquals": true, "Next": "A"}], "Default": "D"}, "D": {"Type": "Succeed"}}},
              {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "Next": "C2"},
                "C2": {"Type": "Choice", "Choices": [{"Variable": "$.spin", "BooleanEquals": true, "Next": "W"}], "Default": "D2"}, "D2": {"Type": "Succeed"}}}]}}}
            """, """{"spin": true}""");

        AssertFailedAtTheLimit(execution);
    }

    [Test]
    public async Task AnInlineMapWhoseIterationsPassTheLimit_Fails()
    {
        var items = "[" + string.Join(",", Enumerable.Range(0, 10_000)) + "]";
        var execution = await new SfnHarness().RunAsync("""
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}
            """, items);

        AssertFailedAtTheLimit(execution);
    }

    [Test]
    public async Task AnExecutionFailedAtTheLimit_CannotBeRedriven()
    {
        var harness = new SfnHarness();
        var arn = harness.Start(harness.Create("""
            {"StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": [{"Variable": "$.spin", "BooleanEquals": true, "Next": "A"}], "Default": "D"},
              "D": {"Type": "Succeed"}}}
            """), """{"spin": true}""");
        await harness.Clock.RunUntilIdleAsync();

        var error = Assert.Throws<FakeAws.Engine.Core.AwsServiceException>(() =>
            harness.Engine.RedriveExecution(harness.Scope, new FakeAws.Engine.StepFunctions.Model.RedriveExecutionInput { ExecutionArn = arn }));
        Assert.That(error!.Message, Does.Contain("Execution history event limit exceeded"));
    }
}
