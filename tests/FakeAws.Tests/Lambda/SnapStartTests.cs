using System.Text.Json;
using Amazon.Lambda.Core;
using FakeAws.Lambda;

namespace FakeAws.Tests.Lambda;

/// <summary>A handler type that registers its SnapStart hooks with Amazon.Lambda.Core's SnapshotRestore (the look-alike here).</summary>
public class SnapStartFunction
{
    public static List<string> Events { get; } = [];

    public SnapStartFunction()
    {
        Events.Add("init");
        SnapshotRestore.RegisterBeforeSnapshot(() => { Events.Add("before-snapshot"); return ValueTask.CompletedTask; });
        SnapshotRestore.RegisterAfterRestore(() => { Events.Add("after-restore"); return ValueTask.CompletedTask; });
    }

    public string Handle(JsonElement input)
    {
        Events.Add("invoke");
        return "ok";
    }
}

// SnapshotRestore's queues are static, as in Amazon.Lambda.Core: nothing else may initialize functions meanwhile.
[NonParallelizable]
public class SnapStartTests : LambdaTestBase
{
    private const string Handler = "FakeAws.Tests::FakeAws.Tests.Lambda.SnapStartFunction::Handle";

    [SetUp]
    public void RegisterHandlersAndClearEvents()
    {
        Aws.Lambda.RegisterHandlerAssembly(typeof(SnapStartFunction).Assembly);
        SnapStartFunction.Events.Clear();
    }

    [Test]
    public async Task PublishVersion_SnapStart_RunsInitAndBeforeSnapshotOnceThenRestoresOnInvoke()
    {
        await Wire.CreateFunction("snap", Handler, new { SnapStart = new { ApplyOn = "PublishedVersions" } });

        var published = await Wire.PublishVersion("snap");
        var afterPublish = SnapStartFunction.Events.ToList();
        await Wire.Invoke("snap", qualifier: "1");
        await Wire.Invoke("snap", qualifier: "1");
        var version = await Wire.Get("/2015-03-31/functions/snap/configuration?Qualifier=1");
        var latest = await Wire.Get("/2015-03-31/functions/snap/configuration");

        Assert.Multiple(() =>
        {
            Assert.That(afterPublish, Is.EqualTo(new[] { "init", "before-snapshot" }));
            Assert.That(SnapStartFunction.Events, Is.EqualTo(new[] { "init", "before-snapshot", "after-restore", "invoke", "invoke" }));
            Assert.That(published.Json.GetProperty("SnapStart").GetProperty("OptimizationStatus").GetString(), Is.EqualTo("On"));
            Assert.That(version.Json.GetProperty("SnapStart").GetProperty("OptimizationStatus").GetString(), Is.EqualTo("On"));
            Assert.That(latest.Json.GetProperty("SnapStart").GetProperty("ApplyOn").GetString(), Is.EqualTo("PublishedVersions"));
            Assert.That(latest.Json.GetProperty("SnapStart").GetProperty("OptimizationStatus").GetString(), Is.EqualTo("Off"));
        });
    }

    [Test]
    public async Task Invoke_LatestOfASnapStartFunction_InitsNormallyWithoutHooks()
    {
        await Wire.CreateFunction("snap", Handler, new { SnapStart = new { ApplyOn = "PublishedVersions" } });

        await Wire.Invoke("snap");

        Assert.That(SnapStartFunction.Events, Is.EqualTo(new[] { "init", "invoke" }));
    }

    [Test]
    public async Task PublishVersion_Unchanged_DoesNotSnapshotAgain()
    {
        await Wire.CreateFunction("snap", Handler, new { SnapStart = new { ApplyOn = "PublishedVersions" } });

        await Wire.PublishVersion("snap");
        await Wire.PublishVersion("snap");

        Assert.That(SnapStartFunction.Events, Is.EqualTo(new[] { "init", "before-snapshot" }));
    }

    [Test]
    public async Task AddFunction_HooksThroughFakeAwsApi_RunAroundTheSnapshot()
    {
        var events = new List<string>();
        Aws.Lambda.AddFunction("snap", (JsonElement _) => events.Add("invoke"), o =>
        {
            o.SnapStart = true;
            o.Init = () =>
            {
                events.Add("init");
                LambdaSnapStart.RegisterBeforeSnapshot(() => { events.Add("before-snapshot 1"); return ValueTask.CompletedTask; });
                LambdaSnapStart.RegisterBeforeSnapshot(() => { events.Add("before-snapshot 2"); return ValueTask.CompletedTask; });
                LambdaSnapStart.RegisterAfterRestore(async () => { await Task.Delay(TimeSpan.FromSeconds(1), Aws.Clock); events.Add("after-restore"); });
                return Task.CompletedTask;
            };
        });

        await Wire.PublishVersion("snap");
        var reply = await Wire.Invoke("snap", qualifier: "1", tail: true);

        Assert.That(events, Is.EqualTo(new[] { "init", "before-snapshot 2", "before-snapshot 1", "after-restore", "invoke" }));
        Assert.That(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(reply.Header("X-Amz-Log-Result")!)),
            Does.Contain("RESTORE_REPORT Restore Duration: 1000.00 ms"));
    }

    [Test]
    public void RegisterBeforeSnapshot_OutsideInit_Refused()
    {
        Assert.Throws<InvalidOperationException>(() => LambdaSnapStart.RegisterBeforeSnapshot(() => ValueTask.CompletedTask));
    }

    [Test]
    public async Task PublishVersion_InitThrows_VersionFailedAndNotInvocable()
    {
        Aws.Lambda.AddFunction("snap", () => 1, o =>
        {
            o.SnapStart = true;
            o.Init = () => throw new InvalidOperationException("no database");
        });

        await Wire.PublishVersion("snap");
        var version = await Wire.Get("/2015-03-31/functions/snap/configuration?Qualifier=1");
        var invoke = await Wire.Invoke("snap", qualifier: "1");

        Assert.That(version.Json.GetProperty("State").GetString(), Is.EqualTo("Failed"));
        Assert.That(version.Json.GetProperty("StateReason").GetString(), Is.EqualTo("InvalidOperationException: no database"));
        AssertError(invoke, 409, "ResourceConflictException", "The operation cannot be performed at this time. The function is currently in the following state: Failed");
    }

    [Test]
    public async Task UpdateFunctionConfiguration_SnapStartOnUnsupportedRuntime_InvalidParameterValue()
    {
        await Wire.CreateFunction("node", "index.handler", runtime: "nodejs20.x");

        var reply = await Wire.Put("/2015-03-31/functions/node/configuration", new { SnapStart = new { ApplyOn = "PublishedVersions" } });

        AssertError(reply, 400, "InvalidParameterValueException", "nodejs20.x is not supported for SnapStart enabled functions.");
    }
}
