using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.StepFunctions.Runtime;

/// <summary>
/// Where a line of execution is in the history: the event the next event follows (its
/// previousEventId) and the last event it wrote. Parallel branches and Map iterations work on a
/// copy and fold it back into their state's cursor when they finish, as AWS's ids show.
/// </summary>
internal sealed class HistoryCursor(long source)
{
    /// <summary>The id the next event names as its previousEventId.</summary>
    public long Source { get; set; } = source;

    /// <summary>The id of the last event written through this cursor.</summary>
    public long LastWritten { get; set; } = source;

    /// <summary>A cursor for a nested line of execution that starts from this one.</summary>
    public HistoryCursor Branch() => new(Source);

    /// <summary>Takes in a finished nested line of execution.</summary>
    public void Integrate(HistoryCursor other)
    {
        Source = Math.Max(Source, other.Source);
        LastWritten = Math.Max(LastWritten, other.LastWritten);
    }
}

/// <summary>
/// The event history of one execution, numbered from 1 in the order events happen, up to AWS's limit
/// of <see cref="MaxEvents"/>: the event that would reach it is not written; <see cref="LimitReached"/>
/// closes the execution instead, its failure the last event, and the line of execution that wrote is
/// stopped with <see cref="OperationCanceledException"/>, as is every later one.
/// </summary>
internal sealed class HistoryLog(TimeProvider clock)
{
    /// <summary>The most events an execution's history holds, the event that closes it included.</summary>
    public const int MaxEvents = 25_000;

    /// <summary>AWS's cause of the States.Runtime failure that ends an execution at the limit.</summary>
    public const string LimitCause = "The execution reached the maximum number of history events (25000).";

    private readonly List<HistoryEvent> _events = [];
    private bool _exhausted;

    /// <summary>
    /// Closes the execution when an event would take its history to the limit; it is given the id of
    /// the last event written, which the closing event follows.
    /// </summary>
    public Action<long>? LimitReached { get; set; }

    /// <summary>
    /// Appends an event. It follows the cursor's source event; unless <paramref name="moveSource"/>
    /// is false (events such as MapStateSucceeded that the next event does not follow), it becomes
    /// the cursor's new source.
    /// </summary>
    /// <param name="cursor">The line of execution the event belongs to.</param>
    /// <param name="type">The event type.</param>
    /// <param name="details">Fills the event's details.</param>
    /// <param name="moveSource">Whether the next event follows this one.</param>
    /// <param name="previous">The event this one follows, when not the cursor's (EvaluationFailed follows what its state's entry followed).</param>
    /// <exception cref="OperationCanceledException">The history has reached its limit.</exception>
    public long Add(HistoryCursor cursor, string type, Action<HistoryEvent>? details = null, bool moveSource = true, long? previous = null)
    {
        long last;
        bool first;
        lock (_events)
        {
            last = _events.Count;
            // Only the event that closes the execution may be the last one.
            if (last + 1 < MaxEvents || (last + 1 == MaxEvents && type is "ExecutionFailed" or "ExecutionSucceeded" or "ExecutionTimedOut" or "ExecutionAborted"))
            {
                return Append(cursor, type, details, moveSource, previous);
            }
            first = !_exhausted;
            _exhausted = true;
        }
        if (first)
        {
            LimitReached?.Invoke(last);
        }
        throw new OperationCanceledException(LimitCause);
    }

    // Under the lock of the events.
    private long Append(HistoryCursor cursor, string type, Action<HistoryEvent>? details, bool moveSource, long? previous)
    {
        var id = _events.Count + 1L;
        var e = new HistoryEvent
        {
            Id = id,
            PreviousEventId = previous ?? cursor.Source,
            Type = type,
            Timestamp = clock.GetUtcNow(),
        };
        details?.Invoke(e);
        _events.Add(e);
        cursor.LastWritten = id;
        if (moveSource)
        {
            cursor.Source = id;
        }
        return id;
    }

    /// <summary>How many events there are, which is also the id of the last.</summary>
    public int Count
    {
        get
        {
            lock (_events)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>A copy of the events so far.</summary>
    public List<HistoryEvent> Snapshot()
    {
        lock (_events)
        {
            return [.. _events];
        }
    }
}
