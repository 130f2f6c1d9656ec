using System.Text;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Tests.Lambda;

/// <summary>The Invoke operation as other services call it in process: Step Functions tasks, API Gateway integrations, event sources.</summary>
public class InvokeOperationTests
{
    private static Task<InvocationResponse> Invoke(LambdaEngineKit kit, string name, byte[] payload, string type) =>
        kit.Engine.Invoke(kit.Scope, new InvocationRequest { FunctionName = name, Payload = payload, InvocationType = type, LogType = "Tail" }, CancellationToken.None);

    [Test]
    public async Task Invoke_RequestResponse_ReturnsTheResult()
    {
        var kit = new LambdaEngineKit();
        kit.Add("upper", (payload, _) => Task.FromResult(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(payload).ToUpperInvariant())));

        var result = await Invoke(kit, "upper", "\"abc\""u8.ToArray(), "RequestResponse");

        Assert.Multiple(() =>
        {
            Assert.That(result.StatusCode, Is.EqualTo(200));
            Assert.That(Encoding.UTF8.GetString(result.Payload!), Is.EqualTo("\"ABC\""));
            Assert.That(result.ExecutedVersion, Is.EqualTo("$LATEST"));
            Assert.That(result.FunctionError, Is.Null);
            Assert.That(Encoding.UTF8.GetString(Convert.FromBase64String(result.LogResult!)), Does.StartWith("INIT_START"));
        });
    }

    [Test]
    public void Invoke_Missing_ThrowsTheAwsError()
    {
        var kit = new LambdaEngineKit();

        var error = Assert.ThrowsAsync<AwsServiceException>(() =>
            Invoke(kit, "nope", [], "RequestResponse"));

        Assert.That(error!.Code, Is.EqualTo("ResourceNotFoundException"));
        Assert.That(error.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task Invoke_FromScheduledWork_WaitsWhileTheSchedulerRunsTheFunction()
    {
        var kit = new LambdaEngineKit();
        kit.Add("sleepy", async (payload, invocation) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2), invocation.Clock);
            return payload;
        });
        InvocationResponse? seen = null;
        DateTimeOffset? finished = null;
        // Work on the scheduler that invokes, as a Step Functions task state would.
        kit.Cloud.Scheduler.Schedule(LambdaEngineKit.Start.AddSeconds(10), async () =>
        {
            seen = await Invoke(kit, "sleepy", "1"u8.ToArray(), "RequestResponse");
            finished = kit.Clock.GetUtcNow();
        }, "state machine task");

        await kit.Clock.RunUntilIdleAsync();

        Assert.That(seen?.Payload, Is.EqualTo("1"u8.ToArray()));
        Assert.That(finished, Is.EqualTo(LambdaEngineKit.Start.AddSeconds(12)));
    }

    [Test]
    public async Task Invoke_FunctionInvokingAnother_NestsInVirtualTime()
    {
        var kit = new LambdaEngineKit();
        kit.Add("inner", async (payload, invocation) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), invocation.Clock);
            return "\"inner\""u8.ToArray();
        });
        kit.Add("outer", async (_, invocation) =>
        {
            var inner = await Invoke(kit, "inner", "{}"u8.ToArray(), "RequestResponse");
            await Task.Delay(TimeSpan.FromSeconds(1), invocation.Clock);
            return inner.Payload!;
        });

        var result = await Invoke(kit, "outer", "{}"u8.ToArray(), "RequestResponse");

        Assert.That(Encoding.UTF8.GetString(result.Payload!), Is.EqualTo("\"inner\""));
        Assert.That(kit.Clock.GetUtcNow(), Is.EqualTo(LambdaEngineKit.Start.AddSeconds(2)));
    }

    [Test]
    public async Task Invoke_Event_QueuedUntilTheClockRuns()
    {
        var kit = new LambdaEngineKit();
        var runs = 0;
        kit.Add("count", (payload, _) => { runs++; return Task.FromResult(payload); });

        var result = await Invoke(kit, "count", "{}"u8.ToArray(), "Event");

        Assert.That(result.StatusCode, Is.EqualTo(202));
        Assert.That(runs, Is.Zero);
        await kit.Clock.RunUntilIdleAsync();
        Assert.That(runs, Is.EqualTo(1));
    }

    [Test]
    public async Task Invoke_Timeout_ReportsSandboxTimedoutAndMovesOnlyVirtualTime()
    {
        var kit = new LambdaEngineKit();
        kit.Add("forever", async (payload, invocation) =>
        {
            await kit.Clock.Delay(TimeSpan.FromHours(1));
            return payload;
        }, timeout: 900);

        var result = await Invoke(kit, "forever", "{}"u8.ToArray(), "RequestResponse");

        Assert.That(result.FunctionError, Is.EqualTo("Unhandled"));
        Assert.That(Encoding.UTF8.GetString(result.Payload!), Does.EndWith("Error: Task timed out after 900.00 seconds\"}"));
        Assert.That(kit.Clock.GetUtcNow(), Is.EqualTo(LambdaEngineKit.Start.AddSeconds(900)));
    }
}
