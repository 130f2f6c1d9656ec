using System.Text;
using System.Text.Json.Nodes;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Tests.StepFunctions;

/// <summary>
/// Deeply nested expressions and data: each would overflow the stack (ending the test host) or
/// leave an execution RUNNING without the depth bounds; with them they get AWS's answers.
/// </summary>
public class NestingTests
{
    private static string Repeat(string text, int times) => new StringBuilder().Insert(0, text, times).ToString();

    private static string PassWith(string parameter) =>
        """{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x.$": """ + JsonValue.Create(parameter).ToJsonString() + """}, "End": true}}}""";

    private static string JsonataPass(string expression) =>
        """{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": {"r": """ + JsonValue.Create("{% " + expression + " %}").ToJsonString() + """}, "End": true}}}""";

    /// <summary>States.Format(States.Format(... 'x' ...)) with <paramref name="depth"/> calls.</summary>
    private static string NestedFormat(int depth) => Repeat("States.Format('{}', ", depth - 1) + "States.Format('x')" + Repeat(")", depth - 1);

    [Test]
    public void CreateStateMachine_IntrinsicsNested14000Deep_IsInvalidDefinition()
    {
        var e = Assert.Throws<AwsServiceException>(() => new SfnHarness().Create(PassWith(NestedFormat(14_000))));
        Assert.That(e!.Code, Is.EqualTo("InvalidDefinition"));
        Assert.That(e.Message, Does.Contain(
            "SCHEMA_VALIDATION_FAILED: The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call (intrinsic functions nest at most 10 deep) at /States/A/Parameters"));
    }

    [Test]
    public async Task Intrinsics_NestedTenDeep_RunAndElevenAreRefused()
    {
        var sfn = new SfnHarness();
        var run = await sfn.RunAsync(PassWith(NestedFormat(10)));
        Assert.That(run.Output!["x"]!.GetValue<string>(), Is.EqualTo("x"));
        Assert.That(Assert.Throws<AwsServiceException>(() => sfn.Create(PassWith(NestedFormat(11)), "eleven"))!.Code, Is.EqualTo("InvalidDefinition"));
    }

    [Test]
    public void CreateStateMachine_JsonataNested20000Deep_IsInvalidDefinition()
    {
        var e = Assert.Throws<AwsServiceException>(() => new SfnHarness().Create(JsonataPass(Repeat("(", 20_000) + "1" + Repeat(")", 20_000))));
        Assert.That(e!.Code, Is.EqualTo("InvalidDefinition"));
        Assert.That(e.Message, Does.Contain(
            "SCHEMA_VALIDATION_FAILED: The JSONata expression specified for the field 'Output/r' nests more than 200 levels deep at /States/A"));
    }

    [TestCase("[", "]")]
    [TestCase("$string(", ")")]
    [TestCase("{'a': ", "}")]
    public void CreateStateMachine_JsonataNested50000DeepInArraysCallsOrObjects_IsInvalidDefinition(string open, string close) =>
        Assert.That(
            Assert.Throws<AwsServiceException>(() => new SfnHarness().Create(JsonataPass(Repeat(open, 50_000) + "1" + Repeat(close, 50_000))))!.Code,
            Is.EqualTo("InvalidDefinition"));

    [TestCase("1" + "+1")]
    [TestCase("1" + "+1" + "+1")]
    [TestCase("(")]
    [TestCase("-")]
    public async Task Jsonata_EvaluationDeeperThanAwsAllows_FailsWithJsonataStackOverflowText(string expression)
    {
        // 200 terms of 1+1 (measured on AWS), 999 of them (the parser's tree bound is 1,000 levels), 150
        // parentheses, 50,000 minus signs before a block (before a number they fold into it, as in jsonata).
        expression = expression switch
        {
            "1+1" => "1" + Repeat("+1", 199),
            "1+1+1" => "1" + Repeat("+1", 998),
            "(" => Repeat("(", 150) + "1" + Repeat(")", 150),
            "-" => Repeat("-", 50_000) + "(1)",
            _ => expression,
        };
        var run = await new SfnHarness().RunAsync(JsonataPass(expression));
        Assert.That(run.Status, Is.EqualTo("FAILED"));
        Assert.That(run.Error, Is.EqualTo("States.QueryEvaluationError"));
        Assert.That(run.Cause, Does.EndWith(
            "specified for the field 'Output/r' threw an error during evaluation: Stack overflow error: Check for non-terminating recursive function. Consider rewriting as tail-recursive."));
    }

    [Test]
    public async Task Jsonata_MinusSignsBeforeANumber_FoldIntoIt()
    {
        var run = await new SfnHarness().RunAsync(JsonataPass(Repeat("-", 50_001) + "2"));
        Assert.That((run.Status, run.OutputText), Is.EqualTo(("SUCCEEDED", """{"r":-2}""")));
    }

    [Test]
    public async Task Jsonata_RecursionFromInput_FailsTheStateAndCatchTakesIt()
    {
        const string Definition = """
            {"QueryLanguage": "JSONata", "StartAt": "A", "States": {
              "A": {"Type": "Pass", "Output": {"r": "{% ($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f($states.input.n)) %}"}, "End": true}}}
            """;
        var sfn = new SfnHarness();
        var machine = sfn.Create(Definition);
        var shallow = sfn.Start(machine, """{"n": 5}""");
        var deep = sfn.Start(machine, """{"n": 100000}""");
        await sfn.Clock.RunUntilIdleAsync();
        Assert.That(sfn.Describe(shallow).Output!["r"]!.GetValue<int>(), Is.EqualTo(5));
        Assert.That(sfn.Describe(deep).Cause, Does.Contain("Stack overflow error"));
    }

    [Test]
    public void CreateStateMachine_JsonPathFilterNested100000Deep_IsInvalidDefinition()
    {
        var path = "$" + Repeat("[?(@", 50_000) + Repeat(")]", 50_000);
        var e = Assert.Throws<AwsServiceException>(() => new SfnHarness().Create(
            """{"StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": """ + JsonValue.Create(path).ToJsonString() + """, "End": true}}}"""));
        Assert.That(e!.Message, Does.Contain("SCHEMA_VALIDATION_FAILED: The value for the field 'InputPath' must be a valid JSONPath at /States/A"));
    }

    [Test]
    public async Task JsonPath_LongChainsOfOperatorsInAFilter_RunWithoutRecursingPerTerm()
    {
        var or = string.Join(" || ", Enumerable.Repeat("@.v == 2", 20_000));
        var not = Repeat("!", 20_001) + "@.v";
        var definition = """{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"or.$": """ + JsonValue.Create($"$.items[?({or})].v").ToJsonString()
            + """, "not.$": """ + JsonValue.Create($"$.items[?({not})].v").ToJsonString() + """}, "End": true}}}""";
        var run = await new SfnHarness().RunAsync(definition, """{"items": [{"v": 1}, {"v": 2}, {"w": 3}]}""");
        Assert.That(SfnHarness.Json(run.Output), Is.EqualTo("""{"or":[2],"not":[]}"""));
    }

    /// <summary>A document of <paramref name="depth"/> levels: {"a": {"a": ... 1 ...}}.</summary>
    private static string Deep(int depth) => Repeat("{\"a\": ", depth) + "1" + Repeat("}", depth);

    [TestCase(65)]
    [TestCase(1000)]
    public async Task StartExecution_InputNestedDeeperThanSystemTextJsonsDefault_Succeeds(int depth)
    {
        var run = await new SfnHarness().RunAsync("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}""", Deep(depth));
        Assert.That(run.Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(run.OutputText, Is.EqualTo(Deep(depth).Replace(" ", "")));
    }

    [Test]
    public void StartExecution_InputNestedDeeperThanTheBound_IsInvalidExecutionInput()
    {
        var sfn = new SfnHarness();
        var machine = sfn.Create("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}""");
        var e = Assert.Throws<AwsServiceException>(() => sfn.Start(machine, Deep(1001)));
        Assert.That(e!.Code, Is.EqualTo("InvalidExecutionInput"));
    }

    [TestCase("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"wrapped.$": "$"}, "End": true}}}""", "A")]
    [TestCase("""{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"wrapped.$": "$"}, "End": true}}}]}}}""", "A")]
    [TestCase("""{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "End": true, "ItemProcessor": {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"a": {"b": {"c.$": "$"}}}, "End": true}}}}}}""", "A")]
    public async Task Execution_StateOutputTooDeepToWrite_FailsWithStatesRuntimeInsteadOfStayingRunning(string definition, string state)
    {
        var input = definition.Contains("\"Map\"", StringComparison.Ordinal) ? "{\"items\": [" + Deep(998) + "]}" : Deep(1000);
        var run = await new SfnHarness().RunAsync(definition, input);
        Assert.That(run.Status, Is.EqualTo("FAILED"));
        Assert.That(run.Error, Is.EqualTo("States.Runtime"));
        Assert.That(run.Cause, Does.StartWith($"An error occurred while executing the state '{state}'"));
        Assert.That(run.Types.Last(), Is.EqualTo("ExecutionFailed"));
    }
}
