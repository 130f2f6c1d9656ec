using WorkQueue = System.Collections.Generic.PriorityQueue<FakeAws.Engine.Core.ScheduledWork, (System.DateTimeOffset Due, long Sequence)>;

namespace FakeAws.Engine.Core;

/// <summary>
/// The cloud's one queue of asynchronous work: Lambda event invokes and their retries, stream
/// deliveries, Step Functions executions, TTL deletions, and every timer made from the cloud's clock.
/// Work runs in order of virtual due time, then order of submission, so a run is the same every time.
/// </summary>
/// <remarks>
/// Nothing here reads the wall clock or waits on a real timer. Time only moves when the test moves
/// the clock (<see cref="VirtualClock.Advance"/>) or asks the cloud to run until idle.
/// </remarks>
internal sealed class WorkScheduler
{
    private readonly object _gate = new();
    private readonly object _pump = new();
    private readonly WorkQueue _queue = new();
    private readonly WorkQueue _upkeep = new();
    private readonly List<RunningWork> _running = [];
    private readonly List<Exception> _faults = [];
    private readonly AsyncLocal<RunningWork?> _currentWork = new();
    private readonly AsyncLocal<ExternalCall?> _currentCall = new();
    private long _sequence;
    private int _busyCalls;
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Adds work that runs once the clock reaches <paramref name="due"/>.</summary>
    public ScheduledWork Schedule(DateTimeOffset due, Func<Task> work, string description) => Add(_queue, due, work, description);

    /// <summary>
    /// Adds upkeep: synchronous work, such as dropping history older than its window, that runs in
    /// order with the rest once the clock reaches <paramref name="due"/>, but is never a reason to
    /// move the clock: <see cref="NextDue"/> leaves it out, so running until idle does not jump to it.
    /// </summary>
    public ScheduledWork ScheduleUpkeep(DateTimeOffset due, Action work, string description) =>
        Add(_upkeep, due, () => { work(); return Task.CompletedTask; }, description);

    private ScheduledWork Add(WorkQueue queue, DateTimeOffset due, Func<Task> work, string description)
    {
        var item = new ScheduledWork(due, work, description);
        lock (_gate)
        {
            item.Sequence = _sequence++;
            queue.Enqueue(item, (due, item.Sequence));
        }
        SignalChange();
        Scheduled?.Invoke(due);
        return item;
    }

    /// <summary>Adds synchronous work that runs once the clock reaches <paramref name="due"/>.</summary>
    public ScheduledWork Schedule(DateTimeOffset due, Action work, string description) =>
        Schedule(due, () => { work(); return Task.CompletedTask; }, description);

    /// <summary>Raised with the due time of each newly scheduled item, so the clock can arm its wake-up.</summary>
    public event Action<DateTimeOffset>? Scheduled;

    /// <summary>The work item whose asynchronous flow is running on this thread, if any.</summary>
    public RunningWork? CurrentWork => _currentWork.Value;

    /// <summary>The request from outside the scheduler whose asynchronous flow is running, if any.</summary>
    public ExternalCall? CurrentCall => _currentCall.Value;

    /// <summary>
    /// Registers a request that reaches the cloud from outside its scheduler, for the asynchronous flow
    /// of the caller (an async method): until it is disposed or parks, the scheduler is not quiescent,
    /// so the clock does not move while it is on its way. Null for calls from scheduled work, which
    /// count as that work, and for a flow that already holds a call.
    /// </summary>
    public ExternalCall? Arrive()
    {
        if (CurrentWork is not null || CurrentCall is not null)
        {
            return null;
        }
        var call = new ExternalCall(this);
        CallBusy(+1);
        _currentCall.Value = call;
        return call;
    }

    internal void CallBusy(int delta)
    {
        Interlocked.Add(ref _busyCalls, delta);
        SignalChange();
    }

    /// <summary>Invocations that arrived from outside the scheduler, and whether they have stopped.</summary>
    public Arrivals Arrivals { get; } = new();

    /// <summary>
    /// Notes an invocation that arrives from outside the scheduler, taken or throttled; nothing for one
    /// from scheduled work. The clock moves for waiting work only once they stop (<see cref="Arrivals"/>).
    /// </summary>
    public void NoteArrival()
    {
        if (CurrentWork is null)
        {
            Arrivals.Note();
            SignalChange();
        }
    }

    /// <summary>The due time of the earliest pending item, upkeep left out.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                DropCancelledHead(_queue);
                return _queue.TryPeek(out _, out var key) ? key.Due : null;
            }
        }
    }

    /// <summary>The due time of the earliest pending item, upkeep included: when the clock's wake-up must fire.</summary>
    public DateTimeOffset? NextWake
    {
        get
        {
            lock (_gate)
            {
                return FirstQueue() is { } queue && queue.TryPeek(out _, out var key) ? key.Due : null;
            }
        }
    }

    /// <summary>Whether the calling thread is already inside a run of the queue.</summary>
    public bool IsPumping => Monitor.IsEntered(_pump);

    /// <summary>
    /// Runs every item due at or before <paramref name="until"/>, in order. Before each item,
    /// <paramref name="moveClockTo"/> sets the clock to that item's due time, so the work sees the
    /// moment it was scheduled for.
    /// </summary>
    public void RunDue(DateTimeOffset until, Action<DateTimeOffset> moveClockTo)
    {
        lock (_pump)
        {
            while (TryTakeDue(until, out var item))
            {
                moveClockTo(item.Due);
                Start(item);
            }
        }
    }

    /// <summary>
    /// True when nothing can make progress without the clock moving: no request from outside is being
    /// handled (<see cref="Arrive"/>), and every started item has finished, or waits on a virtual timer
    /// or on an event outside the scheduler.
    /// </summary>
    public bool IsQuiescent(out Task? busy)
    {
        lock (_gate)
        {
            if (Volatile.Read(ref _busyCalls) > 0)
            {
                busy = _changed.Task;
                return false;
            }
            _running.RemoveAll(w => w.Task.IsCompleted);
            foreach (var work in _running)
            {
                if (!work.IsParked)
                {
                    busy = work.Task;
                    return false;
                }
            }
            busy = null;
            return true;
        }
    }

    /// <summary>A task that completes at the next change: work scheduled, a timer armed or fired, work finished.</summary>
    public Task NextChange
    {
        get { lock (_gate) return _changed.Task; }
    }

    /// <summary>Wakes anyone waiting on <see cref="NextChange"/>.</summary>
    public void SignalChange()
    {
        TaskCompletionSource old;
        lock (_gate)
        {
            old = _changed;
            _changed = NewSignal();
        }
        old.TrySetResult();
    }

    /// <summary>Removes every pending item and forgets running work.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _upkeep.Clear();
            _running.Clear();
        }
        SignalChange();
    }

    private bool TryTakeDue(DateTimeOffset until, out ScheduledWork item)
    {
        lock (_gate)
        {
            if (FirstQueue() is { } queue && queue.TryPeek(out _, out var key) && key.Due <= until)
            {
                item = queue.Dequeue();
                return true;
            }
            item = null!;
            return false;
        }
    }

    // The queue whose head comes first, in order of due time, then submission; null when both are empty.
    private WorkQueue? FirstQueue()
    {
        DropCancelledHead(_queue);
        DropCancelledHead(_upkeep);
        if (!_upkeep.TryPeek(out _, out var upkeep))
        {
            return _queue.Count > 0 ? _queue : null;
        }
        return _queue.TryPeek(out _, out var work) && work.CompareTo(upkeep) < 0 ? _queue : _upkeep;
    }

    private static void DropCancelledHead(WorkQueue queue)
    {
        while (queue.TryPeek(out var head, out _) && head.IsCancelled)
        {
            queue.Dequeue();
        }
    }

    private void Start(ScheduledWork item)
    {
        var running = new RunningWork(item.Description, SignalChange);
        var outer = _currentWork.Value;
        _currentWork.Value = running;
        try
        {
            running.Task = RunSafely(item.Work);
        }
        finally
        {
            _currentWork.Value = outer;
        }
        if (!running.Task.IsCompleted)
        {
            lock (_gate) _running.Add(running);
            running.Task.ContinueWith(_ => SignalChange(), TaskScheduler.Default);
        }
    }

    private async Task RunSafely(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Background work reports its failures through the service that scheduled it (for
            // example a Lambda destination or an execution's history). A fault that still escapes
            // is a FakeAws bug: it must not stop the rest of the queue, and the test must see it.
            lock (_gate) _faults.Add(e);
        }
    }

    /// <summary>Takes the faults that escaped background work since the last call.</summary>
    public IReadOnlyList<Exception> TakeFaults()
    {
        lock (_gate)
        {
            var faults = _faults.ToArray();
            _faults.Clear();
            return faults;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>One pending item of the scheduler.</summary>
internal sealed class ScheduledWork(DateTimeOffset due, Func<Task> work, string description)
{
    public DateTimeOffset Due { get; } = due;
    public Func<Task> Work { get; } = work;
    public string Description { get; } = description;
    public long Sequence { get; set; }
    public bool IsCancelled { get; private set; }

    /// <summary>Stops the item from running if it has not started yet.</summary>
    public void Cancel() => IsCancelled = true;
}

/// <summary>An item that has started and whose asynchronous flow has not finished.</summary>
/// <param name="description">What the work is, for diagnostics.</param>
/// <param name="changed">Wakes whoever waits for the scheduler to change: parking and unparking is such a change.</param>
internal sealed class RunningWork(string description, Action changed)
{
    private int _armedTimers;
    private int _externalWaits;

    public string Description { get; } = description;
    public Task Task { get; set; } = Task.CompletedTask;

    /// <summary>True while the flow waits on the virtual clock or on something outside the scheduler.</summary>
    public bool IsParked => Volatile.Read(ref _armedTimers) > 0 || Volatile.Read(ref _externalWaits) > 0;

    public void TimerArmed() => Change(ref _armedTimers, +1);
    public void TimerDone() => Change(ref _armedTimers, -1);
    public void ExternalWaitStarted() => Change(ref _externalWaits, +1);
    public void ExternalWaitEnded() => Change(ref _externalWaits, -1);

    private void Change(ref int counter, int delta)
    {
        Interlocked.Add(ref counter, delta);
        changed();
    }
}
