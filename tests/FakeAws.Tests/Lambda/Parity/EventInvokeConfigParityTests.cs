// Facts from AWS-recorded responses in LocalStack's tests/aws/services/lambda_/test_lambda_api.py
// (snapshots validated against AWS): TestLambdaEventInvokeConfig::test_lambda_eventinvokeconfig_lifecycle
// and test_lambda_eventinvokeconfig_exceptions, and TestLambdaFunction::test_ops_on_nonexisting_version
// and test_ops_on_nonexisting_fn (get_function_event_invoke_config).
namespace FakeAws.Tests.Lambda.Parity;

public class EventInvokeConfigParityTests : ParityTestBase
{
    private const string Path = "/2019-09-25/functions/{0}/event-invoke-config";

    private static string ConfigPath(string function, string? qualifier = null) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Path, Escape(function)) + (qualifier is null ? "" : $"?Qualifier={Escape(qualifier)}");

    /// <summary>A function with version 1 and alias <c>eventinvokealias</c>, plus a second function, as the recording sets up.</summary>
    private async Task CreateFunctionsAsync()
    {
        await CreateAndPublishAsync("fn");
        AssertOk(await Wire.Post("/2015-03-31/functions/fn/aliases", new { Name = "eventinvokealias", FunctionVersion = "1" }), 201);
        await CreateAsync("fn2");
    }

    private static string NoConfig(string qualifiedArn) => $"The function {qualifiedArn} doesn't have an EventInvokeConfig";

    [Test]
    public async Task PutFunctionEventInvokeConfig_Retries_OnlyTheGivenSettingsAndEmptyDestinations()
    {
        await CreateAsync("fn");

        var reply = await Wire.Put(ConfigPath("fn"), new { MaximumRetryAttempts = 0 });

        AssertOk(reply);
        Assert.Multiple(() =>
        {
            Assert.That(Str(reply.Json, "FunctionArn"), Is.EqualTo(Arn("fn") + ":$LATEST"));
            Assert.That(reply.Json.GetProperty("MaximumRetryAttempts").GetInt32(), Is.Zero);
            Assert.That(HasMember(reply.Json, "MaximumEventAgeInSeconds"), Is.False);
            Assert.That(reply.Json.GetProperty("DestinationConfig").GetProperty("OnSuccess").EnumerateObject(), Is.Empty);
            Assert.That(reply.Json.GetProperty("DestinationConfig").GetProperty("OnFailure").EnumerateObject(), Is.Empty);
            Assert.That(HasMember(reply.Json, "LastModified"), Is.True);
        });
    }

    [Test]
    public async Task PutFunctionEventInvokeConfig_Again_ReplacesTheWholeConfig()
    {
        await CreateAsync("fn");
        await Wire.Put(ConfigPath("fn"), new { MaximumRetryAttempts = 2, MaximumEventAgeInSeconds = 60 });

        var reply = await Wire.Put(ConfigPath("fn"), new { MaximumRetryAttempts = 0 });
        var read = await Wire.Get(ConfigPath("fn"));

        Assert.That(read.Json.GetProperty("MaximumRetryAttempts").GetInt32(), Is.Zero);
        Assert.That(HasMember(reply.Json, "MaximumEventAgeInSeconds"), Is.False);
        Assert.That(HasMember(read.Json, "MaximumEventAgeInSeconds"), Is.False);
    }

    [Test]
    public async Task UpdateFunctionEventInvokeConfig_OneSetting_KeepsTheOthers()
    {
        await CreateAsync("fn");
        await Wire.Put(ConfigPath("fn"), new { MaximumRetryAttempts = 2, MaximumEventAgeInSeconds = 60 });

        var reply = await Wire.Post(ConfigPath("fn"), new { MaximumRetryAttempts = 0 });

        AssertOk(reply);
        Assert.That(reply.Json.GetProperty("MaximumRetryAttempts").GetInt32(), Is.Zero);
        Assert.That(reply.Json.GetProperty("MaximumEventAgeInSeconds").GetInt32(), Is.EqualTo(60));
    }

    [Test]
    public async Task PutFunctionEventInvokeConfig_MaximumValues_Accepted()
    {
        await CreateAsync("fn");

        var reply = await Wire.Put(ConfigPath("fn"), new { MaximumRetryAttempts = 2, MaximumEventAgeInSeconds = 21600 });

        AssertOk(reply);
        Assert.That(reply.Json.GetProperty("MaximumEventAgeInSeconds").GetInt32(), Is.EqualTo(21600));
    }

    [Test]
    public async Task GetFunctionEventInvokeConfig_NewVersion_NoConfigOfItsOwn()
    {
        await CreateAsync("fn");
        await Wire.Put(ConfigPath("fn"), new { MaximumRetryAttempts = 1 });
        await Wire.PublishVersion("fn");

        var reply = await Wire.Get(ConfigPath("fn", "1"));

        AssertError(reply, 404, "ResourceNotFoundException", NoConfig(Arn("fn") + ":1"));
    }

    [Test]
    public async Task ListFunctionEventInvokeConfigs_LatestVersionAndAlias_QualifiedArns()
    {
        await CreateFunctionsAsync();
        await Wire.Put(ConfigPath("fn"), new { MaximumRetryAttempts = 0, MaximumEventAgeInSeconds = 60 });
        await Wire.Put(ConfigPath("fn", "1"), new { MaximumRetryAttempts = 1 });
        await Wire.Put(ConfigPath("fn", "eventinvokealias"), new { MaximumRetryAttempts = 1 });

        var reply = await Wire.Get("/2019-09-25/functions/fn/event-invoke-config/list");

        AssertOk(reply);
        Assert.That(reply.Json.GetProperty("FunctionEventInvokeConfigs").EnumerateArray().Select(c => Str(c, "FunctionArn")),
            Is.EquivalentTo(new[] { Arn("fn") + ":$LATEST", Arn("fn") + ":1", Arn("fn") + ":eventinvokealias" }));
    }

    [Test]
    public async Task DeleteFunctionEventInvokeConfig_Each_NoContentThenEmptyList()
    {
        await CreateFunctionsAsync();
        foreach (var qualifier in new[] { "$LATEST", "1", "eventinvokealias" })
        {
            await Wire.Put(ConfigPath("fn", qualifier), new { MaximumRetryAttempts = 1 });
        }

        var deletes = new List<WireReply>();
        foreach (var qualifier in new[] { "$LATEST", "1", "eventinvokealias" })
        {
            deletes.Add(await Wire.Delete(ConfigPath("fn", qualifier)));
        }
        var list = await Wire.Get("/2019-09-25/functions/fn/event-invoke-config/list");

        Assert.That(deletes.Select(d => (int)d.Status), Is.All.EqualTo(204));
        Assert.That(list.Json.GetProperty("FunctionEventInvokeConfigs").EnumerateArray(), Is.Empty);
    }

    [Test]
    public async Task DeleteFunctionEventInvokeConfig_AlreadyDeleted_NoEventInvokeConfig()
    {
        await CreateAsync("fn");

        var reply = await Wire.Delete(ConfigPath("fn"));

        AssertError(reply, 404, "ResourceNotFoundException", NoConfig(Arn("fn") + ":$LATEST"));
    }

    [TestCase("doesnotexist")]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:doesnotexist")]
    public async Task PutFunctionEventInvokeConfig_MissingFunction_FunctionDoesNotExist(string function)
    {
        var reply = await Wire.Put(ConfigPath(function), new { MaximumRetryAttempts = 1 });

        AssertError(reply, 404, "ResourceNotFoundException", "The function doesn't exist.");
    }

    [Test]
    public async Task PutFunctionEventInvokeConfig_NoSettings_InvalidParameterValueBeforeTheFunctionIsLookedUp()
    {
        var reply = await Wire.Put(ConfigPath("doesnotexist"), new { });

        AssertError(reply, 400, "InvalidParameterValueException", "You must specify at least one of error handling or destination setting.");
    }

    [Test]
    public async Task PutFunctionEventInvokeConfig_DestinationFunctionMissing_InvalidDestination()
    {
        await CreateFunctionsAsync();

        var reply = await Wire.Put(ConfigPath("fn"), new { DestinationConfig = new { OnSuccess = new { Destination = Arn("doesnotexist") } } });

        AssertError(reply, 400, "InvalidParameterValueException", $"The destination ARN {Arn("doesnotexist")} is invalid.");
    }

    [Test]
    public async Task PutFunctionEventInvokeConfig_DestinationIsTheFunction_InvalidParameterValue()
    {
        await CreateFunctionsAsync();

        var reply = await Wire.Put(ConfigPath("fn"), new { DestinationConfig = new { OnSuccess = new { Destination = Arn("fn") } } });

        AssertError(reply, 400, "InvalidParameterValueException", "You can't specify the function as a destination for itself.");
    }

    [Test]
    public async Task PutFunctionEventInvokeConfig_DestinationAnotherFunction_OnSuccessSetAndOnFailureEmpty()
    {
        await CreateFunctionsAsync();

        var reply = await Wire.Put(ConfigPath("fn"), new { DestinationConfig = new { OnSuccess = new { Destination = Arn("fn2") } } });

        AssertOk(reply);
        Assert.That(Str(reply.Json.GetProperty("DestinationConfig").GetProperty("OnSuccess"), "Destination"), Is.EqualTo(Arn("fn2")));
        Assert.That(reply.Json.GetProperty("DestinationConfig").GetProperty("OnFailure").EnumerateObject(), Is.Empty);
        Assert.That(HasMember(reply.Json, "MaximumRetryAttempts"), Is.False);
    }

    [Test]
    public async Task PutFunctionEventInvokeConfig_DestinationOfAnUnsupportedService_InvalidDestinationConfig()
    {
        await CreateFunctionsAsync();
        var iamArn = "arn:aws:iam:us-east-1:123456789012:function:fn";

        var reply = await Wire.Put(ConfigPath("fn"), new { DestinationConfig = new { OnSuccess = new { Destination = iamArn } } });

        AssertError(reply, 400, "InvalidParameterValueException",
            $"The provided destination config DestinationConfig(onSuccess=OnSuccess(destination={iamArn}), onFailure=null) is invalid.");
    }

    [TestCase("OnSuccess")]
    [TestCase("OnFailure")]
    public async Task PutFunctionEventInvokeConfig_DestinationWithoutArn_AcceptedAsEmpty(string member)
    {
        await CreateFunctionsAsync();

        var reply = await Wire.Put(ConfigPath("fn"), new { DestinationConfig = new Dictionary<string, object> { [member] = new { } } });

        AssertOk(reply);
        Assert.That(reply.Json.GetProperty("DestinationConfig").GetProperty("OnSuccess").EnumerateObject(), Is.Empty);
        Assert.That(reply.Json.GetProperty("DestinationConfig").GetProperty("OnFailure").EnumerateObject(), Is.Empty);
    }

    [Test]
    public async Task PutFunctionEventInvokeConfig_DestinationNotAnArn_ValidationException()
    {
        await CreateFunctionsAsync();
        var bad = "arn:aws:_-/!lambda:us-east-1:123456789012:function:fn";

        var reply = await Wire.Put(ConfigPath("fn"), new { DestinationConfig = new { OnFailure = new { Destination = bad } } });

        AssertErrorStartsWith(reply, 400, "ValidationException",
            $"1 validation error detected: Value '{bad}' at 'destinationConfig.onFailure.destination' failed to satisfy constraint: Member must satisfy regular expression pattern: ");
    }

    [TestCase("fn", null, ":$LATEST")]
    [TestCase("fn", "$LATEST", ":$LATEST")]
    [TestCase("fn", "1", ":1")]
    [TestCase("fn", "eventinvokealias", ":eventinvokealias")]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:fn:eventinvokealias", null, ":eventinvokealias")]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:fn:eventinvokealias", "eventinvokealias", ":eventinvokealias")]
    [TestCase("fn:eventinvokealias", null, ":eventinvokealias")]
    [TestCase("fn:eventinvokealias", "eventinvokealias", ":eventinvokealias")]
    [TestCase("fn:1", null, ":1")]
    [TestCase("fn:$LATEST", "$LATEST", ":$LATEST")]
    public async Task PutFunctionEventInvokeConfig_NameAndQualifierForms_ConfigOfTheNamedQualifier(string function, string? qualifier, string suffix)
    {
        await CreateFunctionsAsync();

        var reply = await Wire.Put(ConfigPath(function, qualifier), new { MaximumRetryAttempts = 1 });

        AssertOk(reply);
        Assert.That(Str(reply.Json, "FunctionArn"), Is.EqualTo(Arn("fn") + suffix));
    }

    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:fn:eventinvokealias", "eventinvokealiasdoesnotexist")]
    [TestCase("fn:eventinvokealias", "eventinvokealiasdoesnotexist")]
    [TestCase("fn:1", "$LATEST")]
    [TestCase("fn:$LATEST", "1")]
    [TestCase("fn:1", "eventinvokealias")]
    public async Task PutFunctionEventInvokeConfig_QualifierDiffersFromTheName_InvalidParameterValue(string function, string qualifier)
    {
        await CreateFunctionsAsync();

        var reply = await Wire.Put(ConfigPath(function, qualifier), new { MaximumRetryAttempts = 1 });

        AssertError(reply, 400, "InvalidParameterValueException", "The derived qualifier from the function name does not match the specified qualifier.");
    }

    [Test]
    public async Task PutFunctionEventInvokeConfig_MissingAlias_FunctionDoesNotExist()
    {
        await CreateFunctionsAsync();

        var reply = await Wire.Put(ConfigPath("fn", "eventinvokealiasdoesnotexist"), new { MaximumRetryAttempts = 1 });

        AssertError(reply, 404, "ResourceNotFoundException", "The function doesn't exist.");
    }

    [Test]
    public async Task EventInvokeConfigOperations_MissingFunction_AwsMessages()
    {
        var delete = await Wire.Delete(ConfigPath("doesnotexist"));
        var list = await Wire.Get("/2019-09-25/functions/doesnotexist/event-invoke-config/list");
        var get = await Wire.Get(ConfigPath("doesnotexist"));
        var update = await Wire.Post(ConfigPath("doesnotexist"), new { MaximumRetryAttempts = 0 });

        AssertError(delete, 404, "ResourceNotFoundException", NoConfig(Arn("doesnotexist") + ":$LATEST"));
        AssertError(list, 404, "ResourceNotFoundException", "The function doesn't exist.");
        AssertError(get, 404, "ResourceNotFoundException", NoConfig(Arn("doesnotexist") + ":$LATEST"));
        AssertError(update, 404, "ResourceNotFoundException", "The function doesn't exist.");
    }

    [Test]
    public async Task GetFunctionEventInvokeConfig_MissingQualifier_NoEventInvokeConfig()
    {
        await CreateFunctionsAsync();

        var missingAlias = await Wire.Get(ConfigPath("fn", "doesnotexist"));
        var missingVersion = await Wire.Get(ConfigPath("fn", "1221"));

        AssertError(missingAlias, 404, "ResourceNotFoundException", NoConfig(Arn("fn") + ":doesnotexist"));
        AssertError(missingVersion, 404, "ResourceNotFoundException", NoConfig(Arn("fn") + ":1221"));
    }

    [Test]
    public async Task UpdateFunctionEventInvokeConfig_NoConfigYet_NoEventInvokeConfig()
    {
        await CreateFunctionsAsync();

        var alias = await Wire.Post(ConfigPath(Arn("fn") + ":eventinvokealias"), new { MaximumRetryAttempts = 0 });
        var latest = await Wire.Post(ConfigPath(Arn("fn")), new { MaximumRetryAttempts = 0 });

        AssertError(alias, 404, "ResourceNotFoundException", NoConfig(Arn("fn") + ":eventinvokealias"));
        AssertError(latest, 404, "ResourceNotFoundException", NoConfig(Arn("fn") + ":$LATEST"));
    }
}
