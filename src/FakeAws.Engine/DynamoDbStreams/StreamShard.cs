namespace FakeAws.Engine.DynamoDbStreams;

/// <summary>
/// One shard of a stream: its identity, its place in the stream's lineage and the records written
/// while it was open, in the order they were written. Records older than 24 hours are trimmed; a
/// closed shard takes no more records and disappears 24 hours after it closed, when its last record
/// has gone. The owning <see cref="TableStream"/>'s gate guards every member.
/// </summary>
internal sealed class StreamShard(string id, string? parentId, long startingSequence, DateTimeOffset opened)
{
    private readonly List<ChangeRecord?> _records = [];
    private int _head;
    private long _lastTrimmed;
    private long _next = startingSequence;

    public string Id { get; } = id;

    /// <summary>The shard this one followed when its parent closed; null for a stream's first shard.</summary>
    public string? ParentId { get; } = parentId;

    public long StartingSequence { get; } = startingSequence;

    public DateTimeOffset Opened { get; } = opened;

    /// <summary>When the shard closed; null while it takes records.</summary>
    public DateTimeOffset? Closed { get; private set; }

    /// <summary>The last sequence number of the closed shard; null while the shard is open.</summary>
    public long? EndingSequence { get; private set; }

    /// <summary>Where LATEST starts: just after the newest record.</summary>
    public long LatestPosition => _next;

    public int RetainedRecords => _records.Count - _head;

    /// <summary>When the oldest record still kept is trimmed; null when the shard holds none.</summary>
    public DateTimeOffset? NextTrim => _head < _records.Count ? TrimmedAt(_records[_head]!) : null;

    /// <summary>Whether the shard can still be seen at <paramref name="now"/>: open, or closed less than 24 hours ago.</summary>
    public bool IsVisible(DateTimeOffset now) => Closed is not { } closed || now - closed < TableStream.Retention;

    public void Add(ChangeRecord record)
    {
        _records.Add(record);
        _next = record.Sequence + 1;
    }

    /// <summary>Closes the shard at <paramref name="now"/>: it ends at its newest record (or its start when it has none).</summary>
    public void Close(DateTimeOffset now)
    {
        Closed ??= now;
        EndingSequence ??= Math.Max(StartingSequence, _next - 1);
    }

    /// <summary>Where TRIM_HORIZON starts: the oldest record still kept.</summary>
    public long TrimHorizon(DateTimeOffset now)
    {
        Trim(now);
        return _head < _records.Count ? _records[_head]!.Sequence : _next;
    }

    /// <summary>Whether <paramref name="sequence"/> is a position of this shard a reader may name.</summary>
    public bool Holds(long sequence) => sequence == StartingSequence || (sequence > StartingSequence && sequence < _next);

    /// <summary>Whether the record at <paramref name="position"/> has been trimmed at <paramref name="now"/>.</summary>
    public bool IsTrimmed(long position, DateTimeOffset now)
    {
        Trim(now);
        return position <= _lastTrimmed;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> records (and <paramref name="maxBytes"/>) from <paramref name="position"/> on,
    /// added to <paramref name="records"/>. Null when the position has been trimmed. <see cref="StreamRead.AtEnd"/>
    /// says a closed shard has nothing more.
    /// </summary>
    public StreamRead? Read(long position, int limit, DateTimeOffset now, int maxBytes, List<ChangeRecord> records, ref int bytes)
    {
        Trim(now);
        if (position <= _lastTrimmed)
        {
            return null;
        }
        var next = Math.Max(position, StartingSequence);
        for (var i = FirstAtOrAfter(position); i < _records.Count && records.Count < limit; i++)
        {
            var record = _records[i]!;
            if (records.Count > 0 && bytes + record.SizeBytes > maxBytes)
            {
                break;
            }
            records.Add(record);
            bytes += record.SizeBytes;
            next = record.Sequence + 1;
        }
        // A closed shard is at its end once no record is left from the next position on.
        var atEnd = Closed is not null && FirstAtOrAfter(next) >= _records.Count;
        return new StreamRead(records, next, atEnd);
    }

    private int FirstAtOrAfter(long position)
    {
        int low = _head, high = _records.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_records[middle]!.Sequence < position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>When <paramref name="record"/> is trimmed: once it is more than the retention old.</summary>
    public static DateTimeOffset TrimmedAt(ChangeRecord record) => record.Created + TableStream.Retention + TimeSpan.FromTicks(1);

    // Records older than the retention go; their slots are released in batches, and all at once when none is left.
    private void Trim(DateTimeOffset now)
    {
        while (_head < _records.Count && now - _records[_head]!.Created > TableStream.Retention)
        {
            _lastTrimmed = _records[_head]!.Sequence;
            _records[_head] = null;
            _head++;
        }
        if (_head > 0 && _head == _records.Count)
        {
            _records.Clear();
            _records.TrimExcess();
            _head = 0;
        }
        else if (_head > 1024 && _head > _records.Count / 2)
        {
            _records.RemoveRange(0, _head);
            _head = 0;
        }
    }
}
