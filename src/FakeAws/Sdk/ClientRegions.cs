using Amazon.Runtime;

namespace FakeAws.Sdk;

/// <summary>The region an SDK client works in, as its config names it.</summary>
internal static class ClientRegions
{
    /// <summary>The config's signing region, else its endpoint's region, else null (the cloud's default region then applies).</summary>
    public static string? Of(IClientConfig config) => config.AuthenticationRegion ?? config.RegionEndpoint?.SystemName;
}
