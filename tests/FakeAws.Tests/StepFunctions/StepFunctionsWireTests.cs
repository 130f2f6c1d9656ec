using System.Text.Json.Nodes;
using FakeAws.StepFunctions;

namespace FakeAws.Tests.StepFunctions;

public class StepFunctionsWireTests
{
    private const string Role = "arn:aws:iam::123456789012:role/sfn";

    private static async Task<string> CreateAsync(SfnWire sfn, string definition, string name = "machine", string type = "STANDARD") =>
        (await sfn.CallAsync("CreateStateMachine", new JsonObject { ["name"] = name, ["definition"] = definition, ["roleArn"] = Role, ["type"] = type }))
        ["stateMachineArn"]!.GetValue<string>();

    [Test]
    public async Task StartExecution_WaitOfADay_FinishesWhenTheCloudRunsUntilIdle()
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        var machine = await CreateAsync(sfn, """{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 86400, "Next": "P"}, "P": {"Type": "Pass", "Result": {"ok": true}, "End": true}}}""");
        var started = await sfn.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "run-1", ["input"] = """{"a":1}""" });
        var arn = started["executionArn"]!.GetValue<string>();
        Assert.That(arn, Is.EqualTo("arn:aws:states:us-east-1:123456789012:execution:machine:run-1"));
        Assert.That(started["startDate"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Number));

        var before = aws.Clock.GetUtcNow();
        await aws.RunUntilIdleAsync();
        Assert.That(aws.Clock.GetUtcNow() - before, Is.EqualTo(TimeSpan.FromDays(1)));

        var described = await sfn.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });
        Assert.That(described["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"));
        Assert.That(described["output"]!.GetValue<string>(), Is.EqualTo("""{"ok":true}"""));
        Assert.That(described["input"]!.GetValue<string>(), Is.EqualTo("""{"a":1}"""));

        var history = await sfn.CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = arn });
        var events = history["events"]!.AsArray();
        Assert.That(events.Select(e => e!["type"]!.GetValue<string>()), Is.EqualTo(new[]
        {
            "ExecutionStarted", "WaitStateEntered", "WaitStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded",
        }));
        Assert.That(events[1]!["stateEnteredEventDetails"]!["input"]!.GetValue<string>(), Is.EqualTo("""{"a":1}"""));
        Assert.That(events[5]!["previousEventId"]!.GetValue<long>(), Is.EqualTo(5));
    }

    [Test]
    public async Task DescribeExecution_Unknown_AnswersAwsError()
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        var arn = "arn:aws:states:us-east-1:123456789012:execution:m:nope";
        var (status, body) = await sfn.SendAsync("DescribeExecution", $$"""{"executionArn": "{{arn}}"}""");
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body["__type"]!.GetValue<string>(), Is.EqualTo("ExecutionDoesNotExist"));
        Assert.That(body["message"]!.GetValue<string>(), Is.EqualTo($"Execution Does Not Exist: '{arn}'"));
    }

    [Test]
    public async Task StartExecution_MissingStateMachineArn_IsAValidationException()
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        var (status, body) = await sfn.SendAsync("StartExecution", "{}");
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body["__type"]!.GetValue<string>(), Does.EndWith("ValidationException"));
        Assert.That(body["message"]!.GetValue<string>(),
            Is.EqualTo("1 validation error detected: Value null at 'stateMachineArn' failed to satisfy constraint: Member must not be null"));
    }

    [Test]
    public async Task CreateStateMachine_InvalidDefinition_IsInvalidDefinition()
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        var request = new JsonObject { ["name"] = "m", ["definition"] = """{"StartAt": "X", "States": {"A": {"Type": "Pass", "End": true}}}""", ["roleArn"] = Role };
        var (status, body) = await sfn.SendAsync("CreateStateMachine", request.ToJsonString());
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body["__type"]!.GetValue<string>(), Is.EqualTo("InvalidDefinition"));
        Assert.That(body["message"]!.GetValue<string>(), Is.EqualTo("Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: X at /StartAt'"));
    }

    [Test]
    public async Task RedriveExecution_OfAMissingExecution_IsExecutionDoesNotExist()
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        var (status, body) = await sfn.SendAsync("RedriveExecution", """{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:m:e"}""");
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body["__type"]!.GetValue<string>(), Does.EndWith("ExecutionDoesNotExist"));
    }

    [Test]
    public async Task TestState_AnswersOverTheWire()
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        var answer = await sfn.CallAsync("TestState", new JsonObject
        {
            ["definition"] = """{"Type": "Pass", "Result": {"ok": true}, "Next": "N"}""",
            ["roleArn"] = "arn:aws:iam::123456789012:role/r",
            ["inspectionLevel"] = "DEBUG",
        });
        Assert.That((answer["status"]!.GetValue<string>(), answer["nextState"]!.GetValue<string>(), answer["output"]!.GetValue<string>()),
            Is.EqualTo(("SUCCEEDED", "N", """{"ok":true}""")));
        Assert.That(answer["inspectionData"]!["afterResultPath"]!.GetValue<string>(), Is.EqualTo("""{"ok":true}"""));
    }

    [Test]
    public async Task ActivityWorker_PollsAndAnswersOverTheWire()
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        var activity = (await sfn.CallAsync("CreateActivity", new JsonObject { ["name"] = "pack" }))["activityArn"]!.GetValue<string>();
        var machine = await CreateAsync(sfn, $$"""{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "{{activity}}", "End": true} } }""");
        var execution = (await sfn.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["input"] = """{"order":7}""" }))
            ["executionArn"]!.GetValue<string>();

        var task = await sfn.CallAsync("GetActivityTask", new JsonObject { ["activityArn"] = activity, ["workerName"] = "packer" });
        Assert.That(task["input"]!.GetValue<string>(), Is.EqualTo("""{"order":7}"""));
        await sfn.CallAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = task["taskToken"]!.DeepClone(), ["output"] = """{"packed":true}""" });
        await aws.RunUntilIdleAsync();

        var described = await sfn.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = execution });
        Assert.That(described["output"]!.GetValue<string>(), Is.EqualTo("""{"packed":true}"""));
        var before = aws.Clock.GetUtcNow();
        var empty = await sfn.CallAsync("GetActivityTask", new JsonObject { ["activityArn"] = activity });
        Assert.That(empty.ContainsKey("taskToken"), Is.False);
        Assert.That(aws.Clock.GetUtcNow() - before, Is.EqualTo(TimeSpan.FromSeconds(60)), "an empty long poll takes 60 s of virtual time");
    }

    [Test]
    public async Task StartSyncExecution_Express_ReturnsOutputOverTheWire()
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        var machine = await CreateAsync(sfn, """{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"sum.$": "States.MathAdd($.a, $.b)"}, "End": true}}}""", type: "EXPRESS");
        var result = await sfn.CallAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = machine, ["input"] = """{"a": 2, "b": 3}""" });
        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"));
        Assert.That(result["output"]!.GetValue<string>(), Is.EqualTo("""{"sum":5}"""));
        Assert.That(result["billingDetails"]!["billedMemoryUsedInMB"]!.GetValue<long>(), Is.EqualTo(64));
    }

    [Test]
    public async Task MockedLambdaTask_RetriesThenSucceeds_WithoutALambdaService()
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        aws.StepFunctions.Mock("orders")
            .Throws("Charge", "Payments.Declined", "card expired")
            .Returns("Charge", """{"StatusCode": 200, "Payload": {"charged": true}}""");
        var machine = await CreateAsync(sfn, """
            {"StartAt": "Charge", "States": {"Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
              "Retry": [{"ErrorEquals": ["Payments.Declined"], "IntervalSeconds": 30}],
              "ResultSelector": {"charged.$": "$.Payload.charged"}, "End": true}}}
            """, "orders");
        var arn = (await sfn.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine }))["executionArn"]!.GetValue<string>();
        await aws.RunUntilIdleAsync();
        var described = await sfn.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });
        Assert.That(described["output"]!.GetValue<string>(), Is.EqualTo("""{"charged":true}"""));
    }

    [Test]
    public async Task LambdaInvoke_LogTypeTail_PassesTheFunctionsLogResultThrough()
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        aws.Lambda.AddFunction("echo", (System.Text.Json.JsonElement input) => input);
        var machine = await CreateAsync(sfn, """
            {"StartAt": "Call", "States": {
              "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "echo", "Payload": {"a": 1}, "LogType": "Tail"}, "End": true}}}
            """);

        var arn = (await sfn.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine }))["executionArn"]!.GetValue<string>();
        await aws.RunUntilIdleAsync();
        var described = await sfn.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });

        var output = JsonNode.Parse(described["output"]!.GetValue<string>())!;
        var log = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(output["LogResult"]!.GetValue<string>()));
        Assert.That(log, Does.Contain("REPORT RequestId"));
        Assert.That(output["Payload"]!.ToJsonString(), Is.EqualTo("""{"a":1}"""));
    }

    [Test]
    public async Task LambdaTask_InvokesTheCloudsFunction_AndItsErrorNamesTheCatch()
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        aws.Lambda.AddFunction("double", (System.Text.Json.JsonElement input) => new { n = input.GetProperty("n").GetInt32() * 2 });
        aws.Lambda.AddFunction("refuse", new Func<System.Text.Json.JsonElement, object>(_ => throw new InvalidOperationException("no thanks")));
        var machine = await CreateAsync(sfn, """
            {"StartAt": "Double", "States": {
              "Double": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:double", "Next": "Refuse"},
              "Refuse": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "refuse", "Payload.$": "$"},
                "Catch": [{"ErrorEquals": ["InvalidOperationException"], "ResultPath": "$.error", "Next": "Done"}], "End": true},
              "Done": {"Type": "Pass", "End": true}}}
            """);

        var arn = (await sfn.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["input"] = """{"n": 21}""" }))["executionArn"]!.GetValue<string>();
        await aws.RunUntilIdleAsync();
        var described = await sfn.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });

        Assert.That(described["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"));
        var output = JsonNode.Parse(described["output"]!.GetValue<string>())!;
        Assert.That(output["n"]!.GetValue<int>(), Is.EqualTo(42));
        Assert.That(output["error"]!["Error"]!.GetValue<string>(), Is.EqualTo("InvalidOperationException"));
    }

    [Test]
    public async Task WaitForTaskToken_SendTaskSuccessOverTheWire_CompletesTheExecution()
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        aws.StepFunctions.Mock("approval").Returns("Ask", """{"approved": true}""");
        aws.StepFunctions.Engine.Services = new AcceptingServices();
        var machine = await CreateAsync(sfn, """
            {"StartAt": "Wait", "States": {
              "Wait": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}}, "TimeoutSeconds": 3600, "Next": "Ask"},
              "Ask": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "ask"}, "End": true}}}
            """, "approval");
        var arn = (await sfn.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine }))["executionArn"]!.GetValue<string>();
        await aws.RunUntilIdleAsync(TimeSpan.Zero);
        var history = await sfn.CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = arn, ["reverseOrder"] = true });
        var scheduled = history["events"]!.AsArray().First(e => e!["type"]!.GetValue<string>() == "TaskScheduled")!;
        var token = JsonNode.Parse(scheduled["taskScheduledEventDetails"]!["parameters"]!.GetValue<string>())!["MessageBody"]!["token"]!.GetValue<string>();

        await sfn.CallAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = """{"answer": 42}""" });
        await aws.RunUntilIdleAsync();
        var described = await sfn.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });
        Assert.That(described["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"));
        Assert.That(described["output"]!.GetValue<string>(), Is.EqualTo("""{"approved":true}"""));

        var (status, body) = await sfn.SendAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = "{}" }.ToJsonString());
        Assert.That((status, body["__type"]!.GetValue<string>()), Is.EqualTo((400, "TaskTimedOut")));
    }

    [Test]
    public async Task ListStateMachines_AndTags_WorkOverTheWire()
    {
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);
        var machine = await CreateAsync(sfn, """{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""");
        await sfn.CallAsync("TagResource", new JsonObject { ["resourceArn"] = machine, ["tags"] = new JsonArray(new JsonObject { ["key"] = "team", ["value"] = "core" }) });
        var tags = await sfn.CallAsync("ListTagsForResource", new JsonObject { ["resourceArn"] = machine });
        Assert.That(tags["tags"]!.ToJsonString(), Is.EqualTo("""[{"key":"team","value":"core"}]"""));
        var list = await sfn.CallAsync("ListStateMachines", new JsonObject());
        Assert.That(list["stateMachines"]!.AsArray().Single()!["name"]!.GetValue<string>(), Is.EqualTo("machine"));
    }

    [Test]
    public async Task ATagWithoutAKey_IsRefused_AndNothingIsCreatedOrTagged()
    {
        // Before the fix, a tag without a key threw ArgumentNullException out of the router.
        using var aws = new FakeAwsCloud();
        using var sfn = new SfnWire(aws);

        var (status, body) = await sfn.SendAsync("CreateActivity", """{"name": "a", "tags": [{"key": "team", "value": "core"}, {"value": "x"}]}""");

        Assert.That((status, body["__type"]!.GetValue<string>()), Is.EqualTo((400, "com.amazon.coral.validate#ValidationException")));
        Assert.That(body["message"]!.GetValue<string>(),
            Is.EqualTo("1 validation error detected: Value null at 'tags.2.member.key' failed to satisfy constraint: Member must not be null"));
        var activities = await sfn.CallAsync("ListActivities", new JsonObject());
        Assert.That(activities["activities"]!.AsArray(), Is.Empty);
    }

    [Test]
    public void Mock_ResultThatIsNotJson_IsRefused()
    {
        using var aws = new FakeAwsCloud();
        Assert.Throws<ArgumentException>(() => aws.StepFunctions.Mock("m").Returns("S", "{nope"));
    }

    /// <summary>Services that accept every API call, standing in for the SQS queue a callback task writes to.</summary>
    private sealed class AcceptingServices : FakeAws.Engine.StepFunctions.IStepFunctionsTaskServices
    {
        public Task<FakeAws.Engine.StepFunctions.LambdaInvokeResult> InvokeLambdaAsync(
            FakeAws.Engine.Core.RequestScope scope, string functionNameOrArn, string? qualifier, byte[] payload, string? logType, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<JsonNode?> CallAwsApiAsync(
            FakeAws.Engine.Core.RequestScope scope, string service, string action, JsonNode? parameters, CancellationToken cancellationToken) =>
            Task.FromResult<JsonNode?>(new JsonObject { ["MessageId"] = "1" });
    }
}
