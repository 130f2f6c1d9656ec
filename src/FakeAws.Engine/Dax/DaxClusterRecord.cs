using FakeAws.Engine.Dax.Model;

namespace FakeAws.Engine.Dax;

/// <summary>One cluster as the control plane keeps it, and its data plane once it is available.</summary>
internal sealed class DaxClusterRecord
{
    public required string Name { get; init; }
    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public string Arn => $"arn:aws:dax:{Region}:{AccountId}:cache/{Name}";
    public required string NodeType { get; init; }
    public required string DiscoveryHost { get; init; }
    public required bool Tls { get; init; }
    public required DateTimeOffset Created { get; init; }
    public string? Description { get; set; }
    public string ParameterGroup { get; set; } = DaxEngine.DefaultParameterGroup;
    public string SubnetGroup { get; set; } = "default";
    public string? IamRoleArn { get; set; }
    public string? MaintenanceWindow { get; set; }
    public List<string> SecurityGroups { get; set; } = [];
    public bool Encrypted { get; set; }
    public List<Tag> Tags { get; } = [];

    /// <summary>available, creating, modifying or deleting.</summary>
    public string Status { get; set; } = "creating";

    /// <summary>When the current creating, modifying or deleting status ends.</summary>
    public DateTimeOffset StatusEnds { get; set; }

    /// <summary>The node count a resize in progress is heading for.</summary>
    public int TargetNodes { get; set; }

    /// <summary>The node ids a decrease in progress removes.</summary>
    public List<string> NodesToRemove { get; set; } = [];

    public List<DaxNodeRecord> Nodes { get; } = [];

    /// <summary>The caches clients reach; null until the cluster is first available.</summary>
    public DaxCluster? DataPlane { get; set; }
}

/// <summary>One node of a cluster, as the control plane describes it.</summary>
internal sealed class DaxNodeRecord
{
    public required string Id { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required string AvailabilityZone { get; init; }
    public string Status { get; set; } = "available";
    public DateTimeOffset RebootEnds { get; set; }
}
