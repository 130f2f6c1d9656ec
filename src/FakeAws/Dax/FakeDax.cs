using Amazon.DynamoDBv2;
using FakeAws.Engine.Dax;

namespace FakeAws.Dax;

/// <summary>
/// The cloud's DAX clusters, for tests: <c>aws.Dax.CreateCluster("cache")</c>, then
/// <c>aws.Dax.CreateClient("cache")</c> is an <see cref="IAmazonDynamoDB"/> whose calls go through the
/// cluster's caches, as <c>ClusterDaxClient</c>'s do. See docs/DAX.md for the consistency model.
/// </summary>
public sealed class FakeDax
{
    private readonly DaxModule _module;

    internal FakeDax(DaxModule module) => _module = module;

    /// <summary>Creates a cluster in the cloud's region, available at once. Its name is stored lower-case, as AWS stores it.</summary>
    /// <param name="name">1 to 20 letters, digits and hyphens, starting with a letter, with no trailing or double hyphen.</param>
    /// <param name="options">TTLs, nodes and replica lag; AWS's defaults when null.</param>
    /// <exception cref="ArgumentException">The name breaks AWS's rules.</exception>
    /// <exception cref="InvalidOperationException">A cluster of that name exists.</exception>
    public void CreateCluster(string name, DaxClusterOptions? options = null) =>
        _module.Engine.CreateAvailableCluster(_module.DefaultScope, CheckName(name), options ?? new DaxClusterOptions());

    /// <summary>
    /// An official <see cref="AmazonDynamoDBClient"/> whose calls go through the cluster: reads from its
    /// caches, writes through them to DynamoDB, table management refused.
    /// </summary>
    /// <exception cref="ArgumentException">The cloud has no available cluster of that name (one made through the control plane is usable once available).</exception>
    public IAmazonDynamoDB CreateClient(string clusterName)
    {
        var name = clusterName.ToLowerInvariant();
        if (!_module.Exists(name))
        {
            throw new ArgumentException($"This cloud has no DAX cluster named {name}; create it with aws.Dax.CreateCluster first.", nameof(clusterName));
        }
        return _module.CreateClient(name);
    }

    /// <summary>Creates the cluster unless one of that name exists, for registrations that may run more than once.</summary>
    internal void EnsureCluster(string name, DaxClusterOptions? options)
    {
        if (!_module.Exists(CheckName(name)))
        {
            CreateCluster(name, options);
        }
    }

    private static string CheckName(string name) =>
        DaxClusterNames.IsValid(name)
            ? name.ToLowerInvariant()
            : throw new ArgumentException($"'{name}' is not a DAX cluster name: {DaxClusterNames.Rule}.", nameof(name));
}
