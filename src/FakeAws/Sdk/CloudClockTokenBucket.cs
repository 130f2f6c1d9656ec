using Amazon.Runtime.Internal;
using FakeAws.Engine.Core;

namespace FakeAws.Sdk;

/// <summary>
/// The adaptive retry mode's client-side rate limiter on the cloud's clock: the SDK's own token bucket
/// (its CUBIC rates, its capacity, its refills), reading the time from the clock of the cloud the
/// client's last request went to and waiting for tokens on it, as <see cref="CloudClockRetryPolicy"/>
/// waits out back-offs. For a client of no live cloud it is the SDK's bucket on the wall clock.
/// </summary>
internal sealed class CloudClockTokenBucket : TokenBucket
{
    private volatile VirtualClock? _clock;

    /// <summary>The clock of the cloud the client's requests go to; null for none.</summary>
    public VirtualClock? Clock
    {
        get => _clock;
        set => _clock = value;
    }

    protected override double GetTimestamp() =>
        _clock is { } clock ? (clock.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalSeconds : base.GetTimestamp();

    protected override void WaitForToken(int delayMs)
    {
        if (_clock is { } clock)
        {
            CloudClockRetryPolicy.SleepAsync(clock, TimeSpan.FromMilliseconds(delayMs), CancellationToken.None).GetAwaiter().GetResult();
            return;
        }
        base.WaitForToken(delayMs);
    }

    protected override Task WaitForTokenAsync(int delayMs, CancellationToken cancellationToken) =>
        _clock is { } clock
            ? CloudClockRetryPolicy.SleepAsync(clock, TimeSpan.FromMilliseconds(delayMs), cancellationToken)
            : base.WaitForTokenAsync(delayMs, cancellationToken);
}
