using FakeAws.Engine.Core;
using Microsoft.Extensions.Time.Testing;

namespace FakeAws;

/// <summary>
/// The cloud's one clock. Every service reads the time from it, and every wait, retry, retention
/// window and timeout runs on it. It stands still until a test moves it.
/// </summary>
/// <remarks>
/// <para>The time itself comes from a source <see cref="TimeProvider"/>: the one given in
/// <c>FakeAwsOptions.TimeProvider</c> (usually a <see cref="FakeTimeProvider"/>), or else a
/// <see cref="FakeTimeProvider"/> that starts at the wall-clock time when the cloud is created.</para>
/// <para>Timers made from this clock, and all background work of the services, run on the cloud's
/// scheduler in order of virtual time, then order of submission. <see cref="Advance"/> runs everything
/// due up to the new time; <see cref="RunUntilIdleAsync"/> also jumps over quiet stretches.
/// Moving the source provider directly (for example <c>fakeTime.Advance(...)</c>) runs due work too.</para>
/// </remarks>
public sealed class VirtualClock : TimeProvider
{
    /// <summary>How far <see cref="RunUntilIdleAsync"/> may move the clock unless told otherwise.</summary>
    public static readonly TimeSpan DefaultIdleHorizon = TimeSpan.FromDays(3660);

    /// <summary>How many clock jumps <see cref="RunUntilIdleAsync"/> makes before it gives up.</summary>
    public const int MaxIdleJumps = 100_000;

    private static readonly TimeSpan MaxWakeDelay = TimeSpan.FromDays(40);

    private readonly TimeProvider _source;
    private readonly FakeTimeProvider? _settable;
    private readonly object _wakeGate = new();
    private ITimer? _wake;
    private DateTimeOffset? _wakeDue;

    internal VirtualClock(TimeProvider source)
    {
        _source = source;
        _settable = source as FakeTimeProvider;
        Scheduler.Scheduled += ArmWake;
    }

    /// <summary>Creates the default clock: a fake provider that starts at the wall-clock time now.</summary>
    internal static VirtualClock StartingNow()
    {
        // The one place FakeAws reads the wall clock: where the virtual clock starts.
#pragma warning disable RS0030
        var start = TimeProvider.System.GetUtcNow();
#pragma warning restore RS0030
        return new VirtualClock(new FakeTimeProvider(start));
    }

    internal WorkScheduler Scheduler { get; } = new();

    /// <summary>The provider the time is read from.</summary>
    public TimeProvider Source => _source;

    /// <summary>Whether FakeAws can move this clock (its source is a <see cref="FakeTimeProvider"/>).</summary>
    public bool CanAdvance => _settable is not null;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _source.GetUtcNow();

    /// <inheritdoc />
    public override long GetTimestamp() => _source.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => _source.TimestampFrequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _source.LocalTimeZone;

    /// <summary>Makes a timer that fires on the cloud's scheduler when the virtual time reaches it.</summary>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new VirtualTimer(this, callback, state, dueTime, period);

    /// <summary>
    /// Waits <paramref name="delay"/> of virtual time. Unlike <c>Task.Delay(span, clock)</c>, which .NET
    /// caps at about 49 days, any length works, so a Step Functions Wait of a year is one wait.
    /// </summary>
    /// <param name="delay">How long to wait. Zero or less completes at once; <see cref="Timeout.InfiniteTimeSpan"/>
    /// waits until <paramref name="cancellationToken"/> ends it, as <c>Task.Delay</c> does.</param>
    /// <param name="cancellationToken">Ends the wait early, as cancelled.</param>
    public Task Delay(TimeSpan delay, CancellationToken cancellationToken = default) =>
        ClockWait.Start(this, delay == Timeout.InfiniteTimeSpan ? null : After(delay), parksCaller: true, cancellationToken);

    /// <summary>
    /// Waits until the virtual time reaches <paramref name="due"/>. This is <see cref="Delay"/> for a
    /// deadline; a timeout raced against the work that sets it passes <paramref name="parksCaller"/> false,
    /// so the work does not count as waiting on the clock while it runs.
    /// </summary>
    internal Task DelayUntil(DateTimeOffset due, CancellationToken cancellationToken, bool parksCaller = true) =>
        ClockWait.Start(this, due, parksCaller, cancellationToken);

    // The time after a wait of any length: a span past the calendar's end waits for ever on the queue.
    private DateTimeOffset After(TimeSpan delay)
    {
        var now = GetUtcNow();
        return delay > DateTimeOffset.MaxValue - now ? DateTimeOffset.MaxValue : now + delay;
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, running all work due on the way, in order.</summary>
    /// <exception cref="InvalidOperationException">The source provider cannot be moved, or the call comes from work on the scheduler.</exception>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        SetUtcNow(GetUtcNow() + delta);
    }

    /// <summary>Sets the clock to <paramref name="value"/>, running all work due on the way, in order.</summary>
    /// <exception cref="InvalidOperationException">The source provider cannot be moved, or the call comes from work on the scheduler.</exception>
    public void SetUtcNow(DateTimeOffset value)
    {
        ThrowIfCannotMove();
        if (value < GetUtcNow())
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"The virtual clock cannot go back from {GetUtcNow():O}.");
        }
        MoveTo(value);
        ThrowFaults();
    }

    /// <summary>
    /// Runs the cloud's work until nothing is left that can run. While only timers remain, the
    /// clock jumps to the next one, so a one-year wait finishes at once.
    /// </summary>
    /// <param name="horizon">How far the clock may move; <see cref="DefaultIdleHorizon"/> unless given.
    /// Work due after it stays pending.</param>
    /// <param name="cancellationToken">Stops waiting for work that runs outside the scheduler.</param>
    /// <exception cref="InvalidOperationException">The work did not settle within <see cref="MaxIdleJumps"/> clock jumps.</exception>
    public Task RunUntilIdleAsync(TimeSpan? horizon = null, CancellationToken cancellationToken = default) =>
        DriveAsync(target: null, GetUtcNow() + (horizon ?? DefaultIdleHorizon), cancellationToken);

    /// <summary>
    /// Drives the scheduler until <paramref name="target"/> completes, jumping the clock while the
    /// target only waits on virtual time. Used where a caller waits for work that takes virtual time,
    /// such as a synchronous Lambda invoke of a handler that sleeps on the clock.
    /// </summary>
    internal Task RunUntilCompleteAsync(Task target, CancellationToken cancellationToken = default) =>
        DriveAsync(target, DateTimeOffset.MaxValue, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> on the cloud's scheduler and waits for it in virtual time. A caller
    /// outside the scheduler (a test, a wire request) drives the clock until the work is done, so a
    /// handler that waits on the clock finishes at once. A caller that is itself scheduled work (a
    /// handler invoking another function, a Step Functions task) waits while the scheduler runs.
    /// </summary>
    internal async Task<T> RunInVirtualTimeAsync<T>(Func<Task<T>> work, string description, CancellationToken cancellationToken)
    {
        // Completing inline lets a waiting caller resume before the scheduler looks for idle time.
        var done = new TaskCompletionSource<T>();
        Scheduler.NoteArrival();
        Scheduler.Schedule(GetUtcNow(), async () =>
        {
            try
            {
                done.TrySetResult(await work().ConfigureAwait(false));
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        }, description);
        if (Scheduler.CurrentWork is { } caller)
        {
            caller.ExternalWaitStarted();
            // Awaiting the completion source itself (not WaitAsync, whose continuation may run later
            // on another thread) resumes the caller inline, before the scheduler can mistake the gap
            // for idle time and move the clock.
            using var cancellation = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
            try
            {
                return await done.Task.ConfigureAwait(false);
            }
            finally
            {
                caller.ExternalWaitEnded();
            }
        }
        await RunUntilCompleteAsync(done.Task, cancellationToken).ConfigureAwait(false);
        return await done.Task.ConfigureAwait(false);
    }

    private async Task DriveAsync(Task? target, DateTimeOffset horizon, CancellationToken cancellationToken)
    {
        ThrowIfReentrant();
        // A request that drives the clock waits on it: it no longer holds the clock still.
        var call = Scheduler.CurrentWork is null ? Scheduler.CurrentCall : null;
        call?.Park();
        try
        {
            await DriveParkedAsync(target, horizon, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            call?.Unpark();
        }
    }

    private async Task DriveParkedAsync(Task? target, DateTimeOffset horizon, CancellationToken cancellationToken)
    {
        for (var jumps = 0; target is not { IsCompleted: true }; )
        {
            // Taken before the state is read, so a change made while it is read still wakes the wait.
            var change = Scheduler.NextChange;
            Scheduler.RunDue(GetUtcNow(), MoveSourceTo);
            if (target is { IsCompleted: true })
            {
                break;
            }
            if (!Scheduler.IsQuiescent(out var busy))
            {
                await WaitForChange(change, busy!, target, cancellationToken);
                continue;
            }
            var next = Scheduler.NextDue;
            if (next is null || next > horizon || !CanAdvance)
            {
                if (target is null)
                {
                    break;
                }
                // The target waits on something outside the scheduler: wait for it to move.
                await WaitForChange(change, target, target, cancellationToken);
                continue;
            }
            if (!Scheduler.Arrivals.IsSettled)
            {
                // Invocations may still be arriving: the clock moves once they have stopped.
                await Scheduler.Arrivals.WaitWindowAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (++jumps > MaxIdleJumps)
            {
                throw new InvalidOperationException(
                    $"The cloud did not become idle after {MaxIdleJumps} clock jumps; it is now {GetUtcNow():O}. " +
                    "A periodic timer or an endless retry keeps it busy: advance the clock explicitly instead.");
            }
            MoveTo(next.Value);
        }
        ThrowFaults();
    }

    private static async Task WaitForChange(Task change, Task busy, Task? target, CancellationToken cancellationToken)
    {
        var waits = target is null ? new[] { busy, change } : new[] { busy, change, target };
        await Task.WhenAny(waits).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void MoveTo(DateTimeOffset value)
    {
        Scheduler.RunDue(value, MoveSourceTo);
        MoveSourceTo(value);
        RearmWake();
    }

    private void MoveSourceTo(DateTimeOffset value)
    {
        if (_settable is not null && value > _settable.GetUtcNow())
        {
            _settable.SetUtcNow(value);
        }
    }

    private void ThrowIfCannotMove()
    {
        ThrowIfReentrant();
        if (_settable is null)
        {
            throw new InvalidOperationException(
                $"The cloud's clock reads from a {_source.GetType().Name}, which FakeAws cannot move. " +
                "Pass a FakeTimeProvider in FakeAwsOptions.TimeProvider, or leave it unset to get FakeAws's own virtual clock.");
        }
    }

    private void ThrowIfReentrant()
    {
        if (Scheduler.IsPumping)
        {
            throw new InvalidOperationException(
                "The clock cannot be moved from work that runs on the cloud's scheduler; wait on the clock instead " +
                "(for example Task.Delay(delay, aws.Clock)).");
        }
    }

    private void ThrowFaults()
    {
        var faults = Scheduler.TakeFaults();
        if (faults.Count > 0)
        {
            throw new AggregateException("FakeAws background work failed. This is a FakeAws bug; please report it.", faults);
        }
    }

    // The wake-up timer lives on the source provider. When a test moves its own FakeTimeProvider
    // (or, with a real-time provider, when real time passes), it fires and runs the work now due.
    private void ArmWake(DateTimeOffset due) => ArmWake(due, force: false);

    private void ArmWake(DateTimeOffset due, bool force)
    {
        lock (_wakeGate)
        {
            if (!force && _wakeDue <= due)
            {
                return;
            }
            _wakeDue = due;
            _wake ??= _source.CreateTimer(_ => OnWake(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            var delay = due - _source.GetUtcNow();
            // Work due now waits for an explicit run; the wake-up only covers time the source moves on its own.
            // Timers cannot be set beyond about 49 days, so a later wake-up is re-armed when this one fires.
            delay = delay <= TimeSpan.Zero ? TimeSpan.FromTicks(1) : delay > MaxWakeDelay ? MaxWakeDelay : delay;
            _wake.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void RearmWake()
    {
        if (Scheduler.NextWake is { } next)
        {
            ArmWake(next, force: true);
        }
        else
        {
            lock (_wakeGate) _wakeDue = null;
        }
    }

    private void OnWake()
    {
        if (Scheduler.IsPumping)
        {
            return; // The clock is being moved by MoveTo on this thread, which runs the work itself.
        }
        Scheduler.RunDue(GetUtcNow(), MoveSourceTo);
        RearmWake();
    }
}
