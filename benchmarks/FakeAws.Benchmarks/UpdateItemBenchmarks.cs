using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FakeAws.Engine.Core;
using EngineDb = FakeAws.Engine.DynamoDb;
using EngineModel = FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Benchmarks;

/// <summary>
/// A conditional UpdateItem (<c>SET n = n + :one</c> if the item exists) on a table of 100,000 items.
/// The floor, in the same run, is what any in-memory store must do: a dictionary lookup, a copy of the
/// item with the new number, and storing it back, under a lock.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class UpdateItemBenchmarks
{
    private const int Items = 100_000;
    private const string Table = "update-bench";

    private readonly object _floorGate = new();
    private RouteClouds _clouds = null!;
    private UpdateItemRequest _request = null!;
    private EngineModel.UpdateItemInput _engineInput = null!;

    [GlobalSetup]
    public void Setup()
    {
        _clouds = new RouteClouds(Table, Items);
        _request = new UpdateItemRequest
        {
            TableName = Table,
            Key = new() { ["pk"] = new AttributeValue { S = "item#4242" } },
            UpdateExpression = "SET n = n + :one",
            ConditionExpression = "attribute_exists(pk)",
            ExpressionAttributeValues = new() { [":one"] = new AttributeValue { N = "1" } },
        };
        _engineInput = new EngineModel.UpdateItemInput
        {
            TableName = Table,
            Key = new() { ["pk"] = EngineDb.AttributeValue.FromS("item#4242") },
            UpdateExpression = "SET n = n + :one",
            ConditionExpression = "attribute_exists(pk)",
            ExpressionAttributeValues = new() { [":one"] = EngineDb.AttributeValue.FromN("1") },
        };
    }

    [GlobalCleanup]
    public void Cleanup() => _clouds.Dispose();

    [Benchmark(Baseline = true, Description = "Floor: Dictionary lookup + copy with the new number, under a lock")]
    public object DictionaryFloor()
    {
        lock (_floorGate)
        {
            var item = new Dictionary<string, EngineDb.AttributeValue>(_clouds.Items["item#4242"]);
            item["n"] = EngineDb.AttributeValue.FromNumber(item["n"].Number + EngineDb.DynamoNumber.Parse("1"));
            return _clouds.Items["item#4242"] = item;
        }
    }

    [Benchmark(Description = "Engine UpdateItem")]
    public object Engine() => _clouds.Fast.DynamoDb.UpdateItem(_clouds.Scope, _engineInput);

    [Benchmark(Description = "Official client, fast path")]
    public Task<UpdateItemResponse> FastPath() => _clouds.FastClient.UpdateItemAsync(_request);

    [Benchmark(Description = "Official client, wire path")]
    public Task<UpdateItemResponse> WirePath() => _clouds.WireClient.UpdateItemAsync(_request);
}
