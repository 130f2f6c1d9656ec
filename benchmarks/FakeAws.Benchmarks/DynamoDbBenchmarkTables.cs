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
