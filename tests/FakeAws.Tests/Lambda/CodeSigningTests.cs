namespace FakeAws.Tests.Lambda;

/// <summary>Code signing configurations, a function's configuration, and what Warn and Enforce let deploy.</summary>
public class CodeSigningTests : LambdaTestBase
{
    private const string Profile = "arn:aws:signer:us-east-1:123456789012:/signing-profiles/MyProfile/abcdef1234";
    private const string OtherProfile = "arn:aws:signer:us-east-1:123456789012:/signing-profiles/Other/0123456789";
    private const string Missing = "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0";

    private async Task<string> CreateConfig(string policy = "Enforce", string profile = Profile, object? tags = null)
    {
        var created = await Wire.Post("/2020-04-22/code-signing-configs", new
        {
            AllowedPublishers = new { SigningProfileVersionArns = new[] { profile } },
            CodeSigningPolicies = new { UntrustedArtifactOnDeployment = policy },
            Tags = tags,
        });
        AssertOk(created, 201);
        return created.Json.GetProperty("CodeSigningConfig").GetProperty("CodeSigningConfigArn").GetString()!;
    }

    private static string Escaped(string arn) => Uri.EscapeDataString(arn);

    [Test]
    public async Task Create_Get_Update_List_Delete()
    {
        var created = await Wire.Post("/2020-04-22/code-signing-configs", new
        {
            Description = "mine",
            AllowedPublishers = new { SigningProfileVersionArns = new[] { Profile } },
        });
        var config = created.Json.GetProperty("CodeSigningConfig");
        var arn = config.GetProperty("CodeSigningConfigArn").GetString()!;
        var updated = await Wire.Put($"/2020-04-22/code-signing-configs/{Escaped(arn)}", new { CodeSigningPolicies = new { UntrustedArtifactOnDeployment = "Enforce" } });
        var got = await Wire.Get($"/2020-04-22/code-signing-configs/{Escaped(arn)}");
        var listed = await Wire.Get("/2020-04-22/code-signing-configs");
        var deleted = await Wire.Delete($"/2020-04-22/code-signing-configs/{Escaped(arn)}");
        var gone = await Wire.Get($"/2020-04-22/code-signing-configs/{Escaped(arn)}");

        AssertOk(created, 201);
        Assert.Multiple(() =>
        {
            Assert.That(arn, Does.Match("^arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-[a-z0-9]{17}$"));
            Assert.That(arn, Does.EndWith(config.GetProperty("CodeSigningConfigId").GetString()!));
            Assert.That(config.GetProperty("CodeSigningPolicies").GetProperty("UntrustedArtifactOnDeployment").GetString(), Is.EqualTo("Warn"));
            Assert.That(config.GetProperty("AllowedPublishers").GetProperty("SigningProfileVersionArns")[0].GetString(), Is.EqualTo(Profile));
            Assert.That(updated.Json.GetProperty("CodeSigningConfig").GetProperty("Description").GetString(), Is.EqualTo("mine"), "members not named stay");
            Assert.That(got.Json.GetProperty("CodeSigningConfig").GetProperty("CodeSigningPolicies").GetProperty("UntrustedArtifactOnDeployment").GetString(), Is.EqualTo("Enforce"));
            Assert.That(listed.Json.GetProperty("CodeSigningConfigs").GetArrayLength(), Is.EqualTo(1));
            Assert.That((int)deleted.Status, Is.EqualTo(204));
        });
        AssertError(gone, 404, "ResourceNotFoundException", $"The Lambda code signing configuration {arn} can not be found.");
    }

    [Test]
    public async Task Create_ChecksTheModelsConstraints()
    {
        var none = await Wire.Post("/2020-04-22/code-signing-configs", new { AllowedPublishers = new { SigningProfileVersionArns = Array.Empty<string>() } });
        var tooMany = await Wire.Post("/2020-04-22/code-signing-configs", new
        {
            AllowedPublishers = new { SigningProfileVersionArns = Enumerable.Range(0, 21).Select(i => $"{Profile}{i}").ToArray() },
        });
        var policy = await Wire.Post("/2020-04-22/code-signing-configs", new
        {
            AllowedPublishers = new { SigningProfileVersionArns = new[] { Profile } },
            CodeSigningPolicies = new { UntrustedArtifactOnDeployment = "Block" },
        });
        var notAnArn = await Wire.Post("/2020-04-22/code-signing-configs", new { AllowedPublishers = new { SigningProfileVersionArns = new[] { "profile" } } });
        var twenty = await Wire.Post("/2020-04-22/code-signing-configs", new
        {
            AllowedPublishers = new { SigningProfileVersionArns = Enumerable.Range(0, 20).Select(i => $"{Profile}{i}").ToArray() },
        });

        Assert.Multiple(() =>
        {
            Assert.That(none.ErrorType, Is.EqualTo("ValidationException"), none.ToString());
            Assert.That(tooMany.ErrorType, Is.EqualTo("ValidationException"), tooMany.ToString());
            Assert.That(policy.ErrorType, Is.EqualTo("ValidationException"), policy.ToString());
            Assert.That(notAnArn.ErrorType, Is.EqualTo("ValidationException"), notAnArn.ToString());
            Assert.That((int)twenty.Status, Is.EqualTo(201), twenty.ToString());
        });
    }

    [Test]
    public async Task FunctionConfig_PutGetListDelete_AndAConfigInUseIsNotDeleted()
    {
        var arn = await CreateConfig("Warn");
        await Wire.CreateFunction("f", Echo);
        await Wire.CreateFunction("g", Echo);

        var before = await Wire.Get("/2020-06-30/functions/f/code-signing-config");
        var put = await Wire.Put("/2020-06-30/functions/f/code-signing-config", new { CodeSigningConfigArn = arn });
        var got = await Wire.Get($"/2020-06-30/functions/{Escaped(Arn("f"))}/code-signing-config");
        var functions = await Wire.Get($"/2020-04-22/code-signing-configs/{Escaped(arn)}/functions");
        var inUse = await Wire.Delete($"/2020-04-22/code-signing-configs/{Escaped(arn)}");
        var detached = await Wire.Delete("/2020-06-30/functions/f/code-signing-config");
        var deleted = await Wire.Delete($"/2020-04-22/code-signing-configs/{Escaped(arn)}");

        Assert.Multiple(() =>
        {
            Assert.That(before.Json.TryGetProperty("CodeSigningConfigArn", out _), Is.False, before.ToString());
            Assert.That(put.Json.GetProperty("CodeSigningConfigArn").GetString(), Is.EqualTo(arn));
            Assert.That(put.Json.GetProperty("FunctionName").GetString(), Is.EqualTo("f"));
            Assert.That(got.Json.GetProperty("CodeSigningConfigArn").GetString(), Is.EqualTo(arn));
            Assert.That(functions.Json.GetProperty("FunctionArns").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { Arn("f") }));
            Assert.That((int)detached.Status, Is.EqualTo(204));
            Assert.That((int)deleted.Status, Is.EqualTo(204));
        });
        AssertError(inUse, 409, "ResourceConflictException", $"The code signing configuration {arn} cannot be deleted because it is used by one or more functions.");
    }

    [Test]
    public async Task AnUnknownConfig_IsCodeSigningConfigNotFound_ForAFunction_AndResourceNotFound_Otherwise()
    {
        await Wire.CreateFunction("f", Echo);

        var put = await Wire.Put("/2020-06-30/functions/f/code-signing-config", new { CodeSigningConfigArn = Missing });
        var create = await Wire.CreateFunction("g", Echo, new { CodeSigningConfigArn = Missing });
        var list = await Wire.Get($"/2020-04-22/code-signing-configs/{Escaped(Missing)}/functions");
        var update = await Wire.Put($"/2020-04-22/code-signing-configs/{Escaped(Missing)}", new { Description = "x" });
        var noFunction = await Wire.Get("/2020-06-30/functions/nope/code-signing-config");

        var notFound = $"The code signing configuration cannot be found. Check that the provided configuration is not deleted: {Missing}.";
        AssertError(put, 404, "CodeSigningConfigNotFoundException", notFound);
        AssertError(create, 404, "CodeSigningConfigNotFoundException", notFound);
        AssertError(list, 404, "ResourceNotFoundException", $"The Lambda code signing configuration {Missing} can not be found.");
        AssertError(update, 404, "ResourceNotFoundException", $"The Lambda code signing configuration {Missing} can not be found.");
        AssertError(noFunction, 404, "ResourceNotFoundException", $"Function not found: {Arn("nope")}");
    }

    [Test]
    public async Task Enforce_RefusesUnsignedCode_AndWarnDeploysIt()
    {
        var enforce = await CreateConfig("Enforce");
        var warn = await CreateConfig("Warn");

        var refused = await Wire.CreateFunction("strict", Echo, new { CodeSigningConfigArn = enforce });
        var warned = await Wire.CreateFunction("lenient", Echo, new { CodeSigningConfigArn = warn });
        var strictGone = await Wire.Get("/2015-03-31/functions/strict");

        AssertError(refused, 400, "CodeVerificationFailedException",
            "Lambda cannot deploy the function. The function or layer might be signed using a signature that the client is not configured to accept. Check the provided signature for strict.");
        AssertOk(warned, 201);
        Assert.That((int)strictGone.Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Enforce_AcceptsCodeSignedByAnAllowedProfile_AndShowsTheProfile()
    {
        var enforce = await CreateConfig("Enforce");
        var signed = Zips.Small();
        Aws.Lambda.SignCode(signed, Profile);
        var otherSigned = Zips.DeclaringUnzippedSize(1000);
        Aws.Lambda.SignCode(otherSigned, OtherProfile);

        var created = await Wire.CreateFunction("f", Echo, new { CodeSigningConfigArn = enforce }, zip: signed);
        var wrongProfile = await Wire.Send(HttpMethod.Put, "/2015-03-31/functions/f/code", new { ZipFile = otherSigned });
        var unsigned = await Wire.Send(HttpMethod.Put, "/2015-03-31/functions/f/code", new { ZipFile = Zips.DeclaringUnzippedSize(2000) });

        AssertOk(created, 201);
        Assert.That(created.Json.GetProperty("SigningProfileVersionArn").GetString(), Is.EqualTo(Profile));
        Assert.That(wrongProfile.ErrorType, Is.EqualTo("CodeVerificationFailedException"), wrongProfile.ToString());
        Assert.That(unsigned.ErrorType, Is.EqualTo("CodeVerificationFailedException"), unsigned.ToString());
    }

    [Test]
    public async Task AConfigAttachedLater_ChecksOnlyTheNextDeployment_IncludingLayers()
    {
        await Wire.CreateFunction("f", Echo);
        var enforce = await CreateConfig("Enforce");
        await Wire.Put("/2020-06-30/functions/f/code-signing-config", new { CodeSigningConfigArn = enforce });
        var layerZip = Zips.Small();
        var layer = await Wire.Post("/2018-10-31/layers/lib/versions", new { Content = new { ZipFile = layerZip } });
        var layerArn = layer.Json.GetProperty("LayerVersionArn").GetString()!;

        var invoked = await Wire.Invoke("f", """{"still":"runs"}""");
        var withLayer = await Wire.Put("/2015-03-31/functions/f/configuration", new { Layers = new[] { layerArn } });
        Aws.Lambda.SignCode(layerZip, Profile);
        var withSignedLayer = await Wire.Put("/2015-03-31/functions/f/configuration", new { Layers = new[] { layerArn } });

        Assert.That(invoked.Text, Is.EqualTo("""{"still":"runs"}"""), "code deployed before the config keeps running");
        Assert.That(withLayer.ErrorType, Is.EqualTo("CodeVerificationFailedException"), withLayer.ToString());
        AssertOk(withSignedLayer);
    }

    [Test]
    public async Task Tags_OnACodeSigningConfig()
    {
        var arn = await CreateConfig(tags: new Dictionary<string, string> { ["team"] = "a" });

        var initial = await Wire.Get($"/2017-03-31/tags/{Escaped(arn)}");
        await Wire.Post($"/2017-03-31/tags/{Escaped(arn)}", new { Tags = new Dictionary<string, string> { ["env"] = "test" } });
        await Wire.Delete($"/2017-03-31/tags/{Escaped(arn)}?tagKeys=team");
        var after = await Wire.Get($"/2017-03-31/tags/{Escaped(arn)}");

        Assert.Multiple(() =>
        {
            Assert.That(initial.Json.GetProperty("Tags").GetProperty("team").GetString(), Is.EqualTo("a"));
            Assert.That(after.Json.GetProperty("Tags").EnumerateObject().Select(t => $"{t.Name}={t.Value.GetString()}"), Is.EqualTo(new[] { "env=test" }));
        });
    }

    [Test]
    public async Task ASnapshot_KeepsConfigsAttachmentsAndSignatures()
    {
        var enforce = await CreateConfig("Enforce");
        var signed = Zips.Small();
        Aws.Lambda.SignCode(signed, Profile);
        await Wire.CreateFunction("f", Echo, new { CodeSigningConfigArn = enforce }, zip: signed);
        var snapshot = Aws.Snapshot();

        using var fresh = new FakeAwsCloud(new FakeAwsOptions { TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start) });
        fresh.Restore(snapshot);
        using var wire = new LambdaWire(fresh);
        var got = await wire.Get("/2020-06-30/functions/f/code-signing-config");
        var updated = await wire.Send(HttpMethod.Put, "/2015-03-31/functions/f/code", new { ZipFile = signed });
        var unsigned = await wire.Send(HttpMethod.Put, "/2015-03-31/functions/f/code", new { ZipFile = Zips.DeclaringUnzippedSize(10) });

        Assert.That(got.Json.GetProperty("CodeSigningConfigArn").GetString(), Is.EqualTo(enforce));
        AssertOk(updated);
        Assert.That(unsigned.ErrorType, Is.EqualTo("CodeVerificationFailedException"), unsigned.ToString());
    }
}
