using System.Collections.Concurrent;
using Amazon.Runtime.Internal;

namespace FakeAws.Sdk;

/// <summary>
/// The clouds alive in this process, by the host name their clients send to
/// (<c>{id}.fakeaws.invalid</c>). The pipeline customizer looks requests up here; a disposed cloud
/// is forgotten, so its old clients fail clearly instead of reaching another cloud.
/// </summary>
internal static class LiveClouds
{
    /// <summary>The reserved top-level domain ".invalid" can never resolve, so a request that escapes FakeAws fails fast.</summary>
    public const string HostSuffix = ".fakeaws.invalid";

    private static readonly ConcurrentDictionary<string, FakeAwsCloud> Clouds = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Lazy<bool> Customizer = new(() =>
    {
        RuntimePipelineCustomizerRegistry.Instance.Register(new FakeAwsPipelineCustomizer());
        return true;
    });
    private static int _counter;

    /// <summary>A process-unique id for a new cloud, usable as a DNS label.</summary>
    public static string NewId() => $"cloud{Interlocked.Increment(ref _counter)}";

    public static void Add(FakeAwsCloud cloud)
    {
        _ = Customizer.Value;
        Clouds[cloud.Id] = cloud;
    }

    public static void Remove(FakeAwsCloud cloud) => Clouds.TryRemove(cloud.Id, out _);

    /// <summary>
    /// The live cloud a host names. Host prefixes the SDK injects (for example <c>sync-</c> for
    /// StartSyncExecution) come before the id, so the label is matched by its ending.
    /// </summary>
    public static FakeAwsCloud? Find(string host)
    {
        if (!IsFakeHost(host))
        {
            return null;
        }
        var label = host[..^HostSuffix.Length];
        var dot = label.LastIndexOf('.');
        label = dot < 0 ? label : label[(dot + 1)..];
        if (Clouds.TryGetValue(label, out var cloud))
        {
            return cloud;
        }
        var dash = label.LastIndexOf('-');
        return dash >= 0 && Clouds.TryGetValue(label[(dash + 1)..], out cloud) ? cloud : null;
    }

    public static bool IsFakeHost(string host) => host.EndsWith(HostSuffix, StringComparison.OrdinalIgnoreCase);
}
