using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;

namespace FakeAws.Tour;

/// <summary>
/// DynamoDB over time: a stream read through the Streams protocol, a trigger run by a stream, a point-in-time
/// restore after a month of virtual time, and Time to Live, all in one process on one clock.
/// </summary>
internal static class DynamoDbOverTime
{
    public static async Task RunAsync()
    {
        var start = new DateTimeOffset(2030, 3, 1, 9, 0, 0, TimeSpan.Zero);
        using var aws = new FakeAwsCloud(new FakeAwsOptions { TimeProvider = new FakeTimeProvider(start) });
        var ddb = aws.CreateClient<AmazonDynamoDBClient>();
        var stream = (await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "prices",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("sku", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("sku", ScalarAttributeType.S)],
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        })).TableDescription.LatestStreamArn;
        await ddb.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
        {
            TableName = "prices",
            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
        });
        Stop.Say($"stream {stream}");

        // A trigger: every change of a price reaches this function through the stream.
        aws.Lambda.AddFunction("audit", (JsonElement input) =>
        {
            foreach (var record in input.GetProperty("Records").EnumerateArray())
            {
                Stop.Say($"  trigger saw {record.GetProperty("eventName")} {record.GetProperty("dynamodb").GetProperty("Keys").GetProperty("sku").GetProperty("S")}");
            }
        });
        using (var lambda = new RawAws(aws, "lambda"))
        {
            await lambda.SendAsync(HttpMethod.Post, "/2015-03-31/event-source-mappings",
                new { EventSourceArn = stream, FunctionName = "audit", StartingPosition = "TRIM_HORIZON" });
        }

        await Price(ddb, "tea", "3.50");
        aws.Clock.Advance(TimeSpan.FromDays(10));
        await Price(ddb, "tea", "3.90");
        await aws.RunUntilIdleAsync();

        // The same records, read as any Streams client reads them: shard by shard, oldest first, because a
        // stream's shard rolls over every few hours and each holds the changes of its own hours.
        using var streams = new RawAws(aws, "dynamodb");
        var shards = JsonDocument.Parse((await streams.SendAsync(HttpMethod.Post, "/", new { StreamArn = stream }, "DynamoDBStreams_20120810.DescribeStream")).Body)
            .RootElement.GetProperty("StreamDescription").GetProperty("Shards").EnumerateArray().Select(s => s.GetProperty("ShardId").GetString()).ToList();
        var changes = new List<string>();
        foreach (var shard in shards)
        {
            var iterator = JsonDocument.Parse((await streams.SendAsync(HttpMethod.Post, "/",
                new { StreamArn = stream, ShardId = shard, ShardIteratorType = "TRIM_HORIZON" }, "DynamoDBStreams_20120810.GetShardIterator")).Body)
                .RootElement.GetProperty("ShardIterator").GetString();
            var records = JsonDocument.Parse((await streams.SendAsync(HttpMethod.Post, "/", new { ShardIterator = iterator }, "DynamoDBStreams_20120810.GetRecords")).Body)
                .RootElement.GetProperty("Records");
            changes.AddRange(records.EnumerateArray().Select(r => r.GetProperty("eventName").GetString()!));
        }
        Stop.Say($"GetRecords over {shards.Count} shards: {string.Join(", ", changes)} (records older than 24 h are trimmed: only the last change is left)");

        // A month later, the price of twenty days ago comes back in a new table.
        aws.Clock.Advance(TimeSpan.FromDays(20));
        var restored = await ddb.RestoreTableToPointInTimeAsync(new RestoreTableToPointInTimeRequest
        {
            SourceTableName = "prices",
            TargetTableName = "prices-march-5",
            RestoreDateTime = start.AddDays(4).UtcDateTime,
        });
        var old = await ddb.GetItemAsync("prices-march-5", new() { ["sku"] = new AttributeValue("tea") });
        var now = await ddb.GetItemAsync("prices", new() { ["sku"] = new AttributeValue("tea") });
        Stop.Say($"{aws.Clock.GetUtcNow():yyyy-MM-dd}: restored {restored.TableDescription.TableName} as of {restored.TableDescription.RestoreSummary.RestoreDateTime:yyyy-MM-dd}: tea was {old.Item["price"].N}, is {now.Item["price"].N}");

        // Time to Live: an offer that expires in an hour is deleted by DynamoDB itself.
        await ddb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = "prices",
            TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = "expires" },
        });
        await ddb.PutItemAsync("prices", new()
        {
            ["sku"] = new AttributeValue("offer"),
            ["price"] = new AttributeValue { N = "1.00" },
            ["expires"] = new AttributeValue { N = aws.Clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        aws.Clock.Advance(TimeSpan.FromHours(2));
        Stop.Say($"two hours later the offer is {((await ddb.GetItemAsync("prices", new() { ["sku"] = new AttributeValue("offer") })).IsItemSet ? "still there" : "gone")}");
    }

    private static Task Price(AmazonDynamoDBClient ddb, string sku, string price) =>
        ddb.PutItemAsync("prices", new() { ["sku"] = new AttributeValue(sku), ["price"] = new AttributeValue { N = price } });
}
