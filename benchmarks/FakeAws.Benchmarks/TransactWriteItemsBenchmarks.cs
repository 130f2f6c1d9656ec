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
    private FakeAwsCloud _fast = null!;
    private FakeAwsCloud _wire = null!;
    private AmazonDynamoDBClient _fastClient = null!;
    private AmazonDynamoDBClient _wireClient = null!;
    private Dictionary<string, Dictionary<string, EngineDb.AttributeValue>> _dictionary = null!;
    private TransactWriteItemsRequest _request = null!;
    private EngineModel.TransactWriteItemsInput _engineInput = null!;
    private RequestScope _scope;

    [GlobalSetup]
    public void Setup()
    {
        _fast = new FakeAwsCloud();
        _wire = new FakeAwsCloud(new FakeAwsOptions { UseDynamoDbWirePath = true });
        DynamoDbBenchmarkTables.Create(_fast, Table, ranged: false);
        DynamoDbBenchmarkTables.Create(_wire, Table, ranged: false);
        _dictionary = [];
        for (var i = 0; i < Items; i++)
        {
            var item = DynamoDbBenchmarkTables.Item(EngineDb.AttributeValue.FromS($"item#{i}"), i, ranged: false);
            DynamoDbBenchmarkTables.Put(_fast, Table, item);
            DynamoDbBenchmarkTables.Put(_wire, Table, item);
            _dictionary[$"item#{i}"] = item;
        }
        _fastClient = _fast.CreateClient<AmazonDynamoDBClient>();
        _wireClient = _wire.CreateClient<AmazonDynamoDBClient>();
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
        _scope = DynamoDbBenchmarkTables.Scope(_fast);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _fastClient.Dispose();
        _wireClient.Dispose();
        _fast.Dispose();
        _wire.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Floor: 10 × (Dictionary lookup + copy with the new number), under one lock")]
    public int DictionaryFloor()
    {
        var one = EngineDb.DynamoNumber.Parse("1");
        lock (_floorGate)
        {
            for (var i = 0; i < Actions; i++)
            {
                var key = $"item#{i * 997}";
                var item = new Dictionary<string, EngineDb.AttributeValue>(_dictionary[key]);
                item["n"] = EngineDb.AttributeValue.FromNumber(item["n"].Number + one);
                _dictionary[key] = item;
            }
        }
        return Actions;
    }

    [Benchmark(Description = "Engine TransactWriteItems")]
    public object Engine() => _fast.DynamoDb.TransactWriteItems(_scope, _engineInput);

    [Benchmark(Description = "Official client, fast path")]
    public Task<TransactWriteItemsResponse> FastPath() => _fastClient.TransactWriteItemsAsync(_request);

    [Benchmark(Description = "Official client, wire path")]
    public Task<TransactWriteItemsResponse> WirePath() => _wireClient.TransactWriteItemsAsync(_request);
}
