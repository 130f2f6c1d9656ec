using FakeAws.Engine.Core;
using FakeAws.Engine.Dax.Model;
using FakeAws.Engine.DynamoDb;

namespace FakeAws.Engine.Dax;

/// <summary>
/// DAX's control plane (clusters, parameter groups, subnet groups, tags, events) and the registry of
/// the clusters' data planes. Status changes happen on the virtual clock and are applied whenever a
/// request looks at a cluster, so nothing is scheduled.
/// </summary>
internal sealed partial class DaxEngine : IDaxOperations
{
    /// <summary>The parameter group every cluster uses unless told otherwise.</summary>
    public const string DefaultParameterGroup = "default.dax1.0";

    // AWS's default quotas per account and region (Service Quotas), and per cluster and resource.
    private const int MaxNodesPerRegion = 50;
    private const int MaxNodesPerCluster = 11;
    private const int MaxParameterGroups = 20;
    private const int MaxSubnetGroups = 50;
    private const int MaxSubnetsPerGroup = 20;
    private const int MaxTags = 50;

    private readonly CloudContext _cloud;
    private readonly DaxOptions _options;
    private readonly DynamoDbEngine _dynamoDb;
    private readonly RegionalStore<DaxRegion> _regions;

    public DaxEngine(CloudContext cloud, DaxOptions options, DynamoDbEngine dynamoDb)
    {
        _cloud = cloud;
        _options = options;
        _dynamoDb = dynamoDb;
        _regions = new RegionalStore<DaxRegion>(_ => new DaxRegion());
    }

    /// <summary>One account's DAX resources in one region; <see cref="Gate"/> guards all of them.</summary>
    private sealed class DaxRegion
    {
        public object Gate { get; } = new();
        public Dictionary<string, DaxClusterRecord> Clusters { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, ParameterGroupRecord> ParameterGroups { get; } = new(StringComparer.Ordinal)
        {
            [DefaultParameterGroup] = new(DefaultParameterGroup, "Default parameter group for dax1.0"),
        };
        public Dictionary<string, SubnetGroup> SubnetGroups { get; } = new(StringComparer.Ordinal);
        public List<Event> Events { get; } = [];
    }

    /// <summary>The state a snapshot of the cloud takes and puts back: everything, per account and region.</summary>
    public IStateStore State => _regions;

    public void Reset() => _regions.Clear();

    /// <summary>
    /// Creates a cluster that is available at once, for test set-up: <c>aws.Dax.CreateCluster</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A cluster of that name exists.</exception>
    public void CreateAvailableCluster(RequestScope scope, string name, DaxClusterOptions options)
    {
        options.Validate();
        var region = _regions[scope];
        lock (region.Gate)
        {
            if (region.Clusters.ContainsKey(name))
            {
                throw new InvalidOperationException($"This cloud already has a DAX cluster named {name}.");
            }
            var cluster = NewCluster(scope, name, "dax.r5.large", tls: false, options.Nodes);
            cluster.Status = "available";
            cluster.DataPlane = new DaxCluster(name, scope.AccountId, scope.Region, options, _dynamoDb, _cloud.Clock);
            region.Clusters[name] = cluster;
            Record(region, name, "Cluster created");
        }
    }

    /// <summary>The caches of an available (or resizing) cluster, or null when there is none.</summary>
    public DaxCluster? DataPlane(RequestScope scope, string name)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            return Settled(region, name) is { Status: not "deleting" } cluster ? cluster.DataPlane : null;
        }
    }

    private DateTimeOffset Now => _cloud.Now;

    private void Record(DaxRegion region, string source, string message, string type = "CLUSTER") =>
        region.Events.Add(new Event { SourceName = source, SourceType = type, Message = message, Date = Now });

    /// <summary>Pages a list with DAX's MaxResults and NextToken (the next index).</summary>
    private static (List<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> all, int? maxResults, string? nextToken)
    {
        var start = 0;
        if (nextToken is not null && (!int.TryParse(nextToken, out start) || start < 0 || start > all.Count))
        {
            throw DaxErrors.InvalidParameter("Invalid NextToken.");
        }
        var size = maxResults is > 0 ? maxResults.Value : 100;
        var page = all.Skip(start).Take(size).ToList();
        return (page, start + size < all.Count ? (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}
