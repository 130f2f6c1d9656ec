using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FakeAws.Tests.Core;

namespace FakeAws.Tests.Testing;

/// <summary>The call log keeps the most recent calls, says how many it let go, and costs one small object per call.</summary>
public class CallLogTests
{
    private static async Task ListTablesAsync(FakeAwsCloud aws, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await aws.CallAsync("dynamodb", "ListTables");
        }
    }

    [Test]
    public void ByDefault_TheLogKeepsTheLast1000Calls()
    {
        using var aws = new FakeAwsCloud();

        Assert.That((aws.Calls.Capacity, aws.Options.CallLogCapacity, CallLog.DefaultCapacity), Is.EqualTo((1000, 1000, 1000)));
        Assert.That((aws.Calls.Count, aws.Calls.Dropped), Is.EqualTo((0, 0L)));
    }

    [Test]
    public async Task AFullLog_KeepsTheMostRecentCalls_InOrder_AndCountsThoseItDropped()
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { CallLogCapacity = 3 });
        for (var i = 0; i < 5; i++)
        {
            await aws.CallAsync("dynamodb", "ListTables", new { ExclusiveStartTableName = $"table{i}" });
        }

        Assert.That((aws.Calls.Count, aws.Calls.Dropped), Is.EqualTo((3, 2L)));
        Assert.That(aws.Calls.Select(c => c.Request["ExclusiveStartTableName"]!.GetValue<string>()), Is.EqualTo(new[] { "table2", "table3", "table4" }));
        Assert.That(aws.Calls[0].Request["ExclusiveStartTableName"]!.GetValue<string>(), Is.EqualTo("table2"));
        Assert.That(aws.Calls[2].Request["ExclusiveStartTableName"]!.GetValue<string>(), Is.EqualTo("table4"));
        Assert.That(() => aws.Calls[3], Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(aws.Calls.Of("dynamodb", "ListTables"), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Clear_ForgetsTheCalls_AndTheCountOfThoseDropped()
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { CallLogCapacity = 2 });
        await ListTablesAsync(aws, 5);

        aws.Calls.Clear();
        Assert.That((aws.Calls.Count, aws.Calls.Dropped), Is.EqualTo((0, 0L)));

        await ListTablesAsync(aws, 1);
        Assert.That((aws.Calls.Count, aws.Calls.Dropped), Is.EqualTo((1, 0L)));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void ACapacityBelowOne_IsRefused(int capacity) =>
        Assert.That(() => new FakeAwsCloud(new FakeAwsOptions { CallLogCapacity = capacity }), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [TestCase(100_000, 16_000, 0)]
    [TestCase(1_500, 1_500, 14_500)]
    public async Task CallsFromManyThreads_AreEachKeptOnce_InOrderOfArrival(int capacity, int kept, long dropped)
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { CallLogCapacity = capacity });
        await CreateTableAsync(aws);
        aws.Calls.Clear();
        using var ddb = aws.CreateClient<AmazonDynamoDBClient>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                await ddb.PutItemAsync("items", new() { ["pk"] = new AttributeValue($"{t}-{i}") });
            }
        })));

        var calls = aws.Calls.ToList();
        Assert.That((calls.Count, aws.Calls.Count, aws.Calls.Dropped), Is.EqualTo((kept, kept, dropped)));
        Assert.That(calls.Distinct().Count(), Is.EqualTo(kept));
        // Each thread's puts arrive in the order it made them.
        var keys = calls.Select(c => c.Request["Item"]!["pk"]!["S"]!.GetValue<string>().Split('-')).ToList();
        foreach (var thread in keys.GroupBy(k => k[0]))
        {
            var numbers = thread.Select(k => int.Parse(k[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.That(numbers, Is.Ordered.Ascending.And.Unique);
            Assert.That(numbers[^1], Is.EqualTo(1_999));
        }
    }

    [Test]
    public void Recording_AddsOneCallRecordPerCall_AndAFullLogAllocatesNothingMore()
    {
        using var recording = new FakeAwsCloud(new FakeAwsOptions { CallLogCapacity = 10 });
        using var silent = new FakeAwsCloud(new FakeAwsOptions { RecordCalls = false });
        var request = new GetItemRequest { TableName = "items", Key = new() { ["pk"] = new AttributeValue("a") } };

        var recorded = AllocatedPerGetItem(recording, request);
        var unrecorded = AllocatedPerGetItem(silent, request);
        var call = recording.Calls[0];
        var record = Allocations.PerCall(() => new AwsCall(call.Service, call.Operation, new(call.AccountId, call.Region), call.Time, call.Input, System.Text.Json.JsonSerializerOptions.Default));

        Assert.That(recording.Calls.Dropped, Is.GreaterThan(0), "the log was full while it was measured");
        Assert.That(recorded - unrecorded, Is.EqualTo(record), $"bytes per call: recording adds the {record}-byte record and nothing else");
        // The log keeps a call past garbage collections, so a record holds only what every call needs (it was 168 bytes).
        Assert.That(record, Is.EqualTo(104), "bytes of one record");
    }

    private static async Task CreateTableAsync(FakeAwsCloud aws)
    {
        using var ddb = aws.CreateClient<AmazonDynamoDBClient>();
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "items",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        });
    }

    private static long AllocatedPerGetItem(FakeAwsCloud aws, GetItemRequest request)
    {
        CreateTableAsync(aws).GetAwaiter().GetResult();
        using var ddb = aws.CreateClient<AmazonDynamoDBClient>();
        ddb.PutItemAsync("items", new() { ["pk"] = new AttributeValue("a"), ["n"] = new AttributeValue { N = "1" } }).GetAwaiter().GetResult();
        // The fast path answers synchronously, so the calls allocate on this thread.
        return Allocations.PerCall(() => ddb.GetItemAsync(request).GetAwaiter().GetResult());
    }
}
