namespace FakeAws.Engine.Tests.StepFunctions;

public class RetryAndCatchTests
{
    private static string Machine(string retry, string @catch = "") =>
        """{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:fn", "Retry": """
        + retry + @catch + """, "End": true}""" + (@catch.Length == 0 ? "" : """, "Handled": {"Type": "Pass", "End": true}""") + "}}";

    private static List<TimeSpan> AttemptOffsets(Execution execution) =>
        execution.Events.Where(e => e.Type == "LambdaFunctionScheduled").Select(e => e.Timestamp!.Value - SfnHarness.StartTime).ToList();

    [Test]
    public async Task Retry_IntervalAndBackoff_WaitOnTheVirtualClock()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFailingFunction("fn", "Flaky", "try again", failures: 3);
        var execution = await sfn.RunAsync(Machine("""[{"ErrorEquals": ["Flaky"], "IntervalSeconds": 2, "BackoffRate": 3, "MaxAttempts": 3}]"""));
        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(AttemptOffsets(execution), Is.EqualTo(new[] { 0, 2, 8, 26 }.Select(s => TimeSpan.FromSeconds(s))));
    }

    [Test]
    public async Task Retry_MaxDelaySeconds_CapsTheInterval()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFailingFunction("fn", "Flaky", "again");
        var execution = await sfn.RunAsync(Machine("""[{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 3, "BackoffRate": 2, "MaxAttempts": 3, "MaxDelaySeconds": 5}]"""));
        Assert.That(execution.Status, Is.EqualTo("FAILED"));
        Assert.That(AttemptOffsets(execution), Is.EqualTo(new[] { 0, 3, 8, 13 }.Select(s => TimeSpan.FromSeconds(s))));
    }

    [Test]
    public async Task Retry_FullJitter_IsRandomButTheSameEveryRun()
    {
        async Task<List<TimeSpan>> Run()
        {
            var sfn = new SfnHarness();
            sfn.Services.AddFailingFunction("fn", "Flaky", "again");
            return AttemptOffsets(await sfn.RunAsync(Machine("""[{"ErrorEquals": ["Flaky"], "IntervalSeconds": 10, "MaxAttempts": 2, "JitterStrategy": "FULL"}]""")));
        }
        var first = await Run();
        Assert.That(await Run(), Is.EqualTo(first));
        Assert.That(first[1], Is.LessThanOrEqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(first[2] - first[1], Is.LessThanOrEqualTo(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public async Task Retry_ZeroMaxAttempts_DoesNotRetry()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFailingFunction("fn", "Flaky", "again");
        var execution = await sfn.RunAsync(Machine("""[{"ErrorEquals": ["Flaky"], "MaxAttempts": 0}, {"ErrorEquals": ["States.ALL"]}]"""));
        Assert.That(AttemptOffsets(execution), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Retry_RetryCount_IsInTheContextObject()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFailingFunction("fn", "Flaky", "again", failures: 2);
        var definition = """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:fn",
              "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1}], "ResultSelector": {"retries.$": "$$.State.RetryCount"}, "End": true}}}
            """;
        var execution = await sfn.RunAsync(definition);
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"retries":2}"""));
    }

    [TestCase("States.ALL", "SUCCEEDED")]
    [TestCase("States.TaskFailed", "SUCCEEDED")]
    [TestCase("Other", "FAILED")]
    public async Task Catch_ErrorEquals_MatchesLikeAws(string errorEquals, string status)
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFailingFunction("fn", "Exception", "boom");
        var execution = await sfn.RunAsync(Machine("[]", $$""", "Catch": [{"ErrorEquals": ["{{errorEquals}}"], "Next": "Handled", "ResultPath": "$.err"}]"""), """{"keep": true}""");
        Assert.That(execution.Status, Is.EqualTo(status));
        if (status == "SUCCEEDED")
        {
            Assert.That(execution.Output!["keep"]!.GetValue<bool>(), Is.True);
            Assert.That(execution.Output!["err"]!["Error"]!.GetValue<string>(), Is.EqualTo("Exception"));
            Assert.That(execution.Types, Is.EqualTo(new[]
            {
                "ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed",
                "TaskStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded",
            }));
        }
    }

    [Test]
    public async Task Catch_StatesAll_DoesNotCatchStatesRuntime()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFunction("fn", e => e);
        var definition = """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:fn",
              "Parameters": {"x.$": "$.missing"}, "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "H"}], "End": true},
              "H": {"Type": "Pass", "End": true}}}
            """;
        var execution = await sfn.RunAsync(definition);
        Assert.That(execution.Error, Is.EqualTo("States.Runtime"));
    }

    [Test]
    public async Task Catch_WithAssign_SetsVariablesFromTheErrorOutput()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFailingFunction("fn", "Exception", "boom");
        var definition = """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:fn",
              "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "H", "Assign": {"failedWith.$": "$.Error"}}], "End": true},
              "H": {"Type": "Pass", "Parameters": {"e.$": "$failedWith"}, "End": true}}}
            """;
        var execution = await sfn.RunAsync(definition);
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"e":"Exception"}"""));
    }
}
