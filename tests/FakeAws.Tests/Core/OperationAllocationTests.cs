using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FakeAws.Engine.Core;
using EngineModel = FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Tests.Core;

/// <summary>An operation adds no allocation of its own to the engine's: validating a valid request allocates nothing.</summary>
public class OperationAllocationTests
{
    [Test]
    public async Task AValidRequest_AllocatesOnlyWhatTheEngineDoes()
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { RecordCalls = false });
        using var ddb = aws.CreateClient<AmazonDynamoDBClient>();
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "items",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        });
        await ddb.PutItemAsync("items", new() { ["pk"] = new AttributeValue("a") });
        var scope = new RequestScope(aws.Options.AccountId, aws.Options.Region);
        var input = new EngineModel.GetItemInput { TableName = "items", Key = new() { ["pk"] = FakeAws.Engine.DynamoDb.AttributeValue.FromS("a") } };
        Assert.That(aws.DynamoDbWire.Operations.TryGet("GetItem", out var operation));

        var throughOperation = Allocations.PerCall(() => operation.ExecuteAsync(scope, input, default).GetAwaiter().GetResult());
        var engineAlone = Allocations.PerCall(() => aws.DynamoDb.GetItem(scope, input));

        Assert.That(throughOperation, Is.EqualTo(engineAlone), "bytes per call");
    }

    [Test]
    public void AnInvalidRequest_IsStillRefused_AfterValidOnesOnTheSameThread()
    {
        using var aws = new FakeAwsCloud();
        var scope = new RequestScope(aws.Options.AccountId, aws.Options.Region);
        Assert.That(aws.DynamoDbWire.Operations.TryGet("ListTables", out var operation));
        operation.ExecuteAsync(scope, new EngineModel.ListTablesInput(), default).GetAwaiter().GetResult();

        var error = Assert.Throws<AwsServiceException>(() => operation.ExecuteAsync(scope, new EngineModel.ListTablesInput { Limit = 0 }, default).GetAwaiter().GetResult());
        Assert.That(error!.Code, Is.EqualTo("ValidationException"));
        Assert.DoesNotThrow(() => operation.ExecuteAsync(scope, new EngineModel.ListTablesInput { Limit = 5 }, default).GetAwaiter().GetResult(), "the refused request's violations are not left for the next");
    }
}
