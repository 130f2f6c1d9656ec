using System.Text.Json.Nodes;

namespace FakeAws.Tests.StepFunctions;

/// <summary>
/// References AWS refuses in a JSONata definition (UNSUPPORTED_JSONATA_EXPRESSION), with the texts and
/// locations floci-io/floci recorded from AWS: a path that starts from the context item at the top level,
/// <c>$$</c>, and <c>$states.errorOutput</c> outside a Catch; and what stays legal beside them.
/// </summary>
public class JsonataReferenceTests
{
    private const string Role = "arn:aws:iam::123456789012:role/sfn";

    private static string PassWithOutput(string expression) => new JsonObject
    {
        ["QueryLanguage"] = "JSONata",
        ["StartAt"] = "E",
        ["States"] = new JsonObject { ["E"] = new JsonObject { ["Type"] = "Pass", ["Output"] = new JsonObject { ["v"] = expression }, ["End"] = true } },
    }.ToJsonString();

    private static async Task<JsonNode> ValidateAsync(string definition)
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        return (await sfn.CallAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = definition }))!;
    }

    [TestCase("{% phone %}", "Reference to 'phone' at the top level is not supported.")]
    [TestCase("{% phone.number %}", "Reference to 'phone' at the top level is not supported.")]
    [TestCase("{% $count(items) %}", "Reference to 'items' at the top level is not supported.")]
    [TestCase("{% $map($states.input.a, function($x){ b }) %}", "Reference to 'b' at the top level is not supported.")]
    [TestCase("{% $$ %}", "Reference to '$$' is not supported.")]
    [TestCase("{% $states.errorOutput %}", "Field '$states.errorOutput' does not exist.")]
    public async Task Validate_RefusesTheReference_AtItsField(string expression, string message)
    {
        var answer = await ValidateAsync(PassWithOutput(expression));

        Assert.That(answer["result"]!.GetValue<string>(), Is.EqualTo("FAIL"));
        Assert.That(answer["diagnostics"]!.ToJsonString(), Is.EqualTo(new JsonArray(new JsonObject
        {
            ["severity"] = "ERROR",
            ["code"] = "UNSUPPORTED_JSONATA_EXPRESSION",
            ["message"] = message,
            ["location"] = "/States/E/Output/v",
        }).ToJsonString()));
    }

    [TestCase("{% $states.input.phone %}")]
    [TestCase("{% $states.input.items[value > 3] %}")]
    [TestCase("{% $states.input.items.(price * qty) %}")]
    [TestCase("{% $states.input.items^(name) %}")]
    [TestCase("{% $states.input.items{kind: price} %}")]
    [TestCase("{% ($x := $states.input; $x.phone) %}")]
    public async Task Validate_AcceptsNamesThatReadAValue(string expression)
    {
        var answer = await ValidateAsync(PassWithOutput(expression));

        Assert.That(answer["result"]!.GetValue<string>(), Is.EqualTo("OK"), answer.ToJsonString());
    }

    [Test]
    public async Task ErrorOutput_IsLegalInACatchersOutput()
    {
        var definition = """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f"},
                    "Catch": [{"ErrorEquals": ["States.ALL"], "Output": {"error": "{% $states.errorOutput.Error %}"}, "Next": "F"}], "End": true},
              "F": {"Type": "Pass", "End": true}}}
            """;

        var answer = await ValidateAsync(definition);

        Assert.That(answer["result"]!.GetValue<string>(), Is.EqualTo("OK"), answer.ToJsonString());
    }

    [Test]
    public async Task Create_RefusesTheDefinition_WithAwsMessage()
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);

        var (status, body) = await sfn.SendAsync("CreateStateMachine",
            new JsonObject { ["name"] = "m", ["definition"] = PassWithOutput("{% phone %}"), ["roleArn"] = Role }.ToJsonString());

        Assert.That((status, body["__type"]!.GetValue<string>()), Is.EqualTo((400, "InvalidDefinition")));
        Assert.That(body["message"]!.GetValue<string>(), Is.EqualTo(
            "Invalid State Machine Definition: 'UNSUPPORTED_JSONATA_EXPRESSION: Reference to 'phone' at the top level is not supported. at /States/E/Output/v'"));
    }
}
