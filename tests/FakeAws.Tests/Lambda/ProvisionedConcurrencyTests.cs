using System.Text;
using System.Text.Json;

namespace FakeAws.Tests.Lambda;

/// <summary>Provisioned concurrency serving invocations: its environments first, without cold starts, then spill-over on demand.</summary>
public class ProvisionedConcurrencyTests : LambdaTestBase
{
    private static string Log(WireReply reply) => Encoding.UTF8.GetString(Convert.FromBase64String(reply.Header("X-Amz-Log-Result")!));

    private async Task<TaskCompletionSource<string>> GatedFunction(string name, int provisioned, string qualifier = "1")
    {
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Aws.Lambda.AddFunction(name, (JsonElement _) => release.Task);
        await Wire.PublishVersion(name);
        var put = await Wire.Put($"/2019-09-30/functions/{name}/provisioned-concurrency?Qualifier={qualifier}", new { ProvisionedConcurrentExecutions = provisioned });
        AssertOk(put, 202);
        return release;
    }

    [Test]
    public async Task InvocationsOfTheVersion_UseProvisionedEnvironmentsFirst_ThenSpillOverWithAColdStart()
    {
        var release = await GatedFunction("f", provisioned: 2);

        var calls = Enumerable.Range(0, 3).Select(_ => Wire.Invoke("f", qualifier: "1", tail: true)).ToList();
        release.SetResult("ok");
        var logs = (await Task.WhenAll(calls)).Select(Log).ToList();
        var again = Log(await Wire.Invoke("f", qualifier: "1", tail: true));
        var latest = Log(await Wire.Invoke("f", tail: true));

        Assert.Multiple(() =>
        {
            Assert.That(logs.Count(l => l.Contains("INIT_START", StringComparison.Ordinal)), Is.EqualTo(1), "two provisioned, one on demand: " + string.Join("\n---\n", logs));
            Assert.That(again, Does.Not.Contain("INIT_START"), "a provisioned environment is warm");
            Assert.That(latest, Does.Contain("INIT_START"), "$LATEST has no provisioned concurrency");
        });
    }

    [Test]
    public async Task AnAliasWithProvisionedConcurrency_ServesItsInvocations()
    {
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        release.SetResult("ok");
        Aws.Lambda.AddFunction("f", (JsonElement _) => release.Task);
        await Wire.PublishVersion("f");
        await Wire.Post("/2015-03-31/functions/f/aliases", new { Name = "live", FunctionVersion = "1" });
        await Wire.Put("/2019-09-30/functions/f/provisioned-concurrency?Qualifier=live", new { ProvisionedConcurrentExecutions = 1 });

        var viaAlias = Log(await Wire.Invoke("f", qualifier: "live", tail: true));

        Assert.That(viaAlias, Does.Not.Contain("INIT_START"));
    }

    [Test]
    public async Task ProvisionedConcurrency_IsSetAsideFromTheUnreservedPool_SoItsInvocationsDoNotDrawFromIt()
    {
        Aws.Lambda.Engine.Options.ConcurrentExecutions = 110;
        var release = await GatedFunction("provisioned", provisioned: 10);
        Aws.Lambda.AddFunction("other", (JsonElement _) => release.Task);

        var provisioned = Enumerable.Range(0, 10).Select(_ => Wire.Invoke("provisioned", qualifier: "1")).ToList();
        var others = Enumerable.Range(0, 100).Select(_ => Wire.Invoke("other")).ToList();
        var throttled = await Wire.Invoke("other");
        var spilled = await Wire.Invoke("provisioned", qualifier: "1");
        release.SetResult("ok");
        var served = await Task.WhenAll(provisioned.Concat(others));

        Assert.Multiple(() =>
        {
            Assert.That(served.Select(r => r.Text), Is.All.EqualTo("\"ok\""));
            Assert.That(throttled.Json.GetProperty("Reason").GetString(), Is.EqualTo("ConcurrentInvocationLimitExceeded"), throttled.ToString());
            Assert.That(spilled.Json.GetProperty("Reason").GetString(), Is.EqualTo("ConcurrentInvocationLimitExceeded"), "the spill-over draws from the full unreserved pool");
        });
    }

    [Test]
    public async Task ProvisionedConcurrency_ServesOnlyOnceReady()
    {
        Aws.Lambda.Engine.Options.StateTransitionDelay = TimeSpan.FromSeconds(30);
        Aws.Lambda.AddFunction("f", (JsonElement e) => e);
        Time.Advance(TimeSpan.FromSeconds(30));
        AssertOk(await Wire.PublishVersion("f"), 201);
        await Wire.Put("/2019-09-30/functions/f/provisioned-concurrency?Qualifier=1", new { ProvisionedConcurrentExecutions = 1 });

        var whileAllocating = Log(await Wire.Invoke("f", qualifier: "1", tail: true));
        Time.Advance(TimeSpan.FromSeconds(30));
        var ready = Log(await Wire.Invoke("f", qualifier: "1", tail: true));

        Assert.Multiple(() =>
        {
            Assert.That(whileAllocating, Does.Contain("INIT_START"), "IN_PROGRESS: on demand");
            Assert.That(ready, Does.Not.Contain("INIT_START"), "READY: provisioned");
        });
    }
}
