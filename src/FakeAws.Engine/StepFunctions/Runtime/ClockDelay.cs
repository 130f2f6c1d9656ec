namespace FakeAws.Engine.StepFunctions.Runtime;

/// <summary>
/// Waits on the cloud's clock for any length of time. <c>Task.Delay</c> with a TimeProvider stops at
/// about 49 days, and a Wait state or a Task timeout may last a year.
/// </summary>
internal static class ClockDelay
{
    /// <summary>Completes when <paramref name="delay"/> has passed on <paramref name="clock"/>; cancelled with <paramref name="cancellationToken"/>.</summary>
    public static Task WaitAsync(TimeProvider clock, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }
        cancellationToken.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource();
        var timer = clock.CreateTimer(_ => done.TrySetResult(), null, delay, Timeout.InfiniteTimeSpan);
        var registration = cancellationToken.Register(() =>
        {
            timer.Dispose();
            done.TrySetCanceled(cancellationToken);
        });
        done.Task.ContinueWith(_ =>
        {
            registration.Dispose();
            timer.Dispose();
        }, TaskContinuationOptions.ExecuteSynchronously);
        return done.Task;
    }

    /// <summary>A wait that only cancellation ends.</summary>
    public static Task Forever(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource();
        cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        return done.Task;
    }
}
