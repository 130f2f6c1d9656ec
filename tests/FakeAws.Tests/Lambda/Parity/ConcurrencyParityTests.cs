// Facts from AWS-recorded responses in LocalStack's tests/aws/services/lambda_/test_lambda_api.py
// (snapshots validated against AWS): TestLambdaReservedConcurrency::test_function_concurrency,
// test_function_concurrency_exceptions, test_function_concurrency_limits, and
// TestLambdaProvisionedConcurrency::test_provisioned_concurrency_exceptions,
// test_provisioned_concurrency_limits and test_lambda_provisioned_lifecycle; and from
// tests/aws/services/lambda_/test_lambda.py: TestLambdaConcurrency::test_lambda_concurrency_crud,
// test_lambda_concurrency_update, test_reserved_provisioned_overlap and test_provisioned_concurrency.
namespace FakeAws.Tests.Lambda.Parity;

public class ConcurrencyParityTests : ParityTestBase
{
    private Task<WireReply> PutReservedAsync(string function, int reserved) =>
        Wire.Put($"/2017-10-31/functions/{Escape(function)}/concurrency", new { ReservedConcurrentExecutions = reserved });

    private static string ProvisionedPath(string function, string qualifier) =>
        $"/2019-09-30/functions/{Escape(function)}/provisioned-concurrency?Qualifier={Escape(qualifier)}";

    private Task<WireReply> PutProvisionedAsync(string function, string qualifier, int count) =>
        Wire.Put(ProvisionedPath(function, qualifier), new { ProvisionedConcurrentExecutions = count });

    [Test]
    public async Task PutFunctionConcurrency_ZeroThenOne_EchoedAndReadBack()
    {
        await CreateAsync("fn");

        var zero = await PutReservedAsync("fn", 0);
        var one = await PutReservedAsync("fn", 1);
        var read = await Wire.Get("/2019-09-30/functions/fn/concurrency");

        AssertOk(zero);
        Assert.That(zero.Json.GetProperty("ReservedConcurrentExecutions").GetInt32(), Is.Zero);
        Assert.That(one.Json.GetProperty("ReservedConcurrentExecutions").GetInt32(), Is.EqualTo(1));
        Assert.That(read.Json.GetProperty("ReservedConcurrentExecutions").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task GetFunctionConcurrency_NoneOrDeleted_EmptyResponse()
    {
        await CreateAsync("fn");
        var before = await Wire.Get("/2019-09-30/functions/fn/concurrency");
        await PutReservedAsync("fn", 3);

        var deleted = await Wire.Delete("/2017-10-31/functions/fn/concurrency");
        var after = await Wire.Get("/2019-09-30/functions/fn/concurrency");

        AssertOk(before);
        AssertOk(deleted, 204);
        Assert.That(before.Json.EnumerateObject(), Is.Empty);
        Assert.That(after.Json.EnumerateObject(), Is.Empty);
    }

    [Test]
    public async Task GetFunction_ReservedConcurrency_ConcurrencyMember()
    {
        await CreateAsync("fn");
        await PutReservedAsync("fn", 3);

        var reply = await Wire.Get("/2015-03-31/functions/fn");

        Assert.That(reply.Json.GetProperty("Concurrency").GetProperty("ReservedConcurrentExecutions").GetInt32(), Is.EqualTo(3));
    }

    [TestCase(1)]
    [TestCase(0)]
    public async Task PutFunctionConcurrency_MissingFunction_NotFoundNamingLatest(int reserved)
    {
        var reply = await PutReservedAsync("doesnotexist", reserved);

        AssertError(reply, 404, "ResourceNotFoundException", $"Function not found: {Arn("doesnotexist")}:$LATEST");
    }

    [Test]
    public async Task PutFunctionConcurrency_QualifiedArn_InvalidParameterValue()
    {
        await CreateAsync("fn");

        var reply = await PutReservedAsync(Arn("fn") + ":$LATEST", 0);

        AssertError(reply, 400, "InvalidParameterValueException",
            "This operation is permitted on Lambda functions only. Aliases and versions do not support this operation. Please specify either a function name or an unqualified function ARN.");
    }

    [TestCase(1001)]
    [TestCase(1000)]
    public async Task PutFunctionConcurrency_LeavesUnder100Unreserved_InvalidParameterValue(int reserved)
    {
        await CreateAsync("fn");

        var reply = await PutReservedAsync("fn", reserved);

        AssertError(reply, 400, "InvalidParameterValueException",
            "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].");
    }

    [Test]
    public async Task PutFunctionConcurrency_Leaves100Unreserved_Accepted()
    {
        await CreateAsync("fn");

        AssertOk(await PutReservedAsync("fn", 900));
    }

    [Test]
    public async Task PutProvisionedConcurrencyConfig_MoreThanTheAccountLimit_GreaterThanUnreserved()
    {
        await CreateAndPublishAsync("fn");

        var reply = await PutProvisionedAsync("fn", "1", 1001);

        AssertError(reply, 400, "InvalidParameterValueException",
            "Specified ConcurrentExecutions for function is greater than account's unreserved concurrency [1000].");
    }

    [Test]
    public async Task PutProvisionedConcurrencyConfig_TheWholeAccountLimit_BelowMinimumUnreserved()
    {
        await CreateAndPublishAsync("fn");

        var reply = await PutProvisionedAsync("fn", "1", 1000);

        AssertError(reply, 400, "InvalidParameterValueException",
            "Specified ConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].");
    }

    [Test]
    public async Task PutProvisionedConcurrencyConfig_Version_InProgressWith202()
    {
        await CreateAndPublishAsync("fn");

        var reply = await PutProvisionedAsync("fn", "1", 5);

        AssertOk(reply, 202);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Json.GetProperty("RequestedProvisionedConcurrentExecutions").GetInt32(), Is.EqualTo(5));
            Assert.That(reply.Json.GetProperty("AllocatedProvisionedConcurrentExecutions").GetInt32(), Is.Zero);
            Assert.That(reply.Json.GetProperty("AvailableProvisionedConcurrentExecutions").GetInt32(), Is.Zero);
            Assert.That(Str(reply.Json, "Status"), Is.EqualTo("IN_PROGRESS"));
            Assert.That(HasMember(reply.Json, "LastModified"), Is.True);
        });
    }

    [Test]
    public async Task GetProvisionedConcurrencyConfig_AfterAllocation_Ready()
    {
        await CreateAndPublishAsync("fn");
        await PutProvisionedAsync("fn", "1", 5);

        var reply = await Wire.Get(ProvisionedPath("fn", "1"));

        AssertOk(reply);
        Assert.Multiple(() =>
        {
            Assert.That(Str(reply.Json, "Status"), Is.EqualTo("READY"));
            Assert.That(reply.Json.GetProperty("AllocatedProvisionedConcurrentExecutions").GetInt32(), Is.EqualTo(5));
            Assert.That(reply.Json.GetProperty("AvailableProvisionedConcurrentExecutions").GetInt32(), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task ListProvisionedConcurrencyConfigs_VersionAndAlias_QualifiedArnsThenEmptyAfterDelete()
    {
        await CreateAndPublishAsync("fn");
        AssertOk(await Wire.Post("/2015-03-31/functions/fn/aliases", new { Name = "live", FunctionVersion = "1" }), 201);
        await PutProvisionedAsync("fn", "live", 2);

        var listed = await Wire.Get("/2019-09-30/functions/fn/provisioned-concurrency?List=ALL");

        AssertOk(listed);
        var configs = listed.Json.GetProperty("ProvisionedConcurrencyConfigs");
        Assert.That(configs.GetArrayLength(), Is.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(Str(configs[0], "FunctionArn"), Is.EqualTo("arn:aws:lambda:us-east-1:123456789012:function:fn:live"));
            Assert.That(configs[0].GetProperty("RequestedProvisionedConcurrentExecutions").GetInt32(), Is.EqualTo(2));
            Assert.That(Str(configs[0], "Status"), Is.EqualTo("READY"));
        });
        AssertOk(await Wire.Send(HttpMethod.Delete, ProvisionedPath("fn", "live"), null), 204);
        var empty = await Wire.Get("/2019-09-30/functions/fn/provisioned-concurrency?List=ALL");
        Assert.That(empty.Json.GetProperty("ProvisionedConcurrencyConfigs").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task GetProvisionedConcurrencyConfig_NoneForTheVersion_ConfigNotFound()
    {
        await CreateAndPublishAsync("fn");

        var reply = await Wire.Get(ProvisionedPath("fn", "1"));

        AssertError(reply, 404, "ProvisionedConcurrencyConfigNotFoundException", "No Provisioned Concurrency Config found for this function");
    }

    [TestCase("GET")]
    [TestCase("PUT")]
    public async Task ProvisionedConcurrency_MissingFunctionAndAlias_CannotFindAliasArn(string method)
    {
        var reply = await Wire.Send(new HttpMethod(method), ProvisionedPath("doesnotexist", "noalias"),
            method == "PUT" ? new { ProvisionedConcurrentExecutions = 1 } : null);

        AssertError(reply, 404, "ResourceNotFoundException", $"Cannot find alias arn: {Arn("doesnotexist")}:noalias");
    }

    [TestCase("PUT")]
    [TestCase("DELETE")]
    public async Task ProvisionedConcurrency_MissingFunctionVersion_FunctionNotFoundNamingTheVersion(string method)
    {
        var reply = await Wire.Send(new HttpMethod(method), ProvisionedPath("doesnotexist", "1"),
            method == "PUT" ? new { ProvisionedConcurrentExecutions = 1 } : null);

        AssertError(reply, 404, "ResourceNotFoundException", $"Function not found: {Arn("doesnotexist")}:1");
    }

    [TestCase("GET", "noalias")]
    [TestCase("DELETE", "noalias")]
    [TestCase("PUT", "doesnotexist")]
    public async Task ProvisionedConcurrency_MissingAlias_CannotFindAliasArn(string method, string alias)
    {
        await CreateAndPublishAsync("fn");

        var reply = await Wire.Send(new HttpMethod(method), ProvisionedPath("fn", alias),
            method == "PUT" ? new { ProvisionedConcurrentExecutions = 1 } : null);

        AssertError(reply, 404, "ResourceNotFoundException", $"Cannot find alias arn: {Arn("fn")}:{alias}");
    }

    [TestCase("GET")]
    [TestCase("DELETE")]
    [TestCase("PUT")]
    public async Task ProvisionedConcurrency_MissingVersion_FunctionNotFoundNamingTheVersion(string method)
    {
        await CreateAndPublishAsync("fn");

        var reply = await Wire.Send(new HttpMethod(method), ProvisionedPath("fn", "10"),
            method == "PUT" ? new { ProvisionedConcurrentExecutions = 1 } : null);

        AssertError(reply, 404, "ResourceNotFoundException", $"Function not found: {Arn("fn")}:10");
    }

    [TestCase("GET")]
    [TestCase("DELETE")]
    public async Task ProvisionedConcurrency_Latest_MustBeAnAliasOrPublishedVersion(string method)
    {
        await CreateAndPublishAsync("fn");

        var reply = await Wire.Send(new HttpMethod(method), ProvisionedPath("fn", "$LATEST"));

        AssertError(reply, 400, "InvalidParameterValueException", "The function resource provided must be an alias or a published version.");
    }

    [Test]
    public async Task PutProvisionedConcurrencyConfig_Latest_CannotApplyToUnpublishedVersions()
    {
        await CreateAndPublishAsync("fn");

        var reply = await PutProvisionedAsync("fn", "$LATEST", 1);

        AssertError(reply, 400, "InvalidParameterValueException", "Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
    }

    [Test]
    public async Task PutProvisionedConcurrencyConfig_Zero_ValidationException()
    {
        await CreateAndPublishAsync("fn");

        var reply = await PutProvisionedAsync("fn", "1", 0);

        AssertError(reply, 400, "ValidationException",
            "1 validation error detected: Value '0' at 'provisionedConcurrentExecutions' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }

    [Test]
    public async Task DeleteProvisionedConcurrencyConfig_NoConfig_NoContent()
    {
        await CreateAndPublishAsync("fn");

        var reply = await Wire.Delete(ProvisionedPath("fn", "1"));

        AssertOk(reply, 204);
    }

    [Test]
    public async Task PutProvisionedConcurrencyConfig_AliasOfAProvisionedVersion_ResourceConflict()
    {
        await CreateAndPublishAsync("fn");
        await Wire.Post("/2015-03-31/functions/fn/aliases", new { Name = "live", FunctionVersion = "1" });
        await PutProvisionedAsync("fn", "1", 1);

        var reply = await PutProvisionedAsync("fn", "live", 1);

        AssertError(reply, 409, "ResourceConflictException", "Alias can't be used for Provisioned Concurrency configuration on an already Provisioned version");
    }

    [Test]
    public async Task PutProvisionedConcurrencyConfig_VersionOfAProvisionedAlias_ResourceConflict()
    {
        await CreateAndPublishAsync("fn");
        await Wire.Post("/2015-03-31/functions/fn/aliases", new { Name = "live", FunctionVersion = "1" });
        await PutProvisionedAsync("fn", "live", 1);

        var reply = await PutProvisionedAsync("fn", "1", 1);

        AssertError(reply, 409, "ResourceConflictException", "Version is pointed by a Provisioned Concurrency alias");
    }

    [Test]
    public async Task DeleteAlias_Provisioned_ConfigGoneWithIt()
    {
        await CreateAndPublishAsync("fn");
        await Wire.Post("/2015-03-31/functions/fn/aliases", new { Name = "live", FunctionVersion = "1" });
        await PutProvisionedAsync("fn", "live", 1);

        await Wire.Delete("/2015-03-31/functions/fn/aliases/live");
        var read = await Wire.Get(ProvisionedPath("fn", "live"));

        AssertError(read, 404, "ResourceNotFoundException", $"Cannot find alias arn: {Arn("fn")}:live");
    }

    [Test]
    public async Task PutFunctionConcurrency_BelowProvisioned_InvalidParameterValue()
    {
        await CreateAndPublishAsync("fn");
        await PutProvisionedAsync("fn", "1", 2);

        var reply = await PutReservedAsync("fn", 1);

        AssertError(reply, 400, "InvalidParameterValueException", " ReservedConcurrentExecutions  1 should not be lower than function's total provisioned concurrency [2].");
    }

    [Test]
    public async Task PutProvisionedConcurrencyConfig_AboveReserved_InvalidParameterValue()
    {
        await CreateAndPublishAsync("fn");
        await PutProvisionedAsync("fn", "1", 2);
        await PutReservedAsync("fn", 2);

        var reply = await PutProvisionedAsync("fn", "1", 3);

        AssertError(reply, 400, "InvalidParameterValueException", "Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function");
    }
}
