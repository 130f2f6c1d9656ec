using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb;

namespace FakeAws.Engine.DynamoDbStreams;

/// <summary>
/// One stream of a table: its identity, its one shard and the records in it. Records are kept in
/// the order they were written and trimmed once they are older than 24 hours: on each read, and by
/// upkeep on the clock, so time passing alone releases them. A disabled stream keeps its records
/// readable for another 24 hours, and so does the stream of a deleted table.
/// </summary>
/// <remarks>
/// AWS splits a stream into shards that roll over every few hours; FakeAws keeps one shard per
/// stream, which keeps every record of the stream in one order.
/// </remarks>
internal sealed class TableStream
{
    /// <summary>How long records, and a disabled stream, stay readable: 24 hours.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>The most bytes of records one GetRecords returns: 1 MB.</summary>
    public const int MaxReadBytes = 1024 * 1024;

    private readonly StreamCatalog _catalog;
    private readonly ExpiryUpkeep _expiry;
    private readonly List<ChangeRecord?> _records = [];
    private readonly StreamReaders _readers = new();
    private int _head;
    private long _lastTrimmed;
    private long _next;

    public TableStream(CloudContext cloud, StreamCatalog catalog, RequestScope scope, string arn, string label, string tableName, KeySchema key,
        string viewType, string shardId, DateTimeOffset created)
    {
        _catalog = catalog;
        _expiry = new ExpiryUpkeep(cloud, Expire, $"{arn} retention");
        Scope = scope;
        Arn = arn;
        Label = label;
        TableName = tableName;
        Key = key;
        ViewType = viewType;
        ShardId = shardId;
        StartingSequence = catalog.PeekSequence;
        Created = created;
        _next = StartingSequence;
    }

    /// <summary>Guards the records and the readers; a write takes it while its table's lock is held.</summary>
    public object Gate { get; } = new();

    public RequestScope Scope { get; }
    public string Arn { get; }
    public string Label { get; }
    public string TableName { get; }
    public KeySchema Key { get; }

    /// <summary>KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES.</summary>
    public string ViewType { get; }

    public string ShardId { get; }
    public long StartingSequence { get; }
    public DateTimeOffset Created { get; }

    /// <summary>When the stream was disabled (or its table deleted); null while it takes records.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>The last sequence number of the closed shard; null while the shard is open.</summary>
    public long? EndingSequence { get; private set; }

    public bool KeepsNewImages => ViewType is "NEW_IMAGE" or "NEW_AND_OLD_IMAGES";

    public bool KeepsOldImages => ViewType is "OLD_IMAGE" or "NEW_AND_OLD_IMAGES";

    /// <summary>Whether the stream can still be seen at <paramref name="now"/>: open, or disabled less than 24 hours ago.</summary>
    public bool IsVisible(DateTimeOffset now) => DisabledAt is not { } disabled || now - disabled < Retention;

    /// <summary>Raised after a record is added (under the table's lock): event source mappings schedule their deliveries.</summary>
    public Action<TableStream>? Appended { get; init; }

    /// <summary>
    /// Records one change of an item, <paramref name="old"/> to <paramref name="item"/> (either may be
    /// null), keeping the images the view type asks for. The caller holds the table's lock, so the
    /// stream has the table's order of writes.
    /// </summary>
    public void Write(in PrimaryKey key, IReadOnlyDictionary<string, AttributeValue>? old, IReadOnlyDictionary<string, AttributeValue>? item,
        DateTimeOffset now, Guid eventId, WriteOrigin origin)
    {
        var keySize = AttributeValue.Utf8Length(Key.Hash.Name) + ItemSize.Of(key.Hash)
            + (Key.Range is { } range ? AttributeValue.Utf8Length(range.Name) + ItemSize.Of(key.Range!) : 0);
        var newImage = KeepsNewImages ? item : null;
        var oldImage = KeepsOldImages ? old : null;
        var record = new ChangeRecord
        {
            Sequence = _catalog.NextSequence(),
            EventId = eventId,
            EventName = old is null ? "INSERT" : item is null ? "REMOVE" : "MODIFY",
            Created = now,
            Key = key,
            NewImage = newImage,
            OldImage = oldImage,
            SizeBytes = keySize + (newImage is null ? 0 : ItemSize.Of(newImage)) + (oldImage is null ? 0 : ItemSize.Of(oldImage)),
            Origin = origin,
        };
        lock (Gate)
        {
            _records.Add(record);
            _next = record.Sequence + 1;
        }
        _expiry.ArmBy(TrimmedAt(record));
        Appended?.Invoke(this);
    }

    /// <summary>Closes the shard: the stream takes no more records and is readable for 24 hours.</summary>
    public void Disable(DateTimeOffset now)
    {
        lock (Gate)
        {
            DisabledAt ??= now;
            EndingSequence ??= Math.Max(StartingSequence, _next - 1);
        }
        _expiry.ArmBy(DisabledAt.Value + Retention);
    }

    /// <summary>How many records the stream still holds (those not yet trimmed).</summary>
    public int RetainedRecords
    {
        get { lock (Gate) return _records.Count - _head; }
    }

    /// <summary>Where LATEST starts: just after the newest record.</summary>
    public long LatestPosition
    {
        get { lock (Gate) return _next; }
    }

    /// <summary>Where TRIM_HORIZON starts: the oldest record still kept.</summary>
    public long TrimHorizon(DateTimeOffset now)
    {
        lock (Gate)
        {
            Trim(now);
            return _head < _records.Count ? _records[_head]!.Sequence : _next;
        }
    }

    /// <summary>Whether <paramref name="sequence"/> is a position of this shard a reader may name.</summary>
    public bool Holds(long sequence)
    {
        lock (Gate)
        {
            return sequence == StartingSequence || (sequence > StartingSequence && sequence < _next);
        }
    }

    /// <summary>Whether the record at <paramref name="position"/> has been trimmed at <paramref name="now"/>.</summary>
    public bool IsTrimmed(long position, DateTimeOffset now)
    {
        lock (Gate)
        {
            Trim(now);
            return position <= _lastTrimmed;
        }
    }

    /// <summary>
    /// Up to <paramref name="limit"/> records (and 1 MB) from <paramref name="position"/> on. Null when the
    /// position has been trimmed. <see cref="StreamRead.AtEnd"/> says a closed shard has nothing more.
    /// </summary>
    public StreamRead? Read(long position, int limit, DateTimeOffset now, int maxBytes = MaxReadBytes)
    {
        lock (Gate)
        {
            Trim(now);
            if (position <= _lastTrimmed)
            {
                return null;
            }
            var records = new List<ChangeRecord>();
            var bytes = 0;
            var next = position;
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
            var atEnd = EndingSequence is { } ending && next > ending;
            return new StreamRead(records, next, atEnd);
        }
    }

    /// <summary>
    /// Counts a GetRecords of <paramref name="reader"/> towards the stream's readers; false when
    /// <paramref name="limit"/> other readers are active, so this one is throttled.
    /// </summary>
    public bool AdmitReader(long reader, DateTimeOffset now, int limit)
    {
        lock (Gate)
        {
            return _readers.Admit(reader, now, limit);
        }
    }

    /// <summary>A reader that reached the end of the closed shard stops counting.</summary>
    public void ReaderDone(long reader)
    {
        lock (Gate)
        {
            _readers.Remove(reader);
        }
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

    // The clock's upkeep: trims what is due, and once the stream is no longer visible, drops it from
    // the catalog. Answers the next moment there is something to drop.
    private DateTimeOffset? Expire(DateTimeOffset now)
    {
        DateTimeOffset? next;
        lock (Gate)
        {
            Trim(now);
            next = _head < _records.Count ? TrimmedAt(_records[_head]!)
                : DisabledAt is { } disabled && IsVisible(now) ? disabled + Retention
                : null;
        }
        if (!IsVisible(now))
        {
            _catalog.ForgetExpired(now);
        }
        return next;
    }

    // A record is trimmed once it is more than the retention old.
    private static DateTimeOffset TrimmedAt(ChangeRecord record) => record.Created + Retention + TimeSpan.FromTicks(1);

    // Records older than the retention go; their slots are released in batches, and all at once when none is left.
    private void Trim(DateTimeOffset now)
    {
        while (_head < _records.Count && now - _records[_head]!.Created > Retention)
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

/// <summary>What one read of a stream found, and where the next read starts.</summary>
internal sealed record StreamRead(IReadOnlyList<ChangeRecord> Records, long NextPosition, bool AtEnd);
