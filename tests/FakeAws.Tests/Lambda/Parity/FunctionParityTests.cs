// Facts from AWS-recorded responses in LocalStack's tests/aws/services/lambda_/test_lambda_api.py
// (snapshots validated against AWS): TestLambdaFunction::test_function_lifecycle,
// test_redundant_updates, test_ops_with_arn_qualifier_mismatch, test_ops_on_nonexisting_version,
// test_delete_on_nonexisting_version, test_ops_on_nonexisting_fn, test_get_function_wrong_region,
// test_lambda_code_location_zipfile, test_list_functions, test_function_arns,
// test_create_lambda_exceptions, test_update_lambda_exceptions and test_vpc_config.
using System.Net;

namespace FakeAws.Tests.Lambda.Parity;

public class FunctionParityTests : ParityTestBase
{
    [Test]
    public async Task CreateFunction_Zip_PendingWithAwsMembers()
    {
        var reply = await Wire.CreateFunction("fn", Echo);

        AssertOk(reply, 201);
        var config = reply.Json;
        Assert.Multiple(() =>
        {
            Assert.That(Str(config, "State"), Is.EqualTo("Pending"));
            Assert.That(Str(config, "StateReason"), Is.EqualTo("The function is being created."));
            Assert.That(Str(config, "StateReasonCode"), Is.EqualTo("Creating"));
            Assert.That(HasMember(config, "LastUpdateStatus"), Is.False);
            Assert.That(Str(config, "Version"), Is.EqualTo("$LATEST"));
            Assert.That(Str(config, "Description"), Is.EqualTo(""));
            Assert.That(Str(config.GetProperty("TracingConfig"), "Mode"), Is.EqualTo("PassThrough"));
            Assert.That(Str(config.GetProperty("SnapStart"), "ApplyOn"), Is.EqualTo("None"));
            Assert.That(Str(config.GetProperty("SnapStart"), "OptimizationStatus"), Is.EqualTo("Off"));
            Assert.That(config.GetProperty("EphemeralStorage").GetProperty("Size").GetInt32(), Is.EqualTo(512));
            Assert.That(Str(config, "PackageType"), Is.EqualTo("Zip"));
            Assert.That(config.GetProperty("Architectures").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "x86_64" }));
            Assert.That(Str(config.GetProperty("LoggingConfig"), "LogFormat"), Is.EqualTo("Text"));
            Assert.That(Str(config.GetProperty("LoggingConfig"), "LogGroup"), Is.EqualTo("/aws/lambda/fn"));
            Assert.That(Str(config.GetProperty("RuntimeVersionConfig"), "RuntimeVersionArn"), Does.StartWith("arn:aws:lambda:us-east-1::runtime:"));
            Assert.That(Str(config, "FunctionArn"), Is.EqualTo(Arn("fn")));
        });
    }

    [Test]
    public async Task CreateFunction_EmptyEnvironmentVariables_EchoedAsAnEmptyMap()
    {
        var reply = await Wire.CreateFunction("fn", Echo, new { Environment = new { Variables = new Dictionary<string, string>() } });

        AssertOk(reply, 201);
        Assert.That(reply.Json.GetProperty("Environment").GetProperty("Variables").EnumerateObject(), Is.Empty);
    }

    [Test]
    public async Task CreateFunction_NoEnvironment_NoEnvironmentMember()
    {
        var reply = await Wire.CreateFunction("fn", Echo);

        Assert.That(HasMember(reply.Json, "Environment"), Is.False);
    }

    [Test]
    public async Task GetFunction_AfterCreate_ActiveSuccessfulUnderANewRevisionId()
    {
        var created = await CreateAsync("fn");

        var reply = await Wire.Get("/2015-03-31/functions/fn");

        AssertOk(reply);
        var config = reply.Json.GetProperty("Configuration");
        Assert.Multiple(() =>
        {
            Assert.That(Str(config, "State"), Is.EqualTo("Active"));
            Assert.That(Str(config, "LastUpdateStatus"), Is.EqualTo("Successful"));
            Assert.That(HasMember(config, "StateReason"), Is.False);
            Assert.That(HasMember(config, "StateReasonCode"), Is.False);
            Assert.That(Str(config, "RevisionId"), Is.Not.EqualTo(Str(created.Json, "RevisionId")), "becoming Active is a new revision");
            Assert.That(Str(reply.Json.GetProperty("Code"), "RepositoryType"), Is.EqualTo("S3"));
            Assert.That(HasMember(reply.Json, "Tags"), Is.False);
        });
    }

    [Test]
    public async Task UpdateFunctionConfiguration_Response_ActiveWithUpdateInProgress()
    {
        await CreateAsync("fn");

        var reply = await Wire.Put("/2015-03-31/functions/fn/configuration", new { Description = "Changed-Description", MemorySize = 512 });

        AssertOk(reply);
        Assert.Multiple(() =>
        {
            Assert.That(Str(reply.Json, "State"), Is.EqualTo("Active"));
            Assert.That(Str(reply.Json, "LastUpdateStatus"), Is.EqualTo("InProgress"));
            Assert.That(Str(reply.Json, "LastUpdateStatusReason"), Is.EqualTo("The function is being created."));
            Assert.That(Str(reply.Json, "LastUpdateStatusReasonCode"), Is.EqualTo("Creating"));
            Assert.That(reply.Json.GetProperty("MemorySize").GetInt32(), Is.EqualTo(512));
        });
    }

    [Test]
    public async Task GetFunction_AfterUpdate_SuccessfulUnderANewRevisionId()
    {
        await CreateAsync("fn");
        var updated = await Wire.Put("/2015-03-31/functions/fn/configuration", new { Timeout = 10 });

        var reply = await Wire.Get("/2015-03-31/functions/fn/configuration");

        Assert.Multiple(() =>
        {
            Assert.That(Str(reply.Json, "LastUpdateStatus"), Is.EqualTo("Successful"));
            Assert.That(HasMember(reply.Json, "LastUpdateStatusReason"), Is.False);
            Assert.That(Str(reply.Json, "RevisionId"), Is.Not.EqualTo(Str(updated.Json, "RevisionId")), "a finished update is a new revision");
        });
    }

    [Test]
    public async Task UpdateFunctionCode_Response_NewCodeWithUpdateInProgress()
    {
        var created = await CreateAsync("fn");

        var reply = await Wire.Put("/2015-03-31/functions/fn/code", new { ZipFile = Zips.DeclaringUnzippedSize(99) });

        AssertOk(reply);
        Assert.Multiple(() =>
        {
            Assert.That(Str(reply.Json, "LastUpdateStatus"), Is.EqualTo("InProgress"));
            Assert.That(Str(reply.Json, "LastUpdateStatusReasonCode"), Is.EqualTo("Creating"));
            Assert.That(Str(reply.Json, "State"), Is.EqualTo("Active"));
            Assert.That(Str(reply.Json, "CodeSha256"), Is.Not.EqualTo(Str(created.Json, "CodeSha256")));
        });
    }

    [Test]
    public async Task DeleteFunction_Existing_NoContentThenNotFound()
    {
        await CreateAsync("fn");

        var deleted = await Wire.Delete("/2015-03-31/functions/fn");
        var after = await Wire.Delete("/2015-03-31/functions/fn");

        AssertOk(deleted, 204);
        AssertError(after, 404, "ResourceNotFoundException", $"Function not found: {Arn("fn")}");
        Assert.That(Str(after.Json, "Type"), Is.EqualTo("User"));
    }

    [TestCase("GET", "/2015-03-31/functions/{0}?Qualifier=%24LATEST")]
    [TestCase("GET", "/2015-03-31/functions/{0}/configuration?Qualifier=%24LATEST")]
    [TestCase("DELETE", "/2015-03-31/functions/{0}?Qualifier=%24LATEST")]
    public async Task FunctionOperations_NameQualifierDiffersFromQualifier_InvalidParameterValue(string method, string path)
    {
        var reply = await Wire.Send(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Escape(Arn("some-function") + ":1")));

        AssertError(reply, 400, "InvalidParameterValueException", "The derived qualifier from the function name does not match the specified qualifier.");
    }

    [TestCase("/2015-03-31/functions/{0}?Qualifier=%24LATEST")]
    [TestCase("/2015-03-31/functions/{0}/configuration?Qualifier=%24LATEST")]
    public async Task GetFunction_MissingFunctionWithQualifier_NotFoundNamingTheQualifiedArn(string path)
    {
        var reply = await Wire.Get(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Escape(Arn("some-function") + ":$LATEST")));

        AssertError(reply, 404, "ResourceNotFoundException", $"Function not found: {Arn("some-function")}:$LATEST");
    }

    [Test]
    public async Task DeleteFunction_LatestQualifier_InvalidParameterValue()
    {
        var reply = await Wire.Delete($"/2015-03-31/functions/{Escape(Arn("some-function") + ":$LATEST")}?Qualifier=%24LATEST");

        AssertError(reply, 400, "InvalidParameterValueException", "$LATEST version cannot be deleted without deleting the function.");
    }

    [TestCase("/2015-03-31/functions/fn?Qualifier=1221")]
    [TestCase("/2015-03-31/functions/fn/configuration?Qualifier=1221")]
    public async Task GetFunction_MissingVersion_NotFoundNamingTheVersion(string path)
    {
        await CreateAsync("fn");

        var reply = await Wire.Get(path);

        AssertError(reply, 404, "ResourceNotFoundException", $"Function not found: {Arn("fn")}:1221");
    }

    [TestCase("/2015-03-31/functions/fn")]
    [TestCase("/2015-03-31/functions/fn?Qualifier=1")]
    public async Task DeleteFunction_MissingFunction_NotFoundNamingTheFunction(string path)
    {
        var reply = await Wire.Delete(path);

        AssertError(reply, 404, "ResourceNotFoundException", $"Function not found: {Arn("fn")}");
    }

    [TestCase("GET", "/2015-03-31/functions/missing")]
    [TestCase("GET", "/2015-03-31/functions/missing/configuration")]
    [TestCase("GET", "/2019-09-30/functions/missing/concurrency")]
    public async Task FunctionOperations_MissingFunction_NotFoundNamingTheFunction(string method, string path)
    {
        var reply = await Wire.Send(new HttpMethod(method), path);

        AssertError(reply, 404, "ResourceNotFoundException", $"Function not found: {Arn("missing")}");
    }

    [TestCase("GET", "/2015-03-31/functions/{0}")]
    [TestCase("GET", "/2015-03-31/functions/{0}/configuration")]
    [TestCase("GET", "/2019-09-25/functions/{0}/event-invoke-config")]
    [TestCase("GET", "/2019-09-30/functions/{0}/concurrency")]
    [TestCase("DELETE", "/2015-03-31/functions/{0}")]
    [TestCase("POST", "/2015-03-31/functions/{0}/invocations")]
    public async Task FunctionOperations_ArnOfAnotherRegion_NotReachable(string method, string path)
    {
        var arn = Escape("arn:aws:lambda:eu-central-1:123456789012:function:fn");

        var reply = await Wire.Send(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, path, arn),
            body: method == "POST" ? "{}"u8.ToArray() : null);

        AssertError(reply, 404, "ResourceNotFoundException", "Functions from 'eu-central-1' are not reachable in this region ('us-east-1')");
    }

    [Test]
    public async Task GetFunction_LatestQualifier_QualifiedArn()
    {
        await CreateAsync("fn");

        var reply = await Wire.Get("/2015-03-31/functions/fn?Qualifier=%24LATEST");

        Assert.That(Str(reply.Json.GetProperty("Configuration"), "FunctionArn"), Is.EqualTo(Arn("fn") + ":$LATEST"));
    }

    [Test]
    public async Task ListFunctions_Default_UnqualifiedArnsWithoutStateMembers()
    {
        await CreateAsync("fn");
        await Wire.PublishVersion("fn");

        var reply = await Wire.Get("/2015-03-31/functions/");

        AssertOk(reply);
        var function = reply.Json.GetProperty("Functions").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(Str(function, "FunctionArn"), Is.EqualTo(Arn("fn")));
            Assert.That(Str(function, "Version"), Is.EqualTo("$LATEST"));
            foreach (var member in new[] { "State", "StateReason", "StateReasonCode", "LastUpdateStatus", "RuntimeVersionConfig" })
            {
                Assert.That(HasMember(function, member), Is.False, member);
            }
        });
    }

    [Test]
    public async Task ListFunctions_AllVersions_LatestQualifiedThenVersions()
    {
        await CreateAsync("fn");
        await Wire.PublishVersion("fn");

        var reply = await Wire.Get("/2015-03-31/functions/?FunctionVersion=ALL");

        var functions = reply.Json.GetProperty("Functions").EnumerateArray().ToList();
        Assert.That(functions.Select(f => Str(f, "FunctionArn")), Is.EqualTo(new[] { Arn("fn") + ":$LATEST", Arn("fn") + ":1" }));
        Assert.That(functions.Select(f => HasMember(f, "State")), Is.All.False);
    }

    [Test]
    public async Task ListFunctions_UnknownFunctionVersion_ValidationException()
    {
        var reply = await Wire.Get("/2015-03-31/functions/?FunctionVersion=invalid");

        AssertError(reply, 400, "ValidationException",
            "1 validation error detected: Value 'invalid' at 'functionVersion' failed to satisfy constraint: Member must satisfy enum value set: [ALL]");
    }

    [Test]
    public async Task CreateFunction_ByArn_CreatesTheNamedFunction()
    {
        var reply = await Wire.CreateFunction(Arn("fn"), Echo);

        AssertOk(reply, 201);
        Assert.That(Str(reply.Json, "FunctionName"), Is.EqualTo("fn"));
    }

    [Test]
    public async Task CreateFunction_ByPartialArn_CreatesTheNamedFunction()
    {
        var reply = await Wire.CreateFunction($"{Account}:function:fn", Echo);

        AssertOk(reply, 201);
        Assert.That(Str(reply.Json, "FunctionArn"), Is.EqualTo(Arn("fn")));
    }

    [Test]
    public async Task CreateFunction_InvalidName_ValidationExceptionQuotingThePattern()
    {
        var reply = await Wire.CreateFunction("invalid:function:name", Echo);

        // AWS quotes the model's pattern, which has changed since the recording; the rest is verbatim.
        AssertErrorStartsWith(reply, 400, "ValidationException",
            "1 validation error detected: Value 'invalid:function:name' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?");
    }

    [Test]
    public async Task CreateFunction_NameOver64_InvalidParameterValue()
    {
        var name = new string('a', 65);

        var reply = await Wire.CreateFunction(name, Echo);

        AssertError(reply, 400, "InvalidParameterValueException",
            $"1 validation error detected: Value '{name}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 64");
    }

    [Test]
    public async Task CreateFunction_ArnOver140_ValidationException()
    {
        var arn = Arn(new string('a', 100));

        var reply = await Wire.CreateFunction(arn, Echo);

        AssertError(reply, 400, "ValidationException",
            $"1 validation error detected: Value '{arn}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 140");
    }

    [Test]
    public async Task CreateFunction_ArnOfAnotherRegion_NotReachable()
    {
        var reply = await Wire.CreateFunction("arn:aws:lambda:ap-southeast-1:123456789012:function:fn", Echo);

        AssertError(reply, 404, "ResourceNotFoundException", "Functions from 'ap-southeast-1' are not reachable in this region ('us-east-1')");
    }

    [Test]
    public async Task CreateFunction_ArnOfAnotherAccount_AccessDeniedWithoutMessage()
    {
        var reply = await Wire.CreateFunction("arn:aws:lambda:us-east-1:111111111111:function:fn", Echo);

        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Forbidden), reply.ToString());
            Assert.That(reply.ErrorType, Is.EqualTo("AccessDeniedException"));
            Assert.That(reply.Message, Is.Null);
        });
    }

    [Test]
    public async Task CreateFunction_RoleNotAnArn_ValidationException()
    {
        var reply = await Wire.Send(HttpMethod.Post, "/2015-03-31/functions",
            new { FunctionName = "fn", Runtime = "dotnet8", Role = "r1", Handler = Echo, Code = new { ZipFile = Zips.Small() } });

        AssertError(reply, 400, "ValidationException",
            "1 validation error detected: Value 'r1' at 'role' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    }

    [Test]
    public async Task UpdateFunctionConfiguration_RoleNotAnArn_ValidationException()
    {
        await CreateAsync("fn");

        var reply = await Wire.Put("/2015-03-31/functions/fn/configuration", new { Role = "r1" });

        AssertError(reply, 400, "ValidationException",
            "1 validation error detected: Value 'r1' at 'role' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    }

    [TestCase("non-existent-runtime")]
    [TestCase("PYTHON3.9")]
    public async Task CreateFunction_UnknownRuntime_InvalidParameterValueListingTheRuntimes(string runtime)
    {
        var reply = await Wire.CreateFunction("fn", Echo, runtime: runtime);

        // AWS lists the runtimes it accepts at the time, so only the wording around the list is fixed.
        AssertErrorStartsWith(reply, 400, "InvalidParameterValueException",
            $"Value {runtime} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [");
        Assert.That(reply.Message, Does.EndWith("] or be a valid ARN"));
        Assert.That(reply.Message, Does.Contain("python3.12").And.Contain("dotnet8").And.Contain("java21"));
    }

    [TestCase("non-existent-runtime")]
    [TestCase("PYTHON3.9")]
    public async Task UpdateFunctionConfiguration_UnknownRuntime_InvalidParameterValueListingTheRuntimes(string runtime)
    {
        await CreateAsync("fn");

        var reply = await Wire.Put("/2015-03-31/functions/fn/configuration", new { Runtime = runtime });

        AssertErrorStartsWith(reply, 400, "InvalidParameterValueException",
            $"Value {runtime} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [");
        Assert.That(reply.Message, Does.EndWith("] or be a valid ARN"));
    }

    [Test]
    public async Task CreateFunction_TwoArchitectures_ValidationException()
    {
        var reply = await Wire.CreateFunction("fn", Echo, new { Architectures = new[] { "x86_64", "arm64" } });

        AssertError(reply, 400, "ValidationException",
            "1 validation error detected: Value '[x86_64, arm64]' at 'architectures' failed to satisfy constraint: Member must have length less than or equal to 1");
    }

    [Test]
    public async Task CreateFunction_NotAZip_InvalidParameterValue()
    {
        var reply = await Wire.CreateFunction("fn", Echo, zip: "this is not a zip file"u8.ToArray());

        AssertError(reply, 400, "InvalidParameterValueException", "Could not unzip uploaded file. Please check your file, then try to upload again.");
    }

    [Test]
    public async Task CreateFunction_VpcConfig_EchoedWithIpv6NotAllowed()
    {
        var reply = await Wire.CreateFunction("fn", Echo, new { VpcConfig = new { SubnetIds = new[] { "subnet-1" }, SecurityGroupIds = new[] { "sg-1" } } });

        var vpc = reply.Json.GetProperty("VpcConfig");
        Assert.Multiple(() =>
        {
            Assert.That(vpc.GetProperty("Ipv6AllowedForDualStack").GetBoolean(), Is.False);
            Assert.That(vpc.GetProperty("SubnetIds")[0].GetString(), Is.EqualTo("subnet-1"));
            Assert.That(vpc.GetProperty("SecurityGroupIds")[0].GetString(), Is.EqualTo("sg-1"));
        });
    }

    [Test]
    public async Task UpdateFunctionConfiguration_EmptyVpcConfig_EmptyListsAndNoVpc()
    {
        await CreateAsync("fn", new { VpcConfig = new { SubnetIds = new[] { "subnet-1" }, SecurityGroupIds = new[] { "sg-1" } } });

        var reply = await Wire.Put("/2015-03-31/functions/fn/configuration",
            new { VpcConfig = new { SubnetIds = Array.Empty<string>(), SecurityGroupIds = Array.Empty<string>() } });

        var vpc = reply.Json.GetProperty("VpcConfig");
        Assert.Multiple(() =>
        {
            Assert.That(vpc.GetProperty("SubnetIds").GetArrayLength(), Is.Zero);
            Assert.That(vpc.GetProperty("SecurityGroupIds").GetArrayLength(), Is.Zero);
            Assert.That(Str(vpc, "VpcId"), Is.EqualTo(""));
            Assert.That(vpc.GetProperty("Ipv6AllowedForDualStack").GetBoolean(), Is.False);
        });
    }
}
