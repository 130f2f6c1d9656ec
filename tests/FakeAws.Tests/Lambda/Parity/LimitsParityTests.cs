// Facts from AWS-recorded responses in LocalStack's tests/aws/services/lambda_/test_lambda_api.py
// (snapshots validated against AWS): TestLambdaSizeLimits::test_large_environment_variables_fails,
// test_large_environment_fails_multiple_keys, test_lambda_envvars_near_limit_succeeds,
// test_oversized_request_create_lambda, test_oversized_zipped_create_lambda,
// test_oversized_unzipped_lambda, TestLambdaLayer::test_layer_function_quota_exception and
// test_layer_function_exceptions (the checks that need no layer to exist), and
// TestLambdaSnapStart::test_snapstart_exceptions, test_snapstart_lifecycle and
// test_snapstart_update_function_configuration.
namespace FakeAws.Tests.Lambda.Parity;

public class LimitsParityTests : ParityTestBase
{
    private const string Over4KbPrefix =
        "Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ";

    [Test]
    public async Task CreateFunction_OneVariableOver4KB_InvalidParameterValueQuotingTheJson()
    {
        var value = new string('x', 4097);

        var reply = await Wire.CreateFunction("fn", Echo, new { Environment = new { Variables = new Dictionary<string, string> { ["LARGE_VAR"] = value } } });

        AssertError(reply, 400, "InvalidParameterValueException", $"{Over4KbPrefix}{{\"LARGE_VAR\":\"{value}\"}}");
    }

    [Test]
    public async Task CreateFunction_VariablesOver4KB_QuotedInTheOrderGiven()
    {
        var value = new string('x', 4097);

        var reply = await Wire.CreateFunction("fn", Echo,
            new { Environment = new { Variables = new Dictionary<string, string> { ["SMALL_VAR"] = "ok", ["LARGE_VAR"] = value } } });

        AssertError(reply, 400, "InvalidParameterValueException", $"{Over4KbPrefix}{{\"SMALL_VAR\":\"ok\",\"LARGE_VAR\":\"{value}\"}}");
    }

    [Test]
    public async Task CreateFunction_VariablesJustUnder4KB_Created()
    {
        // {"LARGE_VAR":"..."} is 4096 bytes with a value of 4080.
        var value = new string('x', 4096 - "{\"LARGE_VAR\":\"\"}".Length);

        var reply = await Wire.CreateFunction("fn", Echo, new { Environment = new { Variables = new Dictionary<string, string> { ["LARGE_VAR"] = value } } });

        AssertOk(reply, 201);
        Assert.That(reply.Json.GetProperty("Environment").GetProperty("Variables").GetProperty("LARGE_VAR").GetString(), Has.Length.EqualTo(value.Length));
    }

    [Test]
    public async Task CreateFunction_RequestOverTheLimit_RequestEntityTooLarge()
    {
        var body = new byte[70_167_212];
        body.AsSpan().Fill((byte)' ');

        var reply = await Wire.Send(HttpMethod.Post, "/2015-03-31/functions", body: body);

        AssertError(reply, 413, "RequestEntityTooLargeException", "Request must be smaller than 70167211 bytes for the CreateFunction operation");
    }

    [Test]
    public async Task CreateFunction_ZipOver50MB_ZippedSizeTooLarge()
    {
        var reply = await Wire.CreateFunction("fn", Echo, zip: new byte[52_428_801]);

        AssertError(reply, 413, "RequestEntityTooLargeException", "Zipped size must be smaller than 52428800 bytes");
    }

    [Test]
    public async Task CreateFunction_UnzipsTo250MB_InvalidParameterValue()
    {
        var reply = await Wire.CreateFunction("fn", Echo, zip: Zips.DeclaringUnzippedSize(262_144_000));

        AssertError(reply, 400, "InvalidParameterValueException", "Unzipped size must be smaller than 262144000 bytes");
    }

    [Test]
    public async Task CreateFunction_SixLayers_InvalidParameterValue()
    {
        var layers = Enumerable.Range(1, 6).Select(i => $"arn:aws:lambda:us-east-1:{Account}:layer:l{i}:1").ToArray();

        var reply = await Wire.CreateFunction("fn", Echo, new { Layers = layers });

        AssertError(reply, 400, "InvalidParameterValueException", "Cannot reference more than 5 layers.");
    }

    [TestCase(new[] { 1, 2 }, 1, 2)]
    [TestCase(new[] { 1, 2, 3 }, 1, 2)]
    [TestCase(new[] { 1, 1 }, 1, 1)]
    public async Task CreateFunction_TwoVersionsOfALayer_InvalidParameterValueNamingThem(int[] versions, int first, int second)
    {
        var layer = $"arn:aws:lambda:us-east-1:{Account}:layer:shared";

        var reply = await Wire.CreateFunction("fn", Echo, new { Layers = versions.Select(v => $"{layer}:{v}").ToArray() });

        AssertError(reply, 400, "InvalidParameterValueException",
            $"Two different versions of the same layer are not allowed to be referenced in the same function. {layer}:{first} and {layer}:{second} are versions of the same layer.");
    }

    [Test]
    public async Task CreateFunction_LayerOfAnotherRegion_InvalidParameterValue()
    {
        var reply = await Wire.CreateFunction("fn", Echo, new { Layers = new[] { $"arn:aws:lambda:eu-west-1:{Account}:layer:shared:1" } });

        AssertError(reply, 400, "InvalidParameterValueException", "Layers are not in the same region as the function. Layers are expected to be in region us-east-1.");
    }

    [Test]
    public async Task CreateFunction_SnapStartOnPython39_NotSupported()
    {
        var reply = await Wire.CreateFunction("fn", "handler.handler", new { SnapStart = new { ApplyOn = "PublishedVersions" } }, runtime: "python3.9");

        AssertError(reply, 400, "InvalidParameterValueException", "python3.9 is not supported for SnapStart enabled functions.");
    }

    [Test]
    public async Task CreateFunction_SnapStartUnknownApplyOn_ValidationException()
    {
        var reply = await Wire.CreateFunction("fn", Echo, new { SnapStart = new { ApplyOn = "invalidOption" } }, runtime: "java21");

        AssertError(reply, 400, "ValidationException",
            "1 validation error detected: Value 'invalidOption' at 'snapStart.applyOn' failed to satisfy constraint: Member must satisfy enum value set: [PublishedVersions, None]");
    }

    [TestCase("java11")]
    [TestCase("java17")]
    [TestCase("java21")]
    public async Task PublishVersion_SnapStart_OptimizationOnForTheVersionOffForLatest(string runtime)
    {
        var created = await Wire.CreateFunction("fn", Echo, new { SnapStart = new { ApplyOn = "PublishedVersions" } }, runtime: runtime);
        await Wire.PublishVersion("fn", new { Description = "version1" });

        var latest = await Wire.Get("/2015-03-31/functions/fn");
        var version = await Wire.Get("/2015-03-31/functions/fn?Qualifier=1");

        AssertOk(created, 201);
        Assert.Multiple(() =>
        {
            Assert.That(Str(created.Json.GetProperty("SnapStart"), "OptimizationStatus"), Is.EqualTo("Off"));
            Assert.That(Str(latest.Json.GetProperty("Configuration").GetProperty("SnapStart"), "ApplyOn"), Is.EqualTo("PublishedVersions"));
            Assert.That(Str(latest.Json.GetProperty("Configuration").GetProperty("SnapStart"), "OptimizationStatus"), Is.EqualTo("Off"));
            Assert.That(Str(version.Json.GetProperty("Configuration").GetProperty("SnapStart"), "OptimizationStatus"), Is.EqualTo("On"));
            Assert.That(Str(version.Json.GetProperty("Configuration"), "State"), Is.EqualTo("Active"));
        });
    }

    [TestCase("java11")]
    [TestCase("java17")]
    public async Task UpdateFunctionConfiguration_EnableSnapStart_ShownAtOnceWithOptimizationOff(string runtime)
    {
        await Wire.CreateFunction("fn", Echo, runtime: runtime);

        var reply = await Wire.Put("/2015-03-31/functions/fn/configuration", new { SnapStart = new { ApplyOn = "PublishedVersions" } });

        AssertOk(reply);
        Assert.That(Str(reply.Json.GetProperty("SnapStart"), "ApplyOn"), Is.EqualTo("PublishedVersions"));
        Assert.That(Str(reply.Json.GetProperty("SnapStart"), "OptimizationStatus"), Is.EqualTo("Off"));
        Assert.That(Str(reply.Json, "LastUpdateStatus"), Is.EqualTo("InProgress"));
    }
}
