using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.Tests.StepFunctions;

/// <summary>
/// State names are unique across the whole state machine (the States Language: "state names MUST be unique
/// within the scope of the whole state machine"): a name given twice in one States object, or again in a
/// Parallel branch or a Map's ItemProcessor or Iterator, is AWS's DUPLICATE_STATE_NAME at the repeat
/// (issue #22). They were accepted before: a repeat in one States object kept its last state.
/// </summary>
public class DuplicateStateNameTests
{
    private const string Branch = """{"StartAt": "X", "States": {"X": {"Type": "Pass", "End": true}}}""";

    private static string Parallel(string first, string second) =>
        """{"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [""" + first + ", " + second + """], "End": true}}}""";

    private static ValidateStateMachineDefinitionOutput Validate(string definition) =>
        new SfnHarness().Engine.ValidateStateMachineDefinition(new RequestScope("123456789012", "us-east-1"),
            new ValidateStateMachineDefinitionInput { Definition = definition });

    private static IEnumerable<string> Problems(string definition) =>
        Validate(definition).Diagnostics!.Select(d => $"{d.Code}: {d.Message} at {d.Location}");

    [Test]
    public void ANameTwiceInOneStatesObject_IsADuplicate()
    {
        const string definition = """{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}, "A": {"Type": "Pass", "Next": "B"}}}""";

        Assert.That(Problems(definition), Is.EqualTo(new[] { "DUPLICATE_STATE_NAME: Duplicate State name: A at /States/A" }));
        var e = Assert.Throws<AwsServiceException>(() => new SfnHarness().Create(definition));
        Assert.That((e!.Code, e.Message), Is.EqualTo(("InvalidDefinition",
            "Invalid State Machine Definition: 'DUPLICATE_STATE_NAME: Duplicate State name: A at /States/A'")));
    }

    [Test]
    public void TheSameNameInTwoParallelBranches_IsADuplicateAtTheSecond()
    {
        var definition = Parallel(Branch, Branch);

        Assert.That(Validate(definition).Result, Is.EqualTo("FAIL"));
        Assert.That(Problems(definition), Is.EqualTo(new[] { "DUPLICATE_STATE_NAME: Duplicate State name: X at /States/P/Branches[1]/States/X" }));
    }

    [Test]
    public void ABranchStateNamedLikeATopLevelState_IsADuplicate()
    {
        var definition = Parallel(Branch, """{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""");

        Assert.That(Problems(definition), Is.EqualTo(new[] { "DUPLICATE_STATE_NAME: Duplicate State name: P at /States/P/Branches[1]/States/P" }));
    }

    [TestCase("ItemProcessor")]
    [TestCase("Iterator")]
    public void AMapProcessorStateNamedLikeAnotherState_IsADuplicate(string field)
    {
        var definition = """{"StartAt": "X", "States": {"X": {"Type": "Pass", "Next": "M"}, "M": {"Type": "Map", """ +
            $"\"{field}\": {Branch}" + """, "End": true}}}""";

        Assert.That(Problems(definition), Is.EqualTo(new[] { $"DUPLICATE_STATE_NAME: Duplicate State name: X at /States/M/{field}/States/X" }));
        Assert.Throws<AwsServiceException>(() => new SfnHarness().Create(definition));
    }

    [Test]
    public void ANameRepeatedDeeper_InAMapInsideABranch_IsFound()
    {
        var map = """{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"StartAt": "Y", "States": {"Y": {"Type": "Pass", "End": true}}}, "End": true}}}""";
        var definition = Parallel("""{"StartAt": "Y", "States": {"Y": {"Type": "Pass", "End": true}}}""", map);

        Assert.That(Problems(definition), Is.EqualTo(new[] { "DUPLICATE_STATE_NAME: Duplicate State name: Y at /States/P/Branches[1]/States/M/ItemProcessor/States/Y" }));
    }

    [Test]
    public async Task UniqueNamesAcrossBranches_AreValid_AndRun()
    {
        var definition = Parallel(Branch, """{"StartAt": "Z", "States": {"Z": {"Type": "Pass", "End": true}}}""");

        Assert.That(Validate(definition).Result, Is.EqualTo("OK"));
        Assert.That((await new SfnHarness().RunAsync(definition)).Status, Is.EqualTo("SUCCEEDED"));
    }
}
