using System.Collections.Concurrent;
using Amazon.Runtime.Internal;

namespace FakeAws.Sdk;

/// <summary>
/// The clouds alive in this process, by the host name their clients send to
/// (<c>{id}.fakeaws.invalid</c>), for clients configured from a URL alone (for example by
/// <c>AddAWSService</c> with FakeAws's AWSOptions). Entries are weak: nothing here keeps a cloud
/// alive, so a cloud a test forgot to dispose is collected with its clients. A disposed or collected
/// cloud is forgotten and its id goes back to a pool, so that the SDK's per-URL caches (the retry
/// capacity of each service URL) stop growing with the number of clouds a process makes.
/// </summary>
internal static class LiveClouds
{
    /// <summary>The reserved top-level domain ".invalid" can never resolve, so a request that escapes FakeAws fails fast.</summary>
    public const string HostSuffix = ".fakeaws.invalid";

    /// <summary>
    /// How many freed ids wait before one is given out again. A client configured from the URL of a
    /// disposed cloud, and never used before that, would reach the cloud that reuses its id; the
    /// quarantine makes that take this many disposals in between. It bounds the SDK's cache at the
    /// peak number of live clouds plus this many entries.
    /// </summary>
    internal const int IdQuarantine = 64;

    private static readonly ConcurrentDictionary<string, WeakReference<FakeAwsCloud>> Clouds = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentQueue<string> FreeIds = new();
    private static readonly Lazy<bool> Customizer = new(() =>
    {
        RuntimePipelineCustomizerRegistry.Instance.Register(new FakeAwsPipelineCustomizer());
        return true;
    });
    private static int _counter;
    // The count of entries at which the next Add looks for clouds collected without being disposed.
    private static int _sweepAt = IdQuarantine;

    /// <summary>How many ids were ever made: the number of distinct service URLs the process's clouds have used.</summary>
    internal static int IdsMade => Volatile.Read(ref _counter);

    /// <summary>
    /// Registers a new cloud under an id usable as a DNS label: a freed one once enough wait, else a new one.
    /// </summary>
    public static string Add(FakeAwsCloud cloud)
    {
        _ = Customizer.Value;
        if (Clouds.Count >= Volatile.Read(ref _sweepAt))
        {
            Sweep();
        }
        var entry = new WeakReference<FakeAwsCloud>(cloud);
        while (true)
        {
            var id = FreeIds.Count > IdQuarantine && FreeIds.TryDequeue(out var free) ? free : $"cloud{Interlocked.Increment(ref _counter)}";
            if (Clouds.TryAdd(id, entry))
            {
                return id;
            }
        }
    }

    /// <summary>Forgets a disposed cloud; its id can serve a later cloud.</summary>
    public static void Remove(FakeAwsCloud cloud)
    {
        if (Clouds.TryRemove(cloud.Id, out _))
        {
            FreeIds.Enqueue(cloud.Id);
        }
    }

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
        if (Alive(label) is { } cloud)
        {
            return cloud;
        }
        var dash = label.LastIndexOf('-');
        return dash >= 0 ? Alive(label[(dash + 1)..]) : null;
    }

    public static bool IsFakeHost(string host) => host.EndsWith(HostSuffix, StringComparison.OrdinalIgnoreCase);

    private static FakeAwsCloud? Alive(string id) =>
        Clouds.TryGetValue(id, out var entry) && entry.TryGetTarget(out var cloud) && cloud.IsAlive ? cloud : null;

    // Clouds collected without Dispose leave dead entries; each sweep frees their ids and sets the
    // next one at twice the survivors, so sweeping costs a constant amount per cloud made.
    private static void Sweep()
    {
        foreach (var (id, entry) in Clouds)
        {
            if (!entry.TryGetTarget(out _) && Clouds.TryRemove(new KeyValuePair<string, WeakReference<FakeAwsCloud>>(id, entry)))
            {
                FreeIds.Enqueue(id);
            }
        }
        Volatile.Write(ref _sweepAt, Math.Max(IdQuarantine, Clouds.Count * 2));
    }
}
