using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FakeAws.Engine.Core;
using EngineDb = FakeAws.Engine.DynamoDb;
using EngineModel = FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Benchmarks;

/// <summary>
/// What keeping history costs a write: the engine's UpdateItem (<c>SET n = n + :one</c>) on a table of
/// 10,000 items with nothing on, with point-in-time recovery on, and with a NEW_AND_OLD_IMAGES stream.
/// The clock moves a second before each update, so every version stays inside the recovery window
/// and nothing is compacted away: the worst case for memory.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ChangeHistoryBenchmarks
{
    private const int Items = 10_000;
    private const string Table = "history-bench";

    private FakeAwsCloud _plain = null!;
    private FakeAwsCloud _recovery = null!;
    private FakeAwsCloud _stream = null!;
    private EngineModel.UpdateItemInput[] _inputs = null!;
    private RequestScope _scope;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _plain = Filled(recovery: false, stream: false);
        _recovery = Filled(recovery: true, stream: false);
        _stream = Filled(recovery: false, stream: true);
        _scope = DynamoDbBenchmarkTables.Scope(_plain);
        _inputs = Enumerable.Range(0, Items).Select(i => new EngineModel.UpdateItemInput
        {
            TableName = Table,
            Key = new() { ["pk"] = EngineDb.AttributeValue.FromS($"item#{i}") },
            UpdateExpression = "SET n = n + :one",
            ExpressionAttributeValues = new() { [":one"] = EngineDb.AttributeValue.FromN("1") },
        }).ToArray();
    }

    private static FakeAwsCloud Filled(bool recovery, bool stream)
    {
        var cloud = new FakeAwsCloud(new FakeAwsOptions { TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider() });
        DynamoDbBenchmarkTables.Create(cloud, Table, ranged: false);
        var scope = DynamoDbBenchmarkTables.Scope(cloud);
        if (stream)
        {
            cloud.DynamoDb.UpdateTable(scope, new EngineModel.UpdateTableInput
            {
                TableName = Table,
                StreamSpecification = new EngineModel.StreamSpecification { StreamEnabled = true, StreamViewType = "NEW_AND_OLD_IMAGES" },
            });
        }
        for (var i = 0; i < Items; i++)
        {
            DynamoDbBenchmarkTables.Put(cloud, Table, DynamoDbBenchmarkTables.Item(EngineDb.AttributeValue.FromS($"item#{i}"), i, ranged: false));
        }
        if (recovery)
        {
            cloud.DynamoDb.UpdateContinuousBackups(scope, new EngineModel.UpdateContinuousBackupsInput
            {
                TableName = Table,
                PointInTimeRecoverySpecification = new EngineModel.PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
            });
        }
        return cloud;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _recovery.Dispose();
        _stream.Dispose();
    }

    private object Update(FakeAwsCloud cloud)
    {
        cloud.Clock.Advance(TimeSpan.FromSeconds(1));
        return cloud.DynamoDb.UpdateItem(_scope, _inputs[_next++ % Items]);
    }

    [Benchmark(Baseline = true, Description = "UpdateItem, no history")]
    public object Plain() => Update(_plain);

    [Benchmark(Description = "UpdateItem, point-in-time recovery on")]
    public object Recovery() => Update(_recovery);

    [Benchmark(Description = "UpdateItem, NEW_AND_OLD_IMAGES stream on")]
    public object Stream() => Update(_stream);
}
