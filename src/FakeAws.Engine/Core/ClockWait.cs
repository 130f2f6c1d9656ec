namespace FakeAws.Engine.Core;

/// <summary>
/// One wait on the cloud's clock, the only way FakeAws waits on virtual time (see
/// <see cref="VirtualClock.Delay"/>). It ends when the virtual time reaches its due time, or when it
/// is cancelled.
/// </summary>
/// <remarks>
/// <para>The wait is an item on the cloud's scheduler, not a .NET timer: any length works (a
/// <c>Task.Delay</c> on a TimeProvider stops at about 49 days), it fires in the scheduler's order of
/// virtual time, and no thread is held while it waits.</para>
/// <para>While it is armed, the work that started it counts as waiting on the clock
/// (<see cref="RunningWork.IsParked"/>; for a request from outside the scheduler, <see cref="ExternalCall.Park"/>), so <see cref="VirtualClock.RunUntilIdleAsync"/> may jump the
/// clock to it. A wait that runs beside its work instead, such as a timeout raced against the work
/// itself, does not count: the work is busy while it runs.</para>
/// <para>The task completes inline, on the scheduler's run: the waiter resumes before the scheduler
/// can look for idle time, so a run is the same every time.</para>
/// </remarks>
internal sealed class ClockWait
{
    private readonly TaskCompletionSource _done = new();
    private readonly object _gate = new();
    private readonly RunningWork? _owner;
    private readonly ExternalCall? _call;
    private readonly CancellationToken _cancellationToken;
    private ScheduledWork? _item;
    private CancellationTokenRegistration _registration;
    private bool _settled;

    private ClockWait(RunningWork? owner, ExternalCall? call, CancellationToken cancellationToken)
    {
        _owner = owner;
        _call = call;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Starts a wait until <paramref name="due"/>, or one that only cancellation ends when it is null.
    /// A due time already reached completes at once.
    /// </summary>
    /// <param name="clock">The cloud's clock.</param>
    /// <param name="due">When the wait ends; null for no time limit.</param>
    /// <param name="parksCaller">Whether the work that waits counts as waiting on the clock until then.</param>
    /// <param name="cancellationToken">Ends the wait early, as cancelled.</param>
    public static Task Start(VirtualClock clock, DateTimeOffset? due, bool parksCaller, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }
        if (due <= clock.GetUtcNow())
        {
            return Task.CompletedTask;
        }
        // A wait without a due time holds no timer, so it never lets the clock jump.
        var parks = parksCaller && due is not null;
        var owner = parks ? clock.Scheduler.CurrentWork : null;
        var wait = new ClockWait(owner, parks && owner is null ? clock.Scheduler.CurrentCall : null, cancellationToken);
        if (due is { } at)
        {
            wait._owner?.TimerArmed();
            wait._call?.Park();
            wait._item = clock.Scheduler.Schedule(at, wait.Fire, "clock wait");
        }
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(static w => ((ClockWait)w!).Cancel(), wait);
            lock (wait._gate)
            {
                if (wait._settled)
                {
                    registration.Unregister();
                }
                else
                {
                    wait._registration = registration;
                }
            }
        }
        return wait._done.Task;
    }

    private void Fire()
    {
        CancellationTokenRegistration registration;
        lock (_gate)
        {
            if (_settled)
            {
                return;
            }
            _settled = true;
            registration = _registration;
        }
        registration.Unregister();
        _owner?.TimerDone();
        _call?.Unpark();
        _done.TrySetResult();
    }

    private void Cancel()
    {
        lock (_gate)
        {
            if (_settled)
            {
                return;
            }
            _settled = true;
        }
        // Taken off the queue, so a cancelled wait never makes RunUntilIdleAsync move the clock.
        _item?.Cancel();
        _owner?.TimerDone();
        _call?.Unpark();
        _done.TrySetCanceled(_cancellationToken);
    }
}
