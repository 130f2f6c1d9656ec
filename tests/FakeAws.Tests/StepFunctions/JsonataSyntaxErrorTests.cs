using System.Text.Json.Nodes;

namespace FakeAws.Tests.StepFunctions;

/// <summary>
/// A JSONata expression jsonata does not parse is refused when the definition is validated,
/// created, updated or tested, as AWS refuses it: INVALID_JSONATA_EXPRESSION with jsonata's
/// message (its S0xxx code left out) at the field that holds it. The expressions and texts of
/// <see cref="MeasuredOnAws"/> were recorded against AWS with validate-state-machine-definition
/// (floci-io/floci's StepFunctions tests); the other locations follow the same rule.
/// </summary>
public class JsonataSyntaxErrorTests
{
    private const string Role = "arn:aws:iam::123456789012:role/sfn";

    private static readonly object[] MeasuredOnAws =
    [
        new object[] { "a[1,2)", "Expected \"]\", got \",\"" },
        new object[] { "\"unterminated", "String literal must be terminated by a matching quote" },
        new object[] { "1 +", "Unexpected end of expression" },
        new object[] { "{\"a\":}", "The symbol \"}\" cannot be used as a unary operator" },
        new object[] { "$x :=", "Unexpected end of expression" },
        new object[] { "$match(\"a\", /abc", "No terminating / in regular expression" },
        new object[] { "phone %.other", "The symbol \".\" cannot be used as a unary operator" },
        new object[] { "", "Unexpected end of expression" },
    ];

    private static string PassWithOutput(JsonNode output) => new JsonObject
    {
        ["QueryLanguage"] = "JSONata",
        ["StartAt"] = "Main",
        ["States"] = new JsonObject { ["Main"] = new JsonObject { ["Type"] = "Pass", ["Output"] = output, ["End"] = true } },
    }.ToJsonString();

    private static async Task<JsonArray> DiagnosticsAsync(SfnWire sfn, string definition)
    {
        var answer = await sfn.CallAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = definition });
        Assert.That(answer["result"]!.GetValue<string>(), Is.EqualTo("FAIL"), answer.ToJsonString());
        return answer["diagnostics"]!.AsArray();
    }

    [TestCaseSource(nameof(MeasuredOnAws))]
    public async Task Validate_ASyntaxError_IsInvalidJsonataExpression_WithJsonatasMessage_AtTheField(string expression, string message)
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        var diagnostics = await DiagnosticsAsync(sfn, PassWithOutput($"{{% {expression} %}}"));
        Assert.That(diagnostics.ToJsonString(), Is.EqualTo(new JsonArray(new JsonObject
        {
            ["severity"] = "ERROR",
            ["code"] = "INVALID_JSONATA_EXPRESSION",
            ["message"] = message,
            ["location"] = "/States/Main/Output",
        }).ToJsonString()));
    }

    [TestCase("""{"QueryLanguage": "JSONata", "StartAt": "E", "States": {"E": {"Type": "Pass", "Output": {"a": {"b": ["x", "{% 1 + %}"]}}, "End": true}}}""",
        "/States/E/Output/a/b[1]")]
    [TestCase("""{"QueryLanguage": "JSONata", "StartAt": "E", "States": {"E": {"Type": "Pass", "Assign": {"v": "{% 1 + %}"}, "End": true}}}""",
        "/States/E/Assign/v")]
    [TestCase("""{"QueryLanguage": "JSONata", "StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.a = %}", "Next": "E"}], "Default": "E"}, "E": {"Type": "Succeed"}}}""",
        "/States/C/Choices[0]/Condition")]
    [TestCase("""{"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", "Items": "{% [1] + %}", "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}, "End": true}}}""",
        "/States/M/Items")]
    [TestCase("""{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Pass", "Output": {"v": "{% 1 + %}"}, "End": true}}}], "End": true}}}""",
        "/States/P/Branches[0]/States/B/Output/v")]
    [TestCase("""{"StartAt": "E", "States": {"E": {"Type": "Task", "QueryLanguage": "JSONata", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f", "Payload": "{% 1 + %}"}, "Catch": [{"ErrorEquals": ["States.ALL"], "Output": {"v": "{% 1 + %}"}, "Next": "F"}], "End": true}, "F": {"Type": "Succeed"}}}""",
        "/States/E/Arguments/Payload", "/States/E/Catch[0]/Output/v")]
    public async Task Validate_ASyntaxError_IsLocatedAtItsField(string definition, params string[] locations)
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        var diagnostics = await DiagnosticsAsync(sfn, definition);
        Assert.That(diagnostics.Select(d => (d!["code"]!.GetValue<string>(), d["message"]!.GetValue<string>(), d["location"]!.GetValue<string>())),
            Is.EqualTo(locations.Select(l => ("INVALID_JSONATA_EXPRESSION", "Unexpected end of expression", l))));
    }

    [Test]
    public async Task Create_ASyntaxError_IsInvalidDefinition_WithAwsMessage()
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        var definition = PassWithOutput(new JsonObject { ["v"] = "{% phone[1,2) %}" });
        var (status, body) = await sfn.SendAsync("CreateStateMachine", new JsonObject { ["name"] = "m", ["definition"] = definition, ["roleArn"] = Role }.ToJsonString());
        Assert.That((status, body["__type"]!.GetValue<string>()), Is.EqualTo((400, "InvalidDefinition")));
        Assert.That(body["message"]!.GetValue<string>(),
            Is.EqualTo("Invalid State Machine Definition: 'INVALID_JSONATA_EXPRESSION: Expected \"]\", got \",\" at /States/Main/Output/v'"));
        var listed = await sfn.CallAsync("ListStateMachines", new JsonObject());
        Assert.That(listed["stateMachines"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Update_ASyntaxError_IsInvalidDefinition_AndKeepsTheDefinition()
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        var good = PassWithOutput("{% $states.input.a %}");
        var arn = (await sfn.CallAsync("CreateStateMachine", new JsonObject { ["name"] = "m", ["definition"] = good, ["roleArn"] = Role }))["stateMachineArn"]!.GetValue<string>();
        var (status, body) = await sfn.SendAsync("UpdateStateMachine",
            new JsonObject { ["stateMachineArn"] = arn, ["definition"] = PassWithOutput("{% 'a' & %}") }.ToJsonString());
        Assert.That((status, body["__type"]!.GetValue<string>()), Is.EqualTo((400, "InvalidDefinition")));
        Assert.That(body["message"]!.GetValue<string>(),
            Is.EqualTo("Invalid State Machine Definition: 'INVALID_JSONATA_EXPRESSION: Unexpected end of expression at /States/Main/Output'"));
        var described = await sfn.CallAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn });
        Assert.That(described["definition"]!.GetValue<string>(), Is.EqualTo(good));
    }

    [Test]
    public async Task TestState_ASyntaxError_IsInvalidDefinition()
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        var state = """{"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $states.input.a[ %}", "End": true}""";
        var (status, body) = await sfn.SendAsync("TestState", new JsonObject { ["definition"] = state, ["roleArn"] = Role, ["input"] = "{}" }.ToJsonString());
        Assert.That((status, body["__type"]!.GetValue<string>()), Is.EqualTo((400, "InvalidDefinition")));
        Assert.That(body["message"]!.GetValue<string>(), Does.StartWith("Invalid State Machine Definition: 'INVALID_JSONATA_EXPRESSION: Expected \"]\" before end of expression at /States/"));
    }

    [TestCase("$states.input.items.(price * qty)", """{"items": [{"price": 2, "qty": 3}, {"price": 5, "qty": 1}]}""", "[6,5]")]
    [TestCase("$states.input.items.$string(price)", """{"items": [{"price": 2}, {"price": 5}]}""", """["2","5"]""")]
    [TestCase("$states.input.items.{'p': price}", """{"items": [{"price": 2}]}""", """{"p":2}""")]
    [TestCase("\"a\" & /* a comment */ \"b\"", "{}", "\"ab\"")]
    [TestCase("$states.input.`first name`", """{"first name": "Ann"}""", "\"Ann\"")]
    [TestCase("$states.input.items[0].name[]", """{"items": [{"name": "a"}, {"name": "b"}]}""", """["a"]""")]
    [TestCase("$states.input.o.*", """{"o": {"a": 1, "b": 2}}""", "[1,2]")]
    [TestCase("$count($states.input.**)", """{"o": {"a": [1, 2]}}""", "4")]
    public async Task Expressions_JsonataParses_AreCreatedAndRun(string expression, string input, string output)
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        var definition = PassWithOutput($"{{% {expression} %}}");
        var arn = (await sfn.CallAsync("CreateStateMachine", new JsonObject { ["name"] = "m", ["definition"] = definition, ["roleArn"] = Role }))["stateMachineArn"]!.GetValue<string>();
        var started = await sfn.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = arn, ["input"] = input });
        await aws.RunUntilIdleAsync();
        var described = await sfn.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = started["executionArn"]!.DeepClone() });
        Assert.That((described["status"]!.GetValue<string>(), described["output"]?.GetValue<string>()), Is.EqualTo(("SUCCEEDED", output)));
    }

    [Test]
    public async Task AnExpressionJsonataParses_ButFakeAwsCannotRun_ValidatesAndIsRefusedByCreateNamingTheFeature()
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        var definition = PassWithOutput("{% $states.input ~> |a|{'b': 1}| %}");
        var validated = await sfn.CallAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = definition });
        Assert.That(validated["result"]!.GetValue<string>(), Is.EqualTo("OK"));
        var (status, body) = await sfn.SendAsync("CreateStateMachine", new JsonObject { ["name"] = "m", ["definition"] = definition, ["roleArn"] = Role }.ToJsonString());
        Assert.That((status, body["__type"]!.GetValue<string>()), Is.EqualTo((400, "InvalidDefinition")));
        Assert.That(body["message"]!.GetValue<string>(), Does.StartWith("FakeAws cannot run this definition yet").And.Contain("transforms ('| ... |')"));
    }
}
