using System.Text;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda;

namespace FakeAws.Engine.Tests.Lambda;

/// <summary>The invoke API other engines call: Step Functions tasks, API Gateway integrations, event sources.</summary>
public class InvokeFunctionAsyncTests
{
    [Test]
    public async Task InvokeFunctionAsync_RequestResponse_ReturnsTheResult()
    {
        var kit = new LambdaEngineKit();
        kit.Add("upper", (payload, _) => Task.FromResult(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(payload).ToUpperInvariant())));

        var result = await kit.Engine.InvokeFunctionAsync(kit.Scope, "upper", null, "\"abc\""u8.ToArray(), LambdaInvocationType.RequestResponse);

        Assert.Multiple(() =>
        {
            Assert.That(result.StatusCode, Is.EqualTo(200));
            Assert.That(Encoding.UTF8.GetString(result.Payload!), Is.EqualTo("\"ABC\""));
            Assert.That(result.ExecutedVersion, Is.EqualTo("$LATEST"));
            Assert.That(result.FunctionError, Is.Null);
            Assert.That(result.Log, Does.StartWith("INIT_START"));
        });
    }

    [Test]
    public void InvokeFunctionAsync_Missing_ThrowsTheAwsError()
    {
        var kit = new LambdaEngineKit();

        var error = Assert.ThrowsAsync<AwsServiceException>(() =>
            kit.Engine.InvokeFunctionAsync(kit.Scope, "nope", null, ReadOnlyMemory<byte>.Empty, LambdaInvocationType.RequestResponse));

        Assert.That(error!.Code, Is.EqualTo("ResourceNotFoundException"));
        Assert.That(error.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task InvokeFunctionAsync_FromScheduledWork_WaitsWhileTheSchedulerRunsTheFunction()
    {
        var kit = new LambdaEngineKit();
        kit.Add("sleepy", async (payload, invocation) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2), invocation.Clock);
            return payload;
        });
        LambdaInvokeResult? seen = null;
        DateTimeOffset? finished = null;
        // Work on the scheduler that invokes, as a Step Functions task state would.
        kit.Cloud.Scheduler.Schedule(LambdaEngineKit.Start.AddSeconds(10), async () =>
        {
            seen = await kit.Engine.InvokeFunctionAsync(kit.Scope, "sleepy", null, "1"u8.ToArray(), LambdaInvocationType.RequestResponse);
            finished = kit.Clock.GetUtcNow();
        }, "state machine task");

        await kit.Clock.RunUntilIdleAsync();

        Assert.That(seen?.Payload, Is.EqualTo("1"u8.ToArray()));
        Assert.That(finished, Is.EqualTo(LambdaEngineKit.Start.AddSeconds(12)));
    }

    [Test]
    public async Task InvokeFunctionAsync_FunctionInvokingAnother_NestsInVirtualTime()
    {
        var kit = new LambdaEngineKit();
        kit.Add("inner", async (payload, invocation) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), invocation.Clock);
            return "\"inner\""u8.ToArray();
        });
        kit.Add("outer", async (_, invocation) =>
        {
            var inner = await kit.Engine.InvokeFunctionAsync(kit.Scope, "inner", null, "{}"u8.ToArray(), LambdaInvocationType.RequestResponse);
            await Task.Delay(TimeSpan.FromSeconds(1), invocation.Clock);
            return inner.Payload!;
        });

        var result = await kit.Engine.InvokeFunctionAsync(kit.Scope, "outer", null, "{}"u8.ToArray(), LambdaInvocationType.RequestResponse);

        Assert.That(Encoding.UTF8.GetString(result.Payload!), Is.EqualTo("\"inner\""));
        Assert.That(kit.Clock.GetUtcNow(), Is.EqualTo(LambdaEngineKit.Start.AddSeconds(2)));
    }

    [Test]
    public async Task InvokeFunctionAsync_Event_QueuedUntilTheClockRuns()
    {
        var kit = new LambdaEngineKit();
        var runs = 0;
        kit.Add("count", (payload, _) => { runs++; return Task.FromResult(payload); });

        var result = await kit.Engine.InvokeFunctionAsync(kit.Scope, "count", null, "{}"u8.ToArray(), LambdaInvocationType.Event);

        Assert.That(result.StatusCode, Is.EqualTo(202));
        Assert.That(runs, Is.Zero);
        await kit.Clock.RunUntilIdleAsync();
        Assert.That(runs, Is.EqualTo(1));
    }

    [Test]
    public async Task InvokeFunctionAsync_Timeout_ReportsSandboxTimedoutAndMovesOnlyVirtualTime()
    {
        var kit = new LambdaEngineKit();
        kit.Add("forever", async (payload, invocation) =>
        {
            await kit.Clock.Delay(TimeSpan.FromHours(1));
            return payload;
        }, timeout: 900);

        var result = await kit.Engine.InvokeFunctionAsync(kit.Scope, "forever", null, "{}"u8.ToArray(), LambdaInvocationType.RequestResponse);

        Assert.That(result.FunctionError, Is.EqualTo("Unhandled"));
        Assert.That(Encoding.UTF8.GetString(result.Payload!), Does.EndWith("Error: Task timed out after 900.00 seconds\"}"));
        Assert.That(kit.Clock.GetUtcNow(), Is.EqualTo(LambdaEngineKit.Start.AddSeconds(900)));
    }
}
