using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using FakeAws.Cloud;
using FakeAws.DynamoDb;
using FakeAws.Engine.Dax;
using FakeAws.Engine.DynamoDb.Model;
using FakeAws.Protocol;
using FakeAws.Sdk;

namespace FakeAws.Dax;

/// <summary>
/// DAX: clusters in front of the DynamoDB engine. Each cluster is a second DynamoDB front door at a
/// host of its own, <c>{cluster}.dax.{cloudId}.fakeaws.invalid</c>; its clients reach it by that host on
/// the wire and through the fast path alike, and both answer with the cluster's operations.
/// </summary>
internal sealed class DaxModule : ServiceModule
{
    private const string HostInfix = ".dax.";

    private readonly FakeAwsCloud _cloud;
    private readonly DynamoDbModule _dynamoDb;
    private readonly ConcurrentDictionary<string, DaxFrontDoor> _clusters = new(StringComparer.Ordinal);

    public DaxModule(FakeAwsCloud cloud, DynamoDbModule dynamoDb)
    {
        _cloud = cloud;
        _dynamoDb = dynamoDb;
        Helper = new FakeDax(this);
        FrontDoors = [new DaxDataPlaneWireService(this)];
    }

    /// <summary>One cluster and DynamoDB's API as the cluster answers it.</summary>
    internal sealed record DaxFrontDoor(DaxCluster Cluster, DynamoDbWireService Wire);

    public FakeDax Helper { get; }

    public override IReadOnlyList<IWireService> FrontDoors { get; }

    /// <summary>The endpoint of a cluster's clients.</summary>
    public string EndpointOf(string name) => $"http://{name}{HostInfix}{_cloud.Id}{LiveClouds.HostSuffix}";

    public DaxFrontDoor Create(string name, DaxClusterOptions options)
    {
        var cluster = new DaxCluster(name, _cloud.Options.AccountId, _cloud.Options.Region, options, _dynamoDb.Engine, _cloud.Clock);
        var frontDoor = new DaxFrontDoor(cluster, new DynamoDbWireService(cluster.Bind(ServiceModel.Bind(_dynamoDb.Engine)), _dynamoDb.RequestIds));
        return _clusters.TryAdd(name, frontDoor) ? frontDoor : throw new InvalidOperationException($"This cloud already has a DAX cluster named {name}.");
    }

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
        if (serviceUrl is null || !serviceUrl.Contains(HostInfix, StringComparison.OrdinalIgnoreCase)
            || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || !IsClusterHost(uri.Host))
        {
            return null;
        }
        return ClusterAt(uri.Host).Wire.Operations!.TryGet(operation, out var found) ? found : null;
    }

    public bool Exists(string name) => _clusters.ContainsKey(name);

    /// <summary>Whether a host is one of this cloud's cluster endpoints.</summary>
    public bool IsClusterHost(string host) =>
        host.EndsWith(_cloud.Id + LiveClouds.HostSuffix, StringComparison.OrdinalIgnoreCase)
        && host.Contains(HostInfix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The cluster a cluster endpoint's host names.</summary>
    /// <exception cref="Engine.Core.AwsServiceException">No cluster of that name: the client was made for a cluster since deleted or reset.</exception>
    public DaxFrontDoor ClusterAt(string host)
    {
        var name = host[..host.IndexOf(HostInfix, StringComparison.OrdinalIgnoreCase)].ToLowerInvariant();
        return _clusters.TryGetValue(name, out var frontDoor)
            ? frontDoor
            : throw new Engine.Core.AwsServiceException("ResourceNotFoundException", $"No DAX cluster named {name} exists in this cloud.");
    }

    // Clusters are state, as tables are: a reset cloud has none.
    public override void Reset() => _clusters.Clear();
}
