using System.Globalization;
using System.Text.Json;
using Amazon.Lambda.Core;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda;
using FakeAws.Engine.Lambda.Model;
using Microsoft.Extensions.Time.Testing;

namespace FakeAws.Tests.Lambda;

/// <summary>
/// Synchronous invokes started together (Task.WhenAll) overlap in virtual time, whatever the threads'
/// timing (issue #22 item 5): the clock stands still while they arrive, so a concurrency limit of
/// <c>n</c> runs the first <c>n</c> and throttles the rest, every time, and the virtual time they take is
/// the handler's. Each case repeats the same burst, so a run that differed would show; the sizes the
/// issue names run in category Long.
/// </summary>
public class ConcurrentInvokeTests : LambdaTestBase
{
    private static readonly TimeSpan HandlerTime = TimeSpan.FromSeconds(10);

    /// <summary>A function whose every invocation takes <see cref="HandlerTime"/> of virtual time.</summary>
    private void AddSlowFunction(string name) =>
        Aws.Lambda.AddFunction(name, async (JsonElement _, ILambdaContext _) =>
        {
            await Task.Delay(HandlerTime, Aws.Clock);
            return "ok";
        }, o => o.Timeout = 60);

    [TestCase(20, 20)]
    [TestCase(40, 20, Category = "Long", Explicit = true, Reason = "long: CI runs category Long in a step of its own")]
    public async Task OnTheWire_OverReservedConcurrency_TheSameExcessIsThrottledEveryRun(int invokes, int runs)
    {
        AddSlowFunction("slow");
        await Wire.Put("/2017-10-31/functions/slow/concurrency", new { ReservedConcurrentExecutions = 5 });

        for (var run = 0; run < runs; run++)
        {
            var before = Aws.Clock.GetUtcNow();
            var replies = await Task.WhenAll(Enumerable.Range(0, invokes).Select(_ => Wire.Invoke("slow")));

            var throttled = Enumerable.Range(0, invokes).Where(i => (int)replies[i].Status == 429).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(throttled, Is.EqualTo(Enumerable.Range(5, invokes - 5)), $"run {run}: the first five started run, the rest are throttled");
                Assert.That(Aws.Clock.GetUtcNow() - before, Is.EqualTo(HandlerTime), $"run {run}: the five overlap");
                Assert.That(replies.Take(5).Select(r => r.Text), Is.All.EqualTo("\"ok\""));
            });
            var refused = replies[invokes - 1];
            AssertError(refused, 429, "TooManyRequestsException", "Rate Exceeded.");
            Assert.That(refused.Json.GetProperty("Reason").GetString(), Is.EqualTo("ReservedFunctionConcurrentInvocationLimitExceeded"));
        }
    }

    [TestCase(20, 20)]
    [TestCase(40, 20, Category = "Long", Explicit = true, Reason = "long: CI runs category Long in a step of its own")]
    public async Task ThroughTheEngine_OverReservedConcurrency_TheSameExcessIsThrottledEveryRun(int invokes, int runs)
    {
        AddSlowFunction("slow");
        await Wire.Put("/2017-10-31/functions/slow/concurrency", new { ReservedConcurrentExecutions = 5 });
        var engine = Aws.Lambda.Engine;
        var scope = Aws.Context.Scope(null);

        for (var run = 0; run < runs; run++)
        {
            var before = Aws.Clock.GetUtcNow();
            var outcomes = await Task.WhenAll(Enumerable.Range(0, invokes).Select(async _ =>
            {
                try
                {
                    var response = await engine.Invoke(scope, new InvocationRequest { FunctionName = "slow", Payload = "{}"u8.ToArray() }, CancellationToken.None);
                    return response.StatusCode?.ToString(CultureInfo.InvariantCulture);
                }
                catch (AwsServiceException e)
                {
                    return $"{e.Code} {e.Message} {(e.Details as ThrottleReason)?.Reason}";
                }
            }));

            Assert.Multiple(() =>
            {
                Assert.That(outcomes.Take(5), Is.All.EqualTo("200"), $"run {run}");
                Assert.That(outcomes.Skip(5), Is.All.EqualTo("TooManyRequestsException Rate Exceeded. ReservedFunctionConcurrentInvocationLimitExceeded"), $"run {run}");
                Assert.That(Aws.Clock.GetUtcNow() - before, Is.EqualTo(HandlerTime), $"run {run}");
            });
        }
    }

    [Test]
    public async Task OverTheAccountsUnreservedPool_TheSameExcessIsThrottledEveryRun()
    {
        Aws.Lambda.Engine.Options.ConcurrentExecutions = 8;
        AddSlowFunction("slow");

        for (var run = 0; run < 5; run++)
        {
            var before = Aws.Clock.GetUtcNow();
            var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Wire.Invoke("slow")));

            Assert.Multiple(() =>
            {
                Assert.That(replies.Take(8).Select(r => (int)r.Status), Is.All.EqualTo(200), $"run {run}");
                Assert.That(replies.Skip(8).Select(r => r.Json.GetProperty("Reason").GetString()), Is.All.EqualTo("ConcurrentInvocationLimitExceeded"), $"run {run}");
                Assert.That(Aws.Clock.GetUtcNow() - before, Is.EqualTo(HandlerTime), $"run {run}");
            });
        }
    }

    [Test]
    public async Task UnderTheLimit_AllOverlap_AndTakeTheHandlersTimeOnce()
    {
        AddSlowFunction("slow");

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Wire.Invoke("slow")));

        Assert.That(replies.Select(r => (int)r.Status), Is.All.EqualTo(200));
        Assert.That(Aws.Clock.GetUtcNow() - Start, Is.EqualTo(HandlerTime));
    }

    [Test]
    public async Task InvokesOneAfterAnother_DoNotOverlap()
    {
        AddSlowFunction("slow");
        await Wire.Put("/2017-10-31/functions/slow/concurrency", new { ReservedConcurrentExecutions = 1 });

        for (var i = 0; i < 3; i++)
        {
            AssertOk(await Wire.Invoke("slow"));
        }

        Assert.That(Aws.Clock.GetUtcNow() - Start, Is.EqualTo(3 * HandlerTime));
    }

    [Test]
    public async Task WithALongerArrivalWindow_InvokesSpreadOverRealTimeStillOverlap()
    {
        // Clients of FakeAws.Server arrive spread out in real time; a longer window still gathers them.
        using var aws = new FakeAwsCloud(new FakeAwsOptions { TimeProvider = new FakeTimeProvider(Start), ArrivalWindow = TimeSpan.FromSeconds(3) });
        using var wire = new LambdaWire(aws);
        aws.Lambda.AddFunction("slow", async (JsonElement _, ILambdaContext _) =>
        {
            await Task.Delay(HandlerTime, aws.Clock);
            return "ok";
        }, o => o.Timeout = 60);
        await wire.Put("/2017-10-31/functions/slow/concurrency", new { ReservedConcurrentExecutions = 2 });

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            // Each invoke starts 150 ms of real time after the one before: more than the default window of 60 ms.
#pragma warning disable RS0030 // The gap between callers is real time by design.
            await Task.Delay(TimeSpan.FromMilliseconds(150 * i), TimeProvider.System);
#pragma warning restore RS0030
            return await wire.Invoke("slow");
        }));

        Assert.Multiple(() =>
        {
            Assert.That(replies.Select(r => (int)r.Status), Is.EqualTo(new[] { 200, 200, 429, 429, 429, 429 }));
            Assert.That(aws.Clock.GetUtcNow() - Start, Is.EqualTo(HandlerTime));
        });
    }

    [Test]
    public void ANegativeArrivalWindow_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FakeAwsCloud(new FakeAwsOptions { ArrivalWindow = TimeSpan.FromMilliseconds(-1) }));
}
