namespace FakeAws.Engine.Core;

/// <summary>What every engine of one cloud shares: its identity, its clock and its scheduler.</summary>
internal sealed class CloudContext(string accountId, string region, VirtualClock clock, int seed = 0)
{
    /// <summary>The account every request acts in unless the request says otherwise.</summary>
    public string AccountId { get; } = accountId;

    /// <summary>The region clients are created in unless told otherwise.</summary>
    public string DefaultRegion { get; } = region;

    /// <summary>The one clock of the cloud.</summary>
    public VirtualClock Clock { get; } = clock;

    /// <summary>The cloud's queue of background work.</summary>
    public WorkScheduler Scheduler => Clock.Scheduler;

    /// <summary>The cloud's source of identifiers, seeded so runs repeat.</summary>
    public DeterministicIds Ids { get; } = new(seed);

    /// <summary>The virtual time now.</summary>
    public DateTimeOffset Now => Clock.GetUtcNow();
}

/// <summary>Where one request acts: the account and region it was signed for.</summary>
internal readonly record struct RequestScope(string AccountId, string Region);

/// <summary>
/// Keeps one instance of a service's state per account and region, made on first use.
/// </summary>
internal sealed class RegionalStore<TState>(Func<RequestScope, TState> create) where TState : class
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<RequestScope, TState> _states = new();

    /// <summary>The state of <paramref name="scope"/>.</summary>
    public TState this[RequestScope scope] => _states.GetOrAdd(scope, create);

    /// <summary>Every state made so far.</summary>
    public IEnumerable<KeyValuePair<RequestScope, TState>> All => _states;

    /// <summary>Forgets all state.</summary>
    public void Clear() => _states.Clear();
}
