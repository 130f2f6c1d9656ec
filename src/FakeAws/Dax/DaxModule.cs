using FakeAws.Engine.Core;
using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using FakeAws.Cloud;
using FakeAws.DynamoDb;
using FakeAws.Engine.Dax;
using FakeAws.Engine.DynamoDb.Model;
using FakeAws.Protocol;
using FakeAws.Sdk;

namespace FakeAws.Dax;

/// <summary>
/// DAX: the control plane (awsJson1.1 under <c>AmazonDAXV3</c>) and clusters in front of the DynamoDB
/// engine. Each available cluster is a second DynamoDB front door at a host of its own,
/// <c>{cluster}.dax.{cloudId}.fakeaws.invalid</c>; its clients reach it by that host on the wire and
/// through the fast path alike, and both answer with the cluster's operations.
/// </summary>
internal sealed class DaxModule : ServiceModule
{
    private const string HostInfix = ".dax.";

    private readonly FakeAwsCloud _cloud;
    private readonly DynamoDbModule _dynamoDb;
    // Each data plane's DynamoDB front door, made on first use; a cluster deleted and created again is a new data plane.
    private readonly ConditionalWeakTable<DaxCluster, DynamoDbWireService> _frontDoors = [];

    public DaxModule(FakeAwsCloud cloud, DynamoDbModule dynamoDb)
    {
        _cloud = cloud;
        _dynamoDb = dynamoDb;
        Engine = new DaxEngine(cloud.Context, cloud.Options.Dax, dynamoDb.Engine);
        Helper = new FakeDax(this);
        FrontDoors = [new DaxDataPlaneWireService(this), new DaxWireService(Engine, cloud.Context)];
    }

    public DaxEngine Engine { get; }

    /// <summary>Where test helpers make clusters: the cloud's own account and region.</summary>
    public Engine.Core.RequestScope DefaultScope => _cloud.Context.Scope(null);

    public FakeDax Helper { get; }

    public override IReadOnlyList<IWireService> FrontDoors { get; }

    /// <summary>The endpoint of a cluster's clients.</summary>
    public string EndpointOf(string name) => $"http://{name}{HostInfix}{_cloud.Id}{LiveClouds.HostSuffix}";

    /// <summary>An official DynamoDB client, pointed at the cluster's endpoint.</summary>
    public IAmazonDynamoDB CreateClient(string name)
    {
        var config = _cloud.Configure(new AmazonDynamoDBConfig());
        config.ServiceURL = EndpointOf(name);
        return new AmazonDynamoDBClient(_cloud.Credentials, config);
    }

    /// <summary>
    /// The operation a typed request runs when its client's endpoint is a cluster's, or null for any
    /// other endpoint; the fast path asks this first, so DAX clients' requests go through the cluster.
    /// </summary>
    public Operation? ClusterOperation(string? serviceUrl, string operation)
    {
        if (!MayBeClusterUrl(serviceUrl) || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || !IsClusterHost(uri.Host))
        {
            return null;
        }
        return ClusterAt(uri.Host).Operations!.TryGet(operation, out var found) ? found : null;
    }

    /// <summary>Whether a client's service URL could be a cluster endpoint of some cloud: a check that needs no module, so DAX is not built for other clients.</summary>
    public static bool MayBeClusterUrl([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? serviceUrl) =>
        serviceUrl is not null && serviceUrl.Contains(HostInfix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the cloud's region has an available cluster of that name.</summary>
    public bool Exists(string name) => Engine.DataPlane(DefaultScope, name) is not null;

    /// <summary>Whether a host is one of this cloud's cluster endpoints.</summary>
    public bool IsClusterHost(string host) => IsClusterHost(_cloud.Id, host);

    /// <summary>Whether a host is one of the cluster endpoints of the cloud <paramref name="cloudId"/>.</summary>
    public static bool IsClusterHost(string cloudId, string host) =>
        host.EndsWith(cloudId + LiveClouds.HostSuffix, StringComparison.OrdinalIgnoreCase)
        && host.Contains(HostInfix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The id of the cloud whose clusters these are.</summary>
    public string CloudId => _cloud.Id;

    /// <summary>The routes of <see cref="FrontDoors"/>, in their order, known before the module is built.</summary>
    public static IReadOnlyList<WireRoute> Routes(string cloudId) => [DaxDataPlaneWireService.RoutingOf(cloudId), DaxWireService.Routing];

    /// <summary>The DynamoDB front door of the cluster a cluster endpoint's host names.</summary>
    /// <exception cref="Engine.Core.AwsServiceException">No available cluster of that name: the client was made for a cluster since deleted or reset.</exception>
    public DynamoDbWireService ClusterAt(string host)
    {
        var name = host[..host.IndexOf(HostInfix, StringComparison.OrdinalIgnoreCase)].ToLowerInvariant();
        var cluster = Engine.DataPlane(DefaultScope, name)
            ?? throw new Engine.Core.AwsServiceException("ResourceNotFoundException", $"No available DAX cluster named {name} exists in this cloud.");
        return _frontDoors.GetValue(cluster, c =>
        {
            var frontDoor = new DynamoDbWireService(c.Bind(ServiceModel.Bind(_dynamoDb.Engine)), _dynamoDb.RequestIds);
            // Not on the router, so its calls are handed to the interceptor here: recorded, and open to faults, as DAX's.
            frontDoor.Operations.Intercept("dax", frontDoor.Json, _cloud.Interceptor);
            return frontDoor;
        });
    }

    /// <summary>Records a request to a cluster endpoint that names no available cluster, as DAX's, with the error it was answered.</summary>
    public void Refused(WireRequest request, RequestScope scope, Engine.Core.AwsServiceException error) =>
        _cloud.Interceptor.Refused("dax", CallInterceptor.OperationOf(request), scope, request, error.Code, error.Message, error.StatusCode);

    // Clusters are state, as tables are: a reset cloud has none.
    public override void Reset() => Engine.Reset();

    public override IReadOnlyList<(string Name, IStateStore Store)> State => [("dax", Engine.State)];
}
