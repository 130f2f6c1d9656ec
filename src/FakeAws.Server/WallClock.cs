using FakeAws.Engine.Core;
using Microsoft.Extensions.Time.Testing;

namespace FakeAws.Server;

/// <summary>
/// Makes a server's virtual clock follow the wall clock (<c>--clock wall</c>): a real timer advances
/// it by the wall time that passed, so work comes due (TTL deletions, Wait states, token expiry) as it
/// would on AWS, while admin advances still move it further forward on top.
/// </summary>
/// <remarks>
/// The clock stays a <see cref="FakeTimeProvider"/> that FakeAws moves, rather than reading the wall
/// clock, so that everything that moves it goes through <see cref="VirtualClock.Advance"/> and runs
/// due work in order. The server is the one place FakeAws reads real time (DESIGN.md §4).
/// </remarks>
internal sealed class WallClock : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

#pragma warning disable RS0030 // The wall clock, read on purpose: following it is this class's job.
    private static readonly TimeProvider Wall = TimeProvider.System;
#pragma warning restore RS0030

    private readonly VirtualClock _clock;
    private readonly ILogger _log;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private long _last;

    private WallClock(VirtualClock clock, ILogger log)
    {
        _clock = clock;
        _log = log;
        _last = Wall.GetTimestamp();
        _timer = Wall.CreateTimer(_ => Follow(), null, Tick, Tick);
    }

    /// <summary>A clock source that starts at the wall-clock time now, for the cloud to be built on.</summary>
    public static FakeTimeProvider StartingNow() => new(Wall.GetUtcNow());

    /// <summary>Starts moving <paramref name="clock"/> with the wall clock until disposed.</summary>
    public static WallClock Follow(VirtualClock clock, ILogger log) => new(clock, log);

    private void Follow()
    {
        lock (_gate)
        {
            var now = Wall.GetTimestamp();
            var passed = Wall.GetElapsedTime(_last, now);
            _last = now;
            try
            {
                _clock.Advance(passed);
            }
            catch (ArgumentOutOfRangeException)
            {
                // An admin advance moved the clock between our read and our move: it is ahead already,
                // and this slice of wall time is covered by the jump.
            }
            catch (AggregateException e)
            {
                _log.LogError(e, "FakeAws background work failed while the clock followed the wall clock.");
            }
        }
    }

    /// <summary>Stops following the wall clock.</summary>
    public void Dispose() => _timer.Dispose();
}
