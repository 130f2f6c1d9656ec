using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.Lambda;

/// <summary>Deliveries of stream records to functions: the event, batching, retries, bisection and partial batch responses.</summary>
public class StreamDeliveryTests : EventSourceMappingTestBase
{
    [Test]
    public async Task PutItem_ThenRunUntilIdle_HasRunTheTriggerWithAwsEvent()
    {
        var stream = await CreateStreamTableAsync("orders", "NEW_IMAGE");
        AddRecorder("project");
        await MapAsync(stream, "project");

        await Ddb.PutItemAsync("orders", new() { ["pk"] = new() { S = "hello world" }, ["binary_key"] = new() { B = new MemoryStream("foobar"u8.ToArray()) } });
        await Aws.RunUntilIdleAsync();

        var record = Events.Single().GetProperty("Records").EnumerateArray().Single();
        var eventId = record.GetProperty("eventID").GetString();
        var sequence = record.GetProperty("dynamodb").GetProperty("SequenceNumber").GetString();
        Assert.That(Events.Single().GetRawText(), Is.EqualTo(
            "{\"Records\":[{\"eventID\":\"" + eventId + "\",\"eventName\":\"INSERT\",\"eventVersion\":\"1.1\",\"eventSource\":\"aws:dynamodb\"," +
            "\"awsRegion\":\"us-east-1\",\"dynamodb\":{\"ApproximateCreationDateTime\":" + Start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "," +
            "\"Keys\":{\"pk\":{\"S\":\"hello world\"}},\"NewImage\":{\"pk\":{\"S\":\"hello world\"},\"binary_key\":{\"B\":\"Zm9vYmFy\"}}," +
            "\"SequenceNumber\":\"" + sequence + "\",\"SizeBytes\":42,\"StreamViewType\":\"NEW_IMAGE\"}," +
            "\"eventSourceARN\":\"" + stream + "\"}]}"));
        var mapping = await Wire.Get("/2015-03-31/event-source-mappings");
        Assert.That(mapping.Json.GetProperty("EventSourceMappings")[0].GetProperty("LastProcessingResult").GetString(), Is.EqualTo("OK"));
    }

    [Test]
    public async Task BatchSize_SplitsRecordsIntoEventsInOrder()
    {
        var stream = await CreateStreamTableAsync("orders");
        foreach (var key in new[] { "a", "b", "c", "d", "e" })
        {
            await PutAsync("orders", key);
        }
        AddRecorder("project");
        await MapAsync(stream, "project", new { BatchSize = 2 });

        await Aws.RunUntilIdleAsync();

        Assert.That(Batches(), Is.EqualTo(new[] { new[] { "a", "b" }, new[] { "c", "d" }, new[] { "e" } }));
    }

    [Test]
    public async Task ShardRollover_RecordsOfParentAndChildArriveInOrderInBatchesOfOneShard()
    {
        var stream = await CreateStreamTableAsync("orders");
        await PutAsync("orders", "a");
        await PutAsync("orders", "b");
        Time.Advance(TimeSpan.FromHours(4));
        await PutAsync("orders", "c");
        AddRecorder("project");
        await MapAsync(stream, "project");
        await Aws.RunUntilIdleAsync();

        Time.Advance(TimeSpan.FromHours(4));
        await PutAsync("orders", "d");
        await Aws.RunUntilIdleAsync();

        Assert.That(Batches(), Is.EqualTo(new[] { new[] { "a", "b" }, new[] { "c" }, new[] { "d" } }));
    }

    [Test]
    public async Task StartingPositionLatest_SkipsEarlierRecords()
    {
        var stream = await CreateStreamTableAsync("orders");
        await PutAsync("orders", "before");
        AddRecorder("project");
        await Wire.Post("/2015-03-31/event-source-mappings", new { EventSourceArn = stream, FunctionName = "project", StartingPosition = "LATEST" });
        await PutAsync("orders", "after");

        await Aws.RunUntilIdleAsync();

        Assert.That(Batches(), Is.EqualTo(new[] { new[] { "after" } }));
    }

    [Test]
    public async Task BatchingWindow_GathersRecordsUntilItCloses()
    {
        var stream = await CreateStreamTableAsync("orders");
        AddRecorder("project");
        await MapAsync(stream, "project", new { MaximumBatchingWindowInSeconds = 10 });

        await PutAsync("orders", "a");
        Time.Advance(TimeSpan.FromSeconds(5));
        await PutAsync("orders", "b");
        Time.Advance(TimeSpan.FromSeconds(4));
        Assert.That(Events, Is.Empty);
        Time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(Batches(), Is.EqualTo(new[] { new[] { "a", "b" } }));
    }

    [Test]
    public async Task FailingFunction_IsRetriedThenTheBatchIsSkipped()
    {
        var stream = await CreateStreamTableAsync("orders");
        Aws.Lambda.AddFunction("project", (JsonElement input) =>
        {
            Events.Add(input.Clone());
            if (input.GetRawText().Contains("poison", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("cannot project");
            }
        });
        var uuid = await MapAsync(stream, "project", new { MaximumRetryAttempts = 2, BatchSize = 1 });

        await PutAsync("orders", "poison");
        await PutAsync("orders", "good");
        await Aws.RunUntilIdleAsync();

        Assert.That(Batches(), Is.EqualTo(new[] { new[] { "poison" }, new[] { "poison" }, new[] { "poison" }, new[] { "good" } }));
        // Retries back off on the virtual clock: one second, then two.
        Assert.That(Time.GetUtcNow(), Is.EqualTo(Start.AddSeconds(3)));
    }

    [Test]
    public async Task BisectBatchOnFunctionError_IsolatesThePoisonRecord()
    {
        var stream = await CreateStreamTableAsync("orders");
        foreach (var key in new[] { "a", "b", "poison", "d" })
        {
            await PutAsync("orders", key);
        }
        Aws.Lambda.AddFunction("project", (JsonElement input) =>
        {
            Events.Add(input.Clone());
            if (input.GetRawText().Contains("poison", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("cannot project");
            }
        });
        await MapAsync(stream, "project", new { BisectBatchOnFunctionError = true, MaximumRetryAttempts = 0 });

        await Aws.RunUntilIdleAsync();

        Assert.That(Batches(), Is.EqualTo(new[]
        {
            new[] { "a", "b", "poison", "d" },
            new[] { "a", "b" },
            new[] { "poison", "d" },
            new[] { "poison" },
            new[] { "d" },
        }));
    }

    [Test]
    public async Task ReportBatchItemFailures_RetriesFromTheFirstFailedRecord()
    {
        var stream = await CreateStreamTableAsync("orders");
        foreach (var key in new[] { "a", "b", "c" })
        {
            await PutAsync("orders", key);
        }
        Aws.Lambda.AddFunction("project", object (JsonElement input) =>
        {
            Events.Add(input.Clone());
            var records = input.GetProperty("Records").EnumerateArray().ToList();
            // The first delivery fails record b; the retry succeeds.
            return Events.Count == 1
                ? new { batchItemFailures = new[] { new { itemIdentifier = records[1].GetProperty("dynamodb").GetProperty("SequenceNumber").GetString() } } }
                : new { batchItemFailures = Array.Empty<object>() };
        });
        await MapAsync(stream, "project", new { FunctionResponseTypes = new[] { "ReportBatchItemFailures" } });

        await Aws.RunUntilIdleAsync();

        Assert.That(Batches(), Is.EqualTo(new[] { new[] { "a", "b", "c" }, new[] { "b", "c" } }));
    }

    [Test]
    public async Task ReportBatchItemFailures_InvalidIdentifier_RetriesTheWholeBatch()
    {
        var stream = await CreateStreamTableAsync("orders");
        await PutAsync("orders", "a");
        await PutAsync("orders", "b");
        Aws.Lambda.AddFunction("project", object (JsonElement input) =>
        {
            Events.Add(input.Clone());
            return Events.Count == 1 ? new { batchItemFailures = new[] { new { foo = (string?)null } } } : new { };
        });
        await MapAsync(stream, "project", new { FunctionResponseTypes = new[] { "ReportBatchItemFailures" } });

        await Aws.RunUntilIdleAsync();

        Assert.That(Batches(), Is.EqualTo(new[] { new[] { "a", "b" }, new[] { "a", "b" } }));
    }

    [Test]
    public async Task TimeToLiveDeletion_ReachesTheFunctionAsDynamoDbsOwnRemove()
    {
        var stream = await CreateStreamTableAsync("sessions");
        await Ddb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = "sessions",
            TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = "expires" },
        });
        AddRecorder("cleanup");
        await MapAsync(stream, "cleanup");
        await Ddb.PutItemAsync("sessions", new()
        {
            ["pk"] = new() { S = "s1" },
            ["expires"] = new() { N = Start.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
        });

        await Aws.RunUntilIdleAsync();

        var remove = Events.SelectMany(e => e.GetProperty("Records").EnumerateArray()).Single(r => r.GetProperty("eventName").GetString() == "REMOVE");
        Assert.That(remove.GetProperty("userIdentity").GetRawText(), Is.EqualTo("{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}"));
        Assert.That(Time.GetUtcNow(), Is.EqualTo(Start.AddHours(1)));
    }
}
