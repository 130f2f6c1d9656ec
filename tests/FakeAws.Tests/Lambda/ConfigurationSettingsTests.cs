namespace FakeAws.Tests.Lambda;

/// <summary>Reserved and provisioned concurrency, tags and event invoke configs.</summary>
public class ConfigurationSettingsTests : LambdaTestBase
{
    [Test]
    public async Task FunctionConcurrency_PutGetDelete()
    {
        await Wire.CreateFunction("f", Echo);

        var put = await Wire.Put("/2017-10-31/functions/f/concurrency", new { ReservedConcurrentExecutions = 10 });
        var got = await Wire.Get("/2019-09-30/functions/f/concurrency");
        var deleted = await Wire.Delete("/2017-10-31/functions/f/concurrency");
        var after = await Wire.Get("/2019-09-30/functions/f/concurrency");

        Assert.Multiple(() =>
        {
            Assert.That(put.Json.GetProperty("ReservedConcurrentExecutions").GetInt32(), Is.EqualTo(10));
            Assert.That(got.Json.GetProperty("ReservedConcurrentExecutions").GetInt32(), Is.EqualTo(10));
            Assert.That((int)deleted.Status, Is.EqualTo(204));
            Assert.That(after.Json.TryGetProperty("ReservedConcurrentExecutions", out _), Is.False);
        });
    }

    [Test]
    public async Task ProvisionedConcurrency_InProgressThenReady()
    {
        Aws.Lambda.Engine.Options.StateTransitionDelay = TimeSpan.FromMinutes(2);
        await Wire.CreateFunction("f", Echo);
        Time.Advance(TimeSpan.FromMinutes(2));
        await Wire.PublishVersion("f");

        var put = await Wire.Put("/2019-09-30/functions/f/provisioned-concurrency?Qualifier=1", new { ProvisionedConcurrentExecutions = 5 });
        var during = await Wire.Get("/2019-09-30/functions/f/provisioned-concurrency?Qualifier=1");
        Time.Advance(TimeSpan.FromMinutes(2));
        var ready = await Wire.Get("/2019-09-30/functions/f/provisioned-concurrency?Qualifier=1");

        AssertOk(put, 202);
        Assert.Multiple(() =>
        {
            Assert.That(put.Json.GetProperty("Status").GetString(), Is.EqualTo("IN_PROGRESS"));
            Assert.That(during.Json.GetProperty("AvailableProvisionedConcurrentExecutions").GetInt32(), Is.Zero);
            Assert.That(ready.Json.GetProperty("Status").GetString(), Is.EqualTo("READY"));
            Assert.That(ready.Json.GetProperty("AllocatedProvisionedConcurrentExecutions").GetInt32(), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task ProvisionedConcurrency_Errors()
    {
        await Wire.CreateFunction("f", Echo);

        var latest = await Wire.Put("/2019-09-30/functions/f/provisioned-concurrency?Qualifier=%24LATEST", new { ProvisionedConcurrentExecutions = 1 });
        var noVersion = await Wire.Put("/2019-09-30/functions/f/provisioned-concurrency?Qualifier=3", new { ProvisionedConcurrentExecutions = 1 });
        await Wire.PublishVersion("f");
        var none = await Wire.Get("/2019-09-30/functions/f/provisioned-concurrency?Qualifier=1");
        await Wire.Put("/2017-10-31/functions/f/concurrency", new { ReservedConcurrentExecutions = 2 });
        var overReserved = await Wire.Put("/2019-09-30/functions/f/provisioned-concurrency?Qualifier=1", new { ProvisionedConcurrentExecutions = 3 });

        AssertError(latest, 400, "InvalidParameterValueException", "Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
        AssertError(noVersion, 404, "ResourceNotFoundException", $"Function not found: {Arn("f")}:3");
        AssertError(none, 404, "ProvisionedConcurrencyConfigNotFoundException", "No Provisioned Concurrency Config found for this function");
        AssertError(overReserved, 400, "InvalidParameterValueException", "Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function");
    }

    [Test]
    public async Task Tags_TagListUntag()
    {
        await Wire.CreateFunction("f", Echo, new { Tags = new Dictionary<string, string> { ["a"] = "1" } });
        var resource = Uri.EscapeDataString(Arn("f"));

        var tagged = await Wire.Post($"/2017-03-31/tags/{resource}", new { Tags = new Dictionary<string, string> { ["b"] = "2" } });
        var untagged = await Wire.Delete($"/2017-03-31/tags/{resource}?tagKeys=a");
        var listed = await Wire.Get($"/2017-03-31/tags/{resource}");

        Assert.Multiple(() =>
        {
            Assert.That((int)tagged.Status, Is.EqualTo(204));
            Assert.That((int)untagged.Status, Is.EqualTo(204));
            Assert.That(listed.Json.GetProperty("Tags").EnumerateObject().Select(t => $"{t.Name}={t.Value.GetString()}"), Is.EqualTo(new[] { "b=2" }));
        });
    }

    [Test]
    public async Task TagResource_QualifiedArn_InvalidParameterValue()
    {
        await Wire.CreateFunction("f", Echo);

        var reply = await Wire.Post($"/2017-03-31/tags/{Uri.EscapeDataString(Arn("f") + ":1")}", new { Tags = new Dictionary<string, string> { ["b"] = "2" } });

        AssertError(reply, 400, "InvalidParameterValueException", "Tags on function aliases and versions are not supported. Please specify a function ARN.");
    }

    [Test]
    public async Task EventInvokeConfig_PutGetUpdateListDelete()
    {
        await Wire.CreateFunction("f", Echo);
        await Wire.CreateFunction("sink", Echo);

        var put = await Wire.Put("/2019-09-25/functions/f/event-invoke-config", new { MaximumRetryAttempts = 1 });
        var updated = await Wire.Post("/2019-09-25/functions/f/event-invoke-config",
            new { MaximumEventAgeInSeconds = 600, DestinationConfig = new { OnFailure = new { Destination = Arn("sink") } } });
        var got = await Wire.Get("/2019-09-25/functions/f/event-invoke-config");
        var listed = await Wire.Get("/2019-09-25/functions/f/event-invoke-config/list");
        var deleted = await Wire.Delete("/2019-09-25/functions/f/event-invoke-config");
        var gone = await Wire.Get("/2019-09-25/functions/f/event-invoke-config");

        Assert.Multiple(() =>
        {
            Assert.That(put.Json.GetProperty("FunctionArn").GetString(), Is.EqualTo(Arn("f") + ":$LATEST"));
            Assert.That(put.Json.GetProperty("LastModified").GetDouble(), Is.EqualTo(Start.ToUnixTimeSeconds()));
            Assert.That(updated.Json.GetProperty("MaximumRetryAttempts").GetInt32(), Is.EqualTo(1));
            Assert.That(got.Json.GetProperty("MaximumEventAgeInSeconds").GetInt32(), Is.EqualTo(600));
            Assert.That(got.Json.GetProperty("DestinationConfig").GetProperty("OnFailure").GetProperty("Destination").GetString(), Is.EqualTo(Arn("sink")));
            Assert.That(listed.Json.GetProperty("FunctionEventInvokeConfigs").GetArrayLength(), Is.EqualTo(1));
            Assert.That((int)deleted.Status, Is.EqualTo(204));
        });
        AssertError(gone, 404, "ResourceNotFoundException", $"The function {Arn("f")}:$LATEST doesn't have an EventInvokeConfig");
    }

    [Test]
    public async Task PutFunctionEventInvokeConfig_Errors()
    {
        await Wire.CreateFunction("f", Echo);

        var empty = await Wire.Put("/2019-09-25/functions/f/event-invoke-config", new { });
        var tooManyRetries = await Wire.Put("/2019-09-25/functions/f/event-invoke-config", new { MaximumRetryAttempts = 3 });
        var tooYoung = await Wire.Put("/2019-09-25/functions/f/event-invoke-config", new { MaximumEventAgeInSeconds = 59 });
        var itself = await Wire.Put("/2019-09-25/functions/f/event-invoke-config", new { DestinationConfig = new { OnSuccess = new { Destination = Arn("f") } } });

        AssertError(empty, 400, "InvalidParameterValueException", "You must specify at least one of error handling or destination setting.");
        AssertError(tooManyRetries, 400, "ValidationException",
            "1 validation error detected: Value '3' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2");
        AssertError(tooYoung, 400, "ValidationException",
            "1 validation error detected: Value '59' at 'maximumEventAgeInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 60");
        AssertError(itself, 400, "InvalidParameterValueException", "You can't specify the function as a destination for itself.");
    }
}
