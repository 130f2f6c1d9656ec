namespace FakeAws.Engine.Lambda;

/// <summary>
/// One invocation's share of concurrency, held from when it starts until it ends in virtual time.
/// Functions with reserved concurrency draw from their reservation; the others share what the
/// account's limit leaves unreserved.
/// </summary>
internal sealed class ConcurrencyLease
{
    private readonly LambdaRegion _region;
    private readonly LambdaFunction _function;
    private readonly bool _unreserved;
    private int _released;

    private ConcurrencyLease(LambdaRegion region, LambdaFunction function, bool unreserved)
    {
        _region = region;
        _function = function;
        _unreserved = unreserved;
    }

    /// <summary>Admits one more invocation, or throttles it with the reason AWS gives.</summary>
    public static ConcurrencyLease Acquire(LambdaRegion region, LambdaFunction function, int accountLimit)
    {
        lock (region.Gate)
        {
            if (function.ReservedConcurrency is { } reserved)
            {
                if (function.InFlight >= reserved)
                {
                    throw LambdaErrors.TooManyRequests(ThrottleReason.ReservedFunction);
                }
                function.InFlight++;
                return new ConcurrencyLease(region, function, unreserved: false);
            }
            if (region.UnreservedInFlight >= accountLimit - region.ReservedTotal())
            {
                throw LambdaErrors.TooManyRequests(ThrottleReason.Account);
            }
            region.UnreservedInFlight++;
            function.InFlight++;
            return new ConcurrencyLease(region, function, unreserved: true);
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
        }
    }
}
