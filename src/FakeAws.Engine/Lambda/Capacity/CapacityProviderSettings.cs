using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda.Capacity;

/// <summary>
/// A capacity provider of Lambda Managed Instances: the VPC, operator role, instance requirements and
/// scaling its instances get. FakeAws launches no instances; it keeps what was asked and the state.
/// </summary>
internal sealed class CapacityProviderSettings
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    /// <summary>The provider as responses show it, without its state (computed from <see cref="ReadyAt"/>).</summary>
    public required CapacityProvider Description { get; init; }

    /// <summary>When the provider turns from Pending to Active, in virtual time.</summary>
    public required DateTimeOffset ReadyAt { get; init; }

    public SortedDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
