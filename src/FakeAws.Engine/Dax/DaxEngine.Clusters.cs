using FakeAws.Engine.Core;
using FakeAws.Engine.Dax.Model;

namespace FakeAws.Engine.Dax;

// Clusters: create, describe, resize, update, reboot a node, delete.
internal sealed partial class DaxEngine
{
    public CreateClusterResponse CreateCluster(RequestScope scope, CreateClusterRequest input)
    {
        if (!DaxClusterNames.IsValid(input.ClusterName))
        {
            throw DaxErrors.InvalidParameter(
                "Cluster ID specified is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.");
        }
        var name = input.ClusterName!.ToLowerInvariant();
        var nodes = input.ReplicationFactor ?? 0;
        if (nodes < 1)
        {
            throw DaxErrors.InvalidParameter("Replication factor must be at least 1.");
        }
        var region = _regions[scope];
        lock (region.Gate)
        {
            if (Settled(region, name) is not null)
            {
                throw DaxErrors.Fault("ClusterAlreadyExistsFault", "Cluster already exists.");
            }
            if (nodes > MaxNodesPerCluster)
            {
                throw DaxErrors.Fault("NodeQuotaForClusterExceededFault", $"A cluster can have at most {MaxNodesPerCluster} nodes.");
            }
            if (region.Clusters.Values.Sum(c => c.Nodes.Count) + nodes > MaxNodesPerRegion)
            {
                throw DaxErrors.Fault("NodeQuotaForCustomerExceededFault", $"You can have at most {MaxNodesPerRegion} nodes in this region.");
            }
            var parameterGroup = input.ParameterGroupName ?? DefaultParameterGroup;
            if (!region.ParameterGroups.ContainsKey(parameterGroup))
            {
                throw DaxErrors.ParameterGroupNotFound(parameterGroup);
            }
            if (input.SubnetGroupName is { } subnetGroup && !region.SubnetGroups.ContainsKey(subnetGroup))
            {
                throw DaxErrors.SubnetGroupNotFound(subnetGroup);
            }
            CheckTagCount(input.Tags?.Count ?? 0);
            var cluster = NewCluster(scope, name, input.NodeType!, input.ClusterEndpointEncryptionType == "TLS", nodes);
            cluster.Description = input.Description;
            cluster.ParameterGroup = parameterGroup;
            cluster.SubnetGroup = input.SubnetGroupName ?? "default";
            cluster.IamRoleArn = input.IamRoleArn;
            cluster.MaintenanceWindow = input.PreferredMaintenanceWindow ?? "sun:05:00-sun:06:00";
            cluster.SecurityGroups = input.SecurityGroupIds ?? [];
            cluster.Encrypted = input.SSESpecification?.Enabled == true;
            cluster.Tags.AddRange(input.Tags ?? []);
            cluster.StatusEnds = Now + _options.ClusterStatusDelay;
            region.Clusters[name] = cluster;
            Record(region, name, "Cluster created");
            return new CreateClusterResponse { Cluster = Describe(cluster) };
        }
    }

    public DescribeClustersResponse DescribeClusters(RequestScope scope, DescribeClustersRequest input)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            List<DaxClusterRecord> clusters;
            if (input.ClusterNames is { Count: > 0 } names)
            {
                clusters = names.Select(n => Settled(region, n.ToLowerInvariant()) ?? throw DaxErrors.ClusterNotFound(n)).ToList();
            }
            else
            {
                clusters = region.Clusters.Keys.ToList().Select(n => Settled(region, n)).OfType<DaxClusterRecord>().OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            }
            var (page, next) = Page(clusters, input.MaxResults, input.NextToken);
            return new DescribeClustersResponse { Clusters = page.Select(Describe).ToList(), NextToken = next };
        }
    }

    public IncreaseReplicationFactorResponse IncreaseReplicationFactor(RequestScope scope, IncreaseReplicationFactorRequest input) =>
        new() { Cluster = Resize(scope, input.ClusterName, input.NewReplicationFactor ?? 0, [], increase: true) };

    public DecreaseReplicationFactorResponse DecreaseReplicationFactor(RequestScope scope, DecreaseReplicationFactorRequest input) =>
        new() { Cluster = Resize(scope, input.ClusterName, input.NewReplicationFactor ?? 0, input.NodeIdsToRemove ?? [], increase: false) };

    private Cluster Resize(RequestScope scope, string? clusterName, int target, List<string> nodeIdsToRemove, bool increase)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            var cluster = Available(region, clusterName);
            var current = cluster.Nodes.Count;
            if (increase ? target <= current : target >= current || target < 1)
            {
                throw DaxErrors.InvalidParameter(increase
                    ? $"New replication factor must be greater than the current one ({current})."
                    : $"New replication factor must be between 1 and the current one ({current}) exclusive.");
            }
            if (target > MaxNodesPerCluster)
            {
                throw DaxErrors.Fault("NodeQuotaForClusterExceededFault", $"A cluster can have at most {MaxNodesPerCluster} nodes.");
            }
            if (increase && region.Clusters.Values.Sum(c => c.Nodes.Count) + target - current > MaxNodesPerRegion)
            {
                throw DaxErrors.Fault("NodeQuotaForCustomerExceededFault", $"You can have at most {MaxNodesPerRegion} nodes in this region.");
            }
            if (nodeIdsToRemove.FirstOrDefault(id => cluster.Nodes.All(n => n.Id != id)) is { } unknown)
            {
                throw DaxErrors.Fault("NodeNotFoundFault", $"Node {unknown} not found.");
            }
            cluster.Status = "modifying";
            cluster.TargetNodes = target;
            cluster.NodesToRemove = nodeIdsToRemove;
            cluster.StatusEnds = Now + _options.ClusterStatusDelay;
            Record(region, cluster.Name, increase ? $"Increasing replication factor to {target}" : $"Decreasing replication factor to {target}");
            return Describe(cluster);
        }
    }

    public UpdateClusterResponse UpdateCluster(RequestScope scope, UpdateClusterRequest input)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            var cluster = Existing(region, input.ClusterName);
            if (input.ParameterGroupName is { } parameterGroup)
            {
                cluster.ParameterGroup = region.ParameterGroups.ContainsKey(parameterGroup) ? parameterGroup : throw DaxErrors.ParameterGroupNotFound(parameterGroup);
            }
            cluster.Description = input.Description ?? cluster.Description;
            cluster.MaintenanceWindow = input.PreferredMaintenanceWindow ?? cluster.MaintenanceWindow;
            cluster.SecurityGroups = input.SecurityGroupIds ?? cluster.SecurityGroups;
            return new UpdateClusterResponse { Cluster = Describe(cluster) };
        }
    }

    public RebootNodeResponse RebootNode(RequestScope scope, RebootNodeRequest input)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            var cluster = Available(region, input.ClusterName);
            var index = cluster.Nodes.FindIndex(n => n.Id == input.NodeId);
            if (index < 0)
            {
                throw DaxErrors.Fault("NodeNotFoundFault", $"Node {input.NodeId} not found.");
            }
            // A rebooted node comes back with an empty cache.
            cluster.DataPlane?.ClearNode(index);
            cluster.Nodes[index].Status = "rebooting";
            cluster.Nodes[index].RebootEnds = Now + _options.ClusterStatusDelay;
            Record(region, cluster.Name, $"Rebooting node {input.NodeId}");
            return new RebootNodeResponse { Cluster = Describe(cluster) };
        }
    }

    public DeleteClusterResponse DeleteCluster(RequestScope scope, DeleteClusterRequest input)
    {
        var region = _regions[scope];
        lock (region.Gate)
        {
            var cluster = Existing(region, input.ClusterName);
            if (cluster.Status == "deleting")
            {
                throw DaxErrors.InvalidClusterState(cluster.Name, cluster.Status);
            }
            cluster.Status = "deleting";
            cluster.DataPlane = null;
            cluster.StatusEnds = Now + _options.ClusterStatusDelay;
            Record(region, cluster.Name, "Cluster deleted");
            return new DeleteClusterResponse { Cluster = Describe(cluster) };
        }
    }

    private DaxClusterRecord NewCluster(RequestScope scope, string name, string nodeType, bool tls, int nodes)
    {
        var cluster = new DaxClusterRecord
        {
            Name = name,
            AccountId = scope.AccountId,
            Region = scope.Region,
            NodeType = nodeType,
            DiscoveryHost = $"{name}.{_cloud.Ids.NewString(6, "abcdefghijklmnopqrstuvwxyz0123456789")}.dax-clusters.{scope.Region}.amazonaws.com",
            Tls = tls,
            Created = Now,
            TargetNodes = nodes,
        };
        AddNodes(cluster, nodes, scope.Region);
        return cluster;
    }

    private void AddNodes(DaxClusterRecord cluster, int count, string region)
    {
        for (var i = 0; i < count; i++)
        {
            var used = cluster.Nodes.Select(n => n.Id).ToHashSet();
            var suffix = Enumerable.Range(0, 26).Select(c => (char)('a' + c)).First(c => !used.Contains($"{cluster.Name}-{c}"));
            cluster.Nodes.Add(new DaxNodeRecord { Id = $"{cluster.Name}-{suffix}", Created = Now, AvailabilityZone = $"{region}{(char)('a' + cluster.Nodes.Count % 3)}" });
        }
    }

    /// <summary>The cluster with its status brought up to now; null when there is none (or it finished deleting).</summary>
    private DaxClusterRecord? Settled(DaxRegion region, string name)
    {
        if (!region.Clusters.TryGetValue(name, out var cluster))
        {
            return null;
        }
        var now = Now;
        foreach (var node in cluster.Nodes.Where(n => n.Status == "rebooting" && n.RebootEnds <= now))
        {
            node.Status = "available";
        }
        if (cluster.Status == "available" || cluster.StatusEnds > now)
        {
            return cluster;
        }
        switch (cluster.Status)
        {
            case "deleting":
                region.Clusters.Remove(name);
                return null;
            case "creating":
                var ttls = region.ParameterGroups[cluster.ParameterGroup];
                cluster.DataPlane = new DaxCluster(name, cluster.AccountId, cluster.Region, new DaxClusterOptions
                {
                    Nodes = cluster.Nodes.Count,
                    ItemCacheTtl = TimeSpan.FromMilliseconds(ttls.RecordTtlMillis),
                    QueryCacheTtl = TimeSpan.FromMilliseconds(ttls.QueryTtlMillis),
                }, _dynamoDb, _cloud.Clock);
                break;
            case "modifying":
                cluster.Nodes.RemoveAll(n => cluster.NodesToRemove.Contains(n.Id));
                if (cluster.Nodes.Count > cluster.TargetNodes)
                {
                    cluster.Nodes.RemoveRange(cluster.TargetNodes, cluster.Nodes.Count - cluster.TargetNodes);
                }
                AddNodes(cluster, cluster.TargetNodes - cluster.Nodes.Count, cluster.Region);
                cluster.NodesToRemove = [];
                cluster.DataPlane?.Resize(cluster.Nodes.Count);
                break;
        }
        cluster.Status = "available";
        return cluster;
    }

    private DaxClusterRecord Existing(DaxRegion region, string? name) =>
        Settled(region, name?.ToLowerInvariant() ?? "") ?? throw DaxErrors.ClusterNotFound(name ?? "");

    private DaxClusterRecord Available(DaxRegion region, string? name)
    {
        var cluster = Existing(region, name);
        return cluster.Status == "available" ? cluster : throw DaxErrors.InvalidClusterState(cluster.Name, cluster.Status);
    }

    private static Cluster Describe(DaxClusterRecord cluster)
    {
        var port = cluster.Tls ? 9111 : 8111;
        var scheme = cluster.Tls ? "daxs" : "dax";
        // Node endpoints share the discovery endpoint's id: {node}.{id}.nodes.dax-clusters.{region}.amazonaws.com.
        var nodesDomain = cluster.DiscoveryHost[cluster.Name.Length..].Replace(".dax-clusters.", ".nodes.dax-clusters.", StringComparison.Ordinal);
        return new Cluster
        {
            ClusterName = cluster.Name,
            ClusterArn = cluster.Arn,
            Description = cluster.Description,
            TotalNodes = cluster.Status == "modifying" ? cluster.TargetNodes : cluster.Nodes.Count,
            ActiveNodes = cluster.Status == "creating" ? 0 : cluster.Nodes.Count(n => n.Status == "available"),
            NodeType = cluster.NodeType,
            Status = cluster.Status,
            ClusterDiscoveryEndpoint = new Endpoint { Address = cluster.DiscoveryHost, Port = port, URL = $"{scheme}://{cluster.DiscoveryHost}" },
            NodeIdsToRemove = cluster.NodesToRemove.Count > 0 ? [.. cluster.NodesToRemove] : null,
            Nodes = cluster.Nodes.Select(n => new Node
            {
                NodeId = n.Id,
                Endpoint = new Endpoint { Address = n.Id + nodesDomain, Port = port },
                NodeCreateTime = n.Created,
                AvailabilityZone = n.AvailabilityZone,
                NodeStatus = cluster.Status == "creating" ? "creating" : n.Status,
                ParameterGroupStatus = "in-sync",
            }).ToList(),
            PreferredMaintenanceWindow = cluster.MaintenanceWindow,
            SubnetGroup = cluster.SubnetGroup,
            SecurityGroups = cluster.SecurityGroups.Select(id => new SecurityGroupMembership { SecurityGroupIdentifier = id, Status = "active" }).ToList(),
            IamRoleArn = cluster.IamRoleArn,
            ParameterGroup = new ParameterGroupStatus { ParameterGroupName = cluster.ParameterGroup, ParameterApplyStatus = "in-sync", NodeIdsToReboot = [] },
            SSEDescription = new SSEDescription { Status = cluster.Encrypted ? "ENABLED" : "DISABLED" },
            ClusterEndpointEncryptionType = cluster.Tls ? "TLS" : "NONE",
            NetworkType = "ipv4",
        };
    }
}
