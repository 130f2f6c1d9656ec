namespace FakeAws.Engine.Lambda;

/// <summary>
/// One invocation's share of concurrency, held from when it starts until it ends in virtual time.
/// An invocation of a qualifier with provisioned concurrency that is ready takes one of its provisioned
/// environments while any is free; beyond that it spills over to on-demand concurrency. On demand,
/// functions with reserved concurrency draw from their reservation; the others share what the
/// account's limit leaves unreserved (provisioned concurrency is set aside from it).
/// </summary>
internal sealed class ConcurrencyLease
{
    private readonly LambdaRegion _region;
    private readonly LambdaFunction _function;
    private readonly bool _unreserved;
    private int _released;

    private ConcurrencyLease(LambdaRegion region, LambdaFunction function, bool unreserved, string? provisionedKey)
    {
        _region = region;
        _function = function;
        _unreserved = unreserved;
        ProvisionedKey = provisionedKey;
    }

    /// <summary>The qualifier whose provisioned concurrency serves the invocation, or null on demand.</summary>
    public string? ProvisionedKey { get; }

    /// <summary>Admits one more invocation, or throttles it with the reason AWS gives.</summary>
    /// <param name="region">The function's region.</param>
    /// <param name="function">The function.</param>
    /// <param name="accountLimit">The account's concurrency limit.</param>
    /// <param name="qualifiers">The qualifier invoked and the version it runs: the provisioned concurrency of either serves it.</param>
    /// <param name="now">The virtual time: provisioned concurrency serves once it is ready.</param>
    public static ConcurrencyLease Acquire(LambdaRegion region, LambdaFunction function, int accountLimit, IEnumerable<string> qualifiers, DateTimeOffset now)
    {
        lock (region.Gate)
        {
            foreach (var qualifier in qualifiers)
            {
                if (function.Provisioned.TryGetValue(qualifier, out var provisioned) && now >= provisioned.ReadyAt
                    && function.ProvisionedInFlight.GetValueOrDefault(qualifier) < provisioned.Requested)
                {
                    function.ProvisionedInFlight[qualifier] = function.ProvisionedInFlight.GetValueOrDefault(qualifier) + 1;
                    function.InFlight++;
                    return new ConcurrencyLease(region, function, unreserved: false, qualifier);
                }
            }
            if (function.ReservedConcurrency is { } reserved)
            {
                if (function.InFlight >= reserved)
                {
                    throw LambdaErrors.TooManyRequests(ThrottleReason.ReservedFunction);
                }
                function.InFlight++;
                return new ConcurrencyLease(region, function, unreserved: false, provisionedKey: null);
            }
            if (region.UnreservedInFlight >= accountLimit - region.ReservedTotal())
            {
                throw LambdaErrors.TooManyRequests(ThrottleReason.Account);
            }
            region.UnreservedInFlight++;
            function.InFlight++;
            return new ConcurrencyLease(region, function, unreserved: true, provisionedKey: null);
        }
    }

    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }
        lock (_region.Gate)
        {
            _function.InFlight--;
            if (_unreserved)
            {
                _region.UnreservedInFlight--;
            }
            if (ProvisionedKey is { } key)
            {
                _function.ProvisionedInFlight[key]--;
            }
        }
    }
}
