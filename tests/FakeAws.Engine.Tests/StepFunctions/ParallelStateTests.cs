namespace FakeAws.Engine.Tests.StepFunctions;

public class ParallelStateTests
{
    [Test]
    public async Task Parallel_Branches_OutputTheirResultsInBranchOrder()
    {
        const string definition = """
            {"StartAt": "Par", "States": {"Par": {"Type": "Parallel", "ResultSelector": {"first.$": "$[0]", "second.$": "$[1].x"},
              "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": 5, "Next": "A2"}, "A2": {"Type": "Pass", "Result": "a", "End": true}}},
                {"StartAt": "B", "States": {"B": {"Type": "Pass", "Parameters": {"x.$": "$.in"}, "End": true}}}],
              "End": true}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition, """{"in": 1}""");
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"first":"a","second":1}"""));
        Assert.That(execution.Types.First(t => t.StartsWith("Parallel") && t != "ParallelStateEntered"), Is.EqualTo("ParallelStateStarted"));
        Assert.That(execution.Types.TakeLast(3), Is.EqualTo(new[] { "ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded" }));
    }

    [Test]
    public async Task Parallel_BranchFails_AbortsTheOthersAndFailsTheState()
    {
        const string definition = """
            {"StartAt": "Par", "States": {"Par": {"Type": "Parallel",
              "Branches": [
                {"StartAt": "Slow", "States": {"Slow": {"Type": "Wait", "Seconds": 100, "End": true}}},
                {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "E", "Cause": "C"}}}],
              "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handled"}], "End": true},
             "Handled": {"Type": "Pass", "End": true}}}
            """;
        var sfn = new SfnHarness();
        var arn = sfn.Start(sfn.Create(definition));
        await sfn.Clock.RunUntilIdleAsync();
        var execution = sfn.Describe(arn);
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"Error":"E","Cause":"C"}"""));
        Assert.That(execution.Types, Does.Contain("WaitStateAborted").And.Contain("ParallelStateFailed"));
        Assert.That(sfn.Clock.GetUtcNow(), Is.EqualTo(SfnHarness.StartTime), "the aborted wait does not hold the clock");
    }

    [Test]
    public async Task Parallel_BranchVariables_StayInTheBranch()
    {
        const string definition = """
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"outer": 1}, "Next": "Par"},
              "Par": {"Type": "Parallel", "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"inner": 2}, "Parameters": {"o.$": "$outer"}, "End": true}}}],
               "Next": "Read"},
              "Read": {"Type": "Pass", "Parameters": {"o.$": "$outer", "branch.$": "$"}, "End": true}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition);
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"o":1,"branch":[{"o":1}]}"""));
    }
}
