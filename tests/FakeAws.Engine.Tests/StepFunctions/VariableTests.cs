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
    public async Task Assign_OutputPathOfTheSameState_SeesTheValueFromBeforeTheState()
    {
        const string definition = """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Result": {"q": "why"}, "Assign": {"answer": 42}, "Next": "B"},
              "B": {"Type": "Pass", "InputPath": "$answer", "ResultPath": "$.theAnswer", "OutputPath": "$answer", "Assign": {"answer": "<omitted>"}, "Next": "C"},
              "C": {"Type": "Pass", "Parameters": {"before.$": "$", "after.$": "$answer"}, "End": true}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition);
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"before":42,"after":"<omitted>"}"""));
        Assert.That(execution.Events[4].StateExitedEventDetails!.AssignedVariables!["answer"], Is.EqualTo("\"<omitted>\""));
    }

    [Test]
    public async Task JsonataAssign_OutputOfTheSameState_SeesTheValueFromBeforeTheState()
    {
        const string definition = """
            {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
              "A": {"Type": "Pass", "Assign": {"x": 1}, "Next": "B"},
              "B": {"Type": "Pass", "Assign": {"x": "{% $x + 1 %}"}, "Output": {"seen": "{% $x %}"}, "Next": "C"},
              "C": {"Type": "Pass", "Output": {"seen": "{% $states.input.seen %}", "now": "{% $x %}"}, "End": true}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition);
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"seen":1,"now":2}"""));
    }

    [Test]
    public async Task Assign_InParallelBranches_ReadsOuterVariablesAndKeepsItsOwn()
    {
        const string definition = """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Assign": {"x": 42}, "Next": "P"},
              "P": {"Type": "Parallel", "Next": "C", "Branches": [
                {"StartAt": "B1", "States": {"B1": {"Type": "Pass", "Assign": {"inner.$": "$x"}, "Next": "B2"},
                                              "B2": {"Type": "Pass", "Parameters": {"inner.$": "$inner"}, "End": true}}},
                {"StartAt": "B3", "States": {"B3": {"Type": "Pass", "Parameters": {"x.$": "$x"}, "End": true}}}]},
              "C": {"Type": "Pass", "Parameters": {"x.$": "$x", "branches.$": "$"}, "End": true}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition);
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"x":42,"branches":[{"inner":42},{"x":42}]}"""));
    }

    [Test]
    public async Task Variables_InWaitPaths_AreRead()
    {
        const string definition = """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Assign": {"seconds": 30, "until": "2024-01-01T00:01:00Z"}, "Next": "W1"},
              "W1": {"Type": "Wait", "SecondsPath": "$seconds", "Next": "W2"},
              "W2": {"Type": "Wait", "TimestampPath": "$until", "End": true}}}
            """;
        var sfn = new SfnHarness();
        var arn = sfn.Start(sfn.Create(definition));
        await sfn.Clock.RunUntilIdleAsync();
        Assert.That(sfn.Describe(arn).Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(sfn.Clock.GetUtcNow(), Is.EqualTo(SfnHarness.StartTime.AddMinutes(1)));
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
