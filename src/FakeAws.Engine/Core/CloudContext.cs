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

    // Nearly every request of a test acts in the same account and region; remembering the last
    // one saves hashing the scope on the hot path.
    private Remembered? _last;

    private sealed record Remembered(RequestScope Scope, TState State);

    /// <summary>The state of <paramref name="scope"/>.</summary>
    public TState this[RequestScope scope]
    {
        get
        {
            var last = Volatile.Read(ref _last);
            if (last is not null && ReferenceEquals(last.Scope.Region, scope.Region) && ReferenceEquals(last.Scope.AccountId, scope.AccountId))
            {
                return last.State;
            }
            var state = _states.GetOrAdd(scope, create);
            Volatile.Write(ref _last, new Remembered(scope, state));
            return state;
        }
    }

    /// <summary>Every state made so far.</summary>
    public IEnumerable<KeyValuePair<RequestScope, TState>> All => _states;

    /// <summary>Forgets all state.</summary>
    public void Clear()
    {
        _states.Clear();
        _last = null;
    }
}
