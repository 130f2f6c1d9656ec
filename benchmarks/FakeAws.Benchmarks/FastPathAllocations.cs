using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using FakeAws.DynamoDb;
using FakeAws.Engine.Core;
using EngineDb = FakeAws.Engine.DynamoDb;

namespace FakeAws.Benchmarks;

/// <summary>
/// Where the fast path's bytes go, step by step, for GetItem, Query, UpdateItem and TransactWriteItems,
/// counted with <see cref="GC.GetAllocatedBytesForCurrentThread"/> (exact, whatever the machine's load):
/// <c>dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- fastpath-allocations</c>.
/// Every step runs with recording off except the row that says it is on.
/// </summary>
internal static class FastPathAllocations
{
    private const string Table = "bench";
    private const string Partitioned = "bench-query";

    public static void Run()
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { RecordCalls = false });
        DynamoDbBenchmarkTables.Create(aws, Table, ranged: false);
        for (var i = 0; i < 100; i++)
        {
            DynamoDbBenchmarkTables.Put(aws, Table, DynamoDbBenchmarkTables.Item(EngineDb.AttributeValue.FromS($"item#{i}"), i, ranged: false));
        }
        DynamoDbBenchmarkTables.Create(aws, Partitioned, ranged: true);
        for (var i = 0; i < 1_000; i++)
        {
            DynamoDbBenchmarkTables.Put(aws, Partitioned, DynamoDbBenchmarkTables.Item(EngineDb.AttributeValue.FromS("partition"), i, ranged: true));
        }
        using var client = aws.CreateClient<AmazonDynamoDBClient>();

        Breakdown(aws, client, "GetItem", new GetItemRequest { TableName = Table, Key = new() { ["pk"] = new AttributeValue { S = "item#1" } } },
            request => client.GetItemAsync(request));
        Breakdown(aws, client, "Query (a page of 100 items)", new QueryRequest
        {
            TableName = Partitioned,
            KeyConditionExpression = "pk = :p AND sk >= :from",
            ExpressionAttributeValues = new() { [":p"] = new AttributeValue { S = "partition" }, [":from"] = new AttributeValue { N = "500" } },
            Limit = 100,
        }, request => client.QueryAsync(request));
        Breakdown(aws, client, "UpdateItem (SET n = n + :one if the item exists)", Update("item#1"), request => client.UpdateItemAsync(request));
        Breakdown(aws, client, "TransactWriteItems (10 such updates)", new TransactWriteItemsRequest
        {
            TransactItems = Enumerable.Range(0, 10).Select(i => new TransactWriteItem
            {
                Update = new Update
                {
                    TableName = Table,
                    Key = new() { ["pk"] = new AttributeValue { S = $"item#{i * 7}" } },
                    UpdateExpression = "SET n = n + :one",
                    ConditionExpression = "attribute_exists(pk)",
                    ExpressionAttributeValues = new() { [":one"] = new AttributeValue { N = "1" } },
                },
            }).ToList(),
        }, request => client.TransactWriteItemsAsync(request));

        Console.WriteLine("| The response envelope | Allocated per call |");
        Console.WriteLine("|---|---:|");
        Row("the request id", () => aws.DynamoDbRequestIds.Next());
        Row("the response's ResponseMetadata", () => new ResponseMetadata { RequestId = "id" });
    }

    private static UpdateItemRequest Update(string key) => new()
    {
        TableName = Table,
        Key = new() { ["pk"] = new AttributeValue { S = key } },
        UpdateExpression = "SET n = n + :one",
        ConditionExpression = "attribute_exists(pk)",
        ExpressionAttributeValues = new() { [":one"] = new AttributeValue { N = "1" } },
    };

    private static void Breakdown<TRequest, TResponse>(FakeAwsCloud aws, AmazonDynamoDBClient client, string title, TRequest request, Func<TRequest, Task<TResponse>> call)
        where TRequest : AmazonWebServiceRequest
    {
        var name = typeof(TRequest).Name[..^"Request".Length];
        Assert(aws.DynamoDbWire.Operations.TryGet(name, out var operation), name);
        var toInput = DynamoDbSdkMapping.Mapper.Converter(typeof(TRequest), operation.Model.InputType!);
        var toResponse = DynamoDbSdkMapping.Mapper.Converter(operation.Model.OutputType!, typeof(TResponse));
        var scope = new RequestScope(aws.Options.AccountId, aws.Options.Region);
        var input = toInput(request)!;
        var output = operation.ExecuteAsync(scope, input, default).GetAwaiter().GetResult()!;

        Console.WriteLine($"| {title} | Allocated per call |");
        Console.WriteLine("|---|---:|");
        Row("the whole call through AmazonDynamoDBClient", () => call(request).GetAwaiter().GetResult());
        aws.Calls.Enabled = true;
        Row("the whole call, recording on (the default)", () => call(request).GetAwaiter().GetResult());
        aws.Calls.Enabled = false;
        Row("of which the fast path (DynamoDbFastPath.TryInvokeAsync)", () => aws.DynamoDbFastPath.TryInvokeAsync(request, client.Config, default).GetAwaiter().GetResult());
        Row("copy the SDK request to the engine's input", () => toInput(request));
        Row("the operation (validation and the engine, which allocate the same)", () => operation.ExecuteAsync(scope, input, default).GetAwaiter().GetResult());
        Row("copy the output to the SDK response", () => toResponse(output));
        Console.WriteLine();
    }

    private static void Assert(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"No operation {what}.");
        }
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
