using System.Net;

namespace FakeAws.Tests.Lambda;

public class FunctionTests : LambdaTestBase
{
    [Test]
    public async Task CreateFunction_ZipAndHandler_ReturnsAwsDefaultsAndPending()
    {
        var reply = await Wire.CreateFunction("orders", Echo);

        AssertOk(reply, 201);
        var config = reply.Json;
        Assert.Multiple(() =>
        {
            Assert.That(config.GetProperty("FunctionArn").GetString(), Is.EqualTo(Arn("orders")));
            Assert.That(config.GetProperty("Version").GetString(), Is.EqualTo("$LATEST"));
            Assert.That(config.GetProperty("State").GetString(), Is.EqualTo("Pending"));
            Assert.That(config.GetProperty("StateReasonCode").GetString(), Is.EqualTo("Creating"));
            Assert.That(config.GetProperty("Timeout").GetInt32(), Is.EqualTo(3));
            Assert.That(config.GetProperty("MemorySize").GetInt32(), Is.EqualTo(128));
            Assert.That(config.GetProperty("EphemeralStorage").GetProperty("Size").GetInt32(), Is.EqualTo(512));
            Assert.That(config.GetProperty("PackageType").GetString(), Is.EqualTo("Zip"));
            Assert.That(config.GetProperty("Architectures")[0].GetString(), Is.EqualTo("x86_64"));
            Assert.That(config.GetProperty("LastModified").GetString(), Is.EqualTo("2030-06-01T12:00:00.000+0000"));
            Assert.That(config.GetProperty("SnapStart").GetProperty("ApplyOn").GetString(), Is.EqualTo("None"));
            Assert.That(config.GetProperty("LoggingConfig").GetProperty("LogGroup").GetString(), Is.EqualTo("/aws/lambda/orders"));
            Assert.That(config.GetProperty("CodeSize").GetInt64(), Is.EqualTo(Zips.Small().Length));
            Assert.That(config.TryGetProperty("LastUpdateStatus", out _), Is.False);
        });
    }

    [Test]
    public async Task GetFunction_AfterCreate_IsActiveWithSuccessfulUpdateStatus()
    {
        await Wire.CreateFunction("orders", Echo, new { Tags = new Dictionary<string, string> { ["team"] = "billing" } });

        var reply = await Wire.Get("/2015-03-31/functions/orders");

        AssertOk(reply);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Json.GetProperty("Configuration").GetProperty("State").GetString(), Is.EqualTo("Active"));
            Assert.That(reply.Json.GetProperty("Configuration").GetProperty("LastUpdateStatus").GetString(), Is.EqualTo("Successful"));
            Assert.That(reply.Json.GetProperty("Code").GetProperty("RepositoryType").GetString(), Is.EqualTo("S3"));
            Assert.That(reply.Json.GetProperty("Tags").GetProperty("team").GetString(), Is.EqualTo("billing"));
        });
    }

    [Test]
    public async Task GetFunction_ByArn_FindsTheFunction()
    {
        await Wire.CreateFunction("orders", Echo);

        var reply = await Wire.Get($"/2015-03-31/functions/{Uri.EscapeDataString(Arn("orders"))}/configuration");

        AssertOk(reply);
        Assert.That(reply.Json.GetProperty("FunctionName").GetString(), Is.EqualTo("orders"));
    }

    [Test]
    public async Task GetFunction_Missing_ResourceNotFoundWithLambdasBody()
    {
        var reply = await Wire.Get("/2015-03-31/functions/nope");

        AssertError(reply, 404, "ResourceNotFoundException", $"Function not found: {Arn("nope")}");
        Assert.That(reply.Json.GetProperty("Type").GetString(), Is.EqualTo("User"));
        Assert.That(reply.Json.TryGetProperty("Message", out _), Is.True, "ResourceNotFoundException's model member is Message");
        Assert.That(reply.Header("x-amzn-RequestId"), Has.Length.EqualTo(36));
    }

    [Test]
    public async Task GetFunction_ArnOfAnotherRegion_NotReachable()
    {
        var reply = await Wire.Get($"/2015-03-31/functions/{Uri.EscapeDataString("arn:aws:lambda:eu-west-1:123456789012:function:orders")}");

        AssertError(reply, 404, "ResourceNotFoundException", "Functions from 'eu-west-1' are not reachable in this region ('us-east-1')");
    }

    [Test]
    public async Task CreateFunction_Twice_ResourceConflict()
    {
        await Wire.CreateFunction("orders", Echo);

        var reply = await Wire.CreateFunction("orders", Echo);

        AssertError(reply, 409, "ResourceConflictException", "Function already exist: orders");
    }

    [Test]
    public async Task CreateFunction_MissingRole_ValidationException()
    {
        var reply = await Wire.Send(HttpMethod.Post, "/2015-03-31/functions", new { FunctionName = "f", Runtime = "dotnet8", Handler = Echo, Code = new { ZipFile = Zips.Small() } });

        AssertError(reply, 400, "ValidationException", "1 validation error detected: Value null at 'role' failed to satisfy constraint: Member must not be null");
    }

    [Test]
    public async Task UpdateFunctionConfiguration_ChangesLatest_InProgressThenSuccessful()
    {
        var created = (await Wire.CreateFunction("orders", Echo)).Json;

        var reply = await Wire.Put("/2015-03-31/functions/orders/configuration", new { MemorySize = 512, Timeout = 30, Description = "v2", Environment = new { Variables = new { STAGE = "test" } } });

        AssertOk(reply);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Json.GetProperty("LastUpdateStatus").GetString(), Is.EqualTo("InProgress"));
            Assert.That(reply.Json.GetProperty("MemorySize").GetInt32(), Is.EqualTo(512));
            Assert.That(reply.Json.GetProperty("Environment").GetProperty("Variables").GetProperty("STAGE").GetString(), Is.EqualTo("test"));
            Assert.That(reply.Json.GetProperty("RevisionId").GetString(), Is.Not.EqualTo(created.GetProperty("RevisionId").GetString()));
        });
        var after = await Wire.Get("/2015-03-31/functions/orders/configuration");
        Assert.That(after.Json.GetProperty("LastUpdateStatus").GetString(), Is.EqualTo("Successful"));
    }

    [Test]
    public async Task UpdateFunctionConfiguration_StaleRevisionId_PreconditionFailed()
    {
        await Wire.CreateFunction("orders", Echo);

        var reply = await Wire.Put("/2015-03-31/functions/orders/configuration", new { Timeout = 5, RevisionId = "stale" });

        AssertError(reply, 412, "PreconditionFailedException",
            "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
    }

    [Test]
    public async Task UpdateFunctionCode_WithPublish_ReturnsTheNewVersion()
    {
        await Wire.CreateFunction("orders", Echo);

        var reply = await Wire.Put("/2015-03-31/functions/orders/code", new { ZipFile = Zips.DeclaringUnzippedSize(42), Publish = true });

        AssertOk(reply);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Json.GetProperty("Version").GetString(), Is.EqualTo("1"));
            Assert.That(reply.Json.GetProperty("FunctionArn").GetString(), Is.EqualTo(Arn("orders") + ":1"));
        });
    }

    [Test]
    public async Task DeleteFunction_RemovesItAnd204()
    {
        await Wire.CreateFunction("orders", Echo);

        var reply = await Wire.Delete("/2015-03-31/functions/orders");

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await Wire.Get("/2015-03-31/functions/orders")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task DeleteFunction_LatestQualifier_InvalidParameter()
    {
        await Wire.CreateFunction("orders", Echo);

        var reply = await Wire.Delete("/2015-03-31/functions/orders?Qualifier=%24LATEST");

        AssertError(reply, 400, "InvalidParameterValueException", "$LATEST version cannot be deleted without deleting the function.");
    }

    [Test]
    public async Task ListFunctions_PagesInNameOrder()
    {
        foreach (var name in new[] { "c", "a", "b" })
        {
            await Wire.CreateFunction(name, Echo);
        }

        var first = await Wire.Get("/2015-03-31/functions?MaxItems=2");
        var second = await Wire.Get($"/2015-03-31/functions?MaxItems=2&Marker={first.Json.GetProperty("NextMarker").GetString()}");

        Assert.Multiple(() =>
        {
            Assert.That(first.Json.GetProperty("Functions").EnumerateArray().Select(f => f.GetProperty("FunctionName").GetString()), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(second.Json.GetProperty("Functions").EnumerateArray().Select(f => f.GetProperty("FunctionName").GetString()), Is.EqualTo(new[] { "c" }));
            Assert.That(second.Json.TryGetProperty("NextMarker", out _), Is.False);
        });
    }

    [Test]
    public async Task ListFunctions_AllVersions_IncludesPublishedOnesWithQualifiedArns()
    {
        await Wire.CreateFunction("orders", Echo);
        await Wire.PublishVersion("orders");

        var reply = await Wire.Get("/2015-03-31/functions?FunctionVersion=ALL");

        Assert.That(reply.Json.GetProperty("Functions").EnumerateArray().Select(f => f.GetProperty("FunctionArn").GetString()),
            Is.EqualTo(new[] { Arn("orders") + ":$LATEST", Arn("orders") + ":1" }));
    }

    [Test]
    public async Task UnknownRoute_404NamingFakeAws()
    {
        var reply = await Wire.Get("/2015-03-31/nothing-here");

        AssertError(reply, 404, "UnknownOperationException", "FakeAws has no Lambda operation for GET /2015-03-31/nothing-here.");
    }

    [Test]
    public async Task UnimplementedOperation_SaysFakeAwsDoesNotSupportItYet()
    {
        var reply = await Wire.Get("/2025-12-01/functions/f/durable-executions");

        AssertError(reply, 400, "UnknownOperationException", "FakeAws does not support the Lambda operation ListDurableExecutionsByFunction yet.");
    }

    [Test]
    public async Task GetAccountSettings_ReportsLimitsAndUsage()
    {
        await Wire.CreateFunction("orders", Echo);
        await Wire.Put("/2017-10-31/functions/orders/concurrency", new { ReservedConcurrentExecutions = 50 });

        var reply = await Wire.Get("/2016-08-19/account-settings");

        Assert.Multiple(() =>
        {
            Assert.That(reply.Json.GetProperty("AccountLimit").GetProperty("ConcurrentExecutions").GetInt32(), Is.EqualTo(1000));
            Assert.That(reply.Json.GetProperty("AccountLimit").GetProperty("UnreservedConcurrentExecutions").GetInt32(), Is.EqualTo(950));
            Assert.That(reply.Json.GetProperty("AccountLimit").GetProperty("CodeSizeZipped").GetInt64(), Is.EqualTo(52428800));
            Assert.That(reply.Json.GetProperty("AccountUsage").GetProperty("FunctionCount").GetInt64(), Is.EqualTo(1));
        });
    }
}
