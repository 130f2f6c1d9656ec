using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using EngineDb = FakeAws.Engine.DynamoDb;

namespace FakeAws.Benchmarks;

/// <summary>
/// What call recording costs the GetItem fast path (recording on, the default, against off, in the same
/// run), and what a 10,000-item fixture costs to snapshot and to restore, against building it again.
/// </summary>
[MemoryDiagnoser]
public class SuperpowersBenchmarks
{
    private const int FixtureItems = 10_000;
    private const string Table = "bench";

    private FakeAwsCloud _recording = null!;
    private FakeAwsCloud _silent = null!;
    private AmazonDynamoDBClient _recordingClient = null!;
    private AmazonDynamoDBClient _silentClient = null!;
    private GetItemRequest _request = null!;
    private FakeAwsCloud _fixture = null!;
    private FakeAwsCloud _target = null!;
    private CloudSnapshot _snapshot = null!;

    [GlobalSetup]
    public void Setup()
    {
        _recording = new FakeAwsCloud();
        _silent = new FakeAwsCloud(new FakeAwsOptions { RecordCalls = false });
        foreach (var cloud in new[] { _recording, _silent })
        {
            DynamoDbBenchmarkTables.Create(cloud, Table, ranged: false);
            DynamoDbBenchmarkTables.Put(cloud, Table, DynamoDbBenchmarkTables.Item(EngineDb.AttributeValue.FromS("item#1"), 1, ranged: false));
        }
        _recordingClient = _recording.CreateClient<AmazonDynamoDBClient>();
        _silentClient = _silent.CreateClient<AmazonDynamoDBClient>();
        _request = new GetItemRequest { TableName = Table, Key = new() { ["pk"] = new AttributeValue { S = "item#1" } } };

        _fixture = new FakeAwsCloud();
        Fill(_fixture);
        _snapshot = _fixture.Snapshot();
        _target = new FakeAwsCloud();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _recordingClient.Dispose();
        _silentClient.Dispose();
        _recording.Dispose();
        _silent.Dispose();
        _fixture.Dispose();
        _target.Dispose();
    }

    private static void Fill(FakeAwsCloud cloud)
    {
        DynamoDbBenchmarkTables.Create(cloud, Table, ranged: false);
        for (var i = 0; i < FixtureItems; i++)
        {
            DynamoDbBenchmarkTables.Put(cloud, Table, DynamoDbBenchmarkTables.Item(EngineDb.AttributeValue.FromS($"item#{i}"), i, ranged: false));
        }
    }

    [Benchmark(Baseline = true, Description = "GetItem, fast path, recording off")]
    public Task<GetItemResponse> GetItemSilent() => _silentClient.GetItemAsync(_request);

    [Benchmark(Description = "GetItem, fast path, recording on (default)")]
    public Task<GetItemResponse> GetItemRecorded() => _recordingClient.GetItemAsync(_request);

    [Benchmark(Description = "Restore a 10,000-item fixture")]
    public void Restore() => _target.Restore(_snapshot);

    [Benchmark(Description = "Snapshot a 10,000-item fixture")]
    public CloudSnapshot Snapshot() => _fixture.Snapshot();

    [Benchmark(Description = "Floor: build the 10,000-item fixture again (Reset, CreateTable, 10,000 engine PutItems)")]
    public void Rebuild()
    {
        _target.Reset();
        Fill(_target);
    }
}
