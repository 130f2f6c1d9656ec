// Facts from AWS-recorded responses in LocalStack's tests/aws/services/lambda_/test_lambda.py
// (snapshots validated against AWS): TestLambdaFeatures::test_invoke_exceptions,
// test_invocation_type_request_response, test_invocation_type_event, test_invocation_type_dry_run,
// test_invocation_with_qualifier; TestLambdaBehavior::test_lambda_invoke_with_timeout;
// TestLambdaBaseFeatures::test_lambda_too_large_response; TestLambdaErrors::test_lambda_handler_error
// and test_lambda_invoke_payload_encoding_error; TestLambdaVersions::test_lambda_versions_with_code_changes;
// TestLambdaAliases::test_lambda_alias_moving; TestLambdaConcurrency::test_lambda_concurrency_block
// and test_reserved_concurrency.
using System.Text.Json;
using FakeAws.Lambda;

namespace FakeAws.Tests.Lambda.Parity;

public class InvokeParityTests : ParityTestBase
{
    private const string Sleep = "FakeAws::FakeAws.Lambda.BuiltInHandlers::Sleep";
    private const string Fail = "FakeAws::FakeAws.Lambda.BuiltInHandlers::Fail";
    private const string Fill = "FakeAws::FakeAws.Lambda.BuiltInHandlers::Fill";

    private readonly List<JsonElement> _records = [];

    [SetUp]
    public void AddFunctions()
    {
        _records.Clear();
        Aws.Lambda.AddFunction("context", (JsonElement _, LambdaContext context) => new
        {
            invoked_arn = context.InvokedFunctionArn,
            version_from_ctx = context.FunctionVersion,
        });
        Aws.Lambda.AddFunction("sink", (JsonElement record) => _records.Add(record.Clone()));
    }

    [Test]
    public async Task Invoke_MissingFunction_NotFoundNamingLatest()
    {
        var reply = await Wire.Invoke("doesnotexist");

        AssertError(reply, 404, "ResourceNotFoundException", $"Function not found: {Arn("doesnotexist")}:$LATEST");
    }

    [Test]
    public async Task Invoke_RequestResponse_200ExecutedLatest()
    {
        await CreateAsync("fn");

        var reply = await Wire.Invoke("fn", "{}");

        AssertOk(reply);
        Assert.That(reply.Header("X-Amz-Executed-Version"), Is.EqualTo("$LATEST"));
        Assert.That(reply.Header("X-Amz-Function-Error"), Is.Null);
        Assert.That(reply.Text, Is.EqualTo("{}"));
    }

    [Test]
    public async Task Invoke_Event_202WithoutPayload()
    {
        await CreateAsync("fn");

        var reply = await Wire.Invoke("fn", "{}", type: "Event");

        AssertOk(reply, 202);
        Assert.That(reply.Body, Is.Empty);
        Assert.That(reply.Header("X-Amz-Executed-Version"), Is.Null);
    }

    [Test]
    public async Task Invoke_DryRun_204WithoutPayload()
    {
        await CreateAsync("fn");

        var reply = await Wire.Invoke("fn", "{}", type: "DryRun");

        AssertOk(reply, 204);
        Assert.That(reply.Body, Is.Empty);
    }

    [Test]
    public async Task Invoke_PastTheTimeout_SandboxTimedout()
    {
        await Wire.CreateFunction("slow", Sleep, new { Timeout = 1 });

        var reply = await Wire.Invoke("slow", "{\"seconds\":5}");

        AssertOk(reply);
        var payload = reply.Json;
        Assert.Multiple(() =>
        {
            Assert.That(reply.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
            Assert.That(reply.Header("X-Amz-Executed-Version"), Is.EqualTo("$LATEST"));
            Assert.That(Str(payload, "errorType"), Is.EqualTo("Sandbox.Timedout"));
            Assert.That(Str(payload, "errorMessage"), Is.EqualTo($"RequestId: {reply.Header("x-amzn-RequestId")} Error: Task timed out after 1.00 seconds"));
        });
    }

    [Test]
    public async Task Invoke_ResponseOver6MB_ResponseSizeTooLarge()
    {
        await Wire.CreateFunction("big", Fill);

        var reply = await Wire.Invoke("big", "{\"bytes\":6291557}");

        AssertOk(reply);
        Assert.That(reply.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
        Assert.That(Str(reply.Json, "errorType"), Is.EqualTo("Function.ResponseSizeTooLarge"));
        Assert.That(Str(reply.Json, "errorMessage"), Is.EqualTo("Response payload size exceeded maximum allowed payload size (6291556 bytes)."));
    }

    [Test]
    public async Task Invoke_HandlerThrows_UnhandledWithTheErrorAndItsStack()
    {
        await Wire.CreateFunction("failing", Fail);

        var reply = await Wire.Invoke("failing", "{\"message\":\"Handler fails\"}");

        AssertOk(reply);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
            Assert.That(reply.Header("X-Amz-Executed-Version"), Is.EqualTo("$LATEST"));
            Assert.That(Str(reply.Json, "errorMessage"), Is.EqualTo("Handler fails"));
            Assert.That(Str(reply.Json, "errorType"), Is.Not.Empty);
            Assert.That(reply.Json.GetProperty("stackTrace").ValueKind, Is.EqualTo(JsonValueKind.Array));
        });
    }

    [Test]
    public async Task Invoke_PayloadNotJson_InvalidRequestContentWithTheParserLocation()
    {
        await CreateAsync("fn");

        var reply = await Wire.Send(HttpMethod.Post, "/2015-03-31/functions/fn/invocations", body: [0x99, 0xeb, (byte)',', (byte)'j', 0x07, 0xa1, (byte)'z', (byte)'Y', (byte)'h']);

        AssertError(reply, 400, "InvalidRequestContentException",
            "Could not parse request body into json: Could not parse payload into json: Unexpected character ((CTRL-CHAR, code 153)): expected a valid value " +
            "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1]");
    }

    [Test]
    public async Task Invoke_VersionQualifier_ThatVersionUnderItsQualifiedArn()
    {
        AssertOk(await Wire.PublishVersion("context"), 201);

        var reply = await Wire.Invoke("context", qualifier: "1");

        Assert.That(reply.Header("X-Amz-Executed-Version"), Is.EqualTo("1"));
        Assert.That(Str(reply.Json, "invoked_arn"), Is.EqualTo(Arn("context") + ":1"));
        Assert.That(Str(reply.Json, "version_from_ctx"), Is.EqualTo("1"));
    }

    [Test]
    public async Task Invoke_Unqualified_UnqualifiedArnAndLatest()
    {
        var reply = await Wire.Invoke("context");

        Assert.That(Str(reply.Json, "invoked_arn"), Is.EqualTo(Arn("context")));
        Assert.That(Str(reply.Json, "version_from_ctx"), Is.EqualTo("$LATEST"));
    }

    [Test]
    public async Task Invoke_Alias_TargetVersionUnderTheAliasArn()
    {
        await Wire.PublishVersion("context");
        await Wire.Post("/2015-03-31/functions/context/aliases", new { Name = "alias1", FunctionVersion = "1" });

        var byQualifier = await Wire.Invoke("context", qualifier: "alias1");
        var byArn = await Wire.Invoke(Arn("context") + ":alias1");

        foreach (var reply in new[] { byQualifier, byArn })
        {
            Assert.That(reply.Header("X-Amz-Executed-Version"), Is.EqualTo("1"));
            Assert.That(Str(reply.Json, "invoked_arn"), Is.EqualTo(Arn("context") + ":alias1"));
            Assert.That(Str(reply.Json, "version_from_ctx"), Is.EqualTo("1"));
        }
    }

    [Test]
    public async Task Invoke_MissingAlias_FunctionNotFoundNamingTheAlias()
    {
        await Wire.PublishVersion("context");

        var reply = await Wire.Invoke("context", qualifier: "non-existent-alias");

        AssertError(reply, 404, "ResourceNotFoundException", $"Function not found: {Arn("context")}:non-existent-alias");
    }

    [Test]
    public async Task Invoke_ReservedConcurrencyZero_ThrottledWithTheReason()
    {
        await CreateAsync("fn");
        await Wire.Put("/2017-10-31/functions/fn/concurrency", new { ReservedConcurrentExecutions = 0 });

        var reply = await Wire.Invoke("fn");

        AssertError(reply, 429, "TooManyRequestsException", "Rate Exceeded.");
        Assert.That(Str(reply.Json, "Reason"), Is.EqualTo("ReservedFunctionConcurrentInvocationLimitExceeded"));
        Assert.That(Str(reply.Json, "Type"), Is.EqualTo("User"));
    }

    [Test]
    public async Task Invoke_EventWithReservedConcurrencyZero_AcceptedThenSentToTheFailureDestination()
    {
        await CreateAsync("fn");
        await Wire.Put("/2017-10-31/functions/fn/concurrency", new { ReservedConcurrentExecutions = 0 });
        await Wire.Put("/2019-09-25/functions/fn/event-invoke-config",
            new { MaximumRetryAttempts = 0, DestinationConfig = new { OnFailure = new { Destination = Arn("sink") } } });

        var reply = await Wire.Invoke("fn", "{}", type: "Event");
        await Aws.RunUntilIdleAsync();

        AssertOk(reply, 202);
        var record = _records.Single();
        Assert.Multiple(() =>
        {
            Assert.That(Str(record, "version"), Is.EqualTo("1.0"));
            Assert.That(Str(record.GetProperty("requestContext"), "functionArn"), Is.EqualTo(Arn("fn") + ":$LATEST"));
            Assert.That(Str(record.GetProperty("requestContext"), "condition"), Is.EqualTo("ZeroReservedConcurrency"));
            Assert.That(record.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32(), Is.Zero);
            Assert.That(record.GetProperty("requestPayload").EnumerateObject(), Is.Empty);
            Assert.That(HasMember(record, "responseContext"), Is.False);
        });
        Assert.That(Aws.Clock.GetUtcNow(), Is.EqualTo(Start), "sent at once, not after the maximum event age");
    }
}
