namespace FakeAws.Engine.Dax;

/// <summary>
/// One node of a cluster: its own cache, and on a read replica the primary's cache updates that are
/// still on their way. An update is applied the first time the node is used at or after its arrival,
/// so replication follows the virtual clock without any scheduled work.
/// </summary>
internal sealed class DaxNode(long capacityBytes)
{
    private readonly Queue<(DateTimeOffset Arrives, Action<DaxCache> Update)> _incoming = new();

    private DaxCache Cache { get; } = new(capacityBytes);

    /// <summary>The node's cache as of <paramref name="now"/>, with every update that has arrived applied.</summary>
    public DaxCache At(DateTimeOffset now)
    {
        while (_incoming.TryPeek(out var next) && next.Arrives <= now)
        {
            _incoming.Dequeue().Update(Cache);
        }
        return Cache;
    }

    /// <summary>Queues an update from the primary that reaches this node at <paramref name="arrives"/>.</summary>
    public void Receive(DateTimeOffset arrives, Action<DaxCache> update) => _incoming.Enqueue((arrives, update));

    public void Clear()
    {
        _incoming.Clear();
        Cache.Clear();
    }
}
