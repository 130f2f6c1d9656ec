namespace FakeAws.Engine.ApiGateway.Throttling;

/// <summary>
/// API Gateway's throttle: a bucket of <c>burst</c> tokens that refills at <c>rate</c> tokens a
/// second of virtual time; each request takes one, and a request that finds none is throttled.
/// A burst of 0 throttles every request, as on AWS.
/// </summary>
internal sealed class TokenBucket(double rate, int burst, DateTimeOffset now)
{
    private double _tokens = burst;
    private DateTimeOffset _refilled = now;

    public double Rate { get; } = rate;

    public int Burst { get; } = burst;

    public bool TryTake(DateTimeOffset now)
    {
        if (now > _refilled)
        {
            _tokens = Math.Min(Burst, _tokens + (now - _refilled).TotalSeconds * Rate);
            _refilled = now;
        }
        if (_tokens < 1)
        {
            return false;
        }
        _tokens -= 1;
        return true;
    }
}
