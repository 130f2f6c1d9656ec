namespace FakeAws.Engine.Core;

/// <summary>What every engine of one cloud shares: its identity, its clock and its scheduler.</summary>
internal sealed class CloudContext(string accountId, string region, VirtualClock clock, int seed = 0)
{
    /// <summary>The account every request acts in unless the request says otherwise.</summary>
    public string AccountId { get; } = accountId;

    /// <summary>The region clients are created in unless told otherwise.</summary>
    public string DefaultRegion { get; } = region;

    /// <summary>
    /// Where a request acts: the cloud's account, in <paramref name="region"/> or, when the request
    /// names none, the cloud's default region. Every front door resolves a request's scope here.
    /// </summary>
    public RequestScope Scope(string? region) => new(AccountId, region ?? DefaultRegion);

    /// <summary>The one clock of the cloud.</summary>
    public VirtualClock Clock { get; } = clock;

    /// <summary>The cloud's queue of background work.</summary>
    public WorkScheduler Scheduler => Clock.Scheduler;

    /// <summary>The cloud's source of identifiers, seeded so runs repeat.</summary>
    public DeterministicIds Ids { get; } = new(seed);

    /// <summary>The virtual time now.</summary>
    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>
    /// The cloud's services as other services call them: Step Functions tasks, API Gateway
    /// integrations, Cognito triggers and event sources reach their targets through this, never an engine
    /// directly, so every call runs the target's own validation and behaviour.
    /// </summary>
    public IServiceCalls Services { get; set; } = UnboundServiceCalls.Instance;
}

/// <summary>
/// Where one request acts: the account and region it was signed for, and, when another service of the
/// cloud makes it, that caller.
/// </summary>
/// <param name="AccountId">The account the request acts in.</param>
/// <param name="Region">The region the request acts in.</param>
/// <param name="Caller">The service that made the request, or null for a client of the cloud.</param>
internal readonly record struct RequestScope(string AccountId, string Region, ServiceCaller? Caller = null)
{
    /// <summary>The same account and region, acting for <paramref name="caller"/>.</summary>
    public RequestScope As(ServiceCaller caller) => this with { Caller = caller };
}

/// <summary>A service of the cloud calling another: its service principal and the resource it acts for.</summary>
/// <param name="Principal">The service principal, for example <c>apigateway.amazonaws.com</c>.</param>
/// <param name="SourceArn">The resource the call is made for (a state machine, an API, a user pool), when there is one.</param>
/// <param name="RoleArn">
/// The IAM role the service assumed to make the call (an API Gateway integration's <c>credentials</c>),
/// or null when it calls as its service principal. A call with a role is authorized by the role's
/// identity policy, not by the target's resource-based policy.
/// </param>
internal sealed record ServiceCaller(string Principal, string? SourceArn = null, string? RoleArn = null);

/// <summary>
/// Keeps one instance of a service's state per account and region, made on first use.
/// </summary>
internal sealed class RegionalStore<TState>(Func<RequestScope, TState> create) : IStateStore where TState : class
{
    // Keyed by account and region only: who calls does not change whose state it is.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string AccountId, string Region), TState> _states = new();

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
            var state = _states.GetOrAdd((scope.AccountId, scope.Region), static (key, make) => make(new RequestScope(key.AccountId, key.Region)), create);
            Volatile.Write(ref _last, new Remembered(scope, state));
            return state;
        }
    }

    /// <summary>Every state made so far.</summary>
    public IEnumerable<KeyValuePair<RequestScope, TState>> All =>
        _states.Select(s => KeyValuePair.Create(new RequestScope(s.Key.AccountId, s.Key.Region), s.Value));

    /// <summary>Forgets all state.</summary>
    public void Clear()
    {
        _states.Clear();
        _last = null;
    }

    public IReadOnlyList<(string AccountId, string Region, object State)> Export() =>
        _states.OrderBy(s => s.Key.AccountId, StringComparer.Ordinal).ThenBy(s => s.Key.Region, StringComparer.Ordinal)
            .Select(s => (s.Key.AccountId, s.Key.Region, (object)s.Value)).ToList();

    public void Import(IEnumerable<(string AccountId, string Region, object State)> states)
    {
        Clear();
        foreach (var (accountId, region, state) in states)
        {
            _states[(accountId, region)] = (TState)state;
        }
    }
}
