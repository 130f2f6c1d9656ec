using System.Text.Json.Nodes;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.Tests.StepFunctions;

public class TestStateTests
{
    private static Task<TestStateOutput> Test(SfnHarness sfn, string definition, string? input = null, string? level = null, MockInput? mock = null,
        string? stateName = null, string? variables = null, int? retryCount = null) =>
        sfn.Engine.TestState(sfn.Scope, new TestStateInput
        {
            Definition = definition, RoleArn = SfnHarness.Role, Input = input, InspectionLevel = level, Mock = mock, StateName = stateName, Variables = variables,
            StateConfiguration = retryCount is null ? null : new TestStateConfiguration { RetrierRetryCount = retryCount },
        }, CancellationToken.None);

    [Test]
    public async Task Pass_Debug_ShowsEachStepOfTheDataFlow()
    {
        var sfn = new SfnHarness();
        var output = await Test(sfn, """{"Type": "Pass", "InputPath": "$.a", "Parameters": {"x.$": "$.b"}, "ResultPath": "$.r", "Next": "After"}""", """{"a": {"b": 1}}""", "DEBUG");
        Assert.That((output.Status, output.NextState, output.Output), Is.EqualTo(("SUCCEEDED", "After", """{"a":{"b":1},"r":{"x":1}}""")));
        var data = output.InspectionData!;
        Assert.That((data.Input, data.AfterInputPath, data.AfterParameters, data.AfterResultPath),
            Is.EqualTo(("""{"a":{"b":1}}""", """{"b":1}""", """{"x":1}""", """{"a":{"b":1},"r":{"x":1}}""")));
    }

    [Test]
    public async Task Info_HasNoInspectionData_AndAnEndStateHasNoNextState()
    {
        var sfn = new SfnHarness();
        var output = await Test(sfn, """{"Type": "Pass", "End": true}""", """{"a":1}""");
        Assert.That((output.Status, output.NextState, output.Output, output.InspectionData), Is.EqualTo(("SUCCEEDED", (string?)null, """{"a":1}""", (InspectionData?)null)));
    }

    [Test]
    public async Task Task_CallsLambda_AndShowsResultSelectorAndResultPath()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFunction("fn", e => new JsonObject { ["v"] = e?["n"]?.DeepClone() });
        var output = await Test(sfn, """
            {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:fn", "ResultSelector": {"got.$": "$.v"}, "ResultPath": "$.out", "End": true}
            """, """{"n": 5}""", "DEBUG");
        Assert.That((output.Status, output.Output), Is.EqualTo(("SUCCEEDED", """{"n":5,"out":{"got":5}}""")));
        Assert.That((output.InspectionData!.Result, output.InspectionData.AfterResultSelector), Is.EqualTo(("""{"v":5}""", """{"got":5}""")));
    }

    [Test]
    public async Task MockedError_MatchingARetrier_IsRetriable_UntilTheRetriesAreUsed()
    {
        var sfn = new SfnHarness();
        const string definition = """
            {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "fn"},
             "Retry": [{"ErrorEquals": ["Other"]}, {"ErrorEquals": ["Boom"], "IntervalSeconds": 2, "MaxAttempts": 2, "BackoffRate": 3}],
             "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handler", "ResultPath": "$.error"}], "End": true}
            """;
        var mock = new MockInput { ErrorOutput = new MockErrorOutput { Error = "Boom", Cause = "mocked" } };
        var retriable = await Test(sfn, definition, "{}", mock: mock, retryCount: 1);
        Assert.That((retriable.Status, retriable.Error, retriable.Cause, retriable.Output), Is.EqualTo(("RETRIABLE", "Boom", "mocked", (string?)null)));
        Assert.That((retriable.InspectionData!.ErrorDetails!.RetryIndex, retriable.InspectionData.ErrorDetails.RetryBackoffIntervalSeconds), Is.EqualTo(((int?)1, (int?)6)));

        var caught = await Test(sfn, definition, "{}", mock: mock, retryCount: 2);
        Assert.That((caught.Status, caught.NextState, caught.Error), Is.EqualTo(("CAUGHT_ERROR", "Handler", "Boom")));
        Assert.That(caught.Output, Is.EqualTo("""{"error":{"Error":"Boom","Cause":"mocked"}}"""));
        Assert.That(caught.InspectionData!.ErrorDetails!.CatchIndex, Is.EqualTo(0));
        Assert.That(sfn.Services.Invocations, Is.Empty);
    }

    [Test]
    public async Task Fail_IsFailed_WithItsErrorAndCause()
    {
        var sfn = new SfnHarness();
        var output = await Test(sfn, """{"Type": "Fail", "Error": "E", "Cause": "C"}""");
        Assert.That((output.Status, output.Error, output.Cause, output.NextState), Is.EqualTo(("FAILED", "E", "C", (string?)null)));
    }

    [Test]
    public async Task Choice_NamesTheNextState_AndVariablesComeFromTheRequest()
    {
        var sfn = new SfnHarness();
        var output = await Test(sfn, """
            {"Type": "Choice", "Choices": [{"Variable": "$x", "NumericGreaterThan": 3, "Next": "Big"}], "Default": "Small"}
            """, "{}", "DEBUG", variables: """{"x": 5}""");
        Assert.That((output.Status, output.NextState), Is.EqualTo(("SUCCEEDED", "Big")));
    }

    [Test]
    public async Task JsonataAssign_ShowsTheVariablesAfterTheState()
    {
        var sfn = new SfnHarness();
        var output = await Test(sfn, """
            {"Type": "Pass", "QueryLanguage": "JSONata", "Assign": {"total": "{% $states.input.a + $x %}"}, "Output": "{% $states.input.a %}", "End": true}
            """, """{"a": 2}""", "DEBUG", variables: """{"x": 40}""");
        Assert.That((output.Status, output.Output, output.InspectionData!.Variables), Is.EqualTo(("SUCCEEDED", "2", """{"x":40,"total":42}""")));
    }

    [Test]
    public async Task StateName_PicksAStateOfAWholeMachine()
    {
        var sfn = new SfnHarness();
        var output = await Test(sfn, """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Result": "b", "End": true}}}
            """, "{}", stateName: "B");
        Assert.That((output.Output, output.NextState), Is.EqualTo(("\"b\"", (string?)null)));
    }

    [Test]
    public async Task Wait_DoesNotWait()
    {
        var sfn = new SfnHarness();
        var output = await Test(sfn, """{"Type": "Wait", "Seconds": 3600, "Next": "X"}""", "{}");
        Assert.That((output.Status, output.NextState, sfn.Cloud.Now), Is.EqualTo(("SUCCEEDED", "X", SfnHarness.StartTime)));
    }

    [Test]
    public void MapWithoutMock_AndMockOnAPass_AreRefused()
    {
        var sfn = new SfnHarness();
        var map = Assert.ThrowsAsync<AwsServiceException>(() => Test(sfn, """
            {"Type": "Map", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}
            """, "[]"))!;
        Assert.That(map.Code, Is.EqualTo("ValidationException"));
        var pass = Assert.ThrowsAsync<AwsServiceException>(() => Test(sfn, """{"Type": "Pass", "End": true}""", mock: new MockInput { Result = "1" }))!;
        Assert.That(pass.Code, Is.EqualTo("ValidationException"));
    }

    [Test]
    public async Task MockedMap_ReturnsTheMockAsItsResult()
    {
        var sfn = new SfnHarness();
        var output = await Test(sfn, """
            {"Type": "Map", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "ResultPath": "$.r", "End": true}
            """, "[1]", mock: new MockInput { Result = "[7]" });
        Assert.That(output.Status, Is.EqualTo("FAILED"), "a Map's input must be an object for its ResultPath");
        output = await Test(sfn, """
            {"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "ResultPath": "$.r", "End": true}
            """, """{"items": [1]}""", mock: new MockInput { Result = "[7]" });
        Assert.That((output.Status, output.Output), Is.EqualTo(("SUCCEEDED", """{"items":[1],"r":[7]}""")));
    }
}
