using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Jsonata;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.Tests.StepFunctions;

public class JsonataTests
{
    private static readonly JsonNode States = JsonNode.Parse("""
        {"input": {"n": 3, "s": "ab", "items": [{"v": 1, "tags": ["x"]}, {"v": 2, "tags": ["y", "z"]}], "flag": true, "nothing": null}}
        """)!;

    private static object? Evaluate(string expression)
    {
        var functions = JsonataFunctions.Create(new Random(1), () => Guid.Empty, new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero));
        var scope = new JsonataScope(name => name == "states" ? States : functions.TryGetValue(name, out var f) ? f : Undefined.Value, Undefined.Value);
        return JsonataParser.Parse(expression).Evaluate(scope);
    }

    private static string Show(string expression) => Evaluate(expression) switch
    {
        Undefined => "undefined",
        JsonataFunction => "function",
        var value => JsonValues.Serialize(value as JsonNode),
    };

    [TestCase("$states.input.n", "3")]
    [TestCase("$states.input.n * 2 + 1", "7")]
    [TestCase("$states.input.n / 2", "1.5")]
    [TestCase("-$states.input.n % 2", "-1")]
    [TestCase("$states.input.s & '-' & $states.input.n", "\"ab-3\"")]
    [TestCase("$states.input.n >= 3 and $states.input.s = 'ab'", "true")]
    [TestCase("$states.input.n < 3 or $not($states.input.flag)", "false")]
    [TestCase("$states.input.n in [1, 2, 3]", "true")]
    [TestCase("$states.input.n > 2 ? 'big' : 'small'", "\"big\"")]
    [TestCase("$states.input.items.v", "[1,2]")]
    [TestCase("$states.input.items.tags", "[\"x\",\"y\",\"z\"]")]
    [TestCase("$states.input.items[1].v", "2")]
    [TestCase("$states.input.items[-1].v", "2")]
    [TestCase("$states.input.items[v > 1].tags", "[\"y\",\"z\"]")]
    [TestCase("$states.input.missing", "undefined")]
    [TestCase("$states.input.nothing", "null")]
    [TestCase("{'a': $states.input.n, 'b': $states.input.missing}", "{\"a\":3}")]
    [TestCase("[1, $states.input.missing, 'x']", "[1,\"x\"]")]
    [TestCase("($x := 2; $y := $x * 3; $y + 1)", "7")]
    [TestCase("$f := function($x){ $x * 10 }", "function")]
    [TestCase("($f := function($x){ $x * 10 }; $f(4))", "40")]
    [TestCase("$count($states.input.items)", "2")]
    [TestCase("$sum($states.input.items.v)", "3")]
    [TestCase("$string($states.input.items[0])", "\"{\\\"v\\\":1,\\\"tags\\\":[\\\"x\\\"]}\"")]
    [TestCase("$number('12.5')", "12.5")]
    [TestCase("$uppercase($states.input.s)", "\"AB\"")]
    [TestCase("$join(['a', 'b'], ',')", "\"a,b\"")]
    [TestCase("$split('a,b', ',')", "[\"a\",\"b\"]")]
    [TestCase("$exists($states.input.missing)", "false")]
    [TestCase("$map([1, 2], function($v){ $v * 2 })", "[2,4]")]
    [TestCase("$partition([1, 2, 3, 4, 5], 2)", "[[1,2],[3,4],[5]]")]
    [TestCase("$range(0, 10, 5)", "[0,5,10]")]
    [TestCase("$hash('input data', 'MD5')", "\"812f45842bc6d66ee14572ce20db8e86\"")]
    [TestCase("$parse('{\"a\": [1]}').a[0]", "1")]
    [TestCase("$uuid()", "\"00000000-0000-0000-0000-000000000000\"")]
    [TestCase("[1..3, 5]", "[1,2,3,5]")]
    [TestCase("[[1], 2]", "[[1],2]")]
    [TestCase("$states.input.items.tags[-1]", "[\"x\",\"z\"]")]
    [TestCase("$sort([3, 1, 2])", "[1,2,3]")]
    [TestCase("$sort($states.input.items, function($a, $b){ $a.v < $b.v }).v", "[2,1]")]
    [TestCase("$reduce([1, 2, 3], function($acc, $v){ $acc + $v }, 10)", "16")]
    [TestCase("$pad('ab', -5, '#')", "\"###ab\"")]
    [TestCase("$pad('ab', 5)", "\"ab   \"")]
    [TestCase("$replace('a-b-c', '-', '+', 1)", "\"a+b-c\"")]
    [TestCase("$zip([1, 2, 3], ['a', 'b'])", "[[1,\"a\"],[2,\"b\"]]")]
    [TestCase("$each({'a': 1, 'b': 2}, function($v, $k){ $k & $v })", "[\"a1\",\"b2\"]")]
    [TestCase("$sift({'a': 1, 'b': 0}, function($v){ $v })", "{\"a\":1}")]
    [TestCase("$single([1, 2, 3], function($v){ $v = 2 })", "2")]
    [TestCase("$spread({'a': 1, 'b': 2})", "[{\"a\":1},{\"b\":2}]")]
    [TestCase("$string([1e3, 1/3], true)", "\"[\\n  1000,\\n  0.333333333333333\\n]\"")]
    [TestCase("$round(1234.5, -2)", "1200")]
    [TestCase("$uppercase()", "undefined")]
    [TestCase("1 + $states.input.missing", "undefined")]
    [TestCase("$states.input.missing < 1", "undefined")]
    [TestCase("$states.input.s ~> $uppercase()", "\"AB\"")]
    [TestCase("'a,b' ~> $split(',') ~> $join('-')", "\"a-b\"")]
    [TestCase("($f := $uppercase ~> $trim; $f(' x '))", "\"X\"")]
    [TestCase("$contains('Hello', /l+o/)", "true")]
    [TestCase("$split('a1b22c', /[0-9]+/)", "[\"a\",\"b\",\"c\"]")]
    [TestCase("$replace('John Smith', /(\\w+)\\s(\\w+)/, '$2, $1')", "\"Smith, John\"")]
    [TestCase("$replace('abc', /b/i, function($m){ $uppercase($m.match) })", "\"aBc\"")]
    [TestCase("$match('ab12cd34', /[0-9]+/).match", "[\"12\",\"34\"]")]
    [TestCase("$match('key=val', /(\\w+)=(\\w+)/).groups", "[\"key\",\"val\"]")]
    [TestCase("6 / 2 / 3", "1")]
    [TestCase("$now()", "\"2024-01-02T03:04:05.678Z\"")]
    [TestCase("$millis()", "1704164645678")]
    public void Evaluate_Expression_GivesJsonataResult(string expression, string expected) =>
        Assert.That(Show(expression), Is.EqualTo(expected));

    [Test]
    public async Task Now_InAnExecution_IsTheCloudsVirtualTime()
    {
        var sfn = new SfnHarness();
        sfn.Clock.Advance(TimeSpan.FromDays(3));
        var run = await sfn.RunAsync("""
            {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": {"now": "{% $now() %}", "millis": "{% $millis() %}"}, "End": true}}}
            """);
        Assert.That(SfnHarness.Json(run.Output), Is.EqualTo("""{"now":"2024-01-04T00:00:00.000Z","millis":1704326400000}"""));
    }

    [TestCase("$states.input.s + 1", "T2001")]
    [TestCase("$states.input.n < 'a'", "T2009")]
    [TestCase("$states.input.n < [1]", "T2010")]
    [TestCase("$states.input.n()", "T1006")]
    [TestCase("'a' * $states.input.missing", "T2001")]
    [TestCase("[1.5..3]", "T2003")]
    [TestCase("$substring({}, 1)", "T0410")]
    [TestCase("$sum(['a'])", "T0412")]
    [TestCase("$sort([1, 'a'])", "D3070")]
    [TestCase("$single([1, 2], function($v){ $v > 5 })", "D3139")]
    [TestCase("$reduce([1], function($v){ $v })", "D3050")]
    [TestCase("$replace('abc', '', 'x')", "D3010")]
    [TestCase("$replace('abc', /x*/, 'y')", "D1004")]
    public void Evaluate_TypeError_ThrowsJsonataException(string expression, string code)
    {
        var e = Assert.Throws<JsonataException>(() => Evaluate(expression));
        Assert.That(e!.Message, Does.StartWith(code));
    }

    [TestCase("/unclosed", "S0302", "No terminating / in regular expression")]
    [TestCase("'unterminated", "S0101", "String literal must be terminated by a matching quote")]
    [TestCase("a.(b", "S0203", "Expected \")\" before end of expression")]
    [TestCase("1 ?: 2", "S0211", "The symbol \":\" cannot be used as a unary operator")]
    public void Parse_ASyntaxError_ThrowsJsonatasCodeAndMessage(string expression, string code, string message)
    {
        var e = Assert.Throws<JsonataSyntaxException>(() => JsonataParser.Parse(expression));
        Assert.That((e!.Code, e.Message), Is.EqualTo((code, message)));
    }

    [TestCase("$ ~> |a|{'b': 1}|", "transforms")]
    [TestCase("a#$i", "the index variable binding")]
    public void Parse_AConstructNotEvaluatedYet_IsRefusedNamingIt(string expression, string feature) =>
        Assert.That(Assert.Throws<FormatException>(() => JsonataParser.Parse(expression))!.Message, Does.Contain(feature));

    [Test]
    public async Task JsonataMachine_ArgumentsOutputAssignAndCatch_FollowAws()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFailingFunction("fn", "Boom", "bad", failures: 1, afterwards: e => new JsonObject { ["echo"] = e?.DeepClone() });
        const string definition = """
            {"QueryLanguage": "JSONata", "StartAt": "Call", "States": {
              "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Arguments": {"FunctionName": "fn", "Payload": {"n": "{% $states.input.n + 1 %}"}},
                "Catch": [{"ErrorEquals": ["Boom"], "Next": "Again", "Assign": {"error": "{% $states.errorOutput.Error %}"},
                           "Output": {"first": "{% $states.input.n %}"}}],
                "Output": "{% $states.result.Payload.echo %}", "Assign": {"called": true}, "End": true},
              "Again": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Arguments": {"FunctionName": "fn", "Payload": {"n": "{% $states.input.first * 10 %}"}},
                "Output": {"result": "{% $states.result.Payload.echo.n %}", "error": "{% $error %}"}, "End": true}}}
            """;
        var execution = await sfn.RunAsync(definition, """{"n": 4}""");
        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"), execution.Cause);
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"result":40,"error":"Boom"}"""));
        Assert.That(sfn.Services.Invocations[0].Payload, Is.EqualTo("""{"n":5}"""));
    }

    [Test]
    public async Task JsonataMachine_UndefinedOutput_FailsWithQueryEvaluationErrorAndEvaluationFailedEvent()
    {
        var execution = await new SfnHarness().RunAsync(
            """{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": {"r": "{% $nope %}"}, "End": true}}}""");
        Assert.That(execution.Error, Is.EqualTo("States.QueryEvaluationError"));
        Assert.That(execution.Cause, Is.EqualTo(
            "An error occurred while executing the state 'P' (entered at the event id #2). The JSONata expression '$nope' specified for the field 'Output/r' returned nothing (undefined)."));
        var failed = execution.Events.Single(e => e.Type == "EvaluationFailed").EvaluationFailedEventDetails!;
        Assert.That((failed.State, failed.Location, failed.Error), Is.EqualTo(("P", "Output/r", "States.QueryEvaluationError")));
    }

    [Test]
    public async Task JsonataChoice_ConditionAndWaitSeconds_UseTheInput()
    {
        const string definition = """
            {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.wait > 0 %}", "Next": "W", "Output": {"s": "{% $states.input.wait %}"}}], "Default": "Done"},
              "W": {"Type": "Wait", "Seconds": "{% $states.input.s %}", "Next": "Done"},
              "Done": {"Type": "Succeed"}}}
            """;
        var sfn = new SfnHarness();
        var arn = sfn.Start(sfn.Create(definition), """{"wait": 90}""");
        await sfn.Clock.RunUntilIdleAsync();
        Assert.That(sfn.Describe(arn).Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(sfn.Clock.GetUtcNow() - SfnHarness.StartTime, Is.EqualTo(TimeSpan.FromSeconds(90)));
    }

    [Test]
    public async Task JsonataMap_ItemsAndItemSelector_ReadTheContextObject()
    {
        const string definition = """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", "Items": "{% $states.input.list %}",
              "ItemSelector": {"value": "{% $states.context.Map.Item.Value %}", "index": "{% $states.context.Map.Item.Index %}"},
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition, """{"list": ["a", "b"]}""");
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""[{"value":"a","index":0},{"value":"b","index":1}]"""));
    }

    [Test]
    public async Task JsonataFail_ErrorAndCauseExpressions_FailTheExecution()
    {
        var execution = await new SfnHarness().RunAsync(
            """{"QueryLanguage": "JSONata", "StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "{% $states.input.e %}", "Cause": "{% 'because ' & $states.input.c %}"}}}""",
            """{"e": "E", "c": "reasons"}""");
        Assert.That((execution.Error, execution.Cause), Is.EqualTo(("E", "because reasons")));
    }
}
