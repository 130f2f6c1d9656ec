using FakeAws.Engine.Lambda.Code;

namespace FakeAws.Engine.Lambda;

/// <summary>
/// The execution environments of one version. An invocation takes an environment with room or starts a
/// new one (a cold start runs the init code; a SnapStart version restores from its snapshot), and
/// gives it back when it ends. On-demand environments run one invocation at a time, so overlapping
/// invocations each have an environment of their own; a Lambda Managed Instances environment runs up to
/// its per-environment concurrency at once when its handler can (<see cref="ILambdaHandler.TakesConcurrentInvocations"/>).
/// </summary>
internal sealed class EnvironmentPool
{
    // Every started environment with the invocations it runs now; the most recently given back last,
    // so the warmest one is taken first.
    private readonly List<Slot> _slots = [];

    /// <summary>The environment captured when a SnapStart version was published.</summary>
    public SnapshotImage? Snapshot { get; set; }

    /// <summary>Takes an environment running fewer than <paramref name="perEnvironment"/> invocations (1 unless it takes concurrent ones).</summary>
    public bool TryTake(int perEnvironment, out ILambdaHandler handler)
    {
        lock (_slots)
        {
            for (var i = _slots.Count - 1; i >= 0; i--)
            {
                var slot = _slots[i];
                if (slot.InFlight < (slot.Handler.TakesConcurrentInvocations ? perEnvironment : 1))
                {
                    slot.InFlight++;
                    handler = slot.Handler;
                    return true;
                }
            }
        }
        handler = null!;
        return false;
    }

    /// <summary>Counts a newly started (or restored) environment, which runs the invocation that started it.</summary>
    public void Add(ILambdaHandler handler)
    {
        lock (_slots) _slots.Add(new Slot(handler) { InFlight = 1 });
    }

    /// <summary>Ends one invocation of <paramref name="handler"/>'s environment.</summary>
    public void Return(ILambdaHandler handler)
    {
        lock (_slots)
        {
            var index = _slots.FindLastIndex(s => ReferenceEquals(s.Handler, handler));
            var slot = _slots[index];
            slot.InFlight--;
            _slots.RemoveAt(index);
            _slots.Add(slot);
        }
    }

    /// <summary>Forgets an environment that was stopped (its invocation timed out).</summary>
    public void Discard(ILambdaHandler handler)
    {
        lock (_slots) _slots.RemoveAll(s => ReferenceEquals(s.Handler, handler));
    }

    private sealed class Slot(ILambdaHandler handler)
    {
        public ILambdaHandler Handler { get; } = handler;

        public int InFlight { get; set; }
    }
}

/// <summary>An initialized environment and its hooks, as SnapStart keeps it for restores.</summary>
internal sealed record SnapshotImage(ILambdaHandler Handler, SnapStartHooks Hooks);
