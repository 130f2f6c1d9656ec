namespace FakeAws.Engine.Lambda.Code;

/// <summary>
/// The SnapStart runtime hooks a function's init code registers. Before-snapshot hooks run when a
/// version is published, last registered first (the runtime keeps them on a stack); after-restore
/// hooks run when an environment is restored from the snapshot, in the order registered.
/// </summary>
internal sealed class SnapStartHooks
{
    private readonly List<Func<ValueTask>> _beforeSnapshot = [];
    private readonly List<Func<ValueTask>> _afterRestore = [];

    public void RegisterBeforeSnapshot(Func<ValueTask> hook)
    {
        lock (_beforeSnapshot) _beforeSnapshot.Add(hook);
    }

    public void RegisterAfterRestore(Func<ValueTask> hook)
    {
        lock (_afterRestore) _afterRestore.Add(hook);
    }

    public async Task RunBeforeSnapshotAsync()
    {
        Func<ValueTask>[] hooks;
        lock (_beforeSnapshot) hooks = [.. _beforeSnapshot];
        for (var i = hooks.Length - 1; i >= 0; i--)
        {
            await hooks[i]().ConfigureAwait(false);
        }
    }

    public async Task RunAfterRestoreAsync()
    {
        Func<ValueTask>[] hooks;
        lock (_afterRestore) hooks = [.. _afterRestore];
        foreach (var hook in hooks)
        {
            await hook().ConfigureAwait(false);
        }
    }
}
