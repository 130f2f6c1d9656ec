using FakeAws.Engine.StepFunctions.Model;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions;

/// <summary>
/// One task an activity state scheduled: its token and input, and how the state learns that a
/// worker took it (with the worker's name, which may be null).
/// </summary>
internal sealed class ActivityTask(string token, string input, TaskTokenWaiter waiter)
{
    public string Token { get; } = token;

    public string Input { get; } = input;

    public TaskTokenWaiter Waiter { get; } = waiter;

    public TaskCompletionSource<string?> Started { get; } = new();
}

/// <summary>
/// An activity: the queue its Task states fill and its workers poll with GetActivityTask. A task
/// goes to the worker that has waited longest; when no worker waits, it waits for the next poll.
/// </summary>
internal sealed class ActivityRecord
{
    private readonly Queue<ActivityTask> _pending = new();
    private readonly LinkedList<TaskCompletionSource<ActivityTask?>> _pollers = new();

    public required string Arn { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public EncryptionConfiguration? Encryption { get; init; }

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Guards the tags.</summary>
    public object Gate { get; } = new();

    /// <summary>Hands <paramref name="task"/> to the longest-waiting poll, or queues it for the next one.</summary>
    public void Schedule(ActivityTask task)
    {
        while (true)
        {
            TaskCompletionSource<ActivityTask?> poller;
            lock (_pending)
            {
                if (_pollers.First is not { } first)
                {
                    _pending.Enqueue(task);
                    return;
                }
                _pollers.RemoveFirst();
                poller = first.Value;
            }
            // Completed outside the lock: the poll's caller may resume inline. A poll that gave up
            // in the meantime refuses the task, which then goes to the next one.
            if (poller.TrySetResult(task))
            {
                return;
            }
        }
    }

    /// <summary>A poll: completed at once with a queued task, or later by <see cref="Schedule"/> or <see cref="GiveUp"/>.</summary>
    public TaskCompletionSource<ActivityTask?> Poll()
    {
        var poll = new TaskCompletionSource<ActivityTask?>();
        lock (_pending)
        {
            while (_pending.TryDequeue(out var task))
            {
                // A task whose state stopped waiting (timed out, or its execution ended) is dropped.
                if (!task.Waiter.IsClosed)
                {
                    poll.SetResult(task);
                    return poll;
                }
            }
            _pollers.AddLast(poll);
        }
        return poll;
    }

    /// <summary>Ends a poll with no task, unless a task reached it first.</summary>
    public void GiveUp(TaskCompletionSource<ActivityTask?> poll)
    {
        lock (_pending)
        {
            _pollers.Remove(poll);
        }
        poll.TrySetResult(null);
    }

    /// <summary>Ends every waiting poll with no task, as when the activity is deleted.</summary>
    public void GiveUpAll()
    {
        List<TaskCompletionSource<ActivityTask?>> pollers;
        lock (_pending)
        {
            pollers = [.. _pollers];
            _pollers.Clear();
        }
        foreach (var poll in pollers)
        {
            poll.TrySetResult(null);
        }
    }
}
