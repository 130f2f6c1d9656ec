using System.Text.Json.Nodes;

namespace FakeAws.Engine.Tests.StepFunctions;

public class LambdaTaskTests
{
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:fn";

    private static string Direct(string extra = "") =>
        """{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:fn" """ + extra + """, "End": true}}}""";

    private static string Service(string extra = "") =>
        """{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "fn", "Payload.$": "$"} """ + extra + """, "End": true}}}""";

    [Test]
    public async Task FunctionArn_Succeeds_ResultIsThePayload()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFunction("fn", e => new JsonObject { ["got"] = e?.DeepClone() });
        var arn = sfn.Start(sfn.Create(Direct()), """{"a":1}""");
        await sfn.Clock.RunUntilIdleAsync();
        var execution = sfn.Describe(arn);
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"got":{"a":1}}"""));
        Assert.That(execution.Types, Is.EqualTo(new[]
        {
            "ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded",
        }));
        var scheduled = execution.Events[2].LambdaFunctionScheduledEventDetails!;
        Assert.That((scheduled.Resource, scheduled.Input, scheduled.TimeoutInSeconds), Is.EqualTo((FunctionArn, """{"a":1}""", (long?)null)));
    }

    [Test]
    public async Task FunctionArn_FunctionError_TakesTheErrorTypeAsTheErrorName()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFailingFunction("fn", "ValueError", "bad value");
        var arn = sfn.Start(sfn.Create(Direct()));
        await sfn.Clock.RunUntilIdleAsync();
        var execution = sfn.Describe(arn);
        Assert.That(execution.Error, Is.EqualTo("ValueError"));
        Assert.That(execution.Cause, Is.EqualTo("""{"errorMessage": "bad value", "errorType": "ValueError"}"""));
        Assert.That(execution.Types.Skip(4).First(), Is.EqualTo("LambdaFunctionFailed"));
    }

    [Test]
    public async Task FunctionArn_ErrorWithoutErrorType_IsLambdaUnknown()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFailingFunction("fn", "", "Task timed out after 3.00 seconds");
        var execution = await sfn.RunAsync(Direct());
        Assert.That(execution.Error, Is.EqualTo("Lambda.Unknown"));
    }

    [Test]
    public async Task LambdaInvoke_Succeeds_ResultIsTheInvokeResponse()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFunction("fn", e => e);
        var execution = await sfn.RunAsync(Service(), """{"a":1}""");
        var output = execution.Output!.AsObject();
        Assert.That(SfnHarness.Json(output["Payload"]), Is.EqualTo("""{"a":1}"""));
        Assert.That(output["StatusCode"]!.GetValue<int>(), Is.EqualTo(200));
        Assert.That(output["ExecutedVersion"]!.GetValue<string>(), Is.EqualTo("$LATEST"));
        Assert.That(output["SdkHttpMetadata"]!["HttpStatusCode"]!.GetValue<int>(), Is.EqualTo(200));
        Assert.That(output["SdkResponseMetadata"]!["RequestId"], Is.Not.Null);
        var scheduled = execution.Events[2].TaskScheduledEventDetails!;
        Assert.That((scheduled.ResourceType, scheduled.Resource, scheduled.Region), Is.EqualTo(("lambda", "invoke", "us-east-1")));
        Assert.That(scheduled.Parameters, Is.EqualTo("""{"FunctionName":"fn","Payload":{"a":1}}"""));
        Assert.That(execution.Types.Skip(3).Take(2), Is.EqualTo(new[] { "TaskStarted", "TaskSucceeded" }));
    }

    [Test]
    public async Task LambdaInvoke_FunctionError_IsTaskFailedWithCompactCause()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFailingFunction("fn", "Exception", "boom");
        var execution = await sfn.RunAsync(Service());
        Assert.That(execution.Error, Is.EqualTo("Exception"));
        Assert.That(execution.Cause, Is.EqualTo("""{"errorMessage":"boom","errorType":"Exception"}"""));
        var failed = execution.Events.Single(e => e.Type == "TaskFailed").TaskFailedEventDetails!;
        Assert.That((failed.ResourceType, failed.Resource), Is.EqualTo(("lambda", "invoke")));
    }

    [Test]
    public async Task LambdaInvoke_NoSuchFunction_IsLambdaResourceNotFoundException()
    {
        var execution = await new SfnHarness().RunAsync(Service());
        Assert.That(execution.Error, Is.EqualTo("Lambda.ResourceNotFoundException"));
        Assert.That(execution.Cause, Does.Match(
            @"^Function not found: arn:aws:lambda:us-east-1:123456789012:function:fn:\$LATEST \(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: [0-9a-f-]+; Proxy: null\)$"));
    }

    [Test]
    public async Task LambdaInvoke_ResultOver256KiB_IsDataLimitExceeded()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFunction("fn", _ => JsonValue.Create(new string('a', 257 * 1024)));
        var execution = await sfn.RunAsync(Service());
        Assert.That(execution.Error, Is.EqualTo("States.DataLimitExceeded"));
        Assert.That(execution.Cause, Is.EqualTo("The state/task 'lambda' returned a result with a size exceeding the maximum number of bytes service limit."));
    }

    // 2-byte characters: 132,000 of them are under 256 KiB as characters but over it as UTF-8 bytes.
    [TestCase(false)]
    [TestCase(true)]
    public async Task LambdaResultOverTheLimitInUtf8Bytes_IsCaughtByStatesAll(bool direct)
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFunction("fn", _ => JsonValue.Create(new string('\u00e9', 132_000)));
        const string catchAll = """, "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handled"}]""";
        var definition = (direct ? Direct(catchAll) : Service(catchAll))
            .Replace("\"End\": true}}}", "\"End\": true}, \"Handled\": {\"Type\": \"Pass\", \"End\": true}}}");
        var execution = await sfn.RunAsync(definition);
        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"));
        var resource = direct ? FunctionArn : "lambda";
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo(
            $$"""{"Error":"States.DataLimitExceeded","Cause":"The state/task '{{resource}}' returned a result with a size exceeding the maximum number of bytes service limit."}"""));
        Assert.That(execution.Types, Does.Contain(direct ? "LambdaFunctionFailed" : "TaskFailed"));
    }

    [TestCase("\"Tail\"", true)]
    [TestCase("\"None\"", false)]
    public async Task LambdaInvoke_LogTypeTail_PassesLambdasLogResultOn(string logType, bool hasLog)
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFunction("fn", e => e);
        var definition = Service().Replace("\"Payload.$\": \"$\"", "\"Payload.$\": \"$\", \"LogType\": " + logType);
        var execution = await sfn.RunAsync(definition);
        var result = (JsonObject)execution.Output!;
        Assert.That(result.ContainsKey("LogResult"), Is.EqualTo(hasLog));
        if (hasLog)
        {
            Assert.That(result["LogResult"]!.GetValue<string>(), Is.EqualTo(Convert.ToBase64String("log of fn"u8.ToArray())));
            Assert.That(result["SdkHttpMetadata"]!["HttpHeaders"]!["X-Amz-Log-Result"]!.GetValue<string>(), Is.EqualTo(result["LogResult"]!.GetValue<string>()));
        }
    }

    [Test]
    public async Task LambdaInvoke_TimeoutSeconds_TimesOutOnTheVirtualClock()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddSlowFunction("fn", TimeSpan.FromSeconds(60), e => e);
        var execution = await sfn.RunAsync(Service(", \"TimeoutSeconds\": 5"));
        Assert.That(execution.Error, Is.EqualTo("States.Timeout"));
        Assert.That(execution.Types.Skip(4).First(), Is.EqualTo("TaskTimedOut"));
        Assert.That(execution.Events[2].TaskScheduledEventDetails!.TimeoutInSeconds, Is.EqualTo(5));
        Assert.That(execution.Events[4].Timestamp - execution.Events[3].Timestamp, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task FunctionArn_TimeoutSecondsPath_TimesOutAsLambdaFunctionTimedOut()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddSlowFunction("fn", TimeSpan.FromSeconds(60), e => e);
        var execution = await sfn.RunAsync(Direct(", \"TimeoutSecondsPath\": \"$.t\""), """{"t": 10}""");
        Assert.That(execution.Error, Is.EqualTo("States.Timeout"));
        Assert.That(execution.Types, Does.Contain("LambdaFunctionTimedOut"));
    }

    [Test]
    public async Task Task_StringPayloadThatIsNotJson_IsSentAsAJsonString()
    {
        var sfn = new SfnHarness();
        sfn.Services.AddFunction("fn", e => e);
        await sfn.RunAsync("""{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "fn", "Payload": "plain"}, "End": true}}}""");
        Assert.That(sfn.Services.Invocations.Single().Payload, Is.EqualTo("\"plain\""));
    }
}
