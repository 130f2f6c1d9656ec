using System.Globalization;
using FakeAws.Engine.Core;
using EngineDb = FakeAws.Engine.DynamoDb;
using EngineModel = FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Benchmarks;

/// <summary>Tables the data-plane benchmarks share, filled through the engine so setup stays quick.</summary>
internal static class DynamoDbBenchmarkTables
{
    public static RequestScope Scope(FakeAwsCloud cloud) => new(cloud.Options.AccountId, cloud.Options.Region);

    /// <summary>A table keyed by pk (S) and, when <paramref name="ranged"/>, sk (N).</summary>
    public static void Create(FakeAwsCloud cloud, string table, bool ranged)
    {
        cloud.DynamoDb.CreateTable(Scope(cloud), new EngineModel.CreateTableInput
        {
            TableName = table,
            BillingMode = "PAY_PER_REQUEST",
            KeySchema = ranged
                ? [new EngineModel.KeySchemaElement { AttributeName = "pk", KeyType = "HASH" }, new EngineModel.KeySchemaElement { AttributeName = "sk", KeyType = "RANGE" }]
                : [new EngineModel.KeySchemaElement { AttributeName = "pk", KeyType = "HASH" }],
            AttributeDefinitions = ranged
                ? [new EngineModel.AttributeDefinition { AttributeName = "pk", AttributeType = "S" }, new EngineModel.AttributeDefinition { AttributeName = "sk", AttributeType = "N" }]
                : [new EngineModel.AttributeDefinition { AttributeName = "pk", AttributeType = "S" }],
        });
    }

    /// <summary>A small item: its key, a name and a counter.</summary>
    public static Dictionary<string, EngineDb.AttributeValue> Item(EngineDb.AttributeValue pk, int i, bool ranged)
    {
        var item = new Dictionary<string, EngineDb.AttributeValue>
        {
            ["pk"] = pk,
            ["name"] = EngineDb.AttributeValue.FromS($"Item number {i}"),
            ["n"] = EngineDb.AttributeValue.FromN((i % 1000).ToString(CultureInfo.InvariantCulture)),
        };
        if (ranged)
        {
            item["sk"] = EngineDb.AttributeValue.FromN(i.ToString(CultureInfo.InvariantCulture));
        }
        return item;
    }

    public static void Put(FakeAwsCloud cloud, string table, Dictionary<string, EngineDb.AttributeValue> item) =>
        cloud.DynamoDb.PutItem(Scope(cloud), new EngineModel.PutItemInput { TableName = table, Item = item });
}

/// <summary>
/// The same table of small items (keys <c>item#0</c>, <c>item#1</c>, ...) in two clouds, one answering
/// on the fast path and one over the wire, with a client for each, and the same items in a plain
/// dictionary for the floor.
/// </summary>
internal sealed class RouteClouds : IDisposable
{
    public RouteClouds(string table, int items)
    {
        Fast = new FakeAwsCloud();
        Wire = new FakeAwsCloud(new FakeAwsOptions { DynamoDb = { UseWirePath = true } });
        DynamoDbBenchmarkTables.Create(Fast, table, ranged: false);
        DynamoDbBenchmarkTables.Create(Wire, table, ranged: false);
        for (var i = 0; i < items; i++)
        {
            var item = DynamoDbBenchmarkTables.Item(EngineDb.AttributeValue.FromS($"item#{i}"), i, ranged: false);
            DynamoDbBenchmarkTables.Put(Fast, table, item);
            DynamoDbBenchmarkTables.Put(Wire, table, item);
            Items[$"item#{i}"] = item;
        }
        FastClient = Fast.CreateClient<Amazon.DynamoDBv2.AmazonDynamoDBClient>();
        WireClient = Wire.CreateClient<Amazon.DynamoDBv2.AmazonDynamoDBClient>();
        Scope = DynamoDbBenchmarkTables.Scope(Fast);
    }

    public FakeAwsCloud Fast { get; }
    public FakeAwsCloud Wire { get; }
    public Amazon.DynamoDBv2.AmazonDynamoDBClient FastClient { get; }
    public Amazon.DynamoDBv2.AmazonDynamoDBClient WireClient { get; }
    public Dictionary<string, Dictionary<string, EngineDb.AttributeValue>> Items { get; } = [];
    public RequestScope Scope { get; }

    public void Dispose()
    {
        FastClient.Dispose();
        WireClient.Dispose();
        Fast.Dispose();
        Wire.Dispose();
    }
}
