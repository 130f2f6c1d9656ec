using FakeAws.Engine.Core;

namespace FakeAws;

/// <summary>
/// A timer of the cloud's clock. It fires on the cloud's scheduler, so a wait on it costs no real
/// time, and it counts as "waiting on the clock" for the work that made it (see <see cref="RunningWork.IsParked"/>).
/// </summary>
internal sealed class VirtualTimer : ITimer
{
    private readonly VirtualClock _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private readonly RunningWork? _owner;
    private readonly object _gate = new();
    private ScheduledWork? _pending;
    private TimeSpan _period;
    private bool _disposed;

    public VirtualTimer(VirtualClock clock, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
        _owner = clock.Scheduler.CurrentWork;
        Change(dueTime, period);
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }
            Disarm();
            _period = period;
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                Arm(dueTime);
            }
            return true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Disarm();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Arm(TimeSpan dueTime)
    {
        var due = _clock.GetUtcNow() + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
        _owner?.TimerArmed();
        _pending = _clock.Scheduler.Schedule(due, Fire, "timer");
    }

    private void Disarm()
    {
        if (_pending is not null)
        {
            _pending.Cancel();
            _pending = null;
            _owner?.TimerDone();
        }
    }

    private void Fire()
    {
        lock (_gate)
        {
            if (_disposed || _pending is null)
            {
                return;
            }
            _pending = null;
            _owner?.TimerDone();
            if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
            {
                Arm(_period);
            }
        }
        _callback(_state);
    }
}
