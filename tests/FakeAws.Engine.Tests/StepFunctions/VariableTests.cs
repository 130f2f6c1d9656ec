namespace FakeAws.Engine.Tests.StepFunctions;

public class VariableTests
{
    [Test]
    public async Task Assign_InJsonPathStates_SetsVariablesReadableLater()
    {
        const string definition = """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Result": {"n": 41}, "Assign": {"n.$": "$.n", "lit": "$notAPath", "obj": {"k.$": "$.n"}}, "Next": "B"},
              "B": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($n, 1)", "lit.$": "$lit", "k.$": "$obj.k"}, "End": true}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition);
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"n":42,"lit":"$notAPath","k":41}"""));
        Assert.That(execution.Events[2].StateExitedEventDetails!.AssignedVariables!["obj"], Is.EqualTo("""{"k":41}"""));
    }

    [Test]
    public async Task Assign_EveryValueUsesTheVariablesFromBeforeTheState()
    {
        const string definition = """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Assign": {"x": 1}, "Next": "B"},
              "B": {"Type": "Pass", "Assign": {"x": 2, "old.$": "$x"}, "Next": "C"},
              "C": {"Type": "Pass", "Parameters": {"x.$": "$x", "old.$": "$old"}, "End": true}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition);
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"x":2,"old":1}"""));
    }

    [Test]
    public async Task Variable_NotAssigned_FailsWithStatesRuntime()
    {
        var execution = await new SfnHarness().RunAsync("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x.$": "$nope"}, "End": true}}}""");
        Assert.That(execution.Error, Is.EqualTo("States.Runtime"));
        Assert.That(execution.Cause, Does.Contain("The JSONPath '$nope' specified for the field 'x.$' could not be found"));
    }

    [Test]
    public async Task Assign_InsideMapIteration_DoesNotLeakOut()
    {
        const string definition = """
            {"StartAt": "M", "States": {
              "M": {"Type": "Map", "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "Assign": {"inner": 1}, "End": true}}}, "Next": "R"},
              "R": {"Type": "Pass", "Parameters": {"x.$": "$inner"}, "End": true}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition, "[1]");
        Assert.That(execution.Error, Is.EqualTo("States.Runtime"));
    }
}
