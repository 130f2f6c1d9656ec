using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Lambda.Core;

namespace FakeAws.Tests.Lambda;

/// <summary>Invoke's outcomes on the wire: status codes, headers, payloads and logs.</summary>
public class InvokeTests : LambdaTestBase
{
    [Test]
    public async Task Invoke_RequestResponse_ReturnsThePayloadAndTheExecutedVersion()
    {
        string? seenRequestId = null;
        Aws.Lambda.AddFunction("greet", (JsonElement input, ILambdaContext context) =>
        {
            seenRequestId = context.AwsRequestId;
            return new { Greeting = $"hello {input.GetProperty("name").GetString()}" };
        });

        var reply = await Wire.Invoke("greet", "{\"name\":\"ada\"}");

        AssertOk(reply);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Is.EqualTo("{\"Greeting\":\"hello ada\"}"));
            Assert.That(reply.Header("X-Amz-Executed-Version"), Is.EqualTo("$LATEST"));
            Assert.That(reply.Header("X-Amz-Function-Error"), Is.Null);
            Assert.That(reply.Header("x-amzn-RequestId"), Is.EqualTo(seenRequestId));
        });
    }

    [Test]
    public async Task Invoke_Event_Answers202AndRunsOnTheScheduler()
    {
        var calls = 0;
        Aws.Lambda.AddFunction("count", (JsonElement _) => calls++);

        var reply = await Wire.Invoke("count", type: "Event");

        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(reply.Body, Is.Empty);
            Assert.That(calls, Is.Zero, "an event waits on the scheduler");
        });
        await Aws.RunUntilIdleAsync();
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task Invoke_DryRun_Answers204WithoutRunning()
    {
        var calls = 0;
        Aws.Lambda.AddFunction("count", (JsonElement _) => calls++);

        var reply = await Wire.Invoke("count", type: "DryRun");
        await Aws.RunUntilIdleAsync();

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(calls, Is.Zero);
    }

    [Test]
    public async Task Invoke_Missing_ResourceNotFoundNamingLatest()
    {
        var reply = await Wire.Invoke("nope");

        AssertError(reply, 404, "ResourceNotFoundException", $"Function not found: {Arn("nope")}:$LATEST");
    }

    [Test]
    public async Task Invoke_QualifierVersionAndAlias_RunTheirVersions()
    {
        await Wire.CreateFunction("f", Echo);
        await Wire.PublishVersion("f");
        await Wire.Post("/2015-03-31/functions/f/aliases", new { Name = "live", FunctionVersion = "1" });

        var version = await Wire.Invoke("f", qualifier: "1");
        var alias = await Wire.Invoke("f", qualifier: "live");
        var viaArn = await Wire.Invoke(Arn("f") + ":live");
        var missing = await Wire.Invoke("f", qualifier: "gone");

        Assert.Multiple(() =>
        {
            Assert.That(version.Header("X-Amz-Executed-Version"), Is.EqualTo("1"));
            Assert.That(alias.Header("X-Amz-Executed-Version"), Is.EqualTo("1"));
            Assert.That(viaArn.Header("X-Amz-Executed-Version"), Is.EqualTo("1"));
        });
        AssertError(missing, 404, "ResourceNotFoundException", $"Function not found: {Arn("f")}:gone");
    }

    [Test]
    public async Task Invoke_QualifierDisagreesWithTheArn_InvalidParameterValue()
    {
        await Wire.CreateFunction("f", Echo);

        var reply = await Wire.Invoke(Arn("f") + ":1", qualifier: "2");

        AssertError(reply, 400, "InvalidParameterValueException", "The derived qualifier from the function name does not match the specified qualifier.");
    }

    [Test]
    public async Task Invoke_HandlerThrows_UnhandledWithTypeMessageAndStackTrace()
    {
        Aws.Lambda.AddFunction("boom", (JsonElement _) => Fail());

        var reply = await Wire.Invoke("boom");

        AssertOk(reply);
        var error = reply.Json;
        Assert.Multiple(() =>
        {
            Assert.That(reply.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
            Assert.That(error.GetProperty("errorType").GetString(), Is.EqualTo("InvalidOperationException"));
            Assert.That(error.GetProperty("errorMessage").GetString(), Is.EqualTo("no stock"));
            Assert.That(error.GetProperty("stackTrace")[0].GetString(), Does.StartWith("at FakeAws.Tests.Lambda.InvokeTests.Fail()"));
            Assert.That(error.GetProperty("cause").GetProperty("errorType").GetString(), Is.EqualTo("KeyNotFoundException"));
        });
    }

    private static int Fail() => throw new InvalidOperationException("no stock", new KeyNotFoundException("sku-1"));

    [Test]
    public async Task Invoke_PastTheTimeoutOnTheVirtualClock_SandboxTimedout()
    {
        Aws.Lambda.AddFunction("slow", async (JsonElement _, ILambdaContext _) =>
        {
            await Task.Delay(TimeSpan.FromMinutes(10), Aws.Clock);
            return "late";
        }, o => o.Timeout = 5);

        var reply = await Wire.Invoke("slow");

        var requestId = reply.Header("x-amzn-RequestId");
        Assert.Multiple(() =>
        {
            Assert.That(reply.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
            Assert.That(reply.Text, Is.EqualTo($"{{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: {requestId} Error: Task timed out after 5.00 seconds\"}}"));
            Assert.That(Aws.Clock.GetUtcNow(), Is.EqualTo(Start.AddSeconds(5)), "the timeout passed in virtual time");
        });
    }

    [Test]
    public async Task Invoke_HandlerWaitingOnTheClock_CompletesInVirtualTime()
    {
        TimeSpan? remaining = null;
        Aws.Lambda.AddFunction("wait", async (JsonElement _, ILambdaContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(40), Aws.Clock);
            remaining = context.RemainingTime;
            return "done";
        }, o => o.Timeout = 60);

        var reply = await Wire.Invoke("wait", tail: true);

        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Is.EqualTo("\"done\""));
            Assert.That(remaining, Is.EqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(Aws.Clock.GetUtcNow(), Is.EqualTo(Start.AddSeconds(40)));
            Assert.That(Encoding.UTF8.GetString(Convert.FromBase64String(reply.Header("X-Amz-Log-Result")!)), Does.Contain("\tDuration: 40000.00 ms\t"));
        });
    }

    [Test]
    public async Task Invoke_InvalidJsonPayload_InvalidRequestContent()
    {
        await Wire.CreateFunction("f", Echo);

        var reply = await Wire.Invoke("f", "'quoted'");

        AssertError(reply, 400, "InvalidRequestContentException",
            "Could not parse request body into json: Could not parse payload into json: Unexpected character (''' (code 39)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')" +
            "\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1]");
    }

    [Test]
    public async Task Invoke_InvalidUtf8InAString_InvalidRequestContentAndNoRun()
    {
        var runs = 0;
        Aws.Lambda.AddFunction("f", (JsonElement input) => ++runs);

        var reply = await Wire.Send(HttpMethod.Post, "/2015-03-31/functions/f/invocations", body: [.. "{\"a\":\""u8, 0x97, .. "x\"}"u8]);

        AssertError(reply, 400, "InvalidRequestContentException",
            "Could not parse request body into json: Could not parse payload into json: Invalid UTF-8 start byte 0x97" +
            "\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 8]");
        Assert.That(runs, Is.Zero);
    }

    [Test]
    public async Task Invoke_TruncatedUtf8Sequence_InvalidMiddleByte()
    {
        await Wire.CreateFunction("f", Echo);

        var reply = await Wire.Send(HttpMethod.Post, "/2015-03-31/functions/f/invocations", body: [.. "[\n\""u8, 0xE2, 0x82, .. "\"]"u8]);

        AssertError(reply, 400, "InvalidRequestContentException",
            "Could not parse request body into json: Could not parse payload into json: Invalid UTF-8 middle byte 0x22" +
            "\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 2, column: 5]");
    }

    [Test]
    public async Task Invoke_MultiByteUtf8_RunsUnchanged()
    {
        string? seen = null;
        Aws.Lambda.AddFunction("f", (JsonElement input) => seen = input.GetProperty("name").GetString());

        var reply = await Wire.Invoke("f", "{\"name\":\"Zoë ☃ 𝄞\"}");

        AssertOk(reply);
        Assert.That(seen, Is.EqualTo("Zoë ☃ 𝄞"));
    }

    [Test]
    public async Task Invoke_EmptyPayload_HandlerSeesAnEmptyObject()
    {
        await Wire.CreateFunction("f", Echo);

        var reply = await Wire.Invoke("f", "");

        Assert.That(reply.Text, Is.EqualTo("{}"));
    }

    [Test]
    public async Task Invoke_LogTypeTail_ReturnsTheLastFourKilobytesBase64()
    {
        Aws.Lambda.AddFunction("chatty", (JsonElement _, ILambdaContext context) =>
        {
            context.Logger.LogLine("first line");
            for (var i = 0; i < 200; i++)
            {
                context.Logger.LogLine($"line {i:D3} " + new string('.', 30));
            }
            context.Logger.LogInformation("done");
            return 1;
        });

        var reply = await Wire.Invoke("chatty", tail: true);

        var tail = Convert.FromBase64String(reply.Header("X-Amz-Log-Result")!);
        var text = Encoding.UTF8.GetString(tail);
        Assert.Multiple(() =>
        {
            Assert.That(tail, Has.Length.EqualTo(4096));
            Assert.That(text, Does.Not.Contain("first line"));
            Assert.That(text, Does.Contain("line 199"));
            Assert.That(text, Does.Contain($"\t{reply.Header("x-amzn-RequestId")}\tinfo\tdone\n"));
            Assert.That(text, Does.EndWith("MB\t\n").And.Contain($"REPORT RequestId: {reply.Header("x-amzn-RequestId")}"));
        });
    }

    [Test]
    public async Task Invoke_WithoutLogType_NoLogResult()
    {
        await Wire.CreateFunction("f", Echo);

        var reply = await Wire.Invoke("f");

        Assert.That(reply.Header("X-Amz-Log-Result"), Is.Null);
    }

    [Test]
    public async Task Invoke_ClientContext_ReachesTheHandler()
    {
        string? custom = null;
        Aws.Lambda.AddFunction("ctx", (JsonElement _, ILambdaContext context) => custom = context.ClientContext.Custom["tenant"]);
        var clientContext = Convert.ToBase64String("{\"custom\":{\"tenant\":\"acme\"}}"u8.ToArray());

        await Wire.Send(HttpMethod.Post, "/2015-03-31/functions/ctx/invocations", body: "{}"u8.ToArray(),
            headers: new Dictionary<string, string> { ["X-Amz-Client-Context"] = clientContext });

        Assert.That(custom, Is.EqualTo("acme"));
    }

    [Test]
    public async Task Invoke_FunctionStillPending_ResourceConflict()
    {
        Aws.Lambda.Engine.Options.StateTransitionDelay = TimeSpan.FromSeconds(30);
        await Wire.CreateFunction("f", Echo);

        var pending = await Wire.Invoke("f");
        Time.Advance(TimeSpan.FromSeconds(30));
        var active = await Wire.Invoke("f");

        AssertError(pending, 409, "ResourceConflictException",
            "The operation cannot be performed at this time. The function is currently in the following state: Pending");
        AssertOk(active);
    }

    [Test]
    public async Task InvokeAsync_Legacy_QueuesAnEvent()
    {
        var calls = 0;
        Aws.Lambda.AddFunction("count", (JsonElement _) => calls++);

        var reply = await Wire.Send(HttpMethod.Post, "/2014-11-13/functions/count/invoke-async", body: "{}"u8.ToArray());
        await Aws.RunUntilIdleAsync();

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(calls, Is.EqualTo(1));
    }
}
