using Microsoft.Extensions.Time.Testing;

namespace FakeAws.Engine.Tests.Core;

/// <summary>Waits on the virtual clock: <see cref="VirtualClock.Delay"/> and its deadline form.</summary>
public class ClockWaitTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static VirtualClock NewClock() => new(new FakeTimeProvider(Start));

    [Test]
    public void Delay_ZeroOrLess_CompletesAtOnce()
    {
        var clock = NewClock();

        Assert.That(clock.Delay(TimeSpan.Zero).IsCompletedSuccessfully, Is.True);
        Assert.That(clock.Delay(TimeSpan.FromSeconds(-5)).IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public void Delay_AlreadyCancelled_IsCancelledWithoutATimer()
    {
        var clock = NewClock();

        var wait = clock.Delay(TimeSpan.FromHours(1), new CancellationToken(canceled: true));

        Assert.That(wait.IsCanceled, Is.True);
        Assert.That(clock.Scheduler.NextDue, Is.Null);
    }

    [Test]
    public void Delay_LongerThanTheCalendar_WaitsWithoutOverflow()
    {
        var clock = NewClock();

        var wait = clock.Delay(TimeSpan.MaxValue);

        Assert.That(wait.IsCompleted, Is.False);
        Assert.That(clock.Scheduler.NextDue, Is.EqualTo(DateTimeOffset.MaxValue));
    }

    [Test]
    public async Task Delay_CancelledWhileWaiting_NeitherParksTheWorkNorMovesTheClock()
    {
        var clock = NewClock();
        using var stop = new CancellationTokenSource();
        bool? parkedWhileWaiting = null, parkedAfterCancel = null, cancelled = null;
        clock.Scheduler.Schedule(Start, () =>
        {
            var wait = clock.Delay(TimeSpan.FromDays(365), stop.Token);
            parkedWhileWaiting = clock.Scheduler.CurrentWork!.IsParked;
            stop.Cancel();
            parkedAfterCancel = clock.Scheduler.CurrentWork!.IsParked;
            cancelled = wait.IsCanceled;
        }, "cancelled wait");

        await clock.RunUntilIdleAsync();

        Assert.That(parkedWhileWaiting, Is.True);
        Assert.That(parkedAfterCancel, Is.False);
        Assert.That(cancelled, Is.True);
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start), "a cancelled wait leaves nothing for the clock to jump to");
    }

    [Test]
    public async Task Delay_Infinite_EndsOnlyOnCancellationAndNeverMovesTheClock()
    {
        var clock = NewClock();
        using var stop = new CancellationTokenSource();

        var wait = clock.Delay(Timeout.InfiniteTimeSpan, stop.Token);
        await clock.RunUntilIdleAsync();

        Assert.That(wait.IsCompleted, Is.False);
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start));
        stop.Cancel();
        Assert.That(wait.IsCanceled, Is.True);
    }

    [Test]
    public async Task DelayUntil_BesideTheWork_DoesNotParkIt()
    {
        var clock = NewClock();
        bool? parkedByDeadline = null, parkedByDelay = null;
        DateTimeOffset? firedAt = null;
        clock.Scheduler.Schedule(Start, async () =>
        {
            var deadline = clock.DelayUntil(Start.AddMinutes(15), CancellationToken.None, parksCaller: false);
            parkedByDeadline = clock.Scheduler.CurrentWork!.IsParked;
            // The work itself waits on the clock, so the clock can move to the deadline.
            using var stop = new CancellationTokenSource();
            var delay = clock.Delay(TimeSpan.FromHours(1), stop.Token);
            parkedByDelay = clock.Scheduler.CurrentWork!.IsParked;
            await Task.WhenAny(deadline, delay);
            firedAt = clock.GetUtcNow();
            stop.Cancel();
        }, "timeout beside work");

        await clock.RunUntilIdleAsync();

        Assert.That(parkedByDeadline, Is.False);
        Assert.That(parkedByDelay, Is.True);
        Assert.That(firedAt, Is.EqualTo(Start.AddMinutes(15)));
    }
}
