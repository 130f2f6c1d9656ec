namespace FakeAws.Engine.Tests.StepFunctions;

public class ChoiceStateTests
{
    private static string Machine(string rule, bool withDefault = true) =>
        """{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{""" + rule + """, "Next": "Yes"}]"""
        + (withDefault ? """, "Default": "No" """ : "")
        + """}, "Yes": {"Type": "Pass", "Result": "yes", "End": true}"""
        + (withDefault ? """, "No": {"Type": "Pass", "Result": "no", "End": true}""" : "") + "}}";

    private static async Task<string> Decide(string rule, string input)
    {
        var execution = await new SfnHarness().RunAsync(Machine(rule), input);
        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"), execution.Cause);
        return execution.Output!.GetValue<string>();
    }

    [TestCase("\"Variable\": \"$.v\", \"StringEquals\": \"a\"", """{"v":"a"}""", "yes")]
    [TestCase("\"Variable\": \"$.v\", \"StringEquals\": \"a\"", """{"v":1}""", "no")]
    [TestCase("\"Variable\": \"$.v\", \"StringLessThan\": \"b\"", """{"v":"a"}""", "yes")]
    [TestCase("\"Variable\": \"$.v\", \"StringGreaterThanEquals\": \"a\"", """{"v":"a"}""", "yes")]
    [TestCase("\"Variable\": \"$.v\", \"StringMatches\": \"log-*.txt\"", """{"v":"log-1.txt"}""", "yes")]
    [TestCase("\"Variable\": \"$.v\", \"StringMatches\": \"a\\\\*\"", """{"v":"a*"}""", "yes")]
    [TestCase("\"Variable\": \"$.v\", \"StringMatches\": \"a\\\\*\"", """{"v":"ab"}""", "no")]
    [TestCase("\"Variable\": \"$.v\", \"NumericEquals\": 1", """{"v":1.0}""", "yes")]
    [TestCase("\"Variable\": \"$.v\", \"NumericGreaterThan\": 1", """{"v":"2"}""", "no")]
    [TestCase("\"Variable\": \"$.v\", \"NumericLessThanEqualsPath\": \"$.w\"", """{"v":1,"w":1}""", "yes")]
    [TestCase("\"Variable\": \"$.v\", \"BooleanEquals\": true", """{"v":true}""", "yes")]
    [TestCase("\"Variable\": \"$.v\", \"BooleanEqualsPath\": \"$.w\"", """{"v":false,"w":true}""", "no")]
    [TestCase("\"Variable\": \"$.v\", \"TimestampLessThan\": \"2020-01-01T00:00:00Z\"", """{"v":"2019-12-31T23:59:59+00:00"}""", "yes")]
    [TestCase("\"Variable\": \"$.v\", \"TimestampEquals\": \"2020-01-01T00:00:00Z\"", """{"v":"2020-01-01 00:00:00"}""", "no")]
    [TestCase("\"Variable\": \"$.v\", \"IsNull\": true", """{"v":null}""", "yes")]
    [TestCase("\"Variable\": \"$.v\", \"IsPresent\": false", """{}""", "yes")]
    [TestCase("\"Variable\": \"$.v\", \"IsNumeric\": true", """{"v":"1"}""", "no")]
    [TestCase("\"Variable\": \"$.v\", \"IsString\": true", """{"v":"1"}""", "yes")]
    [TestCase("\"Variable\": \"$.v\", \"IsBoolean\": true", """{"v":false}""", "yes")]
    [TestCase("\"Variable\": \"$.v\", \"IsTimestamp\": true", """{"v":"2020-01-01T00:00:00.123Z"}""", "yes")]
    [TestCase("\"And\": [{\"Variable\": \"$.v\", \"NumericGreaterThan\": 1}, {\"Variable\": \"$.v\", \"NumericLessThan\": 3}]", """{"v":2}""", "yes")]
    [TestCase("\"Or\": [{\"Variable\": \"$.v\", \"IsNull\": true}, {\"Variable\": \"$.v\", \"NumericLessThan\": 3}]", """{"v":5}""", "no")]
    [TestCase("\"Not\": {\"Variable\": \"$.v\", \"StringEquals\": \"Private\"}", """{"v":"Public"}""", "yes")]
    [TestCase("\"Variable\": \"$$.Execution.Input.v\", \"NumericEquals\": 0", """{"v":0}""", "yes")]
    public async Task Choice_Rule_GoesWhereAwsGoes(string rule, string input, string expected) =>
        Assert.That(await Decide(rule, input), Is.EqualTo(expected));

    [Test]
    public async Task Choice_VariableThatSelectsNothing_FailsWithStatesRuntime()
    {
        var execution = await new SfnHarness().RunAsync(Machine("\"Variable\": \"$.missing\", \"StringEquals\": \"a\""), "{}");
        Assert.That(execution.Error, Is.EqualTo("States.Runtime"));
        Assert.That(execution.Cause, Is.EqualTo(
            "An error occurred while executing the state 'C' (entered at the event id #2). Invalid path '$.missing': The choice state's condition path references an invalid value."));
    }

    [Test]
    public async Task Choice_NoRuleMatchesAndNoDefault_FailsWithNoChoiceMatched()
    {
        var execution = await new SfnHarness().RunAsync(Machine("\"Variable\": \"$.v\", \"StringEquals\": \"a\"", withDefault: false), """{"v":"b"}""");
        Assert.That(execution.Error, Is.EqualTo("States.NoChoiceMatched"));
        Assert.That(execution.Types, Is.EqualTo(new[] { "ExecutionStarted", "ChoiceStateEntered", "ExecutionFailed" }));
    }

    [Test]
    public async Task Choice_RuleWithAssign_SetsVariablesAndRecordsThem()
    {
        const string definition = """
            {"StartAt": "C", "States": {
              "C": {"Type": "Choice", "Assign": {"status": "default"},
                    "Choices": [{"Variable": "$.v", "NumericEquals": 1, "Next": "Done", "Assign": {"status": "one", "seen.$": "$.v"}}],
                    "Default": "Done"},
              "Done": {"Type": "Pass", "Parameters": {"status.$": "$status", "seen.$": "$seen"}, "End": true}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition, """{"v":1}""");
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"status":"one","seen":1}"""));
        Assert.That(execution.Events[2].StateExitedEventDetails!.AssignedVariables, Is.EquivalentTo(new Dictionary<string, string> { ["status"] = "\"one\"", ["seen"] = "1" }));
    }
}
