namespace FakeAws.Engine.Tests.StepFunctions;

public class FailAndSucceedStateTests
{
    [Test]
    public async Task Fail_ErrorAndCause_FailTheExecution()
    {
        var execution = await new SfnHarness().RunAsync("""{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "E", "Cause": "C"}}}""");
        Assert.That((execution.Status, execution.Error, execution.Cause), Is.EqualTo(("FAILED", "E", "C")));
        Assert.That(execution.Types, Is.EqualTo(new[] { "ExecutionStarted", "FailStateEntered", "ExecutionFailed" }));
        Assert.That(execution.Events[2].PreviousEventId, Is.EqualTo(2));
    }

    [Test]
    public async Task Fail_ErrorPathAndIntrinsicCausePath_AreEvaluated()
    {
        const string definition = """
            {"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "$.e",
              "CausePath": "States.Format('failed because {}', $.c)"}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition, """{"e": "Oops", "c": "reasons"}""");
        Assert.That((execution.Error, execution.Cause), Is.EqualTo(("Oops", "failed because reasons")));
    }

    [Test]
    public async Task Fail_WithoutErrorOrCause_RecordsNeither()
    {
        var execution = await new SfnHarness().RunAsync("""{"StartAt": "F", "States": {"F": {"Type": "Fail"}}}""");
        Assert.That(execution.Status, Is.EqualTo("FAILED"));
        Assert.That(execution.Events[^1].ExecutionFailedEventDetails!.Error, Is.Null);
        Assert.That(execution.Events[^1].ExecutionFailedEventDetails!.Cause, Is.Null);
    }

    [Test]
    public async Task Succeed_OutputPath_ShapesTheExecutionOutput()
    {
        var execution = await new SfnHarness().RunAsync(
            """{"StartAt": "S", "States": {"S": {"Type": "Succeed", "InputPath": "$.a", "OutputPath": "$.b"}}}""", """{"a": {"b": 2}}""");
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("2"));
        Assert.That(execution.Types, Is.EqualTo(new[] { "ExecutionStarted", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded" }));
    }
}
