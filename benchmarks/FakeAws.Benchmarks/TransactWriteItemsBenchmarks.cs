using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FakeAws.Engine.Core;
using EngineDb = FakeAws.Engine.DynamoDb;
using EngineModel = FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Benchmarks;

/// <summary>
/// TransactWriteItems of 10 conditional updates (<c>SET n = n + :one</c> if the item exists) on a table
/// of 100,000 items. The floor, in the same run: ten dictionary lookups and item copies under one lock.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class TransactWriteItemsBenchmarks
{
    private const int Items = 100_000;
    private const int Actions = 10;
    private const string Table = "transact-bench";

    private readonly object _floorGate = new();
    private RouteClouds _clouds = null!;
    private TransactWriteItemsRequest _request = null!;
    private EngineModel.TransactWriteItemsInput _engineInput = null!;

    [GlobalSetup]
    public void Setup()
    {
        _clouds = new RouteClouds(Table, Items);
        var keys = Enumerable.Range(0, Actions).Select(i => $"item#{i * 997}").ToList();
        _request = new TransactWriteItemsRequest
        {
            TransactItems = keys.Select(key => new TransactWriteItem
            {
                Update = new Update
                {
                    TableName = Table,
                    Key = new() { ["pk"] = new AttributeValue { S = key } },
                    UpdateExpression = "SET n = n + :one",
                    ConditionExpression = "attribute_exists(pk)",
                    ExpressionAttributeValues = new() { [":one"] = new AttributeValue { N = "1" } },
                },
            }).ToList(),
        };
        _engineInput = new EngineModel.TransactWriteItemsInput
        {
            TransactItems = keys.Select(key => new EngineModel.TransactWriteItem
            {
                Update = new EngineModel.Update
                {
                    TableName = Table,
                    Key = new() { ["pk"] = EngineDb.AttributeValue.FromS(key) },
                    UpdateExpression = "SET n = n + :one",
                    ConditionExpression = "attribute_exists(pk)",
                    ExpressionAttributeValues = new() { [":one"] = EngineDb.AttributeValue.FromN("1") },
                },
            }).ToList(),
        };
    }

    [GlobalCleanup]
    public void Cleanup() => _clouds.Dispose();

    [Benchmark(Baseline = true, Description = "Floor: 10 × (Dictionary lookup + copy with the new number), under one lock")]
    public int DictionaryFloor()
    {
        var one = EngineDb.DynamoNumber.Parse("1");
        lock (_floorGate)
        {
            for (var i = 0; i < Actions; i++)
            {
                var key = $"item#{i * 997}";
                var item = new Dictionary<string, EngineDb.AttributeValue>(_clouds.Items[key]);
                item["n"] = EngineDb.AttributeValue.FromNumber(item["n"].Number + one);
                _clouds.Items[key] = item;
            }
        }
        return Actions;
    }

    [Benchmark(Description = "Engine TransactWriteItems")]
    public object Engine() => _clouds.Fast.DynamoDb.TransactWriteItems(_clouds.Scope, _engineInput);

    [Benchmark(Description = "Official client, fast path")]
    public Task<TransactWriteItemsResponse> FastPath() => _clouds.FastClient.TransactWriteItemsAsync(_request);

    [Benchmark(Description = "Official client, wire path")]
    public Task<TransactWriteItemsResponse> WirePath() => _clouds.WireClient.TransactWriteItemsAsync(_request);
}
