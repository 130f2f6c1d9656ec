namespace FakeAws.Engine.Core;

/// <summary>
/// Expires retained state as the clock passes its expiry (stream records after 24 hours, recovery
/// history after its window), so moving the clock alone releases the memory. One upkeep item on the
/// scheduler stands for the earliest expiry; when it runs, <c>expire</c> drops what is due and answers
/// the next expiry, for which the item is armed again.
/// </summary>
/// <remarks>
/// Upkeep never moves the clock by itself (<see cref="WorkScheduler.ScheduleUpkeep"/>): a test that
/// runs until idle does not find its clock a day or a month later because a table keeps history.
/// </remarks>
/// <param name="cloud">The cloud whose clock and scheduler the expiry runs on.</param>
/// <param name="expire">Drops what has expired at the time given (taking its owner's lock) and returns the next expiry, or null when nothing is left.</param>
/// <param name="description">What expires, for diagnostics.</param>
internal sealed class ExpiryUpkeep(CloudContext cloud, Func<DateTimeOffset, DateTimeOffset?> expire, string description)
{
    private readonly object _gate = new();
    private ScheduledWork? _pending;

    /// <summary>Makes sure an expiry runs by <paramref name="due"/>; an earlier one already armed stays.</summary>
    public void ArmBy(DateTimeOffset due)
    {
        lock (_gate)
        {
            if (_pending is not null && _pending.Due <= due)
            {
                return;
            }
            _pending?.Cancel();
            _pending = cloud.Scheduler.ScheduleUpkeep(due, Run, description);
        }
    }

    private void Run()
    {
        lock (_gate)
        {
            _pending = null;
        }
        if (expire(cloud.Now) is { } next)
        {
            ArmBy(next);
        }
    }
}
