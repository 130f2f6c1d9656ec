using FakeAws.Cloud;
using FakeAws.DynamoDbStreams;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.DynamoDb.Model;
using FakeAws.Engine.DynamoDbStreams;
using FakeAws.Protocol;

namespace FakeAws.DynamoDb;

/// <summary>DynamoDB and DynamoDB Streams: one engine, two awsJson front doors, and the SDK client's typed fast path.</summary>
internal sealed class DynamoDbModule : ServiceModule
{
    public DynamoDbModule(FakeAwsCloud cloud)
    {
        Engine = new DynamoDbEngine(cloud.Context, cloud.Options.DynamoDb);
        RequestIds = new RequestIds(cloud.Context.Ids, DynamoDbWireService.RequestIdLength);
        Wire = new DynamoDbWireService(ServiceModel.Bind(Engine), RequestIds);
        FastPath = new DynamoDbFastPath(cloud);
        FrontDoors = [Wire, new DynamoDbStreamsWireService(new DynamoDbStreamsEngine(cloud.Context, Engine), RequestIds)];
    }

    public DynamoDbEngine Engine { get; }

    public DynamoDbWireService Wire { get; }

    /// <summary>DynamoDB's request ids, shared by both front doors and the fast path.</summary>
    public RequestIds RequestIds { get; }

    public DynamoDbFastPath FastPath { get; }

    public override IReadOnlyList<IWireService> FrontDoors { get; }

    /// <summary>The routes of <see cref="FrontDoors"/>, in their order, known before the module is built.</summary>
    public static IReadOnlyList<WireRoute> Routes => [DynamoDbWireService.Routing, DynamoDbStreamsWireService.Routing];

    // The streams' state is the tables'.
    public override void Reset() => Engine.Reset();

    // The streams' state is the tables'.
    public override IReadOnlyList<(string Name, IStateStore Store)> State => [("dynamodb", Engine.State)];
}
