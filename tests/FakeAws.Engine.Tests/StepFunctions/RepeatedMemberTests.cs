namespace FakeAws.Engine.Tests.StepFunctions;

/// <summary>
/// JSON that names a member twice. Found by the Step Functions fuzzing (issue #22): a definition with
/// a state's "Type" twice threw ArgumentException out of ValidateStateMachineDefinition and
/// CreateStateMachine (a 500 on the server), because the parsed object was built lazily and failed
/// when first read. Such JSON is now read as Jackson reads it: the last value, in the first one's place.
/// </summary>
public class RepeatedMemberTests
{
    [Test]
    public async Task ADefinitionNamingAMemberTwice_TakesTheLastValue()
    {
        var harness = new SfnHarness();
        const string definition = """{"StartAt": "A", "States": {"A": {"Type": "Succeed", "Type": "Pass", "Result": 1, "Result": {"r": 2}, "End": true}}}""";

        Assert.That(harness.Engine.ValidateStateMachineDefinition(harness.Scope,
            new FakeAws.Engine.StepFunctions.Model.ValidateStateMachineDefinitionInput { Definition = definition }).Result, Is.EqualTo("OK"));
        var execution = await harness.RunAsync(definition);

        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(execution.OutputText, Is.EqualTo("""{"r":2}"""));
    }

    [Test]
    public async Task AnInputNamingAMemberTwice_TakesTheLastValue_InTheFirstPlace()
    {
        var execution = await new SfnHarness().RunAsync(
            """{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}""", """{"a": 1, "b": {"c": 1, "c": [2]}, "a": 3}""");

        Assert.That(execution.OutputText, Is.EqualTo("""{"a":3,"b":{"c":[2]}}"""));
    }
}
