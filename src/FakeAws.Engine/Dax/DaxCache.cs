namespace FakeAws.Engine.Dax;

/// <summary>
/// One node's cache memory: entries that live until a fixed expiry (reads touch them for LRU but do
/// not extend them), evicted least recently used first once their sizes pass the node's budget.
/// The item and query caches share it, under keys of different types.
/// </summary>
internal sealed class DaxCache(long capacityBytes)
{
    private readonly Dictionary<object, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private long _bytes;

    private sealed record Entry(object Key, object? Value, DateTimeOffset ExpiresAt, long Size);

    /// <summary>Finds a live entry; an expired one is dropped. A null value is a cached "not found".</summary>
    public bool TryGet(object key, DateTimeOffset now, out object? value)
    {
        if (_entries.TryGetValue(key, out var node))
        {
            if (node.Value.ExpiresAt > now)
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
            Drop(node);
        }
        value = null;
        return false;
    }

    /// <summary>Caches a value until <paramref name="expiresAt"/>, replacing any entry under the key.</summary>
    public void Set(object key, object? value, DateTimeOffset expiresAt, long size)
    {
        if (_entries.TryGetValue(key, out var old))
        {
            Drop(old);
        }
        if (size > capacityBytes)
        {
            return;
        }
        _entries[key] = _recency.AddFirst(new Entry(key, value, expiresAt, size));
        _bytes += size;
        while (_bytes > capacityBytes)
        {
            Drop(_recency.Last!);
        }
    }

    public void Clear()
    {
        _entries.Clear();
        _recency.Clear();
        _bytes = 0;
    }

    private void Drop(LinkedListNode<Entry> node)
    {
        _entries.Remove(node.Value.Key);
        _recency.Remove(node);
        _bytes -= node.Value.Size;
    }
}
