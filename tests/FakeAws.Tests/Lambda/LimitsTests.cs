namespace FakeAws.Tests.Lambda;

/// <summary>Lambda's quotas, each with AWS's code, status and message.</summary>
public class LimitsTests : LambdaTestBase
{
    [Test]
    public async Task CreateFunction_MemoryBelow128_ValidationException()
    {
        var reply = await Wire.CreateFunction("f", Echo, new { MemorySize = 64 });

        AssertError(reply, 400, "ValidationException",
            "1 validation error detected: Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128");
    }

    [Test]
    public async Task CreateFunction_MemoryAbove10240_InvalidParameterValue()
    {
        var reply = await Wire.CreateFunction("f", Echo, new { MemorySize = 10241 });

        AssertError(reply, 400, "InvalidParameterValueException", "'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240");
    }

    [Test]
    public async Task CreateFunction_Memory10240_Accepted()
    {
        AssertOk(await Wire.CreateFunction("f", Echo, new { MemorySize = 10240 }), 201);
    }

    [Test]
    public async Task CreateFunction_TimeoutZero_ValidationException()
    {
        var reply = await Wire.CreateFunction("f", Echo, new { Timeout = 0 });

        AssertError(reply, 400, "ValidationException",
            "1 validation error detected: Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }

    [Test]
    public async Task UpdateFunctionConfiguration_TimeoutAbove900_InvalidParameterValue()
    {
        await Wire.CreateFunction("f", Echo);

        var reply = await Wire.Put("/2015-03-31/functions/f/configuration", new { Timeout = 901 });

        AssertError(reply, 400, "InvalidParameterValueException", "'timeout' failed to satisfy constraint: Member must have value less than or equal to 900");
    }

    [TestCase(511, "greater than or equal to 512")]
    [TestCase(10241, "less than or equal to 10240")]
    public async Task CreateFunction_EphemeralStorageOutOfRange_ValidationException(int size, string bound)
    {
        var reply = await Wire.CreateFunction("f", Echo, new { EphemeralStorage = new { Size = size } });

        AssertError(reply, 400, "ValidationException",
            $"1 validation error detected: Value '{size}' at 'ephemeralStorage.size' failed to satisfy constraint: Member must have value {bound}");
    }

    [Test]
    public async Task CreateFunction_EnvironmentOver4KB_InvalidParameterValueMeasuringTheJson()
    {
        var variables = new Dictionary<string, string> { ["BIG"] = new('x', 4090) };

        var reply = await Wire.CreateFunction("f", Echo, new { Environment = new { Variables = variables } });

        AssertError(reply, 400, "InvalidParameterValueException",
            "Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. " +
            $"String measured: {{\"BIG\":\"{new string('x', 4090)}\"}}");
    }

    [Test]
    public async Task CreateFunction_EnvironmentOfExactly4KB_Accepted()
    {
        // {"BIG":"..."} is 10 bytes of JSON around the value.
        var variables = new Dictionary<string, string> { ["BIG"] = new('x', 4096 - 10) };

        AssertOk(await Wire.CreateFunction("f", Echo, new { Environment = new { Variables = variables } }), 201);
    }

    [Test]
    public async Task CreateFunction_ReservedEnvironmentVariable_InvalidParameterValue()
    {
        var reply = await Wire.CreateFunction("f", Echo, new { Environment = new { Variables = new { AWS_REGION = "eu-west-1" } } });

        AssertError(reply, 400, "InvalidParameterValueException",
            "Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: AWS_REGION");
    }

    [Test]
    public async Task CreateFunction_SixLayers_InvalidParameterValue()
    {
        var layers = Enumerable.Range(1, 6).Select(i => $"arn:aws:lambda:us-east-1:123456789012:layer:l{i}:1").ToArray();

        var reply = await Wire.CreateFunction("f", Echo, new { Layers = layers });

        AssertError(reply, 400, "InvalidParameterValueException", "Cannot reference more than 5 layers.");
    }

    [Test]
    public async Task CreateFunction_NotAZip_InvalidParameterValue()
    {
        var reply = await Wire.CreateFunction("f", Echo, zip: "not a zip"u8.ToArray());

        AssertError(reply, 400, "InvalidParameterValueException", "Could not unzip uploaded file. Please check your file, then try to upload again.");
    }

    [Test]
    public async Task CreateFunction_UnzippedOver250MB_InvalidParameterValue()
    {
        var reply = await Wire.CreateFunction("f", Echo, zip: Zips.DeclaringUnzippedSize(262_144_000));

        AssertError(reply, 400, "InvalidParameterValueException", "Unzipped size must be smaller than 262144000 bytes");
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
    public async Task CreateFunction_CodeFromS3_BucketDoesNotExist()
    {
        var reply = await Wire.Send(HttpMethod.Post, "/2015-03-31/functions",
            new { FunctionName = "f", Runtime = "dotnet8", Role = LambdaWire.Role, Handler = Echo, Code = new { S3Bucket = "deploys", S3Key = "f.zip" } });

        AssertError(reply, 400, "InvalidParameterValueException",
            "Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error Message: The specified bucket does not exist");
    }

    [Test]
    public async Task CreateFunction_SnapStartOnUnsupportedRuntime_InvalidParameterValue()
    {
        var reply = await Wire.CreateFunction("f", "index.handler", new { SnapStart = new { ApplyOn = "PublishedVersions" } }, runtime: "python3.11");

        AssertError(reply, 400, "InvalidParameterValueException", "python3.11 is not supported for SnapStart enabled functions.");
    }

    [Test]
    public async Task CreateFunction_FiftyOneTags_InvalidParameterValue()
    {
        var tags = Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", i => "v");

        var reply = await Wire.CreateFunction("f", Echo, new { Tags = tags });

        AssertError(reply, 400, "InvalidParameterValueException", "Number of tags exceeds resource tag limit.");
    }

    [Test]
    public async Task PutFunctionConcurrency_LeavingUnder100Unreserved_InvalidParameterValue()
    {
        await Wire.CreateFunction("f", Echo);

        var reply = await Wire.Put("/2017-10-31/functions/f/concurrency", new { ReservedConcurrentExecutions = 901 });

        AssertError(reply, 400, "InvalidParameterValueException",
            "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].");
        AssertOk(await Wire.Put("/2017-10-31/functions/f/concurrency", new { ReservedConcurrentExecutions = 900 }));
    }

    [Test]
    public async Task Invoke_SyncPayloadOver6MB_RequestEntityTooLarge()
    {
        await Wire.CreateFunction("f", Echo);
        var payload = "\"" + new string('x', 6_291_456 - 1) + "\"";

        var reply = await Wire.Invoke("f", payload);

        AssertError(reply, 413, "RequestEntityTooLargeException", "6291457 byte payload is too large for the RequestResponse invocation type (limit 6291456 bytes)");
    }

    [Test]
    public async Task Invoke_EventPayloadOver1MB_RequestEntityTooLarge()
    {
        await Wire.CreateFunction("f", Echo);
        var payload = "\"" + new string('x', 1_048_576) + "\"";

        var reply = await Wire.Invoke("f", payload, type: "Event");

        AssertError(reply, 413, "RequestEntityTooLargeException", "1048578 byte payload is too large for the Event invocation type (limit 1048576 bytes)");
    }

    [Test]
    public async Task Invoke_ResponseOver6MB_FunctionResponseSizeTooLarge()
    {
        await Wire.CreateFunction("f", "FakeAws::FakeAws.Lambda.BuiltInHandlers::Fill");

        var reply = await Wire.Invoke("f", "{\"bytes\": 6291556}");

        AssertOk(reply);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
            Assert.That(reply.Text, Is.EqualTo(
                "{\"errorMessage\":\"Response payload size exceeded maximum allowed payload size (6291556 bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}"));
        });
    }

    [Test]
    public async Task Invoke_ResponseJustUnder6MB_Returned()
    {
        await Wire.CreateFunction("f", "FakeAws::FakeAws.Lambda.BuiltInHandlers::Fill");

        var reply = await Wire.Invoke("f", "{\"bytes\": 6291554}");

        Assert.That(reply.Header("X-Amz-Function-Error"), Is.Null);
        Assert.That(reply.Body, Has.Length.EqualTo(6291556));
    }
}
