using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EngineDb = FakeAws.Engine.DynamoDb;

namespace FakeAws.Benchmarks;

/// <summary>
/// What call recording costs the GetItem fast path over a long run, in figures a busy machine does not
/// blur: bytes allocated per call, the collections per 1,000 calls and the process's CPU time per call
/// (the garbage collector's threads included), recording off against on, one run after the other in
/// one process: <c>dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- recording-cost</c>.
/// </summary>
internal static class RecordingCost
{
    private const int Calls = 1_000_000;
    private const string Table = "bench";

    public static void Run()
    {
        Console.WriteLine("| Recording | Allocated per call | Gen0 / Gen1 / Gen2 per 1,000 calls | GC pause per call | CPU per call |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        // Each case runs twice, the first as warm-up, and "off" runs again last to show the spread.
        foreach (var capacity in new int?[] { null, CallLog.DefaultCapacity, 2_000, 10_000, 100_000, null })
        {
            Measure(capacity);
            Console.WriteLine(Measure(capacity));
        }
    }

    private static string Measure(int? capacity)
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { RecordCalls = capacity is not null, CallLogCapacity = capacity ?? CallLog.DefaultCapacity });
        DynamoDbBenchmarkTables.Create(aws, Table, ranged: false);
        DynamoDbBenchmarkTables.Put(aws, Table, DynamoDbBenchmarkTables.Item(EngineDb.AttributeValue.FromS("item#1"), 1, ranged: false));
        using var client = aws.CreateClient<AmazonDynamoDBClient>();
        var request = new GetItemRequest { TableName = Table, Key = new() { ["pk"] = new AttributeValue { S = "item#1" } } };
        GC.Collect();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            client.GetItemAsync(request).GetAwaiter().GetResult();
        }
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)Calls;
        var cpuPerCall = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalNanoseconds / Calls;
        var pausePerCall = (GC.GetTotalPauseDuration() - pause).TotalNanoseconds / Calls;
        const double PerThousand = 1000.0 / Calls;
        return $"| {(capacity is { } c ? $"on, keeps {c:N0}" : "off")} | {bytes:N0} B | {(GC.CollectionCount(0) - gen0) * PerThousand:N3} / {(GC.CollectionCount(1) - gen1) * PerThousand:N3} / {(GC.CollectionCount(2) - gen2) * PerThousand:N3} | {pausePerCall:N0} ns | {cpuPerCall:N0} ns |";
    }
}
