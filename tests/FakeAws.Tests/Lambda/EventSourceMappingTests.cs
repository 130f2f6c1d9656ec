using System.Text.Json;

namespace FakeAws.Tests.Lambda;

/// <summary>The event source mapping API on the wire: shapes, states and AWS's errors.</summary>
public class EventSourceMappingTests : EventSourceMappingTestBase
{
    [Test]
    public async Task CreateEventSourceMapping_AnswersAwsShapeAndSettles()
    {
        var stream = await CreateStreamTableAsync("orders");
        AddRecorder("project");

        var created = await Wire.Post("/2015-03-31/event-source-mappings", new { EventSourceArn = stream, FunctionName = "project", StartingPosition = "LATEST" });
        var uuid = created.Json.GetProperty("UUID").GetString()!;
        var got = await Wire.Get($"/2015-03-31/event-source-mappings/{uuid}");

        AssertOk(created, 202);
        var json = created.Json;
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("BatchSize").GetInt32(), Is.EqualTo(100));
            Assert.That(json.GetProperty("BisectBatchOnFunctionError").GetBoolean(), Is.False);
            Assert.That(json.GetProperty("DestinationConfig").GetRawText(), Is.EqualTo("{\"OnFailure\":{}}"));
            Assert.That(json.GetProperty("EventSourceArn").GetString(), Is.EqualTo(stream));
            Assert.That(json.GetProperty("EventSourceMappingArn").GetString(), Is.EqualTo($"arn:aws:lambda:us-east-1:123456789012:event-source-mapping:{uuid}"));
            Assert.That(json.GetProperty("FunctionArn").GetString(), Is.EqualTo(Arn("project")));
            Assert.That(json.GetProperty("FunctionResponseTypes").GetArrayLength(), Is.Zero);
            Assert.That(json.GetProperty("LastModified").GetDouble(), Is.EqualTo(Start.ToUnixTimeSeconds()));
            Assert.That(json.GetProperty("LastProcessingResult").GetString(), Is.EqualTo("No records processed"));
            Assert.That(json.GetProperty("MaximumBatchingWindowInSeconds").GetInt32(), Is.Zero);
            Assert.That(json.GetProperty("MaximumRecordAgeInSeconds").GetInt32(), Is.EqualTo(-1));
            Assert.That(json.GetProperty("MaximumRetryAttempts").GetInt32(), Is.EqualTo(-1));
            Assert.That(json.GetProperty("ParallelizationFactor").GetInt32(), Is.EqualTo(1));
            Assert.That(json.GetProperty("StartingPosition").GetString(), Is.EqualTo("LATEST"));
            Assert.That(json.GetProperty("State").GetString(), Is.EqualTo("Creating"));
            Assert.That(json.GetProperty("StateTransitionReason").GetString(), Is.EqualTo("User action"));
            Assert.That(json.GetProperty("TumblingWindowInSeconds").GetInt32(), Is.Zero);
            Assert.That(got.Json.GetProperty("State").GetString(), Is.EqualTo("Enabled"));
        });
    }

    [Test]
    public async Task CreateEventSourceMapping_AwsErrors()
    {
        var stream = await CreateStreamTableAsync("orders");
        AddRecorder("project");
        var uuid = await MapAsync(stream, "project");

        AssertError(await Wire.Post("/2015-03-31/event-source-mappings", new { EventSourceArn = stream, FunctionName = "project", StartingPosition = "LATEST" }),
            409, "ResourceConflictException",
            $"The event source arn (\" {stream} \") and function (\" project \") provided mapping already exists. Please update or delete the existing mapping with UUID {uuid}");
        AssertError(await Wire.Post("/2015-03-31/event-source-mappings", new { EventSourceArn = stream, FunctionName = "other" }),
            400, "InvalidParameterValueException", "Function does not exist");
        Aws.Lambda.AddFunction("second", () => 0);
        AssertError(await Wire.Post("/2015-03-31/event-source-mappings", new { EventSourceArn = stream, FunctionName = "second" }),
            400, "InvalidParameterValueException", "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.");
        AssertError(await Wire.Post("/2015-03-31/event-source-mappings", new { EventSourceArn = stream, FunctionName = "second", StartingPosition = "AT_TIMESTAMP", StartingPositionTimestamp = 1900000000 }),
            400, "InvalidParameterValueException", $"Unsupported starting position for arn type: {stream}");
        AssertError(await Wire.Post("/2015-03-31/event-source-mappings", new { EventSourceArn = stream, FunctionName = "second", StartingPosition = "LATEST", StartingPositionTimestamp = 1900000000 }),
            400, "InvalidParameterValueException", "Timestamp only valid with StartingPosition AT_TIMESTAMP");
        const string missing = "arn:aws:dynamodb:us-east-1:123456789012:table/ghost/stream/2030-06-01T12:00:00.000";
        AssertError(await Wire.Post("/2015-03-31/event-source-mappings", new { EventSourceArn = missing, FunctionName = "second", StartingPosition = "LATEST" }),
            400, "InvalidParameterValueException",
            $"Cannot access stream {missing}. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and ListStreams Actions on your stream in IAM.");
        AssertError(await Wire.Post("/2015-03-31/event-source-mappings", new
        {
            EventSourceArn = stream, FunctionName = "second", StartingPosition = "LATEST",
            DestinationConfig = new { OnSuccess = new { Destination = Arn("project") } },
        }), 400, "InvalidParameterValueException", "Unsupported DestinationConfig parameter for given event source mapping type.");
        AssertError(await Wire.Post("/2015-03-31/event-source-mappings", new { EventSourceArn = stream, FunctionName = "second", StartingPosition = "LATEST", BatchSize = 10001 }),
            400, "ValidationException", "1 validation error detected: Value '10001' at 'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10000");
        AssertError(await Wire.Get("/2015-03-31/event-source-mappings/00000000-0000-0000-0000-000000000000"),
            404, "ResourceNotFoundException", "The resource you requested does not exist.");
    }

    [Test]
    public async Task UpdateEventSourceMapping_DisablingStopsDeliveriesAndEnablingCatchesUp()
    {
        var stream = await CreateStreamTableAsync("orders");
        AddRecorder("project");
        var uuid = await MapAsync(stream, "project");

        var disabling = await Wire.Put($"/2015-03-31/event-source-mappings/{uuid}", new { Enabled = false, BatchSize = 10 });
        await PutAsync("orders", "a");
        await Aws.RunUntilIdleAsync();
        var disabled = await Wire.Get($"/2015-03-31/event-source-mappings/{uuid}");
        Assert.That(Events, Is.Empty);

        var enabling = await Wire.Put($"/2015-03-31/event-source-mappings/{uuid}", new { Enabled = true });
        await Aws.RunUntilIdleAsync();

        AssertOk(disabling, 202);
        Assert.Multiple(() =>
        {
            Assert.That(disabling.Json.GetProperty("State").GetString(), Is.EqualTo("Disabling"));
            Assert.That(disabling.Json.GetProperty("BatchSize").GetInt32(), Is.EqualTo(10));
            Assert.That(disabled.Json.GetProperty("State").GetString(), Is.EqualTo("Disabled"));
            Assert.That(enabling.Json.GetProperty("State").GetString(), Is.EqualTo("Enabling"));
            Assert.That(Batches(), Is.EqualTo(new[] { new[] { "a" } }));
        });
    }

    [Test]
    public async Task DeleteEventSourceMapping_AnswersDeletingThenIsGone()
    {
        var stream = await CreateStreamTableAsync("orders");
        AddRecorder("project");
        var uuid = await MapAsync(stream, "project");

        var deleted = await Wire.Delete($"/2015-03-31/event-source-mappings/{uuid}");
        await PutAsync("orders", "a");
        await Aws.RunUntilIdleAsync();

        AssertOk(deleted, 202);
        Assert.That(deleted.Json.GetProperty("State").GetString(), Is.EqualTo("Deleting"));
        AssertError(await Wire.Get($"/2015-03-31/event-source-mappings/{uuid}"), 404, "ResourceNotFoundException", "The resource you requested does not exist.");
        Assert.That(Events, Is.Empty);
    }

    [Test]
    public async Task ListEventSourceMappings_FiltersAndPages()
    {
        var orders = await CreateStreamTableAsync("orders");
        var users = await CreateStreamTableAsync("users");
        AddRecorder("project");
        AddRecorder("audit");
        await MapAsync(orders, "project");
        await MapAsync(orders, "audit");
        await MapAsync(users, "audit");

        var byStream = await Wire.Get($"/2015-03-31/event-source-mappings?EventSourceArn={Uri.EscapeDataString(orders)}");
        var byFunction = await Wire.Get("/2015-03-31/event-source-mappings?FunctionName=audit");
        var page = await Wire.Get("/2015-03-31/event-source-mappings?MaxItems=2");
        var next = await Wire.Get($"/2015-03-31/event-source-mappings?MaxItems=2&Marker={page.Json.GetProperty("NextMarker").GetString()}");

        Assert.Multiple(() =>
        {
            Assert.That(byStream.Json.GetProperty("EventSourceMappings").GetArrayLength(), Is.EqualTo(2));
            Assert.That(byFunction.Json.GetProperty("EventSourceMappings").EnumerateArray().Select(m => m.GetProperty("EventSourceArn").GetString()),
                Is.EquivalentTo(new[] { orders, users }));
            Assert.That(page.Json.GetProperty("EventSourceMappings").GetArrayLength(), Is.EqualTo(2));
            Assert.That(next.Json.GetProperty("EventSourceMappings").GetArrayLength(), Is.EqualTo(1));
            Assert.That(next.Json.TryGetProperty("NextMarker", out _), Is.False);
        });
    }
}
