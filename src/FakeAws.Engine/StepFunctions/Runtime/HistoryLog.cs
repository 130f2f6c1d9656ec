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

/// <summary>The event history of one execution, numbered from 1 in the order events happen.</summary>
internal sealed class HistoryLog(TimeProvider clock)
{
    private readonly List<HistoryEvent> _events = [];

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
    public long Add(HistoryCursor cursor, string type, Action<HistoryEvent>? details = null, bool moveSource = true, long? previous = null)
    {
        lock (_events)
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
