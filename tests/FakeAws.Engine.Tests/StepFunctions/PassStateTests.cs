using System.Text.Json.Nodes;

namespace FakeAws.Engine.Tests.StepFunctions;

public class PassStateTests
{
    private static string Machine(string state) =>
        """{"StartAt": "P", "States": {"P": {""" + state + (state.Length == 0 ? "" : ", ") + """ "Type": "Pass", "End": true}}}""";

    [TestCase("", """{"a":1}""")]
    [TestCase("\"Result\": {\"r\": true}", """{"r":true}""")]
    [TestCase("\"Result\": {\"r\": true}, \"ResultPath\": \"$.out\"", """{"a":1,"out":{"r":true}}""")]
    [TestCase("\"Result\": 5, \"ResultPath\": \"$.x.y\"", """{"a":1,"x":{"y":5}}""")]
    [TestCase("\"Result\": 5, \"ResultPath\": null", """{"a":1}""")]
    [TestCase("\"InputPath\": \"$.a\"", "1")]
    [TestCase("\"InputPath\": null", "{}")]
    [TestCase("\"OutputPath\": null", "{}")]
    [TestCase("\"Parameters\": {\"k.$\": \"$.a\", \"c\": \"lit\", \"nested\": {\"n.$\": \"$$.State.Name\"}, \"list\": [{\"i.$\": \"$.a\"}]}",
        """{"k":1,"c":"lit","nested":{"n":"P"},"list":[{"i":1}]}""")]
    [TestCase("\"Parameters\": {\"s.$\": \"States.Format('v={}', $.a)\"}, \"ResultPath\": \"$.p\"", """{"a":1,"p":{"s":"v=1"}}""")]
    [TestCase("\"Result\": {\"TestResult.$\": \"not evaluated\"}", """{"TestResult.$":"not evaluated"}""")]
    public async Task Pass_InputAndOutputProcessing_ProducesAwsOutput(string fields, string expected)
    {
        var execution = await new SfnHarness().RunAsync(Machine(fields), """{"a": 1}""");
        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo(expected));
    }

    [Test]
    public async Task Pass_History_IsEnteredAndExitedWithIdsAndPreviousIds()
    {
        var execution = await new SfnHarness().RunAsync(Machine("\"Result\": {\"r\": 1}"));
        Assert.That(execution.Types, Is.EqualTo(new[] { "ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded" }));
        Assert.That(execution.Events.Select(e => (e.Id, e.PreviousEventId)), Is.EqualTo(new (long?, long?)[] { (1, 0), (2, 0), (3, 2), (4, 3) }));
        Assert.That(execution.Events[1].StateEnteredEventDetails!.Input, Is.EqualTo("{}"));
        Assert.That(execution.Events[2].StateExitedEventDetails!.Output, Is.EqualTo("""{"r":1}"""));
        Assert.That(execution.Events[3].ExecutionSucceededEventDetails!.Output, Is.EqualTo("""{"r":1}"""));
    }

    [Test]
    public async Task Pass_InputPathThatSelectsNothing_FailsWithStatesRuntime()
    {
        var execution = await new SfnHarness().RunAsync(Machine("\"InputPath\": \"$.missing\""), "{}");
        Assert.That(execution.Status, Is.EqualTo("FAILED"));
        Assert.That(execution.Error, Is.EqualTo("States.Runtime"));
        Assert.That(execution.Cause, Is.EqualTo(
            "An error occurred while executing the state 'P' (entered at the event id #2). Invalid path '$.missing' : No results for path: $['missing']"));
        Assert.That(execution.Types.Last(), Is.EqualTo("ExecutionFailed"));
    }

    [Test]
    public async Task Pass_ParameterPathThatSelectsNothing_NamesTheFieldAndTheInput()
    {
        var execution = await new SfnHarness().RunAsync(Machine("\"Parameters\": {\"x.$\": \"$.missing\"}"), """{"a":1}""");
        Assert.That(execution.Cause, Is.EqualTo(
            "An error occurred while executing the state 'P' (entered at the event id #2). The JSONPath '$.missing' specified for the field 'x.$' could not be found in the input '{\"a\":1}'"));
    }

    [Test]
    public async Task Pass_ResultPathIntoAString_FailsWithStatesRuntime()
    {
        var execution = await new SfnHarness().RunAsync(Machine("\"Result\": 1, \"ResultPath\": \"$.a.b\""), """{"a":"text"}""");
        Assert.That(execution.Error, Is.EqualTo("States.Runtime"));
        Assert.That(execution.Cause, Does.Contain("Unable to apply ResultPath '$.a.b'"));
    }

    [Test]
    public async Task Pass_OutputOver256KiB_FailsWithDataLimitExceeded()
    {
        var big = new string('x', 300 * 1024);
        var execution = await new SfnHarness().RunAsync(Machine($"\"Result\": \"{big}\""));
        Assert.That(execution.Error, Is.EqualTo("States.DataLimitExceeded"));
        Assert.That(execution.Cause, Is.EqualTo("The state/task 'P' returned a result with a size exceeding the maximum number of bytes service limit."));
    }

    [Test]
    public async Task Pass_OutputOverTheLimitOnlyInUtf8Bytes_FailsTheExecution()
    {
        // 132,000 two-byte characters: 264,000 bytes, over 256 KiB (262,144) though fewer characters.
        var big = new string('\u00e9', 132_000);
        var execution = await new SfnHarness().RunAsync(Machine($"\"Result\": \"{big}\""));
        Assert.That(execution.Error, Is.EqualTo("States.DataLimitExceeded"));
        Assert.That(execution.Types, Is.EqualTo(new[] { "ExecutionStarted", "PassStateEntered", "ExecutionFailed" }));
    }

    [Test]
    public async Task Pass_OutputUnderTheLimitInUtf8Bytes_Succeeds()
    {
        // 130,000 two-byte characters: 260,000 bytes of UTF-8, under 256 KiB; escaped as \u00e9 they would not be.
        var big = new string('\u00e9', 130_000);
        var execution = await new SfnHarness().RunAsync(Machine($"\"Result\": \"{big}\""));
        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"));
    }

    [Test]
    public async Task Pass_ContextObject_HasExecutionStateAndStateMachine()
    {
        var execution = await new SfnHarness().RunAsync(Machine("\"OutputPath\": \"$$\""), """{"in":1}""");
        var context = execution.Output!;
        Assert.That(context["Execution"]!["Name"]!.GetValue<string>(), Is.EqualTo(execution.Arn.Split(':')[^1]));
        Assert.That(context["Execution"]!["Id"]!.GetValue<string>(), Is.EqualTo(execution.Arn));
        Assert.That(context["Execution"]!["Input"]!.ToJsonString(), Is.EqualTo("""{"in":1}"""));
        Assert.That(context["Execution"]!["RoleArn"]!.GetValue<string>(), Is.EqualTo(SfnHarness.Role));
        Assert.That(context["Execution"]!["StartTime"]!.GetValue<string>(), Is.EqualTo("2024-01-01T00:00:00.000Z"));
        Assert.That(context["State"]!["Name"]!.GetValue<string>(), Is.EqualTo("P"));
        // A Pass state has no retries, so its State part has no RetryCount (recorded against AWS).
        Assert.That(((JsonObject)context["State"]!).Select(p => p.Key), Is.EquivalentTo(new[] { "Name", "EnteredTime" }));
        Assert.That(context["StateMachine"]!["Name"]!.GetValue<string>(), Is.EqualTo("machine"));
    }
}
