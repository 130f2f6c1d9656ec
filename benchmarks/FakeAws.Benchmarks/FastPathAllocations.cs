using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using FakeAws.Engine.Core;
using EngineDb = FakeAws.Engine.DynamoDb;
using EngineModel = FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Benchmarks;

/// <summary>
/// Where the GetItem fast path's bytes go, step by step, counted with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> (exact, whatever the machine's load), recording off:
/// <c>dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- fastpath-allocations</c>.
/// </summary>
internal static class FastPathAllocations
{
    public static void Run()
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { RecordCalls = false });
        DynamoDbBenchmarkTables.Create(aws, "bench", ranged: false);
        DynamoDbBenchmarkTables.Put(aws, "bench", DynamoDbBenchmarkTables.Item(EngineDb.AttributeValue.FromS("item#1"), 1, ranged: false));
        using var client = aws.CreateClient<AmazonDynamoDBClient>();
        var request = new GetItemRequest { TableName = "bench", Key = new() { ["pk"] = new AttributeValue { S = "item#1" } } };
        var toInput = FakeAws.DynamoDb.DynamoDbSdkMapping.Mapper.Converter(typeof(GetItemRequest), typeof(EngineModel.GetItemInput));
        var toResponse = FakeAws.DynamoDb.DynamoDbSdkMapping.Mapper.Converter(typeof(EngineModel.GetItemOutput), typeof(GetItemResponse));
        var scope = new RequestScope(aws.Options.AccountId, aws.Options.Region);
        var input = (EngineModel.GetItemInput)toInput(request)!;
        var output = aws.DynamoDb.GetItem(scope, input);
        aws.DynamoDbWire.Operations.TryGet("GetItem", out var operation);

        Console.WriteLine("| Step | Allocated per call |");
        Console.WriteLine("|---|---:|");
        Row("AmazonDynamoDBClient.GetItemAsync, the whole call", () => client.GetItemAsync(request).GetAwaiter().GetResult());
        Row("of which the fast path (DynamoDbFastPath.TryInvokeAsync)", () => aws.DynamoDbFastPath.TryInvokeAsync(request, client.Config, default).GetAwaiter().GetResult());
        Row("copy the SDK request to the engine's input", () => toInput(request));
        Row("the operation: validation and the engine's GetItem", () => operation.ExecuteAsync(scope, input, default).GetAwaiter().GetResult());
        Row("the engine's GetItem alone", () => aws.DynamoDb.GetItem(scope, input));
        Row("copy the output to the SDK response (the item cloned)", () => toResponse(output));
        Row("the request id", () => aws.DynamoDbRequestIds.Next());
        Row("the response's ResponseMetadata", () => new ResponseMetadata { RequestId = "id" });
    }

    private static void Row(string step, Action call)
    {
        const int Calls = 1_000;
        for (var i = 0; i < Calls; i++)
        {
            call();
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            call();
        }
        Console.WriteLine($"| {step} | {(GC.GetAllocatedBytesForCurrentThread() - before) / Calls:N0} B |");
    }
}
