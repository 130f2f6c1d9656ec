using System.Text.Json.Nodes;
using FakeAws.Tests.DynamoDb;

namespace FakeAws.Tests.DynamoDbStreams;

/// <summary>Shard rollover on the virtual clock: closed parents, children naming them, and CHILD_SHARDS.</summary>
public class StreamShardTests(DynamoDbPath path) : StreamsTestBase(path)
{
    [Test]
    public async Task FourHoursLater_TheShardHasClosedAndAChildTakesNewRecords()
    {
        var arn = await CreateStreamTableAsync("items");
        await Ddb.PutItemAsync("items", Item(("pk", S("before"))));
        Time.Advance(TimeSpan.FromHours(4));
        await Ddb.PutItemAsync("items", Item(("pk", S("after"))));

        var shards = (await Streams.DescribeStreamAsync(arn))["Shards"]!.AsArray();
        Assert.That(shards, Has.Count.EqualTo(2));
        var (parent, child) = (shards[0]!, shards[1]!);
        var parentRead = await ReadShardAsync(arn, parent["ShardId"]!.GetValue<string>());
        var childRead = await ReadShardAsync(arn, child["ShardId"]!.GetValue<string>());
        Assert.Multiple(() =>
        {
            Assert.That(parent["ParentShardId"], Is.Null);
            Assert.That(parent["SequenceNumberRange"]!["EndingSequenceNumber"], Is.Not.Null);
            Assert.That(child["ParentShardId"]!.GetValue<string>(), Is.EqualTo(parent["ShardId"]!.GetValue<string>()));
            Assert.That(child["SequenceNumberRange"]!["EndingSequenceNumber"], Is.Null);
            Assert.That(string.CompareOrdinal(child["SequenceNumberRange"]!["StartingSequenceNumber"]!.GetValue<string>(),
                parent["SequenceNumberRange"]!["EndingSequenceNumber"]!.GetValue<string>()), Is.GreaterThan(0));
            Assert.That(Keys(parentRead), Is.EqualTo(new[] { "before" }));
            // The closed parent read to its end has no next iterator; the open child always has one.
            Assert.That(parentRead["NextShardIterator"], Is.Null);
            Assert.That(Keys(childRead), Is.EqualTo(new[] { "after" }));
            Assert.That(childRead["NextShardIterator"], Is.Not.Null);
        });
    }

    [Test]
    public async Task ChildShardsFilter_FindsTheChildOfTheNamedShard()
    {
        var arn = await CreateStreamTableAsync("items");
        Time.Advance(TimeSpan.FromHours(8));
        var shards = (await Streams.DescribeStreamAsync(arn))["Shards"]!.AsArray().Select(s => s!["ShardId"]!.GetValue<string>()).ToList();
        Assert.That(shards, Has.Count.EqualTo(3));

        async Task<List<string>> ChildrenAsync(string shard) =>
            (await Streams.CallAsync("DescribeStream", new JsonObject
            {
                ["StreamArn"] = arn,
                ["ShardFilter"] = new JsonObject { ["Type"] = "CHILD_SHARDS", ["ShardId"] = shard },
            }))["StreamDescription"]!["Shards"]!.AsArray().Select(s => s!["ShardId"]!.GetValue<string>()).ToList();

        Assert.That(await ChildrenAsync(shards[0]), Is.EqualTo(new[] { shards[1] }));
        Assert.That(await ChildrenAsync(shards[1]), Is.EqualTo(new[] { shards[2] }));
        Assert.That(await ChildrenAsync(shards[2]), Is.Empty);
        await Streams.FailsAsync("DescribeStream", new JsonObject
        {
            ["StreamArn"] = arn,
            ["ShardFilter"] = new JsonObject { ["Type"] = "PARENT_SHARDS", ["ShardId"] = shards[0] },
        }, "ValidationException",
            "1 validation error detected: Value 'PARENT_SHARDS' at 'shardFilter.type' failed to satisfy constraint: Member must satisfy enum value set: [CHILD_SHARDS]");
    }

    [Test]
    public async Task DescribeStream_PagesShardsWithLimitAndLastEvaluatedShardId()
    {
        var arn = await CreateStreamTableAsync("items");
        Time.Advance(TimeSpan.FromHours(8));

        var first = (await Streams.CallAsync("DescribeStream", new JsonObject { ["StreamArn"] = arn, ["Limit"] = 2 }))["StreamDescription"]!;
        var last = first["LastEvaluatedShardId"]!.GetValue<string>();
        var rest = (await Streams.CallAsync("DescribeStream", new JsonObject { ["StreamArn"] = arn, ["ExclusiveStartShardId"] = last }))["StreamDescription"]!;
        Assert.Multiple(() =>
        {
            Assert.That(first["Shards"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(last, Is.EqualTo(first["Shards"]![1]!["ShardId"]!.GetValue<string>()));
            Assert.That(rest["Shards"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(rest["LastEvaluatedShardId"], Is.Null);
        });
    }

    [Test]
    public async Task ClosedShard_Disappears24HoursAfterItClosed()
    {
        var arn = await CreateStreamTableAsync("items");
        await Ddb.PutItemAsync("items", Item(("pk", S("a"))));
        var first = await Streams.ShardIdAsync(arn);

        Time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Assert.That(await Streams.ShardIdAsync(arn), Is.EqualTo(first));
        Time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(await Streams.ShardIdAsync(arn), Is.Not.EqualTo(first));
        await Streams.FailsAsync("GetShardIterator", new JsonObject { ["StreamArn"] = arn, ["ShardId"] = first, ["ShardIteratorType"] = "TRIM_HORIZON" },
            "ResourceNotFoundException", "Requested resource not found: Shard does not exist");
    }

    [Test]
    public async Task ALongJump_LeavesTheShardsOfTheLastDayInOneLineage()
    {
        var arn = await CreateStreamTableAsync("items");
        Time.Advance(TimeSpan.FromHours(48));

        var shards = (await Streams.DescribeStreamAsync(arn))["Shards"]!.AsArray();
        // Opened at 24 h, 28 h, ... 44 h (closed less than a day ago) and the one open since 48 h.
        Assert.That(shards, Has.Count.EqualTo(7));
        Assert.That(shards[0]!["ParentShardId"], Is.Not.Null);
        for (var i = 1; i < shards.Count; i++)
        {
            Assert.That(shards[i]!["ParentShardId"]!.GetValue<string>(), Is.EqualTo(shards[i - 1]!["ShardId"]!.GetValue<string>()));
        }
        Assert.That(shards[^1]!["SequenceNumberRange"]!["EndingSequenceNumber"], Is.Null);
    }

    [Test]
    public async Task DisablingTheStream_ClosesItsOpenShard()
    {
        var arn = await CreateStreamTableAsync("items");
        Time.Advance(TimeSpan.FromHours(5));
        await Ddb.UpdateTableAsync(new Amazon.DynamoDBv2.Model.UpdateTableRequest
        {
            TableName = "items",
            StreamSpecification = new Amazon.DynamoDBv2.Model.StreamSpecification { StreamEnabled = false },
        });
        Time.Advance(TimeSpan.FromHours(8));

        var description = await Streams.DescribeStreamAsync(arn);
        Assert.That(description["StreamStatus"]!.GetValue<string>(), Is.EqualTo("DISABLED"));
        Assert.That(description["Shards"]!.AsArray().Select(s => s!["SequenceNumberRange"]!["EndingSequenceNumber"]), Has.All.Not.Null);
        Assert.That(description["Shards"]!.AsArray(), Has.Count.EqualTo(2));
    }

    private async Task<JsonObject> ReadShardAsync(string arn, string shard) =>
        await Streams.GetRecordsAsync(await Streams.IteratorAsync(arn, shardId: shard));

    private static IEnumerable<string> Keys(JsonObject read) =>
        read["Records"]!.AsArray().Select(r => r!["dynamodb"]!["Keys"]!["pk"]!["S"]!.GetValue<string>());
}

/// <summary>A stream whose shard never rolls over, when the rollover period is turned off.</summary>
public class StreamWithoutRolloverTests(DynamoDbPath path) : StreamsTestBase(path)
{
    protected override FakeAwsOptions Options(FakeAwsOptions options)
    {
        options.DynamoDb.StreamShardRolloverPeriod = null;
        return options;
    }

    [Test]
    public async Task TheOneShard_StaysOpenForADay()
    {
        var arn = await CreateStreamTableAsync("items");
        Time.Advance(TimeSpan.FromHours(23));

        var shards = (await Streams.DescribeStreamAsync(arn))["Shards"]!.AsArray();
        Assert.That(shards, Has.Count.EqualTo(1));
        Assert.That(shards[0]!["SequenceNumberRange"]!["EndingSequenceNumber"], Is.Null);
    }
}
