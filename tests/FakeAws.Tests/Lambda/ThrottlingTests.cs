using System.Text.Json;
using Amazon.Lambda.Core;

namespace FakeAws.Tests.Lambda;

/// <summary>Concurrency counted in virtual time: invocations held open deterministically hit the limits.</summary>
public class ThrottlingTests : LambdaTestBase
{
    /// <summary>A function whose invocations stay open for <paramref name="seconds"/> of virtual time.</summary>
    private void AddSlowFunction(string name, int seconds = 30) =>
        Aws.Lambda.AddFunction(name, async (JsonElement _, ILambdaContext _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), Aws.Clock);
            return "ok";
        }, o => o.Timeout = 60);

    [Test]
    public async Task Invoke_OverReservedConcurrency_429WithTheReservedReason()
    {
        AddSlowFunction("slow");
        await Wire.Put("/2017-10-31/functions/slow/concurrency", new { ReservedConcurrentExecutions = 1 });
        await Wire.Invoke("slow", type: "Event");
        Aws.Clock.Advance(TimeSpan.FromSeconds(1)); // the event starts and holds the one slot for 30 s

        var throttled = await Wire.Invoke("slow");

        AssertError(throttled, 429, "TooManyRequestsException", "Rate Exceeded.");
        Assert.That(throttled.Json.GetProperty("Reason").GetString(), Is.EqualTo("ReservedFunctionConcurrentInvocationLimitExceeded"));
        Aws.Clock.Advance(TimeSpan.FromSeconds(30));
        AssertOk(await Wire.Invoke("slow"));
    }

    [Test]
    public async Task Invoke_ReservedConcurrencyZero_AlwaysThrottled()
    {
        await Wire.CreateFunction("off", Echo);
        await Wire.Put("/2017-10-31/functions/off/concurrency", new { ReservedConcurrentExecutions = 0 });

        var reply = await Wire.Invoke("off");

        Assert.That(reply.Json.GetProperty("Reason").GetString(), Is.EqualTo("ReservedFunctionConcurrentInvocationLimitExceeded"));
    }

    [Test]
    public async Task Invoke_OverTheAccountLimit_429WithTheAccountReason()
    {
        Aws.Lambda.Engine.Options.ConcurrentExecutions = 3;
        AddSlowFunction("slow");
        for (var i = 0; i < 3; i++)
        {
            await Wire.Invoke("slow", type: "Event");
        }
        Aws.Clock.Advance(TimeSpan.FromSeconds(1));

        var throttled = await Wire.Invoke("slow");

        AssertError(throttled, 429, "TooManyRequestsException", "Rate Exceeded.");
        Assert.That(throttled.Json.GetProperty("Reason").GetString(), Is.EqualTo("ConcurrentInvocationLimitExceeded"));
    }

    [Test]
    public async Task Invoke_ReservedConcurrencyOfOthers_ShrinksTheUnreservedPool()
    {
        Aws.Lambda.Engine.Options.ConcurrentExecutions = 102;
        AddSlowFunction("shared");
        await Wire.CreateFunction("reserved", Echo);
        await Wire.Put("/2017-10-31/functions/reserved/concurrency", new { ReservedConcurrentExecutions = 2 });
        for (var i = 0; i < 100; i++)
        {
            await Wire.Invoke("shared", type: "Event");
        }
        Aws.Clock.Advance(TimeSpan.FromSeconds(1));

        var shared = await Wire.Invoke("shared");
        var reserved = await Wire.Invoke("reserved");

        Assert.That(shared.Json.GetProperty("Reason").GetString(), Is.EqualTo("ConcurrentInvocationLimitExceeded"));
        AssertOk(reserved);
    }

    [Test]
    public async Task Invoke_HeldOpenByTheTest_SecondSynchronousInvokeThrottled()
    {
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Aws.Lambda.AddFunction("gate", (JsonElement _) => release.Task);
        await Wire.Put("/2017-10-31/functions/gate/concurrency", new { ReservedConcurrentExecutions = 1 });

        var first = Wire.Invoke("gate");
        var second = await Wire.Invoke("gate");
        release.SetResult("released");

        Assert.That(second.Json.GetProperty("Reason").GetString(), Is.EqualTo("ReservedFunctionConcurrentInvocationLimitExceeded"));
        Assert.That((await first).Text, Is.EqualTo("\"released\""));
    }

    [Test]
    public async Task Event_Throttled_RetriedWithBackOffUntilASlotFrees()
    {
        var started = new List<DateTimeOffset>();
        Aws.Lambda.AddFunction("slow", async (JsonElement _, ILambdaContext _) =>
        {
            started.Add(Aws.Clock.GetUtcNow());
            await Task.Delay(TimeSpan.FromSeconds(10), Aws.Clock);
            return "ok";
        }, o => o.Timeout = 60);
        await Wire.Put("/2017-10-31/functions/slow/concurrency", new { ReservedConcurrentExecutions = 1 });

        await Wire.Invoke("slow", type: "Event");
        await Wire.Invoke("slow", type: "Event");
        await Aws.RunUntilIdleAsync();

        // The second event is throttled at 0 s and retried after 1, 2, 4 then 8 s: at 15 s the slot is free.
        Assert.That(started, Is.EqualTo(new[] { Start, Start.AddSeconds(15) }));
    }
}
