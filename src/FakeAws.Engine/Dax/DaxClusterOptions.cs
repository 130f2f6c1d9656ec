namespace FakeAws;

/// <summary>
/// One DAX cluster's settings, as <c>aws.Dax.CreateCluster(name, options)</c> takes them: the cache TTLs
/// of the cluster's parameter group, its node count, and the tunables AWS leaves open.
/// </summary>
public sealed class DaxClusterOptions
{
    /// <summary>AWS's default for both TTLs: 300000 ms in parameter group <c>default.dax1.0</c>.</summary>
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromMinutes(5);

    /// <summary>How long an item-cache entry lives from when it was cached (<c>record-ttl-millis</c>). Reads do not extend it.</summary>
    public TimeSpan ItemCacheTtl { get; set; } = DefaultTtl;

    /// <summary>How long a query-cache entry lives from when it was cached (<c>query-ttl-millis</c>).</summary>
    public TimeSpan QueryCacheTtl { get; set; } = DefaultTtl;

    /// <summary>The replication factor: one primary and <c>Nodes - 1</c> read replicas, 1 to 11 as on AWS.</summary>
    public int Nodes { get; set; } = 1;

    /// <summary>
    /// How long the primary's cache updates take to reach the read replicas, in virtual time. AWS says
    /// replication "usually takes less than one second"; it only matters with more than one node.
    /// </summary>
    public TimeSpan ReplicaLag { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Each node's cache memory, shared by its item and query caches; the least recently used entries
    /// are evicted beyond it. Entries are measured by DynamoDB's item sizes.
    /// </summary>
    public long CacheSizeBytes { get; set; } = 256L * 1024 * 1024;

    internal DaxClusterOptions Clone() => (DaxClusterOptions)MemberwiseClone();

    internal void Validate()
    {
        if (Nodes is < 1 or > 11)
        {
            throw new ArgumentOutOfRangeException(nameof(Nodes), Nodes, "A DAX cluster has 1 to 11 nodes.");
        }
        if (ItemCacheTtl < TimeSpan.Zero || QueryCacheTtl < TimeSpan.Zero || ReplicaLag < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ItemCacheTtl), "DAX's TTLs and replica lag cannot be negative.");
        }
        if (CacheSizeBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(CacheSizeBytes), CacheSizeBytes, "A DAX node needs some cache memory.");
        }
    }
}
