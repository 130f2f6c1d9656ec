using FakeAws.Engine.Core;

namespace FakeAws.Engine.Lambda;

/// <summary>The functions of one account and region, and the invocations they have in flight.</summary>
internal sealed class LambdaRegion(RequestScope scope)
{
    public RequestScope Scope { get; } = scope;

    /// <summary>Serialises every change to the region's functions and the concurrency counts.</summary>
    public object Gate { get; } = new();

    public SortedDictionary<string, LambdaFunction> Functions { get; } = new(StringComparer.Ordinal);

    /// <summary>The region's event source mappings by UUID.</summary>
    public Dictionary<string, EventSourceMapping> EventSourceMappings { get; } = new(StringComparer.Ordinal);

    /// <summary>The region's layers by name.</summary>
    public SortedDictionary<string, Layers.LambdaLayer> Layers { get; } = new(StringComparer.Ordinal);

    /// <summary>The region's code signing configurations by ARN.</summary>
    public SortedDictionary<string, Signing.CodeSigningSettings> CodeSigningConfigs { get; } = new(StringComparer.Ordinal);

    /// <summary>The region's capacity providers (Lambda Managed Instances) by name.</summary>
    public SortedDictionary<string, Capacity.CapacityProviderSettings> CapacityProviders { get; } = new(StringComparer.Ordinal);

    /// <summary>The signing profile version that signed each package the test declared signed, by the package's SHA-256 (base64).</summary>
    public Dictionary<string, string> SignedPackages { get; } = new(StringComparer.Ordinal);

    /// <summary>The function each function URL id of the region belongs to.</summary>
    public Dictionary<string, LambdaFunction> UrlIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Invocations in flight, in virtual time, of functions without reserved concurrency.</summary>
    public int UnreservedInFlight { get; set; }

    /// <summary>The concurrency the region's functions set aside: reserved concurrency, or else their provisioned concurrency.</summary>
    public int ReservedTotal(LambdaFunction? except = null) =>
        Functions.Values.Where(f => f != except).Sum(f => f.ReservedConcurrency ?? f.Provisioned.Values.Sum(p => p.Requested));
}
