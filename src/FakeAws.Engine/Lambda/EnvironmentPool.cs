using FakeAws.Engine.Lambda.Code;

namespace FakeAws.Engine.Lambda;

/// <summary>
/// The execution environments of one version. An invocation takes an idle environment or starts a
/// new one (a cold start runs the init code; a SnapStart version restores from its snapshot), and
/// gives it back when it ends, so overlapping invocations each have an environment of their own.
/// </summary>
internal sealed class EnvironmentPool
{
    private readonly Stack<ILambdaHandler> _idle = new();

    /// <summary>The environment captured when a SnapStart version was published.</summary>
    public SnapshotImage? Snapshot { get; set; }

    public bool TryTake(out ILambdaHandler handler)
    {
        lock (_idle) return _idle.TryPop(out handler!);
    }

    public void Return(ILambdaHandler handler)
    {
        lock (_idle) _idle.Push(handler);
    }
}

/// <summary>An initialized environment and its hooks, as SnapStart keeps it for restores.</summary>
internal sealed record SnapshotImage(ILambdaHandler Handler, SnapStartHooks Hooks);
