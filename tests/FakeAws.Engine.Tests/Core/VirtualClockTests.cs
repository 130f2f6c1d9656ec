using Microsoft.Extensions.Time.Testing;

namespace FakeAws.Engine.Tests.Core;

public class VirtualClockTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static VirtualClock NewClock(out FakeTimeProvider source)
    {
        source = new FakeTimeProvider(Start);
        return new VirtualClock(source);
    }

    [Test]
    public void Advance_RunsDueWorkInTimeThenSubmissionOrder()
    {
        var clock = NewClock(out _);
        var order = new List<string>();
        clock.Scheduler.Schedule(Start.AddSeconds(20), () => order.Add("c@20"), "c");
        clock.Scheduler.Schedule(Start.AddSeconds(10), () => order.Add("a@10"), "a");
        clock.Scheduler.Schedule(Start.AddSeconds(10), () => order.Add("b@10"), "b");
        clock.Scheduler.Schedule(Start.AddSeconds(30), () => order.Add("d@30"), "d");

        clock.Advance(TimeSpan.FromSeconds(20));

        Assert.That(order, Is.EqualTo(new[] { "a@10", "b@10", "c@20" }));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddSeconds(20)));
    }

    [Test]
    public void Advance_WorkSeesItsOwnDueTime()
    {
        var clock = NewClock(out _);
        DateTimeOffset? seen = null;
        clock.Scheduler.Schedule(Start.AddMinutes(5), () => seen = clock.GetUtcNow(), "probe");

        clock.Advance(TimeSpan.FromHours(1));

        Assert.That(seen, Is.EqualTo(Start.AddMinutes(5)));
    }

    [Test]
    public void Schedule_DueNow_DoesNotRunUntilTheClockIsDriven()
    {
        var clock = NewClock(out _);
        var ran = false;
        clock.Scheduler.Schedule(Start, () => ran = true, "now");
        Assert.That(ran, Is.False);

        clock.Advance(TimeSpan.Zero);

        Assert.That(ran, Is.True);
    }

    [Test]
    public async Task RunUntilIdle_OneYearDelay_FinishesAtOnceInVirtualTime()
    {
        var clock = NewClock(out _);
        var done = false;
        clock.Scheduler.Schedule(Start, async () =>
        {
            await clock.Delay(TimeSpan.FromDays(365));
            done = true;
        }, "long wait");

        await clock.RunUntilIdleAsync();

        Assert.That(done, Is.True);
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddDays(365)));
    }

    [Test]
    public async Task Upkeep_RunsInOrderWhenTheClockPassesIt_ButNeverMovesTheClock()
    {
        var clock = NewClock(out _);
        var order = new List<string>();
        clock.Scheduler.ScheduleUpkeep(Start.AddSeconds(10), () => order.Add("upkeep@10"), "upkeep");
        clock.Scheduler.Schedule(Start.AddSeconds(10), () => order.Add("work@10"), "work");
        clock.Scheduler.ScheduleUpkeep(Start.AddSeconds(60), () => order.Add("upkeep@60"), "later upkeep");

        await clock.RunUntilIdleAsync();
        var idleAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.That(idleAt, Is.EqualTo(Start.AddSeconds(10)), "the jump goes to the work, not to the later upkeep");
        Assert.That(order, Is.EqualTo(new[] { "upkeep@10", "work@10", "upkeep@60" }));
        Assert.That(clock.Scheduler.NextDue, Is.Null);
    }

    [Test]
    public async Task RunUntilIdle_TaskDelayOnTheClock_CompletesInVirtualTime()
    {
        var clock = NewClock(out _);
        var done = false;
        clock.Scheduler.Schedule(Start, async () =>
        {
            await Task.Delay(TimeSpan.FromDays(30), clock);
            done = true;
        }, "timer wait");

        await clock.RunUntilIdleAsync();

        Assert.That(done, Is.True);
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddDays(30)));
    }

    [Test]
    public async Task RunUntilIdle_ChainedDelays_RunInOrderAndEndAtLastTimer()
    {
        var clock = NewClock(out _);
        var log = new List<(string, DateTimeOffset)>();
        foreach (var (name, seconds) in new[] { ("slow", 30), ("fast", 10) })
        {
            clock.Scheduler.Schedule(Start, async () =>
            {
                for (var i = 0; i < 3; i++)
                {
                    await Task.Delay(TimeSpan.FromSeconds(seconds), clock);
                    log.Add((name, clock.GetUtcNow()));
                }
            }, name);
        }

        await clock.RunUntilIdleAsync();

        Assert.That(log, Is.EqualTo(new[]
        {
            ("fast", Start.AddSeconds(10)), ("fast", Start.AddSeconds(20)),
            ("slow", Start.AddSeconds(30)), ("fast", Start.AddSeconds(30)),
            ("slow", Start.AddSeconds(60)), ("slow", Start.AddSeconds(90)),
        }));
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddSeconds(90)));
    }

    [Test]
    public async Task RunUntilIdle_Horizon_LeavesLaterWorkPending()
    {
        var clock = NewClock(out _);
        var ran = false;
        clock.Scheduler.Schedule(Start.AddDays(10), () => ran = true, "later");

        await clock.RunUntilIdleAsync(TimeSpan.FromDays(1));

        Assert.That(ran, Is.False);
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start));
    }

    [Test]
    public void RunUntilIdle_PeriodicTimer_StopsAtTheJumpBound()
    {
        var clock = NewClock(out _);
        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => clock.RunUntilIdleAsync(TimeSpan.FromDays(3650)));

        Assert.That(error!.Message, Does.Contain($"{VirtualClock.MaxIdleJumps} clock jumps"));
    }

    [Test]
    public async Task RunUntilIdle_WaitsForWorkThatRunsOutsideTheScheduler()
    {
        var clock = NewClock(out _);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = false;
        clock.Scheduler.Schedule(Start, async () =>
        {
            await gate.Task;
            await Task.Delay(TimeSpan.FromMinutes(1), clock);
            finished = true;
        }, "real async");
        _ = Task.Run(() => gate.SetResult());

        await clock.RunUntilIdleAsync();

        Assert.That(finished, Is.True);
        Assert.That(clock.GetUtcNow(), Is.EqualTo(Start.AddMinutes(1)));
    }

    [Test]
    public void SourceAdvance_ByTheTest_RunsDueWork()
    {
        var clock = NewClock(out var source);
        var ran = false;
        clock.Scheduler.Schedule(Start.AddHours(2), () => ran = true, "two hours");

        source.Advance(TimeSpan.FromHours(3));

        Assert.That(ran, Is.True);
    }

    [Test]
    public void SourceAdvance_PastWorkDueInMonths_RunsIt()
    {
        var clock = NewClock(out var source);
        var ran = false;
        clock.Scheduler.Schedule(Start.AddDays(100), () => ran = true, "a hundred days");

        source.Advance(TimeSpan.FromDays(60));
        Assert.That(ran, Is.False);
        source.Advance(TimeSpan.FromDays(41));

        Assert.That(ran, Is.True);
    }

    [Test]
    public void SetUtcNow_Backwards_Throws()
    {
        var clock = NewClock(out _);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetUtcNow(Start.AddSeconds(-1)));
    }

    [Test]
    public void Advance_NonFakeSource_ExplainsHowToFix()
    {
        var clock = new VirtualClock(new FixedTimeProvider(Start));

        var error = Assert.Throws<InvalidOperationException>(() => clock.Advance(TimeSpan.FromSeconds(1)));

        Assert.That(error!.Message, Does.Contain("FakeTimeProvider"));
    }

    [Test]
    public void Advance_FromScheduledWork_IsRejected()
    {
        var clock = NewClock(out _);
        Exception? inner = null;
        clock.Scheduler.Schedule(Start, () =>
        {
            try
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }
            catch (InvalidOperationException e)
            {
                inner = e;
            }
        }, "reentrant");

        clock.Advance(TimeSpan.Zero);

        Assert.That(inner, Is.Not.Null);
    }

    [Test]
    public void Advance_FaultInBackgroundWork_SurfacesToTheTest()
    {
        var clock = NewClock(out _);
        clock.Scheduler.Schedule(Start, () => throw new InvalidOperationException("boom"), "faulty");

        var error = Assert.Throws<AggregateException>(() => clock.Advance(TimeSpan.Zero));

        Assert.That(error!.InnerExceptions.Single().Message, Is.EqualTo("boom"));
    }

    [Test]
    public void Timer_Disposed_NeverFires()
    {
        var clock = NewClock(out _);
        var fired = false;
        var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        timer.Dispose();

        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.That(fired, Is.False);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
