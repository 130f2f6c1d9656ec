// Facts from AWS-recorded responses in LocalStack's tests/aws/services/lambda_/test_lambda_api.py
// (snapshots validated against AWS): TestLambdaVersions::test_publish_version_on_create,
// test_version_lifecycle, test_publish_with_wrong_sha256, test_publish_with_update, and
// TestLambdaRevisions::test_function_revisions_basic and test_function_revisions_version_and_alias.
namespace FakeAws.Tests.Lambda.Parity;

public class VersionParityTests : ParityTestBase
{
    [Test]
    public async Task CreateFunction_Publish_PendingVersionOneUnderTheUnqualifiedArn()
    {
        var reply = await Wire.CreateFunction("fn", Echo, new { Publish = true });

        AssertOk(reply, 201);
        Assert.Multiple(() =>
        {
            Assert.That(Str(reply.Json, "Version"), Is.EqualTo("1"));
            Assert.That(Str(reply.Json, "FunctionArn"), Is.EqualTo(Arn("fn")));
            Assert.That(Str(reply.Json, "State"), Is.EqualTo("Pending"));
            Assert.That(Str(reply.Json, "StateReasonCode"), Is.EqualTo("Creating"));
        });
    }

    [Test]
    public async Task GetFunction_Version_QualifiedArnAndItsOwnRevision()
    {
        await Wire.CreateFunction("fn", Echo, new { Publish = true });

        var latest = await Wire.Get("/2015-03-31/functions/fn");
        var version = await Wire.Get("/2015-03-31/functions/fn?Qualifier=1");

        var config = version.Json.GetProperty("Configuration");
        Assert.Multiple(() =>
        {
            Assert.That(Str(config, "FunctionArn"), Is.EqualTo(Arn("fn") + ":1"));
            Assert.That(Str(config, "Version"), Is.EqualTo("1"));
            Assert.That(Str(config, "State"), Is.EqualTo("Active"));
            Assert.That(Str(config, "LastUpdateStatus"), Is.EqualTo("Successful"));
            Assert.That(Str(config, "RevisionId"), Is.Not.EqualTo(Str(latest.Json.GetProperty("Configuration"), "RevisionId")));
        });
    }

    [Test]
    public async Task PublishVersion_Response_ActiveAndSuccessful()
    {
        await CreateAsync("fn");

        var reply = await Wire.PublishVersion("fn", new { Description = "First version description :)" });

        AssertOk(reply, 201);
        Assert.Multiple(() =>
        {
            Assert.That(Str(reply.Json, "FunctionArn"), Is.EqualTo(Arn("fn") + ":1"));
            Assert.That(Str(reply.Json, "Version"), Is.EqualTo("1"));
            Assert.That(Str(reply.Json, "Description"), Is.EqualTo("First version description :)"));
            Assert.That(Str(reply.Json, "State"), Is.EqualTo("Active"));
            Assert.That(Str(reply.Json, "LastUpdateStatus"), Is.EqualTo("Successful"));
            Assert.That(HasMember(reply.Json, "StateReason"), Is.False);
        });
    }

    [Test]
    public async Task PublishVersion_LatestUnchanged_SameVersionAgainWith201()
    {
        await CreateAsync("fn");
        var first = await Wire.PublishVersion("fn");

        var again = await Wire.PublishVersion("fn");

        AssertOk(again, 201);
        Assert.Multiple(() =>
        {
            Assert.That(Str(again.Json, "Version"), Is.EqualTo("1"));
            Assert.That(Str(again.Json, "RevisionId"), Is.EqualTo(Str(first.Json, "RevisionId")));
            Assert.That(Str(again.Json, "State"), Is.EqualTo("Active"));
        });
    }

    [Test]
    public async Task GetFunction_VersionAfterLatestChanged_KeepsThePublishedConfiguration()
    {
        await CreateAsync("fn");
        var published = await Wire.PublishVersion("fn", new { Description = "first" });
        await Wire.Put("/2015-03-31/functions/fn/configuration", new { Description = "second" });

        var version = await Wire.Get("/2015-03-31/functions/fn?Qualifier=1");

        var config = version.Json.GetProperty("Configuration");
        Assert.That(Str(config, "Description"), Is.EqualTo("first"));
        Assert.That(Str(config, "RevisionId"), Is.EqualTo(Str(published.Json, "RevisionId")));
    }

    [Test]
    public async Task ListVersionsByFunction_Entries_QualifiedArnsWithoutStateMembers()
    {
        await CreateAsync("fn");
        await Wire.PublishVersion("fn");

        var reply = await Wire.Get("/2015-03-31/functions/fn/versions");

        AssertOk(reply);
        var versions = reply.Json.GetProperty("Versions").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(versions.Select(v => Str(v, "FunctionArn")), Is.EqualTo(new[] { Arn("fn") + ":$LATEST", Arn("fn") + ":1" }));
            foreach (var member in new[] { "State", "StateReason", "LastUpdateStatus", "RuntimeVersionConfig" })
            {
                Assert.That(versions.Select(v => HasMember(v, member)), Is.All.False, member);
            }
        });
    }

    [Test]
    public async Task PublishVersion_WrongCodeSha256_InvalidParameterValue()
    {
        var created = await CreateAsync("fn");

        var reply = await Wire.PublishVersion("fn", new { CodeSha256 = "somenonexistentsha256" });

        AssertError(reply, 400, "InvalidParameterValueException",
            $"CodeSHA256 (somenonexistentsha256) is different from current CodeSHA256 in $LATEST ({Str(created.Json, "CodeSha256")}). Please try again with the CodeSHA256 in $LATEST.");
    }

    [Test]
    public async Task PublishVersion_WrongRevisionId_PreconditionFailed()
    {
        await CreateAsync("fn");

        var reply = await Wire.PublishVersion("fn", new { RevisionId = "wrong" });

        AssertError(reply, 412, "PreconditionFailedException",
            "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
    }

    [Test]
    public async Task UpdateFunctionCode_Publish_PendingVersionUnderItsQualifiedArn()
    {
        await CreateAsync("fn");

        var reply = await Wire.Put("/2015-03-31/functions/fn/code", new { ZipFile = Zips.DeclaringUnzippedSize(99), Publish = true });

        AssertOk(reply);
        Assert.Multiple(() =>
        {
            Assert.That(Str(reply.Json, "FunctionArn"), Is.EqualTo(Arn("fn") + ":1"));
            Assert.That(Str(reply.Json, "Version"), Is.EqualTo("1"));
            Assert.That(Str(reply.Json, "State"), Is.EqualTo("Pending"));
            Assert.That(Str(reply.Json, "StateReason"), Is.EqualTo("The function is being created."));
            Assert.That(HasMember(reply.Json, "LastUpdateStatus"), Is.False);
        });
    }

    [Test]
    public async Task PublishVersion_ChangesTheRevisionIdOfLatest()
    {
        await CreateAsync("fn");
        var before = await Wire.Get("/2015-03-31/functions/fn");

        await Wire.PublishVersion("fn");
        var after = await Wire.Get("/2015-03-31/functions/fn");

        Assert.That(Str(after.Json.GetProperty("Configuration"), "RevisionId"),
            Is.Not.EqualTo(Str(before.Json.GetProperty("Configuration"), "RevisionId")));
    }

    [Test]
    public async Task CreateAlias_LeavesTheRevisionIdOfLatest()
    {
        await CreateAndPublishAsync("fn");
        var before = await Wire.Get("/2015-03-31/functions/fn");

        await Wire.Post("/2015-03-31/functions/fn/aliases", new { Name = "revision_alias", FunctionVersion = "1" });
        var after = await Wire.Get("/2015-03-31/functions/fn");

        Assert.That(Str(after.Json.GetProperty("Configuration"), "RevisionId"),
            Is.EqualTo(Str(before.Json.GetProperty("Configuration"), "RevisionId")));
    }

    [Test]
    public async Task UpdateFunctionCode_StaleRevisionId_PreconditionFailed()
    {
        await CreateAsync("fn");

        var reply = await Wire.Put("/2015-03-31/functions/fn/code", new { ZipFile = Zips.Small(), RevisionId = "stale" });

        AssertError(reply, 412, "PreconditionFailedException",
            "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
    }

    [Test]
    public async Task UpdateFunctionConfiguration_StaleRevisionId_PreconditionFailed()
    {
        await CreateAsync("fn");

        var reply = await Wire.Put("/2015-03-31/functions/fn/configuration", new { Runtime = "dotnet8", RevisionId = "stale" });

        AssertError(reply, 412, "PreconditionFailedException",
            "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
    }

    [Test]
    public async Task UpdateFunctionConfiguration_CurrentRevisionId_Accepted()
    {
        await CreateAsync("fn");
        var current = await Wire.Get("/2015-03-31/functions/fn");

        var reply = await Wire.Put("/2015-03-31/functions/fn/configuration",
            new { Timeout = 7, RevisionId = Str(current.Json.GetProperty("Configuration"), "RevisionId") });

        AssertOk(reply);
    }

    [Test]
    public async Task UpdateAlias_StaleRevisionId_PreconditionFailed()
    {
        await CreateAndPublishAsync("fn");
        await Wire.Post("/2015-03-31/functions/fn/aliases", new { Name = "revision_alias", FunctionVersion = "1" });

        var reply = await Wire.Put("/2015-03-31/functions/fn/aliases/revision_alias", new { Description = "something changed", RevisionId = "stale" });

        AssertError(reply, 412, "PreconditionFailedException",
            "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
    }
}
