// Facts from AWS-recorded responses in LocalStack's tests/aws/services/lambda_/test_lambda_api.py
// (snapshots validated against AWS): TestLambdaEventSourceMappings::test_event_source_mapping_exceptions,
// test_event_source_mapping_lifecycle, test_function_name_variations and
// test_create_event_source_validation; and tests/aws/services/lambda_/event_source_mapping/test_api.py:
// TestLambdaEventSourceMappings::test_create_starting_position_validation_exceptions[dynamodb].
// test_function_name_variations was recorded with an SQS queue; FakeAws reads DynamoDB streams only,
// so its FunctionArn facts are checked on a stream.
namespace FakeAws.Tests.Lambda.Parity;

public class EventSourceMappingParityTests : EventSourceMappingTestBase
{
    private const string Unknown = "bd3a9fd4-7e0e-4f05-a6e6-d9b1c8e0a1b2";

    private Task<WireReply> CreateMappingAsync(object request) => Wire.Post("/2015-03-31/event-source-mappings", request);

    private async Task<string> StreamWithFunctionAsync()
    {
        var stream = await CreateStreamTableAsync("teststreamtable", "NEW_IMAGE");
        AssertOk(await Wire.CreateFunction("fn", Echo), 201);
        return stream;
    }

    [TestCase("GET")]
    [TestCase("DELETE")]
    [TestCase("PUT")]
    public async Task EventSourceMapping_UnknownUuid_ResourceNotFound(string method)
    {
        var reply = await Wire.Send(new HttpMethod(method), $"/2015-03-31/event-source-mappings/{Unknown}", method == "PUT" ? new { Enabled = false } : null);

        AssertError(reply, 404, "ResourceNotFoundException", "The resource you requested does not exist.");
    }

    [Test]
    public async Task ListEventSourceMappings_FiltersNamingNothing_EmptyList()
    {
        var byFunction = await Wire.Get("/2015-03-31/event-source-mappings/?FunctionName=doesnotexist");
        var bySource = await Wire.Get($"/2015-03-31/event-source-mappings/?EventSourceArn={Escape("arn:aws:sqs:us-east-1:111111111111:somequeue")}");

        AssertOk(byFunction);
        AssertOk(bySource);
        Assert.That(byFunction.Json.GetProperty("EventSourceMappings").EnumerateArray(), Is.Empty);
    }

    [Test]
    public async Task CreateEventSourceMapping_NoEventSourceArn_UnrecognizedEventSource()
    {
        var reply = await CreateMappingAsync(new { FunctionName = "doesnotexist" });

        AssertError(reply, 400, "InvalidParameterValueException", "Unrecognized event source.");
    }

    [Test]
    public async Task CreateEventSourceMapping_MissingFunction_FunctionDoesNotExist()
    {
        var reply = await CreateMappingAsync(new { FunctionName = "doesnotexist", EventSourceArn = "arn:aws:sqs:us-east-1:111111111111:somequeue" });

        AssertError(reply, 400, "InvalidParameterValueException", "Function does not exist");
    }

    [Test]
    public async Task CreateEventSourceMapping_StreamWithoutStartingPosition_InvalidParameterValue()
    {
        var stream = await StreamWithFunctionAsync();

        var reply = await CreateMappingAsync(new { FunctionName = "fn", EventSourceArn = stream });

        AssertError(reply, 400, "InvalidParameterValueException",
            "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.");
    }

    [Test]
    public async Task CreateEventSourceMapping_LatestWithTimestamp_TimestampOnlyWithAtTimestamp()
    {
        var stream = await StreamWithFunctionAsync();

        var reply = await CreateMappingAsync(new { FunctionName = "fn", EventSourceArn = stream, StartingPosition = "LATEST", StartingPositionTimestamp = 1_700_000_000 });

        AssertError(reply, 400, "InvalidParameterValueException", "Timestamp only valid with StartingPosition AT_TIMESTAMP");
    }

    [Test]
    public async Task CreateEventSourceMapping_AtTimestampOnAStream_UnsupportedStartingPosition()
    {
        var stream = await StreamWithFunctionAsync();

        var reply = await CreateMappingAsync(new { FunctionName = "fn", EventSourceArn = stream, StartingPosition = "AT_TIMESTAMP", StartingPositionTimestamp = -1_700_000_000 });

        AssertError(reply, 400, "InvalidParameterValueException", $"Unsupported starting position for arn type: {stream}");
    }

    [Test]
    public async Task EventSourceMapping_Lifecycle_CreatingThenEnabledThenDeleting()
    {
        var stream = await StreamWithFunctionAsync();
        var queue = "arn:aws:sqs:us-east-1:123456789012:failures";

        var created = await CreateMappingAsync(new
        {
            FunctionName = "fn", EventSourceArn = stream, StartingPosition = "TRIM_HORIZON",
            DestinationConfig = new { OnFailure = new { Destination = queue } },
            BatchSize = 1, MaximumBatchingWindowInSeconds = 1, MaximumRetryAttempts = 1,
        });
        var uuid = Str(created.Json, "UUID")!;
        var read = await Wire.Get($"/2015-03-31/event-source-mappings/{uuid}");
        var deleted = await Wire.Delete($"/2015-03-31/event-source-mappings/{uuid}");

        AssertOk(created, 202);
        AssertOk(read);
        AssertOk(deleted, 202);
        Assert.Multiple(() =>
        {
            var expectedStates = new[] { "Creating", "Enabled", "Deleting" };
            var replies = new[] { created, read, deleted };
            for (var i = 0; i < replies.Length; i++)
            {
                var mapping = replies[i].Json;
                Assert.That(Str(mapping, "State"), Is.EqualTo(expectedStates[i]));
                Assert.That(Str(mapping, "StateTransitionReason"), Is.EqualTo("User action"));
                Assert.That(Str(mapping, "LastProcessingResult"), Is.EqualTo("No records processed"));
                Assert.That(mapping.GetProperty("BatchSize").GetInt32(), Is.EqualTo(1));
                Assert.That(mapping.GetProperty("MaximumBatchingWindowInSeconds").GetInt32(), Is.EqualTo(1));
                Assert.That(mapping.GetProperty("MaximumRetryAttempts").GetInt32(), Is.EqualTo(1));
                Assert.That(mapping.GetProperty("MaximumRecordAgeInSeconds").GetInt32(), Is.EqualTo(-1));
                Assert.That(mapping.GetProperty("ParallelizationFactor").GetInt32(), Is.EqualTo(1));
                Assert.That(mapping.GetProperty("TumblingWindowInSeconds").GetInt32(), Is.Zero);
                Assert.That(mapping.GetProperty("BisectBatchOnFunctionError").GetBoolean(), Is.False);
                Assert.That(mapping.GetProperty("FunctionResponseTypes").GetArrayLength(), Is.Zero);
                Assert.That(Str(mapping, "StartingPosition"), Is.EqualTo("TRIM_HORIZON"));
                Assert.That(Str(mapping, "EventSourceArn"), Is.EqualTo(stream));
                Assert.That(Str(mapping, "FunctionArn"), Is.EqualTo(Arn("fn")));
                Assert.That(Str(mapping.GetProperty("DestinationConfig").GetProperty("OnFailure"), "Destination"), Is.EqualTo(queue));
            }
        });
    }

    [TestCase("fn", "")]
    [TestCase("fn:$LATEST", ":$LATEST")]
    [TestCase("fn:1", ":1")]
    [TestCase("fn:myalias", ":myalias")]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:fn", "")]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:fn:1", ":1")]
    [TestCase("arn:aws:lambda:us-east-1:123456789012:function:fn:myalias", ":myalias")]
    public async Task CreateEventSourceMapping_FunctionNameForms_FunctionArnAsNamed(string functionName, string suffix)
    {
        var stream = await StreamWithFunctionAsync();
        await Wire.PublishVersion("fn");
        await Wire.Post("/2015-03-31/functions/fn/aliases", new { Name = "myalias", FunctionVersion = "1" });

        var reply = await CreateMappingAsync(new { FunctionName = functionName, EventSourceArn = stream, StartingPosition = "LATEST" });

        AssertOk(reply, 202);
        Assert.That(Str(reply.Json, "FunctionArn"), Is.EqualTo(Arn("fn") + suffix));
        Assert.That(Str(reply.Json, "State"), Is.EqualTo("Creating"));
    }

    private static string? Str(System.Text.Json.JsonElement json, string member) => json.GetProperty(member).GetString();

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
