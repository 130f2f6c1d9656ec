using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FakeAws.Tests.DynamoDb;

namespace FakeAws.Tests.DynamoDbStreams;

/// <summary>Streams on a table and the records every write path puts in them, read over the Streams wire protocol.</summary>
public class StreamsTests(DynamoDbPath path) : StreamsTestBase(path)
{
    [Test]
    public async Task CreateTable_WithStream_DescribesItsArnLabelAndSpecification()
    {
        var arn = await CreateStreamTableAsync("orders", "NEW_IMAGE");

        var table = (await Ddb.DescribeTableAsync("orders")).Table;
        Assert.Multiple(() =>
        {
            Assert.That(arn, Is.EqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2030-06-01T12:00:00.000"));
            Assert.That(table.LatestStreamArn, Is.EqualTo(arn));
            Assert.That(table.LatestStreamLabel, Is.EqualTo("2030-06-01T12:00:00.000"));
            Assert.That(table.StreamSpecification.StreamEnabled, Is.True);
            Assert.That(table.StreamSpecification.StreamViewType, Is.EqualTo(StreamViewType.NEW_IMAGE));
        });
    }

    [Test]
    public async Task ListStreamsAndDescribeStream_ShowTheStreamAndItsShard()
    {
        var arn = await CreateStreamTableAsync("orders", "KEYS_ONLY", withSortKey: true);
        await CreateTableAsync("plain");

        var listed = await Streams.CallAsync("ListStreams", new JsonObject());
        var description = await Streams.DescribeStreamAsync(arn);

        Assert.Multiple(() =>
        {
            Assert.That(listed["Streams"]!.ToJsonString(),
                Is.EqualTo($"[{{\"StreamArn\":\"{arn}\",\"TableName\":\"orders\",\"StreamLabel\":\"2030-06-01T12:00:00.000\"}}]"));
            Assert.That(description["StreamStatus"]!.GetValue<string>(), Is.EqualTo("ENABLED"));
            Assert.That(description["StreamViewType"]!.GetValue<string>(), Is.EqualTo("KEYS_ONLY"));
            Assert.That(description["TableName"]!.GetValue<string>(), Is.EqualTo("orders"));
            Assert.That(description["KeySchema"]!.ToJsonString(),
                Is.EqualTo("[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]"));
            var shard = description["Shards"]![0]!;
            Assert.That(shard["ShardId"]!.GetValue<string>(), Does.Match("^shardId-[0-9]{20}-[0-9a-f]{8}$"));
            Assert.That(shard["SequenceNumberRange"]!["StartingSequenceNumber"]!.GetValue<string>(), Does.Match("^[0-9]{21}$"));
            Assert.That(shard["SequenceNumberRange"]!["EndingSequenceNumber"], Is.Null);
        });
    }

    [TestCase("KEYS_ONLY", false, false)]
    [TestCase("NEW_IMAGE", true, false)]
    [TestCase("OLD_IMAGE", false, true)]
    [TestCase("NEW_AND_OLD_IMAGES", true, true)]
    public async Task Records_KeepTheImagesTheViewTypeAsksFor(string viewType, bool newImages, bool oldImages)
    {
        var arn = await CreateStreamTableAsync("items", viewType);
        await Ddb.PutItemAsync("items", Item(("pk", S("a")), ("v", N("1"))));
        await Ddb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "items",
            Key = Item(("pk", S("a"))),
            UpdateExpression = "SET v = :two",
            ExpressionAttributeValues = new() { [":two"] = N("2") },
        });
        await Ddb.DeleteItemAsync("items", Item(("pk", S("a"))));

        var records = await Streams.AllRecordsAsync(arn);

        Assert.That(records.Select(r => r!["eventName"]!.GetValue<string>()), Is.EqualTo(new[] { "INSERT", "MODIFY", "REMOVE" }));
        var (insert, modify, remove) = (records[0]!["dynamodb"]!, records[1]!["dynamodb"]!, records[2]!["dynamodb"]!);
        Assert.Multiple(() =>
        {
            Assert.That(insert["Keys"]!.ToJsonString(), Is.EqualTo("{\"pk\":{\"S\":\"a\"}}"));
            Assert.That(insert["NewImage"]?.ToJsonString(), Is.EqualTo(newImages ? "{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"1\"}}" : null));
            Assert.That(insert["OldImage"], Is.Null);
            Assert.That(modify["NewImage"]?.ToJsonString(), Is.EqualTo(newImages ? "{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"2\"}}" : null));
            Assert.That(modify["OldImage"]?.ToJsonString(), Is.EqualTo(oldImages ? "{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"1\"}}" : null));
            Assert.That(remove["NewImage"], Is.Null);
            Assert.That(remove["OldImage"]?.ToJsonString(), Is.EqualTo(oldImages ? "{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"2\"}}" : null));
            // Keys (pk "a": 3 bytes) plus each image kept (pk and a one-digit number: 6 bytes).
            Assert.That(modify["SizeBytes"]!.GetValue<long>(), Is.EqualTo(3 + (newImages ? 6 : 0) + (oldImages ? 6 : 0)));
            Assert.That(insert["StreamViewType"]!.GetValue<string>(), Is.EqualTo(viewType));
        });
    }

    [Test]
    public async Task Records_CarryAwsEnvelope()
    {
        var arn = await CreateStreamTableAsync("items");
        await Ddb.PutItemAsync("items", Item(("pk", S("a"))));

        var record = (await Streams.AllRecordsAsync(arn))[0]!;

        Assert.Multiple(() =>
        {
            Assert.That(record["eventID"]!.GetValue<string>(), Does.Match("^[0-9a-f]{32}$"));
            Assert.That(record["eventVersion"]!.GetValue<string>(), Is.EqualTo("1.1"));
            Assert.That(record["eventSource"]!.GetValue<string>(), Is.EqualTo("aws:dynamodb"));
            Assert.That(record["awsRegion"]!.GetValue<string>(), Is.EqualTo("us-east-1"));
            Assert.That(record["userIdentity"], Is.Null);
            Assert.That(record["dynamodb"]!["ApproximateCreationDateTime"]!.GetValue<double>(), Is.EqualTo(Start.ToUnixTimeSeconds()));
            Assert.That(record["dynamodb"]!["SequenceNumber"]!.GetValue<string>(), Does.Match("^[0-9]{21}$"));
        });
    }

    [Test]
    public async Task EveryWritePath_RecordsItsChangesInOrder()
    {
        var arn = await CreateStreamTableAsync("items");
        await Ddb.PutItemAsync("items", Item(("pk", S("put"))));
        await Ddb.UpdateItemAsync(new UpdateItemRequest { TableName = "items", Key = Item(("pk", S("update"))), UpdateExpression = "SET n = :n", ExpressionAttributeValues = new() { [":n"] = N("1") } });
        await Ddb.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new()
            {
                ["items"] = [new WriteRequest(new PutRequest(Item(("pk", S("batch"))))), new WriteRequest(new DeleteRequest(Item(("pk", S("put")))))],
            },
        });
        await Ddb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = "items", Item = Item(("pk", S("transaction"))) } },
                new TransactWriteItem { Delete = new Delete { TableName = "items", Key = Item(("pk", S("batch"))) } },
            ],
        });
        await Ddb.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = "INSERT INTO items VALUE {'pk': 'partiql'}" });
        await Ddb.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = "UPDATE items SET n = 2 WHERE pk = 'update'" });
        await Ddb.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = "DELETE FROM items WHERE pk = 'partiql'" });

        var records = await Streams.AllRecordsAsync(arn);

        Assert.That(records.Select(r => $"{r!["eventName"]} {r["dynamodb"]!["Keys"]!["pk"]!["S"]}"), Is.EqualTo(new[]
        {
            "INSERT put", "INSERT update", "INSERT batch", "REMOVE put", "INSERT transaction", "REMOVE batch",
            "INSERT partiql", "MODIFY update", "REMOVE partiql",
        }));
        var sequences = records.Select(r => r!["dynamodb"]!["SequenceNumber"]!.GetValue<string>()).ToList();
        Assert.That(sequences, Is.Ordered.Using<string>(StringComparer.Ordinal));
    }

    [Test]
    public async Task UnchangedWrite_RecordsNothing()
    {
        var arn = await CreateStreamTableAsync("items");
        await Ddb.PutItemAsync("items", Item(("pk", S("a")), ("v", N("1"))));
        await Ddb.PutItemAsync("items", Item(("pk", S("a")), ("v", N("1"))));
        await Ddb.UpdateItemAsync(new UpdateItemRequest { TableName = "items", Key = Item(("pk", S("a"))), UpdateExpression = "SET v = :v", ExpressionAttributeValues = new() { [":v"] = N("1") } });
        await Ddb.DeleteItemAsync("items", Item(("pk", S("missing"))));

        Assert.That((await Streams.AllRecordsAsync(arn)).Count, Is.EqualTo(1));
    }

    [Test]
    public async Task IteratorTypes_StartWhereAwsSays()
    {
        var arn = await CreateStreamTableAsync("items");
        foreach (var key in new[] { "a", "b", "c" })
        {
            await Ddb.PutItemAsync("items", Item(("pk", S(key))));
        }
        var all = await Streams.AllRecordsAsync(arn);
        var second = all[1]!["dynamodb"]!["SequenceNumber"]!.GetValue<string>();
        var latest = await Streams.IteratorAsync(arn, "LATEST");
        await Ddb.PutItemAsync("items", Item(("pk", S("d"))));

        async Task<string[]> Keys(string iterator) =>
            ((JsonArray)(await Streams.GetRecordsAsync(iterator))["Records"]!).Select(r => r!["dynamodb"]!["Keys"]!["pk"]!["S"]!.GetValue<string>()).ToArray();

        Assert.That(await Keys(await Streams.IteratorAsync(arn)), Is.EqualTo(new[] { "a", "b", "c", "d" }));
        Assert.That(await Keys(latest), Is.EqualTo(new[] { "d" }));
        Assert.That(await Keys(await Streams.IteratorAsync(arn, "AT_SEQUENCE_NUMBER", second)), Is.EqualTo(new[] { "b", "c", "d" }));
        Assert.That(await Keys(await Streams.IteratorAsync(arn, "AFTER_SEQUENCE_NUMBER", second)), Is.EqualTo(new[] { "c", "d" }));
    }

    [Test]
    public async Task GetRecords_PagesWithLimitAndNextShardIterator()
    {
        var arn = await CreateStreamTableAsync("items");
        foreach (var key in new[] { "a", "b", "c" })
        {
            await Ddb.PutItemAsync("items", Item(("pk", S(key))));
        }

        var first = await Streams.GetRecordsAsync(await Streams.IteratorAsync(arn), limit: 2);
        var second = await Streams.GetRecordsAsync(first["NextShardIterator"]!.GetValue<string>(), limit: 2);
        var third = await Streams.GetRecordsAsync(second["NextShardIterator"]!.GetValue<string>());

        Assert.Multiple(() =>
        {
            Assert.That(((JsonArray)first["Records"]!).Count, Is.EqualTo(2));
            Assert.That(((JsonArray)second["Records"]!).Count, Is.EqualTo(1));
            Assert.That(((JsonArray)third["Records"]!).Count, Is.Zero);
            // The shard is open: more records may come, so there is always a next iterator.
            Assert.That(third["NextShardIterator"], Is.Not.Null);
        });
    }

    [Test]
    public async Task ShardIterator_ExpiresFifteenMinutesAfterIssue()
    {
        var arn = await CreateStreamTableAsync("items");
        var iterator = await Streams.IteratorAsync(arn);

        Time.Advance(TimeSpan.FromMinutes(15));
        var next = (await Streams.GetRecordsAsync(iterator))["NextShardIterator"]!.GetValue<string>();
        Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        await Streams.FailsAsync("GetRecords", new JsonObject { ["ShardIterator"] = next }, "ExpiredIteratorException", "Shard iterator has expired");
        await Streams.FailsAsync("GetRecords", new JsonObject { ["ShardIterator"] = iterator }, "ExpiredIteratorException", "Shard iterator has expired");
    }

    [Test]
    public async Task Record_IsReadableAt23h59AndTrimmedAt24h01()
    {
        var arn = await CreateStreamTableAsync("items");
        await Ddb.PutItemAsync("items", Item(("pk", S("old"))));

        Time.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        var records = await Streams.AllRecordsAsync(arn);
        var sequence = records[0]!["dynamodb"]!["SequenceNumber"]!.GetValue<string>();
        var iterator = await Streams.IteratorAsync(arn, "AT_SEQUENCE_NUMBER", sequence);
        Assert.That(records.Count, Is.EqualTo(1));

        Time.Advance(TimeSpan.FromMinutes(2));
        await Streams.FailsAsync("GetRecords", new JsonObject { ["ShardIterator"] = iterator },
            "TrimmedDataAccessException", "The operation attempted to read past the oldest stream record in a shard.");
        await Streams.FailsAsync("GetShardIterator", new JsonObject
        {
            ["StreamArn"] = arn,
            ["ShardId"] = await Streams.ShardIdAsync(arn),
            ["ShardIteratorType"] = "AT_SEQUENCE_NUMBER",
            ["SequenceNumber"] = sequence,
        }, "TrimmedDataAccessException", "The operation attempted to read past the oldest stream record in a shard.");
        Assert.That((await Streams.AllRecordsAsync(arn)).Count, Is.Zero);
    }

    [Test]
    public async Task ManyReadersAtOneInstant_AreAllServedByDefault()
    {
        // AWS measures reader rates in real time; on a clock that stands still, sequential code that
        // opens a reader per poll must not be throttled by default.
        var arn = await CreateStreamTableAsync("items");
        await Ddb.PutItemAsync("items", Item(("pk", S("a"))));

        for (var i = 0; i < 20; i++)
        {
            var read = await Streams.GetRecordsAsync(await Streams.IteratorAsync(arn));
            Assert.That(((JsonArray)read["Records"]!).Count, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task SixthReader_IsThrottled_WhenTheAdvisedLimitIsSet()
    {
        Aws.Options.DynamoDb.StreamReadersPerStream = DynamoDbOptions.AdvisedStreamReadersPerStream;
        var arn = await CreateStreamTableAsync("items");
        var iterators = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            iterators.Add(await Streams.IteratorAsync(arn));
        }
        var next = new List<string>();
        foreach (var iterator in iterators.Take(5))
        {
            next.Add((await Streams.GetRecordsAsync(iterator))["NextShardIterator"]!.GetValue<string>());
        }

        var shard = await Streams.ShardIdAsync(arn);
        await Streams.FailsAsync("GetRecords", new JsonObject { ["ShardIterator"] = iterators[5] },
            "LimitExceededException", $"Rate exceeded for shard {shard} in stream {arn} under account 123456789012.");
        // The five readers read on; once they have been quiet for more than a second, the sixth gets in.
        await Streams.GetRecordsAsync(next[0]);
        Time.Advance(TimeSpan.FromSeconds(2));
        Assert.That((await Streams.GetRecordsAsync(iterators[5]))["Records"], Is.Not.Null);
    }

    [Test]
    public async Task DisablingAndEnablingAgain_MakesANewStreamAndTheOldOneStaysReadableFor24Hours()
    {
        var oldArn = await CreateStreamTableAsync("items", "KEYS_ONLY");
        await Ddb.PutItemAsync("items", Item(("pk", S("before"))));
        var oldIterator = await Streams.IteratorAsync(oldArn);

        await Ddb.UpdateTableAsync(new UpdateTableRequest { TableName = "items", StreamSpecification = new StreamSpecification { StreamEnabled = false } });
        await Ddb.PutItemAsync("items", Item(("pk", S("between"))));
        var disabled = (await Ddb.DescribeTableAsync("items")).Table;
        Time.Advance(TimeSpan.FromMinutes(1));
        var enabled = await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "items",
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_IMAGE },
        });
        var newArn = enabled.TableDescription.LatestStreamArn;
        await Ddb.PutItemAsync("items", Item(("pk", S("after"))));

        var oldRead = await Streams.GetRecordsAsync(oldIterator);
        var oldDescription = await Streams.DescribeStreamAsync(oldArn);
        Assert.Multiple(() =>
        {
            Assert.That(disabled.StreamSpecification, Is.Null);
            Assert.That(disabled.LatestStreamArn, Is.EqualTo(oldArn));
            Assert.That(newArn, Is.EqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/items/stream/2030-06-01T12:01:00.000"));
            Assert.That(((JsonArray)oldRead["Records"]!).Select(r => r!["dynamodb"]!["Keys"]!["pk"]!["S"]!.GetValue<string>()), Is.EqualTo(new[] { "before" }));
            // The old shard is closed and read to its end: no next iterator.
            Assert.That(oldRead["NextShardIterator"], Is.Null);
            Assert.That(oldDescription["StreamStatus"]!.GetValue<string>(), Is.EqualTo("DISABLED"));
            Assert.That(oldDescription["Shards"]![0]!["SequenceNumberRange"]!["EndingSequenceNumber"], Is.Not.Null);
        });
        Assert.That((await Streams.AllRecordsAsync(newArn)).Select(r => r!["dynamodb"]!["Keys"]!["pk"]!["S"]!.GetValue<string>()), Is.EqualTo(new[] { "after" }));

        Time.Advance(TimeSpan.FromHours(24));
        await Streams.FailsAsync("DescribeStream", new JsonObject { ["StreamArn"] = oldArn },
            "ResourceNotFoundException", $"Requested resource not found: Stream: {oldArn} not found");
        var listed = await Streams.CallAsync("ListStreams", new JsonObject { ["TableName"] = "items" });
        Assert.That(listed["Streams"]!.AsArray().Select(s => s!["StreamArn"]!.GetValue<string>()), Is.EqualTo(new[] { newArn }));
    }

    [Test]
    public async Task DeletingTheTable_LeavesItsStreamReadableFor24Hours()
    {
        var arn = await CreateStreamTableAsync("items");
        await Ddb.PutItemAsync("items", Item(("pk", S("a"))));
        await Ddb.DeleteTableAsync("items");

        Time.Advance(TimeSpan.FromHours(23));
        Assert.That((await Streams.AllRecordsAsync(arn)).Count, Is.EqualTo(1));
        Assert.That((await Streams.DescribeStreamAsync(arn))["StreamStatus"]!.GetValue<string>(), Is.EqualTo("DISABLED"));

        Time.Advance(TimeSpan.FromHours(1));
        await Streams.FailsAsync("DescribeStream", new JsonObject { ["StreamArn"] = arn },
            "ResourceNotFoundException", $"Requested resource not found: Stream: {arn} not found");
    }

    [Test]
    public async Task ListStreams_PagesAndFilters()
    {
        var first = await CreateStreamTableAsync("one");
        var second = await CreateStreamTableAsync("two");

        var page = await Streams.CallAsync("ListStreams", new JsonObject { ["Limit"] = 1 });
        var rest = await Streams.CallAsync("ListStreams", new JsonObject { ["ExclusiveStartStreamArn"] = page["LastEvaluatedStreamArn"]!.GetValue<string>() });
        var filtered = await Streams.CallAsync("ListStreams", new JsonObject { ["TableName"] = "two" });

        Assert.Multiple(() =>
        {
            Assert.That(page["Streams"]![0]!["StreamArn"]!.GetValue<string>(), Is.EqualTo(first));
            Assert.That(page["LastEvaluatedStreamArn"]!.GetValue<string>(), Is.EqualTo(first));
            Assert.That(rest["Streams"]![0]!["StreamArn"]!.GetValue<string>(), Is.EqualTo(second));
            Assert.That(rest["LastEvaluatedStreamArn"], Is.Null);
            Assert.That(filtered["Streams"]!.AsArray().Count, Is.EqualTo(1));
        });
    }
}
