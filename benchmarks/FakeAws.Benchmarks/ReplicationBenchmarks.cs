using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EngineModel = FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Benchmarks;

/// <summary>
/// What replication costs a write: a PutItem through the official client (fast path) to an on-demand
/// regional table, against the same PutItem to a global table with one replica, in the same run. Each
/// write is followed by <c>RunUntilIdleAsync</c>, so the global table's cost includes delivering the
/// write to the other region (and the stream record a global table keeps); the regional table pays the
/// same call, with nothing to run. The keys cycle through 1,000 items, so both tables stay the same size.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ReplicationBenchmarks
{
    private const int Keys = 1_000;

    private FakeAwsCloud _cloud = null!;
    private AmazonDynamoDBClient _client = null!;
    private PutItemRequest[] _regional = null!;
    private PutItemRequest[] _global = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _cloud = new FakeAwsCloud();
        DynamoDbBenchmarkTables.Create(_cloud, "regional", ranged: false);
        DynamoDbBenchmarkTables.Create(_cloud, "global", ranged: false);
        _cloud.DynamoDb.UpdateTable(DynamoDbBenchmarkTables.Scope(_cloud), new EngineModel.UpdateTableInput
        {
            TableName = "global",
            ReplicaUpdates = [new EngineModel.ReplicationGroupUpdate { Create = new EngineModel.CreateReplicationGroupMemberAction { RegionName = "eu-west-1" } }],
        });
        _client = _cloud.CreateClient<AmazonDynamoDBClient>();
        _regional = Requests("regional");
        _global = Requests("global");
    }

    private static PutItemRequest[] Requests(string table) => Enumerable.Range(0, Keys).Select(i => new PutItemRequest
    {
        TableName = table,
        Item = new()
        {
            ["pk"] = new AttributeValue { S = $"item#{i}" },
            ["name"] = new AttributeValue { S = $"Item number {i}" },
            ["n"] = new AttributeValue { N = i.ToString(CultureInfo.InvariantCulture) },
        },
    }).ToArray();

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _cloud.Dispose();
    }

    [Benchmark(Baseline = true, Description = "PutItem, regional table, then RunUntilIdle")]
    public async Task Regional()
    {
        await _client.PutItemAsync(_regional[_next++ % Keys]);
        await _cloud.RunUntilIdleAsync();
    }

    [Benchmark(Description = "PutItem, table with one replica, then RunUntilIdle (replicated)")]
    public async Task OneReplica()
    {
        await _client.PutItemAsync(_global[_next++ % Keys]);
        await _cloud.RunUntilIdleAsync();
    }
}
