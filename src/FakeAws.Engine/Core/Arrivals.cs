namespace FakeAws.Engine.Core;

/// <summary>
/// Invocations that arrive from outside the cloud's scheduler, and whether they have stopped arriving.
/// A caller that starts several together (for example with Task.WhenAll) sends them one after another
/// from its thread, and the cloud cannot see whether more are coming; so before it moves the clock for
/// work that waits on it, it waits until none has arrived for <see cref="QuietTime"/> of real time,
/// counted as <see cref="QuietWindows"/> windows in a row. Invocations started together then all
/// arrive at the same virtual instant and overlap. Several short windows rather than one long one: a
/// pause of the whole process (a garbage collection, a busy machine) spends at most one of them, and
/// the caller still has the others to send the rest.
/// </summary>
/// <remarks>Real time only decides when the callers have stopped, never what the clock reads.</remarks>
internal sealed class Arrivals
{
    /// <summary>How many windows in a row must pass with no arrival.</summary>
    public const int QuietWindows = 3;

    /// <summary>The quiet time of a cloud in process: three windows of 20 ms.</summary>
    public static readonly TimeSpan DefaultQuietTime = TimeSpan.FromMilliseconds(60);

#pragma warning disable RS0030 // Real time only decides when callers have stopped arriving (see the remarks).
    private static readonly TimeProvider RealTime = TimeProvider.System;
#pragma warning restore RS0030

    private readonly Lock _gate = new();
    private long _count;
    private long _settledCount;
    private long _epoch;
    private int _quietWindows;
    private TimeSpan _window = DefaultQuietTime / QuietWindows;

    /// <summary>
    /// How long no invocation may arrive before the clock moves for waiting work:
    /// <c>FakeAwsOptions.ArrivalWindow</c>, zero or more. Zero moves it at once.
    /// </summary>
    public TimeSpan QuietTime
    {
        get => _window * QuietWindows;
        set => _window = value / QuietWindows;
    }

    /// <summary>Notes one arrival.</summary>
    public void Note()
    {
        lock (_gate)
        {
            _count++;
            _quietWindows = 0;
        }
    }

    /// <summary>Whether nothing has arrived since the arrivals were last seen to stop.</summary>
    public bool IsSettled
    {
        get { lock (_gate) return _count == _settledCount; }
    }

    /// <summary>
    /// Waits one window and counts it if nothing arrived meanwhile. Windows that several waiters wait
    /// at once count once: only the first to end after the last counted one.
    /// </summary>
    public async Task WaitWindowAsync(CancellationToken cancellationToken)
    {
        long count, epoch;
        lock (_gate)
        {
            (count, epoch) = (_count, _epoch);
        }
        await Task.Delay(_window, RealTime, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (epoch != _epoch)
            {
                return;
            }
            _epoch++;
            if (count != _count)
            {
                return;
            }
            if (++_quietWindows >= QuietWindows)
            {
                _settledCount = _count;
            }
        }
    }
}
