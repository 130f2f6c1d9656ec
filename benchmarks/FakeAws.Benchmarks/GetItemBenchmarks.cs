using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using BenchmarkDotNet.Attributes;
using FakeAws.DynamoDb;
using FakeAws.Engine.Core;
using EngineDb = FakeAws.Engine.DynamoDb;
using EngineModel = FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Benchmarks;

/// <summary>
/// The hot item-lookup path: GetItem of a small item from a table of 100,000 items, through every
/// route a test can take, against two floors measured in the same run: a plain dictionary lookup
/// that clones the item into SDK attribute values, and the SDK's own pipeline answering a canned response;
/// and a third between them and the fast path: the SDK's pipeline answered with the engine's item, the request
/// and the item copied by hand, which is the least work any real answer in the pipeline does. The fast path
/// divided by it is what FakeAws's own layers cost (routing, validation, recording, the request id).
/// </summary>
[MemoryDiagnoser]
public class GetItemBenchmarks
{
    private const int Items = 100_000;
    private const string Table = "bench";

    private FakeAwsCloud _fast = null!;
    private FakeAwsCloud _wire = null!;
    private AmazonDynamoDBClient _fastClient = null!;
    private AmazonDynamoDBClient _wireClient = null!;
    private IAmazonDynamoDB _daxClient = null!;
    private CannedDynamoDbClient _cannedClient = null!;
    private CannedDynamoDbClient _handWrittenClient = null!;
    private Dictionary<string, Dictionary<string, EngineDb.AttributeValue>> _dictionary = null!;
    private GetItemRequest _request = null!;
    private EngineModel.GetItemInput _engineInput = null!;
    private RequestScope _scope;

    [GlobalSetup]
    public void Setup()
    {
        _fast = Fill(new FakeAwsCloud());
        _wire = Fill(new FakeAwsCloud(new FakeAwsOptions { DynamoDb = { UseWirePath = true } }));
        _fastClient = _fast.CreateClient<AmazonDynamoDBClient>();
        _wireClient = _wire.CreateClient<AmazonDynamoDBClient>();
        _cannedClient = new CannedDynamoDbClient(new CannedHandler());
        _handWrittenClient = new CannedDynamoDbClient(new HandWrittenHandler(_fast));
        _dictionary = Enumerable.Range(0, Items).ToDictionary(i => $"user#{i}", i => SmallItem(i));
        _request = new GetItemRequest { TableName = Table, Key = new() { ["pk"] = new AttributeValue { S = "user#4242" } } };
        _engineInput = new EngineModel.GetItemInput { TableName = Table, Key = new() { ["pk"] = EngineDb.AttributeValue.FromS("user#4242") } };
        _scope = new RequestScope(_fast.Options.AccountId, _fast.Options.Region);
        // The clock never moves here, so after this first miss every DAX read is a hit of the item cache.
        _fast.Dax.CreateCluster("bench");
        _daxClient = _fast.Dax.CreateClient("bench");
        _daxClient.GetItemAsync(_request).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _fastClient.Dispose();
        _cannedClient.Dispose();
        _handWrittenClient.Dispose();
        _wireClient.Dispose();
        _daxClient.Dispose();
        _fast.Dispose();
        _wire.Dispose();
    }

    private static Dictionary<string, EngineDb.AttributeValue> SmallItem(int i) => new()
    {
        ["pk"] = EngineDb.AttributeValue.FromS($"user#{i}"),
        ["name"] = EngineDb.AttributeValue.FromS($"User number {i}"),
        ["age"] = EngineDb.AttributeValue.FromN((20 + i % 50).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ["active"] = EngineDb.AttributeValue.FromBool(i % 2 == 0),
    };

    private static FakeAwsCloud Fill(FakeAwsCloud cloud)
    {
        var scope = new RequestScope(cloud.Options.AccountId, cloud.Options.Region);
        cloud.DynamoDb.CreateTable(scope, new EngineModel.CreateTableInput
        {
            TableName = Table,
            BillingMode = "PAY_PER_REQUEST",
            KeySchema = [new EngineModel.KeySchemaElement { AttributeName = "pk", KeyType = "HASH" }],
            AttributeDefinitions = [new EngineModel.AttributeDefinition { AttributeName = "pk", AttributeType = "S" }],
        });
        for (var i = 0; i < Items; i++)
        {
            cloud.DynamoDb.PutItem(scope, new EngineModel.PutItemInput { TableName = Table, Item = SmallItem(i) });
        }
        return cloud;
    }

    [Benchmark(Baseline = true, Description = "Floor: Dictionary lookup + clone to SDK values")]
    public Dictionary<string, AttributeValue> DictionaryFloor() => SdkAttributeValues.ToSdk(_dictionary["user#4242"]);

    [Benchmark(Description = "Engine GetItem")]
    public object Engine() => _fast.DynamoDb.GetItem(_scope, _engineInput);

    [Benchmark(Description = "Floor: SDK pipeline, canned response")]
    public Task<GetItemResponse> SdkPipelineFloor() => _cannedClient.GetItemAsync(_request);

    [Benchmark(Description = "Floor: SDK pipeline, engine item copied by hand")]
    public Task<GetItemResponse> HandWrittenFloor() => _handWrittenClient.GetItemAsync(_request);

    [Benchmark(Description = "Official client, fast path")]
    public Task<GetItemResponse> FastPath() => _fastClient.GetItemAsync(_request);

    [Benchmark(Description = "Official client, wire path")]
    public Task<GetItemResponse> WirePath() => _wireClient.GetItemAsync(_request);

    [Benchmark(Description = "Official client through DAX, item-cache hit")]
    public Task<GetItemResponse> DaxCacheHit() => _daxClient.GetItemAsync(_request);

    /// <summary>A real DynamoDB client whose outermost pipeline handler answers every call itself.</summary>
    private sealed class CannedDynamoDbClient(PipelineHandler answer)
        : AmazonDynamoDBClient(new BasicAWSCredentials("a", "b"), new AmazonDynamoDBConfig { ServiceURL = "http://canned.invalid" })
    {
        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            base.CustomizeRuntimePipeline(pipeline);
            pipeline.AddHandler(answer);
        }
    }

    private sealed class CannedHandler : PipelineHandler
    {
        private static readonly GetItemResponse Response = new()
        {
            Item = new() { ["pk"] = new AttributeValue { S = "user#4242" } },
            HttpStatusCode = System.Net.HttpStatusCode.OK,
        };

        public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            executionContext.ResponseContext.Response = Response;
            return Task.FromResult((T)(AmazonWebServiceResponse)Response);
        }
    }

    /// <summary>
    /// Answers GetItem from the engine with none of FakeAws's layers: the key and the item copied by hand,
    /// no operation table, validation, recording, request id or response metadata.
    /// </summary>
    private sealed class HandWrittenHandler(FakeAwsCloud cloud) : PipelineHandler
    {
        private readonly RequestScope _scope = new(cloud.Options.AccountId, cloud.Options.Region);

        public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var request = (GetItemRequest)executionContext.RequestContext.OriginalRequest;
            var output = cloud.DynamoDb.GetItem(_scope, new EngineModel.GetItemInput { TableName = request.TableName, Key = SdkAttributeValues.ToEngine(request.Key) });
            var response = new GetItemResponse { Item = output.Item is null ? null : SdkAttributeValues.ToSdk(output.Item), HttpStatusCode = System.Net.HttpStatusCode.OK };
            executionContext.ResponseContext.Response = response;
            return Task.FromResult((T)(AmazonWebServiceResponse)response);
        }
    }
}
