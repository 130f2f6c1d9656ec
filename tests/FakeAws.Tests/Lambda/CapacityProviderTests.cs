using System.Text.Json;

namespace FakeAws.Tests.Lambda;

/// <summary>Capacity providers of Lambda Managed Instances, the functions that name one, and their scaling settings.</summary>
public class CapacityProviderTests : LambdaTestBase
{
    private const string Providers = "/2025-11-30/capacity-providers";
    private const string OperatorRole = "arn:aws:iam::123456789012:role/lmi-operator";

    private static string ProviderArn(string name) => $"arn:aws:lambda:us-east-1:123456789012:capacity-provider:{name}";

    private Task<WireReply> CreateProvider(string name, object? scaling = null, object? tags = null, object? requirements = null) =>
        Wire.Post(Providers, new
        {
            CapacityProviderName = name,
            VpcConfig = new { SubnetIds = new[] { "subnet-0123456789abcdef0" }, SecurityGroupIds = new[] { "sg-0123456789abcdef0" } },
            PermissionsConfig = new { CapacityProviderOperatorRoleArn = OperatorRole },
            InstanceRequirements = requirements,
            CapacityProviderScalingConfig = scaling,
            Tags = tags,
        });

    private static object OnProvider(string name, int? perEnvironment = null) => new
    {
        CapacityProviderConfig = new
        {
            LambdaManagedInstancesCapacityProviderConfig = new { CapacityProviderArn = ProviderArn(name), PerExecutionEnvironmentMaxConcurrency = perEnvironment },
        },
    };

    [Test]
    public async Task Create_Get_Update_List_Delete()
    {
        var created = await CreateProvider("fleet", scaling: new { MaxVCpuCount = 64 });
        var got = await Wire.Get($"{Providers}/fleet");
        var byArn = await Wire.Get($"{Providers}/{Uri.EscapeDataString(ProviderArn("fleet"))}");
        var updated = await Wire.Put($"{Providers}/fleet", new
        {
            CapacityProviderScalingConfig = new
            {
                ScalingMode = "Manual",
                MaxVCpuCount = 128,
                ScalingPolicies = new[] { new { PredefinedMetricType = "LambdaCapacityProviderAverageCPUUtilization", TargetValue = 60.0 } },
            },
        });
        var listed = await Wire.Get(Providers);
        var deleted = await Wire.Delete($"{Providers}/fleet");
        var gone = await Wire.Get($"{Providers}/fleet");

        AssertOk(created, 202);
        var provider = created.Json.GetProperty("CapacityProvider");
        Assert.Multiple(() =>
        {
            Assert.That(provider.GetProperty("CapacityProviderArn").GetString(), Is.EqualTo(ProviderArn("fleet")));
            Assert.That(provider.GetProperty("State").GetString(), Is.EqualTo("Pending"), "the create response");
            Assert.That(provider.GetProperty("VpcConfig").GetProperty("SubnetIds")[0].GetString(), Is.EqualTo("subnet-0123456789abcdef0"));
            Assert.That(provider.GetProperty("PermissionsConfig").GetProperty("CapacityProviderOperatorRoleArn").GetString(), Is.EqualTo(OperatorRole));
            Assert.That(provider.GetProperty("InstanceRequirements").GetProperty("Architectures")[0].GetString(), Is.EqualTo("x86_64"));
            Assert.That(provider.GetProperty("CapacityProviderScalingConfig").GetProperty("ScalingMode").GetString(), Is.EqualTo("Auto"));
            Assert.That(provider.GetProperty("CapacityProviderScalingConfig").GetProperty("MaxVCpuCount").GetInt32(), Is.EqualTo(64));
            Assert.That(got.Json.GetProperty("CapacityProvider").GetProperty("State").GetString(), Is.EqualTo("Active"));
            AssertOk(byArn);
            AssertOk(updated, 202);
            Assert.That(updated.Json.GetProperty("CapacityProvider").GetProperty("CapacityProviderScalingConfig").GetProperty("ScalingMode").GetString(), Is.EqualTo("Manual"));
            Assert.That(updated.Json.GetProperty("CapacityProvider").GetProperty("VpcConfig").GetProperty("SecurityGroupIds")[0].GetString(),
                Is.EqualTo("sg-0123456789abcdef0"), "what the update does not name stays");
            Assert.That(listed.Json.GetProperty("CapacityProviders").GetArrayLength(), Is.EqualTo(1));
            AssertOk(deleted, 202);
            Assert.That(deleted.Json.GetProperty("CapacityProvider").GetProperty("State").GetString(), Is.EqualTo("Deleting"));
        });
        AssertError(gone, 404, "ResourceNotFoundException", "Capacity provider not found: fleet");
    }

    [Test]
    public async Task Create_RefusesADuplicateAndWhatTheModelForbids()
    {
        await CreateProvider("fleet");
        var duplicate = await CreateProvider("fleet");
        var badName = await CreateProvider("no spaces");
        var badRole = await Wire.Post(Providers, new
        {
            CapacityProviderName = "roles",
            VpcConfig = new { SubnetIds = new[] { "subnet-1" }, SecurityGroupIds = Array.Empty<string>() },
            PermissionsConfig = new { CapacityProviderOperatorRoleArn = "not-a-role" },
        });
        var noSubnets = await Wire.Post(Providers, new
        {
            CapacityProviderName = "subnets",
            VpcConfig = new { SubnetIds = Array.Empty<string>(), SecurityGroupIds = Array.Empty<string>() },
            PermissionsConfig = new { CapacityProviderOperatorRoleArn = OperatorRole },
        });
        var vcpus = await CreateProvider("tiny", scaling: new { MaxVCpuCount = 1 });
        var twoArchitectures = await CreateProvider("both", requirements: new { Architectures = new[] { "x86_64", "arm64" } });
        var arm = await CreateProvider("arm", requirements: new { Architectures = new[] { "arm64" }, AllowedInstanceTypes = new[] { "m7g.large" } });

        Assert.Multiple(() =>
        {
            Assert.That((int)duplicate.Status, Is.EqualTo(409), duplicate.ToString());
            Assert.That(duplicate.ErrorType, Is.EqualTo("ResourceConflictException"));
            Assert.That(badName.ErrorType, Is.EqualTo("ValidationException"), badName.ToString());
            Assert.That(badRole.ErrorType, Is.EqualTo("ValidationException"), badRole.ToString());
            Assert.That(noSubnets.ErrorType, Is.EqualTo("ValidationException"), noSubnets.ToString());
            Assert.That(vcpus.ErrorType, Is.EqualTo("ValidationException"), vcpus.ToString());
            Assert.That(twoArchitectures.ErrorType, Is.EqualTo("ValidationException"), twoArchitectures.ToString());
            AssertOk(arm, 202);
            Assert.That(arm.Json.GetProperty("CapacityProvider").GetProperty("InstanceRequirements").GetProperty("AllowedInstanceTypes")[0].GetString(), Is.EqualTo("m7g.large"));
        });
    }

    [Test]
    public async Task AProvider_IsPendingUntilTheStateTransitionDelayPasses_AndListFiltersByState()
    {
        Aws.Lambda.Engine.Options.StateTransitionDelay = TimeSpan.FromSeconds(30);
        await CreateProvider("slow");
        var pending = await Wire.Get($"{Providers}?State=Pending");
        var active = await Wire.Get($"{Providers}?State=Active");
        Time.Advance(TimeSpan.FromSeconds(30));
        var later = await Wire.Get($"{Providers}/slow");

        Assert.Multiple(() =>
        {
            Assert.That(pending.Json.GetProperty("CapacityProviders").GetArrayLength(), Is.EqualTo(1));
            Assert.That(active.Json.GetProperty("CapacityProviders").GetArrayLength(), Is.EqualTo(0));
            Assert.That(later.Json.GetProperty("CapacityProvider").GetProperty("State").GetString(), Is.EqualTo("Active"));
        });
    }

    [Test]
    public async Task AFunction_NamesAProvider_ItsPublishedVersionsAreListed_AndTheProviderCannotBeDeletedWhileUsed()
    {
        await CreateProvider("fleet");
        var created = await Wire.CreateFunction("f", Echo, OnProvider("fleet", perEnvironment: 32));
        await Wire.PublishVersion("f");
        var listed = await Wire.Get($"{Providers}/fleet/function-versions");
        var refused = await Wire.Delete($"{Providers}/fleet");
        var invoked = await Wire.Invoke("f", "{\"a\":1}", qualifier: "1");
        await Wire.Delete("/2015-03-31/functions/f");
        var deleted = await Wire.Delete($"{Providers}/fleet");

        AssertOk(created, 201);
        var config = created.Json.GetProperty("CapacityProviderConfig").GetProperty("LambdaManagedInstancesCapacityProviderConfig");
        Assert.Multiple(() =>
        {
            Assert.That(config.GetProperty("CapacityProviderArn").GetString(), Is.EqualTo(ProviderArn("fleet")));
            Assert.That(config.GetProperty("PerExecutionEnvironmentMaxConcurrency").GetInt32(), Is.EqualTo(32));
            Assert.That(listed.Json.GetProperty("CapacityProviderArn").GetString(), Is.EqualTo(ProviderArn("fleet")));
            Assert.That(listed.Json.GetProperty("FunctionVersions").GetArrayLength(), Is.EqualTo(1), "published versions only");
            Assert.That(listed.Json.GetProperty("FunctionVersions")[0].GetProperty("FunctionArn").GetString(), Is.EqualTo(Arn("f") + ":1"));
            Assert.That(listed.Json.GetProperty("FunctionVersions")[0].GetProperty("State").GetString(), Is.EqualTo("Active"));
            Assert.That((int)refused.Status, Is.EqualTo(409), refused.ToString());
            Assert.That(refused.ErrorType, Is.EqualTo("ResourceConflictException"));
            Assert.That(refused.Message, Does.Contain("To delete this capacity provider, first remove its association"));
            Assert.That(invoked.Text, Is.EqualTo("{\"a\":1}"), "a version on a provider still runs");
            AssertOk(deleted, 202);
        });
    }

    [Test]
    public async Task AVersionOnAProvider_RunsUpToItsPerEnvironmentConcurrencyInOneEnvironment()
    {
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var environments = new Dictionary<string, int> { ["multi"] = 0, ["single"] = 0 };
        foreach (var name in environments.Keys.ToList())
        {
            Aws.Lambda.AddFunction(name, (JsonElement _) => release.Task, o => o.Init = () =>
            {
                lock (environments) environments[name]++;
                return Task.CompletedTask;
            });
        }
        await CreateProvider("fleet");
        await Wire.Put("/2015-03-31/functions/multi/configuration", OnProvider("fleet", perEnvironment: 2));
        await Wire.PublishVersion("multi");
        await Wire.PublishVersion("single");

        var calls = Enumerable.Range(0, 3).SelectMany(_ => new[] { Wire.Invoke("multi", qualifier: "1"), Wire.Invoke("single", qualifier: "1") }).ToList();
        release.SetResult("done");
        var replies = await Task.WhenAll(calls);

        Assert.Multiple(() =>
        {
            Assert.That(replies.Select(r => r.Text), Is.All.EqualTo("\"done\""));
            Assert.That(environments["multi"], Is.EqualTo(2), "two invocations share the first environment, the third starts another");
            Assert.That(environments["single"], Is.EqualTo(3), "on demand, one environment per overlapping invocation");
        });
    }

    [Test]
    public async Task AFunction_NamingAMissingProvider_IsRefused_OnCreateAndUpdate()
    {
        var create = await Wire.CreateFunction("f", Echo, OnProvider("nowhere"));
        await Wire.CreateFunction("g", Echo);
        var update = await Wire.Put("/2015-03-31/functions/g/configuration", OnProvider("nowhere"));
        await CreateProvider("fleet");
        var attached = await Wire.Put("/2015-03-31/functions/g/configuration", OnProvider("fleet"));

        Assert.Multiple(() =>
        {
            Assert.That(create.ErrorType, Is.EqualTo("InvalidParameterValueException"), create.ToString());
            Assert.That(create.Message, Is.EqualTo($"Capacity provider not found: {ProviderArn("nowhere")}"));
            Assert.That(update.ErrorType, Is.EqualTo("InvalidParameterValueException"), update.ToString());
            AssertOk(attached);
            Assert.That(attached.Json.GetProperty("CapacityProviderConfig").GetProperty("LambdaManagedInstancesCapacityProviderConfig")
                .GetProperty("CapacityProviderArn").GetString(), Is.EqualTo(ProviderArn("fleet")));
        });
    }

    [Test]
    public async Task ScalingConfig_IsPerPublishedVersion_OfAFunctionOnAProvider()
    {
        await CreateProvider("fleet");
        await Wire.CreateFunction("f", Echo, OnProvider("fleet"));
        await Wire.PublishVersion("f");
        await Wire.CreateFunction("plain", Echo);
        await Wire.PublishVersion("plain");
        var unset = await Wire.Get("/2025-11-30/functions/f/function-scaling-config?Qualifier=1");
        var put = await Wire.Put("/2025-11-30/functions/f/function-scaling-config?Qualifier=1",
            new { FunctionScalingConfig = new { MinExecutionEnvironments = 3, MaxExecutionEnvironments = 10 } });
        var got = await Wire.Get("/2025-11-30/functions/f/function-scaling-config?Qualifier=1");
        var inverted = await Wire.Put("/2025-11-30/functions/f/function-scaling-config?Qualifier=1",
            new { FunctionScalingConfig = new { MinExecutionEnvironments = 5, MaxExecutionEnvironments = 2 } });
        var latest = await Wire.Put("/2025-11-30/functions/f/function-scaling-config?Qualifier=$LATEST", new { FunctionScalingConfig = new { } });
        var noQualifier = await Wire.Put("/2025-11-30/functions/f/function-scaling-config", new { FunctionScalingConfig = new { } });
        var missingVersion = await Wire.Get("/2025-11-30/functions/f/function-scaling-config?Qualifier=7");
        var onDemand = await Wire.Put("/2025-11-30/functions/plain/function-scaling-config?Qualifier=1", new { FunctionScalingConfig = new { } });
        var tooMany = await Wire.Put("/2025-11-30/functions/f/function-scaling-config?Qualifier=1",
            new { FunctionScalingConfig = new { MaxExecutionEnvironments = 15001 } });

        Assert.Multiple(() =>
        {
            AssertOk(unset);
            Assert.That(unset.Json.GetProperty("FunctionArn").GetString(), Is.EqualTo(Arn("f") + ":1"));
            Assert.That(unset.Json.TryGetProperty("AppliedFunctionScalingConfig", out _), Is.False);
            AssertOk(put, 202);
            Assert.That(put.Json.GetProperty("FunctionState").GetString(), Is.EqualTo("Active"));
            Assert.That(got.Json.GetProperty("RequestedFunctionScalingConfig").GetProperty("MinExecutionEnvironments").GetInt32(), Is.EqualTo(3));
            Assert.That(got.Json.GetProperty("AppliedFunctionScalingConfig").GetProperty("MaxExecutionEnvironments").GetInt32(), Is.EqualTo(10));
            Assert.That(inverted.ErrorType, Is.EqualTo("InvalidParameterValueException"), inverted.ToString());
            Assert.That(latest.ErrorType, Is.EqualTo("ValidationException"), "$LATEST is not a published version: " + latest);
            Assert.That(noQualifier.ErrorType, Is.EqualTo("ValidationException"), noQualifier.ToString());
            Assert.That(missingVersion.ErrorType, Is.EqualTo("ResourceNotFoundException"), missingVersion.ToString());
            Assert.That(onDemand.ErrorType, Is.EqualTo("InvalidParameterValueException"), onDemand.ToString());
            Assert.That(tooMany.ErrorType, Is.EqualTo("ValidationException"), tooMany.ToString());
        });
    }

    [Test]
    public async Task PublishToLatestPublished_ReplacesOneVersion_WhichAnUnqualifiedInvokeRuns()
    {
        await CreateProvider("fleet");
        await Wire.CreateFunction("f", Echo, OnProvider("fleet"));
        var first = await Wire.PublishVersion("f", new { PublishTo = "LATEST_PUBLISHED" });
        await Wire.Put("/2025-11-30/functions/f/function-scaling-config?Qualifier=$LATEST.PUBLISHED",
            new { FunctionScalingConfig = new { MinExecutionEnvironments = 1, MaxExecutionEnvironments = 4 } });
        await Wire.Put("/2015-03-31/functions/f/configuration", new { Description = "second" });
        var second = await Wire.PublishVersion("f", new { PublishTo = "LATEST_PUBLISHED" });
        var numbered = await Wire.PublishVersion("f");
        var got = await Wire.Get("/2015-03-31/functions/f/configuration?Qualifier=$LATEST.PUBLISHED");
        var scaling = await Wire.Get("/2025-11-30/functions/f/function-scaling-config?Qualifier=$LATEST.PUBLISHED");
        var invoked = await Wire.Invoke("f", "{\"k\":2}");
        var onProvider = await Wire.Get($"{Providers}/fleet/function-versions");
        var versions = await Wire.Get("/2015-03-31/functions/f/versions");
        var deleted = await Wire.Delete("/2015-03-31/functions/f?Qualifier=$LATEST.PUBLISHED");
        var gone = await Wire.Get("/2015-03-31/functions/f/configuration?Qualifier=$LATEST.PUBLISHED");

        Assert.Multiple(() =>
        {
            AssertOk(first, 201);
            Assert.That(first.Json.GetProperty("Version").GetString(), Is.EqualTo("$LATEST.PUBLISHED"));
            Assert.That(first.Json.GetProperty("FunctionArn").GetString(), Is.EqualTo(Arn("f") + ":$LATEST.PUBLISHED"));
            Assert.That(second.Json.GetProperty("Description").GetString(), Is.EqualTo("second"));
            Assert.That(numbered.Json.GetProperty("Version").GetString(), Is.EqualTo("1"), "$LATEST.PUBLISHED takes no number");
            Assert.That(got.Json.GetProperty("Description").GetString(), Is.EqualTo("second"), "republishing replaces the version");
            Assert.That(scaling.Json.GetProperty("RequestedFunctionScalingConfig").GetProperty("MaxExecutionEnvironments").GetInt32(), Is.EqualTo(4));
            Assert.That(invoked.Text, Is.EqualTo("{\"k\":2}"));
            Assert.That(invoked.Header("X-Amz-Executed-Version"), Is.EqualTo("$LATEST.PUBLISHED"), "an unqualified invoke of a managed-instances function");
            Assert.That(onProvider.Json.GetProperty("FunctionVersions").EnumerateArray().Select(v => v.GetProperty("FunctionArn").GetString()),
                Is.EqualTo(new[] { Arn("f") + ":1", Arn("f") + ":$LATEST.PUBLISHED" }));
            Assert.That(versions.Json.GetProperty("Versions").EnumerateArray().Select(v => v.GetProperty("Version").GetString()),
                Is.EqualTo(new[] { "$LATEST", "1", "$LATEST.PUBLISHED" }));
            Assert.That((int)deleted.Status, Is.EqualTo(204), deleted.ToString());
            Assert.That(gone.ErrorType, Is.EqualTo("ResourceNotFoundException"), gone.ToString());
        });
    }

    [Test]
    public async Task Tags_OnAProvidersArn()
    {
        await CreateProvider("fleet", tags: new Dictionary<string, string> { ["team"] = "a" });
        var arn = Uri.EscapeDataString(ProviderArn("fleet"));
        await Wire.Post($"/2017-03-31/tags/{arn}", new { Tags = new Dictionary<string, string> { ["env"] = "dev" } });
        await Wire.Delete($"/2017-03-31/tags/{arn}?tagKeys=team");
        var tags = await Wire.Get($"/2017-03-31/tags/{arn}");
        var missing = await Wire.Get($"/2017-03-31/tags/{Uri.EscapeDataString(ProviderArn("nowhere"))}");

        Assert.That(tags.Json.GetProperty("Tags").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"), Is.EqualTo(new[] { "env=dev" }));
        Assert.That(missing.ErrorType, Is.EqualTo("ResourceNotFoundException"), missing.ToString());
    }

    [Test]
    public async Task ASnapshot_KeepsProvidersAttachmentsAndScaling()
    {
        await CreateProvider("fleet", tags: new Dictionary<string, string> { ["team"] = "a" });
        await Wire.CreateFunction("f", Echo, OnProvider("fleet"));
        await Wire.PublishVersion("f");
        await Wire.Put("/2025-11-30/functions/f/function-scaling-config?Qualifier=1", new { FunctionScalingConfig = new { MinExecutionEnvironments = 2 } });
        var snapshot = Aws.Snapshot();

        using var fresh = new FakeAwsCloud(new FakeAwsOptions { TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start) });
        fresh.Restore(snapshot);
        using var wire = new LambdaWire(fresh);
        var provider = await wire.Get($"{Providers}/fleet");
        var versions = await wire.Get($"{Providers}/fleet/function-versions");
        var scaling = await wire.Get("/2025-11-30/functions/f/function-scaling-config?Qualifier=1");
        var tags = await wire.Get($"/2017-03-31/tags/{Uri.EscapeDataString(ProviderArn("fleet"))}");

        Assert.Multiple(() =>
        {
            Assert.That(provider.Json.GetProperty("CapacityProvider").GetProperty("State").GetString(), Is.EqualTo("Active"));
            Assert.That(versions.Json.GetProperty("FunctionVersions").GetArrayLength(), Is.EqualTo(1));
            Assert.That(scaling.Json.GetProperty("RequestedFunctionScalingConfig").GetProperty("MinExecutionEnvironments").GetInt32(), Is.EqualTo(2));
            Assert.That(tags.Json.GetProperty("Tags").GetProperty("team").GetString(), Is.EqualTo("a"));
        });
    }
}
