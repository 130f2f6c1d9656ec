namespace FakeAws.Tests.Lambda;

/// <summary>The Lambda settings of <see cref="FakeAwsOptions"/> reach the engine.</summary>
public class LambdaOptionsTests
{
    [Test]
    public async Task LambdaConcurrentExecutions_SetsTheAccountQuota()
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { Lambda = { ConcurrentExecutions = 250 } });
        using var wire = new LambdaWire(aws);

        var reply = await wire.Get("/2016-08-19/account-settings");

        Assert.That(reply.Json.GetProperty("AccountLimit").GetProperty("ConcurrentExecutions").GetInt32(), Is.EqualTo(250));
    }

    [Test]
    public async Task LambdaStateTransitionDelay_KeepsAFunctionPendingUntilTheClockPasses()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var aws = new FakeAwsCloud(new FakeAwsOptions { TimeProvider = time, Lambda = { StateTransitionDelay = TimeSpan.FromSeconds(5) } });
        using var wire = new LambdaWire(aws);
        await wire.CreateFunction("slow", "FakeAws::FakeAws.Lambda.BuiltInHandlers::Echo");

        var pending = await wire.Get("/2015-03-31/functions/slow/configuration");
        aws.Clock.Advance(TimeSpan.FromSeconds(5));
        var active = await wire.Get("/2015-03-31/functions/slow/configuration");

        Assert.That(pending.Json.GetProperty("State").GetString(), Is.EqualTo("Pending"));
        Assert.That(active.Json.GetProperty("State").GetString(), Is.EqualTo("Active"));
    }
}
