using FakeAws.Engine.Core;
using FakeAws.Cloud;
using FakeAws.DynamoDb;
using FakeAws.Engine.DynamoDbStreams;
using FakeAws.Protocol;

namespace FakeAws.Lambda;

/// <summary>Lambda: the engine with the test's in-process handlers, its restJson front door, and DynamoDB streams as event sources.</summary>
internal sealed class LambdaModule : ServiceModule
{
    public LambdaModule(FakeAwsCloud cloud, DynamoDbModule dynamoDb)
    {
        Helper = new LambdaHelper(cloud);
        // Stream records reach the event source mappings through the poller port, on the scheduler.
        Helper.Engine.AddEventSource(new DynamoDbStreamPoller(dynamoDb.Engine, cloud.Context));
        dynamoDb.Engine.StreamRecordsAppended += Helper.Engine.OnEventSourceRecords;
        FrontDoors = [Helper.Wire, Helper.FunctionUrls];
    }

    /// <summary>What a test reaches as <c>aws.Lambda</c>.</summary>
    public LambdaHelper Helper { get; }

    public override IReadOnlyList<IWireService> FrontDoors { get; }

    /// <summary>The routes of <see cref="FrontDoors"/>, in their order, known before the module is built.</summary>
    public static IReadOnlyList<WireRoute> Routes => [LambdaWireService.Routing, FunctionUrlWireService.Routing];

    public override void Reset()
    {
        Helper.Engine.Reset();
        Helper.Processes.Dispose();
    }

    /// <summary>Stops the functions' local processes.</summary>
    public override void Release() => Helper.Processes.Dispose();

    public override IReadOnlyList<(string Name, IStateStore Store)> State => [("lambda", Helper.Engine.State)];
}
