using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.Tests.StepFunctions;

public class AslValidatorTests
{
    private static ValidateStateMachineDefinitionOutput Validate(string definition, string type = "STANDARD") =>
        new SfnHarness().Engine.ValidateStateMachineDefinition(new RequestScope("123456789012", "us-east-1"),
            new ValidateStateMachineDefinitionInput { Definition = definition, Type = type });

    private static IEnumerable<string> Problems(string definition, string type = "STANDARD") =>
        Validate(definition, type).Diagnostics!.Select(d => d.Location is null ? $"{d.Code}: {d.Message}" : $"{d.Code}: {d.Message} at {d.Location}");

    [Test]
    public void Validate_ValidDefinition_IsOk()
    {
        var result = Validate("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}""");
        Assert.That((result.Result, result.Diagnostics!.Count, result.Truncated), Is.EqualTo(("OK", 0, false)));
    }

    [TestCase("""{"States": {"A": {"Type": "Pass", "End": true}}}""", "SCHEMA_VALIDATION_FAILED: These fields are required: [StartAt] at /")]
    [TestCase("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}, "Foo": 1}""", "SCHEMA_VALIDATION_FAILED: Field 'Foo' is not supported at /")]
    [TestCase("""{"StartAt": "B", "States": {"A": {"Type": "Pass", "End": true}}}""", "MISSING_TRANSITION_TARGET: Missing 'Next' target: B at /StartAt")]
    [TestCase("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "X"}}}""", "MISSING_TRANSITION_TARGET: Missing 'Next' target: X at /States/A/Next")]
    [TestCase("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}, "B": {"Type": "Pass", "End": true}}}""", "MISSING_TRANSITION_TARGET: State \"B\" is not reachable. at /States/B")]
    [TestCase("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"}}}""", "MISSING_END_STATE: Workflow has no terminal state")]
    [TestCase("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true, "Retry": []}}}""", "SCHEMA_VALIDATION_FAILED: Field 'Retry' is not supported at /States/A")]
    [TestCase("""{"StartAt": "A", "States": {"A": {"Type": "Wait", "End": true, "TimeoutSeconds": 5, "Seconds": 1}}}""", "SCHEMA_VALIDATION_FAILED: Field 'TimeoutSeconds' is not supported at /States/A")]
    [TestCase("""{"StartAt": "A", "States": {"A": {"Type": "Nope", "End": true}}}""", "SCHEMA_VALIDATION_FAILED: The value for the field 'Type' must be one of [Choice, Fail, Map, Parallel, Pass, Succeed, Task, Wait], not 'Nope' at /States/A")]
    [TestCase("""{"StartAt": "A", "States": {"A": {"Type": "Pass"}}}""", "SCHEMA_VALIDATION_FAILED: One of the fields 'Next' and 'End' is required at /States/A")]
    [TestCase("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": "x", "End": true}}}""", "SCHEMA_VALIDATION_FAILED: The value for the field 'InputPath' must be a valid JSONPath at /States/A")]
    [TestCase("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "ResultPath": "$.a[*]", "End": true}}}""", "SCHEMA_VALIDATION_FAILED: The value for the field 'ResultPath' must be a valid ReferencePath at /States/A")]
    [TestCase("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x.$": "nope"}, "End": true}}}""", "SCHEMA_VALIDATION_FAILED: The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call (a path must start with '$') at /States/A/Parameters")]
    [TestCase("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x.$": "States.ArrayLength()"}, "End": true}}}""", "SCHEMA_VALIDATION_FAILED: The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call (The function States.ArrayLength takes exactly 1 argument) at /States/A/Parameters")]
    [TestCase("""{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "NumericEquals": "1", "Next": "D"}]}, "D": {"Type": "Succeed"}}}""", "SCHEMA_VALIDATION_FAILED: The value for the field 'NumericEquals' must be a number at /States/C/Choices[0]")]
    [TestCase("""{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "Next": "D"}]}, "D": {"Type": "Succeed"}}}""", "SCHEMA_VALIDATION_FAILED: A choice rule must contain a comparison operator or one of And, Or, Not at /States/C/Choices[0]")]
    [TestCase("""{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsNull": true, "Next": "X"}], "Default": "D"}, "D": {"Type": "Succeed"}}}""", "MISSING_TRANSITION_TARGET: Missing 'Next' target: X at /States/C/Choices[0]/Next")]
    [TestCase("""{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f", "Retry": [{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["E"]}], "End": true}}}""", "SCHEMA_VALIDATION_FAILED: A Retrier with States.ALL must be the last Retrier in the list at /States/T/Retry[0]")]
    [TestCase("""{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f", "Catch": [{"ErrorEquals": ["States.ALL", "E"], "Next": "T"}], "End": true}}}""", "SCHEMA_VALIDATION_FAILED: States.ALL must appear alone in ErrorEquals at /States/T/Catch[0]/ErrorEquals")]
    [TestCase("""{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f", "Retry": [{"ErrorEquals": ["States.Bogus"]}], "End": true}}}""", "SCHEMA_VALIDATION_FAILED: The error name 'States.Bogus' is not a valid States error name at /States/T/Retry[0]/ErrorEquals")]
    [TestCase("""{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f", "TimeoutSeconds": 10, "HeartbeatSeconds": 10, "End": true}}}""", "SCHEMA_VALIDATION_FAILED: The value for the field 'HeartbeatSeconds' must be smaller than the value for the field 'TimeoutSeconds' at /States/T")]
    [TestCase("""{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "SecondsPath": "$.s", "End": true}}}""", "SCHEMA_VALIDATION_FAILED: Only one of the fields [Seconds, Timestamp, SecondsPath, TimestampPath] may be present, but found [Seconds, SecondsPath] at /States/W")]
    [TestCase("""{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "Next": "Q"}}}, "End": true}}}""", "MISSING_TRANSITION_TARGET: Missing 'Next' target: Q at /States/M/ItemProcessor/States/P/Next")]
    [TestCase("""{"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [], "End": true}}}""", "SCHEMA_VALIDATION_FAILED: The field 'Branches' must be a non-empty array at /States/P")]
    [TestCase("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"9x": 1}, "End": true}}}""", "SCHEMA_VALIDATION_FAILED: The variable name '9x' is not valid: it must start with a letter or underscore and contain only letters, digits and underscores at /States/A/Assign")]
    public void Validate_InvalidDefinition_ReportsAwsDiagnostic(string definition, string diagnostic)
    {
        Assert.That(Validate(definition).Result, Is.EqualTo("FAIL"));
        Assert.That(Problems(definition), Does.Contain(diagnostic));
    }

    [TestCase("arn:aws:states:::lambda:invoke.waitForTaskToken", "waitForTaskToken")]
    [TestCase("arn:aws:states:::states:startExecution.sync:2", "sync:2")]
    public void Validate_ExpressWithCallbackOrSync_IsRefused(string resource, string pattern)
    {
        var definition = """{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": """ + $"\"{resource}\"" + """, "End": true}}}""";
        Assert.That(Problems(definition, "EXPRESS"), Does.Contain($"SCHEMA_VALIDATION_FAILED: Express state machine does not support '.{pattern}' service integration at /States/T/Resource"));
        Assert.That(Validate(definition).Result, Is.EqualTo("OK"));
    }

    [Test]
    public void Validate_NotJson_IsInvalidJsonDescription() =>
        Assert.That(Validate("{\"StartAt\": ").Diagnostics!.Single().Code, Is.EqualTo("INVALID_JSON_DESCRIPTION"));

    [Test]
    public void CreateStateMachine_InvalidDefinition_ListsEveryDiagnosticInTheMessage()
    {
        var sfn = new SfnHarness();
        var e = Assert.Throws<AwsServiceException>(() => sfn.Create("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "X"}, "B": {"Type": "Pass", "End": true}}}"""));
        Assert.That(e!.Code, Is.EqualTo("InvalidDefinition"));
        Assert.That(e.Message, Is.EqualTo(
            "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: X at /States/A/Next, MISSING_TRANSITION_TARGET: State \"B\" is not reachable. at /States/B'"));
    }

    [Test]
    public void CreateStateMachine_JsonataExpressionFakeAwsCannotEvaluate_IsRefusedNamingIt()
    {
        var e = Assert.Throws<AwsServiceException>(() => new SfnHarness().Create(
            """{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $states.input.items@$i %}", "End": true}}}"""));
        Assert.That(e!.Message, Does.StartWith("FakeAws cannot run this definition yet: it uses the JSONata expression '$states.input.items@$i' of the field 'Output'"));
    }

    [TestCase("""{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": "$.a", "End": true}}}""",
        "SCHEMA_VALIDATION_FAILED: The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath' QueryLanguage at /States/A")]
    [TestCase("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% 1 %}", "End": true}}}""",
        "SCHEMA_VALIDATION_FAILED: The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage at /States/A")]
    [TestCase("""{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "QueryLanguage": "JSONPath", "End": true}}}""",
        "SCHEMA_VALIDATION_FAILED: 'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine at /States/A")]
    [TestCase("""{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}""",
        "SCHEMA_VALIDATION_FAILED: Field 'QueryLanguage' is not supported at /States/M/ItemProcessor")]
    [TestCase("""{"QueryLanguage": "JSONata", "StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Next": "D"}]}, "D": {"Type": "Succeed"}}}""",
        "SCHEMA_VALIDATION_FAILED: These fields are required: [Condition] at /States/C/Choices[0]")]
    public void Validate_QueryLanguageRules_ReportAwsDiagnostic(string definition, string diagnostic) =>
        Assert.That(Problems(definition), Does.Contain(diagnostic));
}
