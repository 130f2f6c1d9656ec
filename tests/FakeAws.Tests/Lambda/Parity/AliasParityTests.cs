// Facts from AWS-recorded responses in LocalStack's tests/aws/services/lambda_/test_lambda_api.py
// (snapshots validated against AWS): TestLambdaAlias::test_alias_lifecycle,
// test_notfound_and_invalid_routingconfigs and test_alias_naming.
namespace FakeAws.Tests.Lambda.Parity;

public class AliasParityTests : ParityTestBase
{
    /// <summary>A function with versions 1 and 2, as the recordings set up.</summary>
    private async Task CreateTwoVersionsAsync()
    {
        await CreateAsync("fn", new { Environment = new { Variables = new Dictionary<string, string> { ["testenv"] = "staging" } } });
        AssertOk(await Wire.PublishVersion("fn"), 201);
        await Wire.Put("/2015-03-31/functions/fn/configuration", new { Environment = new { Variables = new Dictionary<string, string> { ["testenv"] = "prod" } } });
        AssertOk(await Wire.PublishVersion("fn"), 201);
    }

    private Task<WireReply> CreateAliasAsync(object request) => Wire.Post("/2015-03-31/functions/fn/aliases", request);

    [Test]
    public async Task CreateAlias_WithRouting_CreatedAndReadBack()
    {
        await CreateTwoVersionsAsync();

        var created = await CreateAliasAsync(new
        {
            Name = "aliasname1_1", FunctionVersion = "1", Description = "custom-alias",
            RoutingConfig = new { AdditionalVersionWeights = new Dictionary<string, double> { ["2"] = 0.2 } },
        });
        var read = await Wire.Get("/2015-03-31/functions/fn/aliases/aliasname1_1");

        AssertOk(created, 201);
        AssertOk(read);
        foreach (var alias in new[] { created.Json, read.Json })
        {
            Assert.Multiple(() =>
            {
                Assert.That(Str(alias, "AliasArn"), Is.EqualTo(Arn("fn") + ":aliasname1_1"));
                Assert.That(Str(alias, "Name"), Is.EqualTo("aliasname1_1"));
                Assert.That(Str(alias, "FunctionVersion"), Is.EqualTo("1"));
                Assert.That(Str(alias, "Description"), Is.EqualTo("custom-alias"));
                Assert.That(alias.GetProperty("RoutingConfig").GetProperty("AdditionalVersionWeights").GetProperty("2").GetDouble(), Is.EqualTo(0.2));
                Assert.That(Str(alias, "RevisionId"), Is.EqualTo(Str(created.Json, "RevisionId")));
            });
        }
    }

    [Test]
    public async Task CreateAlias_NoDescriptionNoRouting_EmptyDescriptionAndNoRoutingConfig()
    {
        await CreateTwoVersionsAsync();

        var created = await CreateAliasAsync(new { Name = "aliasname1_3", FunctionVersion = "1" });

        Assert.That(Str(created.Json, "Description"), Is.EqualTo(""));
        Assert.That(HasMember(created.Json, "RoutingConfig"), Is.False);
    }

    [Test]
    public async Task CreateAlias_EmptyRoutingConfig_NoRoutingConfig()
    {
        await CreateTwoVersionsAsync();

        var created = await CreateAliasAsync(new { Name = "custom-empty-routingconfig", FunctionVersion = "1", RoutingConfig = new { AdditionalVersionWeights = new Dictionary<string, double>() } });

        AssertOk(created, 201);
        Assert.That(HasMember(created.Json, "RoutingConfig"), Is.False);
    }

    [Test]
    public async Task GetFunction_ByAliasNameOrArn_AliasArnAndTheTargetVersion()
    {
        await CreateTwoVersionsAsync();
        await CreateAliasAsync(new { Name = "aliasname1_1", FunctionVersion = "1" });

        var byName = await Wire.Get("/2015-03-31/functions/fn?Qualifier=aliasname1_1");
        var byArn = await Wire.Get($"/2015-03-31/functions/{Escape(Arn("fn") + ":aliasname1_1")}");

        foreach (var reply in new[] { byName, byArn })
        {
            var config = reply.Json.GetProperty("Configuration");
            Assert.Multiple(() =>
            {
                Assert.That(Str(config, "FunctionArn"), Is.EqualTo(Arn("fn") + ":aliasname1_1"));
                Assert.That(Str(config, "Version"), Is.EqualTo("1"));
                Assert.That(config.GetProperty("Environment").GetProperty("Variables").GetProperty("testenv").GetString(), Is.EqualTo("staging"));
            });
        }
    }

    [Test]
    public async Task GetFunction_MissingAlias_FunctionNotFoundNamingTheAlias()
    {
        await CreateTwoVersionsAsync();

        var byName = await Wire.Get("/2015-03-31/functions/fn?Qualifier=aliasdoesnotexist");
        var byArn = await Wire.Get($"/2015-03-31/functions/{Escape(Arn("fn") + ":aliasdoesnotexist")}");

        AssertError(byName, 404, "ResourceNotFoundException", $"Function not found: {Arn("fn")}:aliasdoesnotexist");
        AssertError(byArn, 404, "ResourceNotFoundException", $"Function not found: {Arn("fn")}:aliasdoesnotexist");
    }

    [Test]
    public async Task ListAliases_FunctionVersionFilter_OnlyThatVersionsAliases()
    {
        await CreateTwoVersionsAsync();
        await CreateAliasAsync(new { Name = "a1", FunctionVersion = "1" });
        await CreateAliasAsync(new { Name = "a2", FunctionVersion = "2" });

        var all = await Wire.Get("/2015-03-31/functions/fn/aliases");
        var forOne = await Wire.Get("/2015-03-31/functions/fn/aliases?FunctionVersion=1");

        Assert.That(all.Json.GetProperty("Aliases").EnumerateArray().Select(a => Str(a, "Name")), Is.EqualTo(new[] { "a1", "a2" }));
        Assert.That(forOne.Json.GetProperty("Aliases").EnumerateArray().Select(a => Str(a, "Name")), Is.EqualTo(new[] { "a1" }));
    }

    [Test]
    public async Task UpdateAlias_EmptyRouting_RoutingConfigRemovedAndNewRevision()
    {
        await CreateTwoVersionsAsync();
        var created = await CreateAliasAsync(new
        {
            Name = "aliasname1_1", FunctionVersion = "1", Description = "custom-alias",
            RoutingConfig = new { AdditionalVersionWeights = new Dictionary<string, double> { ["2"] = 0.2 } },
        });

        var updated = await Wire.Put("/2015-03-31/functions/fn/aliases/aliasname1_1",
            new { FunctionVersion = "1", RoutingConfig = new { AdditionalVersionWeights = new Dictionary<string, double>() } });

        AssertOk(updated);
        Assert.Multiple(() =>
        {
            Assert.That(HasMember(updated.Json, "RoutingConfig"), Is.False);
            Assert.That(Str(updated.Json, "Description"), Is.EqualTo("custom-alias"));
            Assert.That(Str(updated.Json, "RevisionId"), Is.Not.EqualTo(Str(created.Json, "RevisionId")));
        });
    }

    [Test]
    public async Task DeleteAlias_Existing_NoContentAndGoneFromTheList()
    {
        await CreateTwoVersionsAsync();
        await CreateAliasAsync(new { Name = "a1", FunctionVersion = "1" });

        var deleted = await Wire.Delete("/2015-03-31/functions/fn/aliases/a1");
        var list = await Wire.Get("/2015-03-31/functions/fn/aliases");

        AssertOk(deleted, 204);
        Assert.That(list.Json.GetProperty("Aliases").EnumerateArray(), Is.Empty);
    }

    [Test]
    public async Task CreateAlias_TwoAdditionalVersions_InvalidParameterValue()
    {
        await CreateTwoVersionsAsync();

        var reply = await CreateAliasAsync(new
        {
            Name = "custom", FunctionVersion = "1",
            RoutingConfig = new { AdditionalVersionWeights = new Dictionary<string, double> { ["1"] = 0.8, ["2"] = 0.2 } },
        });

        AssertError(reply, 400, "InvalidParameterValueException", "Number of items in AdditionalVersionWeights cannot be greater than 1");
    }

    [Test]
    public async Task CreateAlias_AdditionalVersionIsTheTarget_InvalidParameterValue()
    {
        await CreateTwoVersionsAsync();

        var reply = await CreateAliasAsync(new
        {
            Name = "custom", FunctionVersion = "1",
            RoutingConfig = new { AdditionalVersionWeights = new Dictionary<string, double> { ["1"] = 0.5 } },
        });

        AssertError(reply, 400, "InvalidParameterValueException", "Invalid function version 1. Function version 1 is already included in routing configuration.");
    }

    [Test]
    public async Task CreateAlias_MissingTargetVersion_FunctionNotFound()
    {
        await CreateTwoVersionsAsync();

        var reply = await CreateAliasAsync(new { Name = "custom", FunctionVersion = "10" });

        AssertError(reply, 404, "ResourceNotFoundException", $"Function not found: {Arn("fn")}:10");
    }

    [Test]
    public async Task CreateAlias_MissingAdditionalVersion_FunctionNotFound()
    {
        await CreateTwoVersionsAsync();

        var reply = await CreateAliasAsync(new
        {
            Name = "custom", FunctionVersion = "1",
            RoutingConfig = new { AdditionalVersionWeights = new Dictionary<string, double> { ["10"] = 0.5 } },
        });

        AssertError(reply, 404, "ResourceNotFoundException", $"Function not found: {Arn("fn")}:10");
    }

    [Test]
    public async Task CreateAlias_LatestWithRouting_InvalidParameterValue()
    {
        await CreateTwoVersionsAsync();

        var reply = await CreateAliasAsync(new
        {
            Name = "custom", FunctionVersion = "$LATEST",
            RoutingConfig = new { AdditionalVersionWeights = new Dictionary<string, double> { ["2"] = 0.5 } },
        });

        AssertError(reply, 400, "InvalidParameterValueException", "$LATEST is not supported for an alias pointing to more than 1 version");
    }

    [Test]
    public async Task CreateAlias_Latest_Created()
    {
        await CreateTwoVersionsAsync();

        var reply = await CreateAliasAsync(new { Name = "custom-latest", FunctionVersion = "$LATEST" });

        AssertOk(reply, 201);
        Assert.That(Str(reply.Json, "FunctionVersion"), Is.EqualTo("$LATEST"));
    }

    [Test]
    public async Task CreateAlias_MissingFunction_FunctionNotFoundNamingTheVersion()
    {
        var reply = await Wire.Post("/2015-03-31/functions/fn-unknown/aliases", new { Name = "custom", FunctionVersion = "1" });

        AssertError(reply, 404, "ResourceNotFoundException", $"Function not found: {Arn("fn-unknown")}:1");
    }

    [Test]
    public async Task CreateAlias_Existing_ResourceConflict()
    {
        await CreateTwoVersionsAsync();
        await CreateAliasAsync(new { Name = "custom", FunctionVersion = "1" });

        var reply = await CreateAliasAsync(new { Name = "custom", FunctionVersion = "1" });

        AssertError(reply, 409, "ResourceConflictException", $"Alias already exists: {Arn("fn")}:custom");
    }

    [Test]
    public async Task GetAlias_Missing_CannotFindAliasArn()
    {
        await CreateTwoVersionsAsync();

        var reply = await Wire.Get("/2015-03-31/functions/fn/aliases/non-existent");

        AssertError(reply, 404, "ResourceNotFoundException", $"Cannot find alias arn: {Arn("fn")}:non-existent");
    }

    [Test]
    public async Task CreateAlias_DateLikeName_Created()
    {
        await CreateTwoVersionsAsync();

        var reply = await CreateAliasAsync(new { Name = "2024-01-02", FunctionVersion = "1", Description = "custom-alias" });

        AssertOk(reply, 201);
        Assert.That(Str(reply.Json, "AliasArn"), Is.EqualTo(Arn("fn") + ":2024-01-02"));
    }

    [Test]
    public async Task CreateAlias_AllDigitsName_ValidationException()
    {
        await CreateTwoVersionsAsync();

        var reply = await CreateAliasAsync(new { Name = "2024", FunctionVersion = "1" });

        AssertError(reply, 400, "ValidationException",
            "1 validation error detected: Value '2024' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)");
    }
}
