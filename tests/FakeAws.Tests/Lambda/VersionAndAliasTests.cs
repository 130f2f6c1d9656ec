using System.Text.Json;

namespace FakeAws.Tests.Lambda;

public class VersionAndAliasTests : LambdaTestBase
{
    [Test]
    public async Task PublishVersion_NumbersVersionsAndListsThemAfterLatest()
    {
        await Wire.CreateFunction("f", Echo);

        var first = await Wire.PublishVersion("f", new { Description = "first" });
        await Wire.Put("/2015-03-31/functions/f/configuration", new { Timeout = 9 });
        var second = await Wire.PublishVersion("f");
        var versions = await Wire.Get("/2015-03-31/functions/f/versions");

        AssertOk(first, 201);
        Assert.Multiple(() =>
        {
            Assert.That(first.Json.GetProperty("Version").GetString(), Is.EqualTo("1"));
            Assert.That(first.Json.GetProperty("Description").GetString(), Is.EqualTo("first"));
            Assert.That(first.Json.GetProperty("State").GetString(), Is.EqualTo("Active"));
            Assert.That(second.Json.GetProperty("Timeout").GetInt32(), Is.EqualTo(9));
            Assert.That(versions.Json.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("Version").GetString()),
                Is.EqualTo(new[] { "$LATEST", "1", "2" }));
        });
    }

    [Test]
    public async Task PublishVersion_LatestUnchanged_ReturnsTheLastVersion()
    {
        await Wire.CreateFunction("f", Echo);
        await Wire.PublishVersion("f");

        var again = await Wire.PublishVersion("f");

        Assert.That(again.Json.GetProperty("Version").GetString(), Is.EqualTo("1"));
        Assert.That(again.Json.GetProperty("State").GetString(), Is.EqualTo("Active"));
    }

    [Test]
    public async Task PublishVersion_WrongCodeSha256_InvalidParameterValue()
    {
        var created = await Wire.CreateFunction("f", Echo);

        var reply = await Wire.PublishVersion("f", new { CodeSha256 = "abc" });

        AssertError(reply, 400, "InvalidParameterValueException",
            $"CodeSHA256 (abc) is different from current CodeSHA256 in $LATEST ({created.Json.GetProperty("CodeSha256").GetString()}). Please try again with the CodeSHA256 in $LATEST.");
    }

    [Test]
    public async Task Alias_CreateGetUpdateListDelete()
    {
        await Wire.CreateFunction("f", Echo);
        await Wire.PublishVersion("f");
        await Wire.Put("/2015-03-31/functions/f/configuration", new { Timeout = 4 });
        await Wire.PublishVersion("f");

        var created = await Wire.Post("/2015-03-31/functions/f/aliases", new { Name = "live", FunctionVersion = "1", Description = "prod" });
        var updated = await Wire.Put("/2015-03-31/functions/f/aliases/live", new { FunctionVersion = "2" });
        var listed = await Wire.Get("/2015-03-31/functions/f/aliases?FunctionVersion=2");
        var deleted = await Wire.Delete("/2015-03-31/functions/f/aliases/live");
        var gone = await Wire.Get("/2015-03-31/functions/f/aliases/live");

        AssertOk(created, 201);
        Assert.Multiple(() =>
        {
            Assert.That(created.Json.GetProperty("AliasArn").GetString(), Is.EqualTo(Arn("f") + ":live"));
            Assert.That(updated.Json.GetProperty("FunctionVersion").GetString(), Is.EqualTo("2"));
            Assert.That(updated.Json.GetProperty("Description").GetString(), Is.EqualTo("prod"));
            Assert.That(listed.Json.GetProperty("Aliases").GetArrayLength(), Is.EqualTo(1));
            Assert.That((int)deleted.Status, Is.EqualTo(204));
        });
        AssertError(gone, 404, "ResourceNotFoundException", $"Cannot find alias arn: {Arn("f")}:live");
    }

    [Test]
    public async Task CreateAlias_Twice_ResourceConflict()
    {
        await Wire.CreateFunction("f", Echo);
        await Wire.Post("/2015-03-31/functions/f/aliases", new { Name = "live", FunctionVersion = "$LATEST" });

        var reply = await Wire.Post("/2015-03-31/functions/f/aliases", new { Name = "live", FunctionVersion = "$LATEST" });

        AssertError(reply, 409, "ResourceConflictException", $"Alias already exists: {Arn("f")}:live");
    }

    [Test]
    public async Task CreateAlias_NumericName_ValidationException()
    {
        await Wire.CreateFunction("f", Echo);

        var reply = await Wire.Post("/2015-03-31/functions/f/aliases", new { Name = "42", FunctionVersion = "$LATEST" });

        AssertError(reply, 400, "ValidationException",
            "1 validation error detected: Value '42' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)");
    }

    [Test]
    public async Task CreateAlias_RoutingErrors_AsAwsWordsThem()
    {
        await Wire.CreateFunction("f", Echo);
        await Wire.PublishVersion("f");

        var twoVersions = await Wire.Post("/2015-03-31/functions/f/aliases",
            new { Name = "a", FunctionVersion = "1", RoutingConfig = new { AdditionalVersionWeights = new Dictionary<string, double> { ["2"] = 0.1, ["3"] = 0.1 } } });
        var sameVersion = await Wire.Post("/2015-03-31/functions/f/aliases",
            new { Name = "a", FunctionVersion = "1", RoutingConfig = new { AdditionalVersionWeights = new Dictionary<string, double> { ["1"] = 0.1 } } });
        var onLatest = await Wire.Post("/2015-03-31/functions/f/aliases",
            new { Name = "a", FunctionVersion = "$LATEST", RoutingConfig = new { AdditionalVersionWeights = new Dictionary<string, double> { ["1"] = 0.1 } } });

        AssertError(twoVersions, 400, "InvalidParameterValueException", "Number of items in AdditionalVersionWeights cannot be greater than 1");
        AssertError(sameVersion, 400, "InvalidParameterValueException", "Invalid function version 1. Function version 1 is already included in routing configuration.");
        AssertError(onLatest, 400, "InvalidParameterValueException", "$LATEST is not supported for an alias pointing to more than 1 version");
    }

    [Test]
    public async Task Invoke_WeightedAlias_SplitsByWeightAndRepeatsUnderTheSameSeed()
    {
        async Task<List<string>> Run(int seed)
        {
            using var aws = new FakeAwsCloud(new FakeAwsOptions { Seed = seed, TimeProvider = Time });
            using var wire = new LambdaWire(aws);
            await wire.CreateFunction("f", Echo);
            await wire.PublishVersion("f");
            await wire.Put("/2015-03-31/functions/f/configuration", new { Timeout = 4 });
            await wire.PublishVersion("f");
            await wire.Post("/2015-03-31/functions/f/aliases",
                new { Name = "canary", FunctionVersion = "1", RoutingConfig = new { AdditionalVersionWeights = new Dictionary<string, double> { ["2"] = 0.25 } } });
            var versions = new List<string>();
            for (var i = 0; i < 100; i++)
            {
                versions.Add((await wire.Invoke("f", qualifier: "canary")).Header("X-Amz-Executed-Version")!);
            }
            return versions;
        }

        var first = await Run(seed: 7);
        var again = await Run(seed: 7);
        var other = await Run(seed: 8);

        Assert.Multiple(() =>
        {
            Assert.That(first.Count(v => v == "2"), Is.InRange(24, 26));
            Assert.That(again, Is.EqualTo(first));
            Assert.That(other, Is.Not.EqualTo(first));
        });
    }

    [Test]
    public async Task GetFunction_ThroughAnAlias_ShowsTheAliasArnAndItsVersion()
    {
        await Wire.CreateFunction("f", Echo);
        await Wire.PublishVersion("f");
        await Wire.Post("/2015-03-31/functions/f/aliases", new { Name = "live", FunctionVersion = "1" });

        var reply = await Wire.Get("/2015-03-31/functions/f?Qualifier=live");

        JsonElement config = reply.Json.GetProperty("Configuration");
        Assert.That(config.GetProperty("FunctionArn").GetString(), Is.EqualTo(Arn("f") + ":live"));
        Assert.That(config.GetProperty("Version").GetString(), Is.EqualTo("1"));
    }
}
