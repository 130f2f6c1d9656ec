using System.Text;

namespace FakeAws.Engine.Tests.StepFunctions;

public class ScaleTests
{
    [Test]
    public async Task PassChain_1000States_RunsToTheEnd()
    {
        var states = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            states.Append(i == 0 ? "" : ",").Append($$"""
                "S{{i}}": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.n, 1)"}, {{(i == 999 ? "\"End\": true" : $"\"Next\": \"S{i + 1}\"")}}}
                """);
        }
        var execution = await new SfnHarness().RunAsync("""{"StartAt": "S0", "States": {""" + states + "}}", """{"n": 0}""");
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"n":1000}"""));
        Assert.That(execution.Events, Has.Count.EqualTo(2002));
    }

    [Test]
    public async Task Map_5000Items_RunsEveryIteration()
    {
        // About 20,000 history events: the most an inline Map fits under AWS's limit of 25,000 (HistoryLimitTests).
        var items = "[" + string.Join(",", Enumerable.Range(0, 5_000)) + "]";
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemSelector": {"v.$": "$$.Map.Item.Value", "i.$": "$$.Map.Item.Index"},
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "OutputPath": "$.v", "End": true}}},
              "ResultSelector": {"count.$": "States.ArrayLength($)"}, "End": true}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition, items);
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"count":5000}"""));
    }
}
