using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb;

namespace FakeAws.Engine.DynamoDbStreams;

/// <summary>
/// One stream of a table: its identity and its shards. AWS's shards are ephemeral: every
/// <see cref="DynamoDbOptions.StreamShardRolloverPeriod"/> of virtual time the open shard closes and a
/// child shard naming it as ParentShardId takes the records that follow. Rollovers are worked out
/// from the clock whenever the stream is written or read, so no timer is needed. A closed shard's
/// records stay readable for 24 hours, then the shard disappears; a disabled stream keeps its shards
/// readable for another 24 hours, and so does the stream of a deleted table.
/// </summary>
/// <remarks>
/// The shards of one stream form one chain (FakeAws does not split a shard in two), so the stream's
/// records in shard order are the table's order of writes: Lambda's event source mappings read them
/// across rollovers as one sequence.
/// </remarks>
internal sealed class TableStream
{
    /// <summary>How long records, a closed shard and a disabled stream stay readable: 24 hours.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>The most bytes of records one GetRecords returns: 1 MB.</summary>
    public const int MaxReadBytes = 1024 * 1024;

    private readonly CloudContext _cloud;
    private readonly StreamCatalog _catalog;
    private readonly ExpiryUpkeep _expiry;
    private readonly TimeSpan? _rollover;
    private readonly List<StreamShard> _shards = [];
    private readonly StreamReaders _readers = new();

    public TableStream(CloudContext cloud, StreamCatalog catalog, RequestScope scope, string arn, string label, string tableName, KeySchema key,
        string viewType, DateTimeOffset created, TimeSpan? rollover)
    {
        _cloud = cloud;
        _catalog = catalog;
        _expiry = new ExpiryUpkeep(cloud, Expire, $"{arn} retention");
        _rollover = rollover is { } period && period > TimeSpan.Zero ? period : null;
        Scope = scope;
        Arn = arn;
        Label = label;
        TableName = tableName;
        Key = key;
        ViewType = viewType;
        Created = created;
        // The shard's starting number is one of its own, below its first record's, as on AWS (whose first record
        // is numbered above the shard's StartingSequenceNumber).
        _shards.Add(new StreamShard(NewShardId(created), null, catalog.NextSequence(), created));
    }

    /// <summary>Guards the shards and the readers; a write takes it while its table's lock is held.</summary>
    public object Gate { get; } = new();

    public RequestScope Scope { get; }
    public string Arn { get; }
    public string Label { get; }
    public string TableName { get; }
    public KeySchema Key { get; }

    /// <summary>KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES.</summary>
    public string ViewType { get; }

    public DateTimeOffset Created { get; }

    /// <summary>When the stream was disabled (or its table deleted); null while it takes records.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }

    public bool KeepsNewImages => ViewType is "NEW_IMAGE" or "NEW_AND_OLD_IMAGES";

    public bool KeepsOldImages => ViewType is "OLD_IMAGE" or "NEW_AND_OLD_IMAGES";

    /// <summary>Whether the stream can still be seen at <paramref name="now"/>: open, or disabled less than 24 hours ago.</summary>
    public bool IsVisible(DateTimeOffset now) => DisabledAt is not { } disabled || now - disabled < Retention;

    /// <summary>Raised after a record is added (under the table's lock): event source mappings schedule their deliveries.</summary>
    public Action<TableStream>? Appended { get; init; }

    /// <summary>The shards visible at <paramref name="now"/>, oldest first; the caller holds <see cref="Gate"/>.</summary>
    public IReadOnlyList<StreamShard> Shards(DateTimeOffset now)
    {
        Roll(now);
        return _shards;
    }

    /// <summary>The visible shard <paramref name="id"/> names, or null; the caller holds <see cref="Gate"/>.</summary>
    public StreamShard? Shard(string id, DateTimeOffset now) => Shards(now).FirstOrDefault(s => s.Id == id);

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
        ChangeRecord record;
        lock (Gate)
        {
            // The shard the record lands in is the one open at its time, so roll over before numbering it.
            Roll(now);
            record = new ChangeRecord
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
            _shards[^1].Add(record);
        }
        _expiry.ArmBy(StreamShard.TrimmedAt(record));
        Appended?.Invoke(this);
    }

    /// <summary>Closes the open shard: the stream takes no more records and is readable for 24 hours.</summary>
    public void Disable(DateTimeOffset now)
    {
        lock (Gate)
        {
            Roll(now);
            DisabledAt ??= now;
            _shards[^1].Close(now);
        }
        _expiry.ArmBy(DisabledAt.Value + Retention);
    }

    /// <summary>How many records the stream still holds (those not yet trimmed).</summary>
    public int RetainedRecords
    {
        get { lock (Gate) return _shards.Sum(s => s.RetainedRecords); }
    }

    /// <summary>Where LATEST starts in the stream as a whole: just after the newest record.</summary>
    public long LatestPosition(DateTimeOffset now)
    {
        lock (Gate) return Shards(now)[^1].LatestPosition;
    }

    /// <summary>Where TRIM_HORIZON starts in the stream as a whole: the oldest record of any shard still kept.</summary>
    public long TrimHorizon(DateTimeOffset now)
    {
        lock (Gate)
        {
            var shards = Shards(now);
            foreach (var shard in shards)
            {
                var horizon = shard.TrimHorizon(now);
                if (shard.RetainedRecords > 0)
                {
                    return horizon;
                }
            }
            return shards[^1].LatestPosition;
        }
    }

    /// <summary>
    /// Up to <paramref name="limit"/> records (and <paramref name="maxBytes"/>) from <paramref name="position"/>
    /// on, all from the first shard that has any, following the shards' lineage across rollovers as Lambda's
    /// pollers read. The caller has moved a trimmed position up to <see cref="TrimHorizon"/>.
    /// </summary>
    public StreamRead ReadAcrossShards(long position, int limit, DateTimeOffset now, int maxBytes)
    {
        lock (Gate)
        {
            var records = new List<ChangeRecord>();
            var bytes = 0;
            // A batch holds the records of one shard, as Lambda's are: the parent is read to its end first.
            foreach (var shard in Shards(now))
            {
                if (records.Count > 0)
                {
                    break;
                }
                if (shard.LatestPosition > position)
                {
                    shard.Read(position, limit, now, maxBytes, records, ref bytes);
                }
            }
            return new StreamRead(records, records.Count > 0 ? records[^1].Sequence + 1 : position, false);
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

    /// <summary>A reader that reached the end of a closed shard stops counting.</summary>
    public void ReaderDone(long reader)
    {
        lock (Gate)
        {
            _readers.Remove(reader);
        }
    }

    // Shard IDs carry their creation time to the millisecond, so they sort in creation order.
    private string NewShardId(DateTimeOffset opened) =>
        $"shardId-{opened.ToUnixTimeMilliseconds():D20}-{_cloud.Ids.NewString(8, "0123456789abcdef")}";

    // Closes the open shard at each rollover due by now, opening its child, and forgets the closed
    // shards that are no longer visible. After a long jump of the clock only the children still
    // visible are made; the first of them names its (gone) parent. The caller holds the gate.
    private void Roll(DateTimeOffset now)
    {
        if (_rollover is { } period && DisabledAt is null)
        {
            var open = _shards[^1];
            var due = (now - open.Opened).Ticks / period.Ticks;
            if (due > 0)
            {
                open.Close(open.Opened + period);
                var parentId = open.Id;
                // Child i opens at Opened + i periods and closes a period later; one closed a retention ago is gone already.
                var first = Math.Max(1, (now - open.Opened - Retention).Ticks / period.Ticks);
                if (first > 1)
                {
                    parentId = NewShardId(open.Opened + period * (first - 1));
                }
                for (var i = first; i <= due; i++)
                {
                    var opened = open.Opened + period * i;
                    var child = new StreamShard(NewShardId(opened), parentId, _catalog.NextSequence(), opened);
                    if (i < due)
                    {
                        child.Close(opened + period);
                    }
                    _shards.Add(child);
                    parentId = child.Id;
                }
            }
        }
        // Shards close in the order they opened, so the oldest are the first to go; the newest always stays.
        while (_shards.Count > 1 && !_shards[0].IsVisible(now))
        {
            _shards.RemoveAt(0);
        }
    }

    // The clock's upkeep: trims what is due, and once the stream is no longer visible, drops it from
    // the catalog. Answers the next moment there is something to drop.
    private DateTimeOffset? Expire(DateTimeOffset now)
    {
        DateTimeOffset? next;
        lock (Gate)
        {
            var shards = Shards(now);
            foreach (var shard in shards)
            {
                shard.TrimHorizon(now);
            }
            next = shards.Select(s => s.NextTrim).Min()
                ?? (DisabledAt is { } disabled && IsVisible(now) ? disabled + Retention : null);
        }
        if (!IsVisible(now))
        {
            _catalog.ForgetExpired(now);
        }
        return next;
    }
}

/// <summary>What one read of a stream found, and where the next read starts.</summary>
internal sealed record StreamRead(IReadOnlyList<ChangeRecord> Records, long NextPosition, bool AtEnd);
