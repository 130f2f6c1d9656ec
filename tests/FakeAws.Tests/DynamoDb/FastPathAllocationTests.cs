using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using FakeAws.DynamoDb;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb;
using FakeAws.Tests.Core;
using EngineModel = FakeAws.Engine.DynamoDb.Model;
using EngineValue = FakeAws.Engine.DynamoDb.AttributeValue;
using SdkValue = Amazon.DynamoDBv2.Model.AttributeValue;

namespace FakeAws.Tests.DynamoDb;

/// <summary>
/// The bytes the fast path allocates, pinned (docs/PERFORMANCE.md measures them): a call allocates its copies,
/// the engine's output and the response envelope, and nothing for looking at a request or an item.
/// </summary>
public class FastPathAllocationTests
{
    private const string Table = "items";
    private const string Partitioned = "pages";

    [Test]
    public void GetItem_AllocatesItsCopies_TheEngineOutput_AndTheEnvelope_AndNothingElse()
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { RecordCalls = false });
        using var client = aws.CreateClient<AmazonDynamoDBClient>();
        CreateTables(aws);
        var request = new GetItemRequest { TableName = Table, Key = new() { ["pk"] = new SdkValue("a") } };
        Assert.That(aws.DynamoDbWire.Operations.TryGet("GetItem", out var operation));
        var toInput = DynamoDbSdkMapping.Mapper.Converter(typeof(GetItemRequest), typeof(EngineModel.GetItemInput));
        var toResponse = DynamoDbSdkMapping.Mapper.Converter(typeof(EngineModel.GetItemOutput), typeof(GetItemResponse));
        var scope = new RequestScope(aws.Options.AccountId, aws.Options.Region);

        var fastPath = Allocations.PerCall(() => aws.DynamoDbFastPath.TryInvokeAsync(request, client.Config, default).GetAwaiter().GetResult());
        // Each call of the operation gets a fresh input, as on the fast path: checking a fresh key must not cost more.
        var copyAndRun = Allocations.PerCall(() => operation.ExecuteAsync(scope, toInput(request)!, default).GetAwaiter().GetResult());
        var output = operation.ExecuteAsync(scope, toInput(request)!, default).GetAwaiter().GetResult()!;
        var response = Allocations.PerCall(() => toResponse(output));
        var requestId = Allocations.PerCall(() => aws.DynamoDbRequestIds.Next());
        var metadata = Allocations.PerCall(() => _ = new ResponseMetadata { RequestId = "id" });

        Assert.That(fastPath, Is.EqualTo(copyAndRun + response + requestId + metadata), "bytes per call");
    }

    [Test]
    public void CheckingAndSizingItems_AllocatesNothing()
    {
        var item = new Dictionary<string, EngineValue>
        {
            ["pk"] = EngineValue.FromS("a"),
            ["sk"] = EngineValue.FromN("12.5"),
            ["list"] = EngineValue.FromL([EngineValue.FromS("x"), EngineValue.FromN("1")]),
            ["map"] = EngineValue.FromM(new Dictionary<string, EngineValue> { ["flag"] = EngineValue.True }),
        };

        Assert.Multiple(() =>
        {
            Assert.That(Allocations.PerCall(() => ValueChecks.Current.Check(item)), Is.Zero, "ValueChecks.Check");
            Assert.That(Allocations.PerCall(() => ValueChecks.Older.CheckExpressionValues(item)), Is.Zero, "ValueChecks.CheckExpressionValues");
            Assert.That(Allocations.PerCall(() => ItemSize.Of(item)), Is.Zero, "ItemSize.Of");
            Assert.That(Allocations.PerCall(() => PageSize.Of(item, "sk")), Is.Zero, "PageSize.Of");
        });
    }

    [Test]
    public void AQueryPage_AllocatesPerItemOnlyItsPlaceInTheList()
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { RecordCalls = false });
        CreateTables(aws);
        Assert.That(aws.DynamoDbWire.Operations.TryGet("Query", out var operation));
        var scope = new RequestScope(aws.Options.AccountId, aws.Options.Region);
        EngineModel.QueryInput Page(int limit) => new()
        {
            TableName = Partitioned,
            KeyConditionExpression = "pk = :p AND sk >= :from",
            ExpressionAttributeValues = new() { [":p"] = EngineValue.FromS("p"), [":from"] = EngineValue.FromN("10") },
            Limit = limit,
        };
        var one = Page(1);
        var hundred = Page(100);

        var perItem = (Allocations.PerCall(() => operation.ExecuteAsync(scope, hundred, default).GetAwaiter().GetResult())
            - Allocations.PerCall(() => operation.ExecuteAsync(scope, one, default).GetAwaiter().GetResult())) / 99.0;

        // The page's List grows by doubling: its arrays come to about 2 references (16 bytes) an item, and the
        // items themselves are the table's, shared, not copied.
        Assert.That(perItem, Is.LessThanOrEqualTo(24), "bytes per item of a page");
    }

    private static void CreateTables(FakeAwsCloud aws)
    {
        var scope = new RequestScope(aws.Options.AccountId, aws.Options.Region);
        foreach (var (name, ranged) in new[] { (Table, false), (Partitioned, true) })
        {
            aws.DynamoDb.CreateTable(scope, new EngineModel.CreateTableInput
            {
                TableName = name,
                BillingMode = "PAY_PER_REQUEST",
                KeySchema = ranged
                    ? [new() { AttributeName = "pk", KeyType = "HASH" }, new() { AttributeName = "sk", KeyType = "RANGE" }]
                    : [new() { AttributeName = "pk", KeyType = "HASH" }],
                AttributeDefinitions = ranged
                    ? [new() { AttributeName = "pk", AttributeType = "S" }, new() { AttributeName = "sk", AttributeType = "N" }]
                    : [new() { AttributeName = "pk", AttributeType = "S" }],
            });
        }
        aws.DynamoDb.PutItem(scope, new EngineModel.PutItemInput
        {
            TableName = Table,
            Item = new() { ["pk"] = EngineValue.FromS("a"), ["name"] = EngineValue.FromS("Ann"), ["n"] = EngineValue.FromN("7"), ["on"] = EngineValue.True },
        });
        for (var i = 0; i < 200; i++)
        {
            aws.DynamoDb.PutItem(scope, new EngineModel.PutItemInput
            {
                TableName = Partitioned,
                Item = new()
                {
                    ["pk"] = EngineValue.FromS("p"),
                    ["sk"] = EngineValue.FromN(i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ["name"] = EngineValue.FromS($"item {i}"),
                },
            });
        }
    }
}
