using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FakeAws.Tests.DynamoDb;

namespace FakeAws.Tests.DynamoDbStreams;

/// <summary>Bad stream settings and bad Streams requests get AWS's errors.</summary>
public class StreamErrorsTests(DynamoDbPath path) : StreamsTestBase(path)
{
    [Test]
    public async Task UpdateTable_EnablingASecondStream_ValidationException()
    {
        await CreateStreamTableAsync("items");
        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "items",
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.KEYS_ONLY },
        }), "Table already has an enabled stream: TableName: items");
    }

    [Test]
    public async Task UpdateTable_DisablingWithoutAStream_ValidationException()
    {
        await CreateTableAsync("items");
        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "items",
            StreamSpecification = new StreamSpecification { StreamEnabled = false },
        }), "Table has no stream to disable: TableName: items");
    }

    [Test]
    public void CreateTable_DisabledStreamWithAViewType_ValidationException() =>
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "items",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
            StreamSpecification = new StreamSpecification { StreamEnabled = false, StreamViewType = StreamViewType.NEW_IMAGE },
        }), "One or more parameter values were invalid: Table is being created with a stream disabled, UpdateViewType should not be specified");

    [Test]
    public async Task StreamSpecification_WithoutOrWithAViewType_AwsTexts()
    {
        await CreateStreamTableAsync("items");
        Invalid(() => Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "items",
            StreamSpecification = new StreamSpecification { StreamEnabled = false, StreamViewType = StreamViewType.KEYS_ONLY },
        }), "One or more parameter values were invalid: If stream is being disabled, then UpdateViewType must not be specified");
        Invalid(() => Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "other",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
            StreamSpecification = new StreamSpecification { StreamEnabled = true },
        }), "One or more parameter values were invalid: Table is being created with a stream enabled, UpdateViewType is required");
    }

    [Test]
    public async Task DescribeStream_ShardFilterAndExclusiveStartShardId_PageByShardOrder()
    {
        var arn = await CreateStreamTableAsync("items");
        var shard = await Streams.ShardIdAsync(arn);

        var children = await Streams.CallAsync("DescribeStream", new JsonObject
        {
            ["StreamArn"] = arn,
            ["ShardFilter"] = new JsonObject { ["Type"] = "CHILD_SHARDS", ["ShardId"] = shard },
        });
        Assert.That(children["StreamDescription"]!["Shards"]!.AsArray(), Is.Empty);
        Assert.That(children["StreamDescription"]!["StreamStatus"]!.GetValue<string>(), Is.EqualTo("ENABLED"));
        foreach (var (start, expected) in new[] { (shard, 0), ("shardId-00000000000000000000-00000000", 1), ("shardId-99999999999999999999-ffffffff", 0) })
        {
            var page = await Streams.CallAsync("DescribeStream", new JsonObject { ["StreamArn"] = arn, ["ExclusiveStartShardId"] = start });
            Assert.That(page["StreamDescription"]!["Shards"]!.AsArray(), Has.Count.EqualTo(expected), start);
        }
    }

    [Test]
    public async Task DescribeStream_MalformedOrUnknownArn_ValidationOrNotFound()
    {
        await Streams.FailsAsync("DescribeStream", new JsonObject { ["StreamArn"] = "sdfadfsdfnlfkajakfgjalksfgklasjklasdjfklasdfasdfgasf" },
            "ValidationException", "Invalid StreamArn: sdfadfsdfnlfkajakfgjalksfgklasjklasdjfklasdfasdfgasf");
        const string unknown = "arn:aws:dynamodb:us-east-1:123456789012:table/nope/stream/2030-06-01T12:00:00.000";
        await Streams.FailsAsync("DescribeStream", new JsonObject { ["StreamArn"] = unknown },
            "ResourceNotFoundException", $"Requested resource not found: Stream: {unknown} not found");
    }

    [Test]
    public async Task GetShardIterator_BadShardOrSequenceNumber_AwsErrors()
    {
        var arn = await CreateStreamTableAsync("items");
        var shard = await Streams.ShardIdAsync(arn);

        await Streams.FailsAsync("GetShardIterator", new JsonObject
        {
            ["StreamArn"] = arn, ["ShardId"] = "shardId-00000000000000000000-00000000", ["ShardIteratorType"] = "LATEST",
        }, "ResourceNotFoundException", "Requested resource not found: Shard does not exist");
        await Streams.FailsAsync("GetShardIterator", new JsonObject
        {
            ["StreamArn"] = arn, ["ShardId"] = shard, ["ShardIteratorType"] = "AT_SEQUENCE_NUMBER",
        }, "ValidationException", "Must specify a SequenceNumber for ShardIteratorType AT_SEQUENCE_NUMBER");
        await Streams.FailsAsync("GetShardIterator", new JsonObject
        {
            ["StreamArn"] = arn, ["ShardId"] = shard, ["ShardIteratorType"] = "LATEST", ["SequenceNumber"] = "100000000000000000001",
        }, "ValidationException", "SequenceNumber may only be specified for ShardIteratorType AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER, not LATEST");
        await Streams.FailsAsync("GetShardIterator", new JsonObject
        {
            ["StreamArn"] = arn, ["ShardId"] = shard, ["ShardIteratorType"] = "AFTER_SEQUENCE_NUMBER", ["SequenceNumber"] = "999999999999999999999",
        }, "ValidationException", $"Invalid SequenceNumber 999999999999999999999 for shard {shard}");
        await Streams.FailsAsync("GetShardIterator", new JsonObject
        {
            ["StreamArn"] = arn, ["ShardId"] = shard, ["ShardIteratorType"] = "bulle",
        }, "ValidationException",
            "1 validation error detected: Value 'bulle' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]");
    }

    [Test]
    public async Task GetRecords_BadIteratorOrLimit_AwsErrors()
    {
        var arn = await CreateStreamTableAsync("items");
        var iterator = await Streams.IteratorAsync(arn);

        await Streams.FailsAsync("GetRecords", new JsonObject { ["ShardIterator"] = "sdfsdfsgagaddafgagasgasgasdfasdfasdfasdfasdgasdasdgasdg" },
            "ValidationException", "Invalid ShardIterator: sdfsdfsgagaddafgagasgasgasdfasdfasdfasdfasdgasdasdgasdg");
        await Streams.FailsAsync("GetRecords", new JsonObject { ["ShardIterator"] = iterator, ["Limit"] = 1001 },
            "LimitExceededException", "Limit of 1001 exceeds the maximum of 1000 records a GetRecords call returns.");
        await Streams.FailsAsync("GetRecords", new JsonObject { ["ShardIterator"] = iterator, ["Limit"] = 0 },
            "ValidationException", "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }

    [Test]
    public async Task ListStreams_LimitOver100_ValidationException() =>
        await Streams.FailsAsync("ListStreams", new JsonObject { ["Limit"] = 101 }, "ValidationException",
            "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");

    [Test]
    public async Task ListStreams_UnknownTable_ResourceNotFound() =>
        await Streams.FailsAsync("ListStreams", new JsonObject { ["TableName"] = "ghost" }, "ResourceNotFoundException",
            "Requested resource not found: Table: ghost not found");
}
