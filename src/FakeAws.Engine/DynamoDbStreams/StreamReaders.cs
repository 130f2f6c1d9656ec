namespace FakeAws.Engine.DynamoDbStreams;

/// <summary>
/// The readers of one stream. A reader is one chain of shard iterators: the one GetShardIterator
/// gives and every NextShardIterator that follows from it. It is active from a GetRecords until
/// <see cref="ActiveWindow"/> of virtual time after its latest one, or until it has read to the
/// end of a closed shard.
/// </summary>
internal sealed class StreamReaders
{
    /// <summary>How long after its last GetRecords a reader still counts as active: one second, the span AWS's read rates are measured over.</summary>
    public static readonly TimeSpan ActiveWindow = TimeSpan.FromSeconds(1);

    private readonly Dictionary<long, DateTimeOffset> _lastRead = [];

    /// <summary>Records a read by <paramref name="reader"/>; false when <paramref name="limit"/> other readers are active.</summary>
    public bool Admit(long reader, DateTimeOffset now, int limit)
    {
        foreach (var (id, last) in _lastRead.ToList())
        {
            if (now - last > ActiveWindow)
            {
                _lastRead.Remove(id);
            }
        }
        if (limit > 0 && !_lastRead.ContainsKey(reader) && _lastRead.Count >= limit)
        {
            return false;
        }
        _lastRead[reader] = now;
        return true;
    }

    public void Remove(long reader) => _lastRead.Remove(reader);
}
