using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FakeAws.DynamoDb;
using FakeAws.Engine.Core;
using EngineDb = FakeAws.Engine.DynamoDb;
using EngineModel = FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Benchmarks;

/// <summary>
/// Query of one page of 100 items from the middle of a partition of <see cref="Items"/> items, through
/// the engine and through the official client. The floor, measured in the same run, is a binary search
/// in a sorted array followed by copying the 100 items to SDK values. The cost should grow with
/// log(<see cref="Items"/>) only: the query seeks, it never walks the items before the page.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class QueryBenchmarks
{
    private const string Table = "query-bench";
    private const int PageSize = 100;

    private FakeAwsCloud _fast = null!;
    private FakeAwsCloud _wire = null!;
    private AmazonDynamoDBClient _fastClient = null!;
    private AmazonDynamoDBClient _wireClient = null!;
    private QueryRequest _request = null!;
    private EngineModel.QueryInput _engineInput = null!;
    private RequestScope _scope;
    private int[] _sortKeys = null!;
    private Dictionary<string, EngineDb.AttributeValue>[] _sorted = null!;

    [Params(1_000, 100_000, 1_000_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var pk = EngineDb.AttributeValue.FromS("partition");
        _sorted = new Dictionary<string, EngineDb.AttributeValue>[Items];
        _sortKeys = new int[Items];
        _fast = new FakeAwsCloud();
        _wire = new FakeAwsCloud(new FakeAwsOptions { DynamoDb = { UseWirePath = true } });
        DynamoDbBenchmarkTables.Create(_fast, Table, ranged: true);
        DynamoDbBenchmarkTables.Create(_wire, Table, ranged: true);
        // Inserted in a scrambled order, as real data arrives.
        for (var n = 0; n < Items; n++)
        {
            var i = (int)((n * 2654435761L) % Items);
            var item = DynamoDbBenchmarkTables.Item(pk, i, ranged: true);
            DynamoDbBenchmarkTables.Put(_fast, Table, item);
            DynamoDbBenchmarkTables.Put(_wire, Table, item);
            _sorted[i] = item;
            _sortKeys[i] = i;
        }
        _fastClient = _fast.CreateClient<AmazonDynamoDBClient>();
        _wireClient = _wire.CreateClient<AmazonDynamoDBClient>();
        var from = (Items / 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _request = new QueryRequest
        {
            TableName = Table,
            KeyConditionExpression = "pk = :p AND sk >= :from",
            ExpressionAttributeValues = new() { [":p"] = new AttributeValue { S = "partition" }, [":from"] = new AttributeValue { N = from } },
            Limit = PageSize,
        };
        _engineInput = new EngineModel.QueryInput
        {
            TableName = Table,
            KeyConditionExpression = "pk = :p AND sk >= :from",
            ExpressionAttributeValues = new() { [":p"] = pk, [":from"] = EngineDb.AttributeValue.FromN(from) },
            Limit = PageSize,
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

    [Benchmark(Baseline = true, Description = "Floor: binary search in a sorted array + copy 100 items to SDK values")]
    public List<Dictionary<string, AttributeValue>> SortedArrayFloor()
    {
        var start = Array.BinarySearch(_sortKeys, Items / 2);
        var page = new List<Dictionary<string, AttributeValue>>(PageSize);
        for (var i = start; i < start + PageSize && i < _sorted.Length; i++)
        {
            page.Add(SdkAttributeValues.ToSdk(_sorted[i]));
        }
        return page;
    }

    [Benchmark(Description = "Engine Query")]
    public object Engine() => _fast.DynamoDb.Query(_scope, _engineInput);

    [Benchmark(Description = "Official client, fast path")]
    public Task<QueryResponse> FastPath() => _fastClient.QueryAsync(_request);

    [Benchmark(Description = "Official client, wire path")]
    public Task<QueryResponse> WirePath() => _wireClient.QueryAsync(_request);
}
