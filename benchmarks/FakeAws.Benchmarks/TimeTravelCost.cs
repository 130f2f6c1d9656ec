using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Benchmarks;

/// <summary>
/// Issue #22's "time travel at scale", measured: a table with point-in-time recovery, a NEW_AND_OLD_IMAGES
/// stream and Time to Live, 10,000 items each written twice through the official client to expire a day
/// later (as <c>TimeTravelAtScaleTests</c> writes them), then the clock advanced 3,653 days at once. Prints
/// the heap after a full collection before the writes, after them and after the advance, and how long the
/// advance took, with call recording on (the default: the cloud keeps its last 1,000 calls) and off:
/// <c>dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- time-travel-cost</c>.
/// </summary>
internal static class TimeTravelCost
{
    private const int Items = 10_000;
    private const string Table = "history";

    public static void Run()
    {
        Console.WriteLine("| Call recording | Heap before the writes (cloud, client, table) | After 20,000 writes | After advancing 3,653 days | The advance took | Items left |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var recording in new[] { true, false })
        {
            Console.WriteLine(Measure(recording));
        }
    }

    private static string Measure(bool recording)
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { RecordCalls = recording });
        using var client = aws.CreateClient<AmazonDynamoDBClient>();
        client.CreateTableAsync(new CreateTableRequest
        {
            TableName = Table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        }).GetAwaiter().GetResult();
        aws.RunUntilIdleAsync().GetAwaiter().GetResult();
        client.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
        {
            TableName = Table,
            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true, RecoveryPeriodInDays = 35 },
        }).GetAwaiter().GetResult();
        client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = Table,
            TimeToLiveSpecification = new TimeToLiveSpecification { Enabled = true, AttributeName = "expires" },
        }).GetAwaiter().GetResult();
        aws.Clock.Advance(TimeSpan.FromMinutes(1));
        var empty = GC.GetTotalMemory(forceFullCollection: true);

        var expires = aws.Clock.GetUtcNow().AddDays(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        for (var version = 0; version < 2; version++)
        {
            for (var i = 0; i < Items; i++)
            {
                client.PutItemAsync(Table, new Dictionary<string, AttributeValue>
                {
                    ["pk"] = new() { S = $"k{i}" },
                    ["v"] = new() { N = version.ToString(CultureInfo.InvariantCulture) },
                    ["expires"] = new() { N = expires },
                }).GetAwaiter().GetResult();
            }
        }
        var written = GC.GetTotalMemory(forceFullCollection: true);

        var advance = Stopwatch.StartNew();
        aws.Clock.Advance(TimeSpan.FromDays(3653));
        advance.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var left = client.ScanAsync(new ScanRequest { TableName = Table, Select = Select.COUNT }).GetAwaiter().GetResult().Count;

        return $"| {(recording ? "on" : "off")} | {empty:N0} B | {written:N0} B | {after:N0} B | {advance.Elapsed.TotalMilliseconds:N0} ms | {left} |";
    }
}
