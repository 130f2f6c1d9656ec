using FakeAws.Engine.Core;
using EngineModel = FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Tests.Core;

/// <summary>An operation adds no allocation of its own to the engine's: validating a valid request allocates nothing.</summary>
public class OperationAllocationTests
{
    [Test]
    public void AValidRequest_AllocatesOnlyWhatTheEngineDoes()
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { RecordCalls = false });
        var scope = new RequestScope(aws.Options.AccountId, aws.Options.Region);
        var input = new EngineModel.ListTablesInput { Limit = 10, ExclusiveStartTableName = "items" };
        Assert.That(aws.DynamoDbWire.Operations.TryGet("ListTables", out var operation));

        var throughOperation = Allocations.PerCall(() => operation.ExecuteAsync(scope, input, default).GetAwaiter().GetResult());
        var engineAlone = Allocations.PerCall(() => aws.DynamoDb.ListTables(scope, input));

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
