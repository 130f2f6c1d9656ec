using FakeAws.Engine.Core;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// A global table of version 2019.11.21: the tables of one name in several regions of one account, each
/// a full table of its own region. A write to any of them reaches the others item by item, after
/// <see cref="DynamoDbOptions.ReplicationDelay"/> of virtual time, on the cloud's scheduler.
/// </summary>
/// <remarks>
/// Conflicts resolve last writer wins: each member remembers, per key, the <see cref="WriteVersion"/> of
/// the write it holds, and a replicated write older than that is dropped. Conditions of a request are
/// checked against the local copy only, as on AWS: two regions may both succeed, and the later write wins
/// everywhere. Replicated writes are never replicated again, so nothing loops back.
/// <para>
/// A group with <see cref="IsStrong"/> (MultiRegionConsistency STRONG) replicates inside the write instead:
/// its members share one lock (<see cref="Table.Gate"/>), so a write and its copies in every other region
/// happen at once, a condition sees the latest item wherever it was written, and each region's stream still
/// records the write. Another region's write to an item while it is in flight (for
/// <see cref="DynamoDbOptions.ReplicatedWriteConflictWindow"/> after a write) is refused with
/// ReplicatedWriteConflictException.
/// </para>
/// </remarks>
internal sealed class ReplicationGroup(CloudContext cloud, DynamoDbOptions options)
{
    /// <summary>The only global tables version AWS still creates.</summary>
    public const string Version = "2019.11.21";

    private readonly List<Table> _members = [];

    // Per key of a strong group: the region whose write is in flight, and until when. Guarded by the members' shared lock.
    private readonly Dictionary<PrimaryKey, (string Region, DateTimeOffset Until)> _inFlight = [];

    /// <summary>Whether the group was created with MultiRegionConsistency STRONG: frozen, replicated synchronously.</summary>
    public bool IsStrong { get; init; }

    /// <summary>A strong group's witness region and its status (CREATING, ACTIVE, DELETING); null without one.</summary>
    public GlobalTableWitness? Witness { get; set; }

    /// <summary>The member tables, in the order they joined; a snapshot.</summary>
    public IReadOnlyList<Table> Members
    {
        get
        {
            lock (_members)
            {
                return [.. _members];
            }
        }
    }

    /// <summary>Makes <paramref name="table"/> a member.</summary>
    public void Add(Table table)
    {
        lock (_members)
        {
            _members.Add(table);
        }
        table.Replication = this;
    }

    /// <summary>
    /// Drops <paramref name="table"/>; when one member is left it is a regional table again (its stream
    /// stays, as on AWS). The caller holds the dropped table's lock.
    /// </summary>
    public void Remove(Table table)
    {
        Table? last = null;
        lock (_members)
        {
            _members.Remove(table);
            if (_members.Count == 1)
            {
                last = _members[0];
                _members.Clear();
            }
        }
        table.Replication = null;
        table.WriteVersions.Clear();
        if (last is not null)
        {
            lock (last.Gate)
            {
                last.Replication = null;
                last.WriteVersions.Clear();
            }
        }
    }

    /// <summary>
    /// The replication hook of <see cref="Table.Write"/>: called, under the source's lock, after each write
    /// that did not itself come from replication. Remembers the write's version and sends it to every other
    /// member still in the group.
    /// </summary>
    public void Replicate(Table source, PrimaryKey key, IReadOnlyDictionary<string, AttributeValue>? item, int size, DateTimeOffset at)
    {
        if (IsStrong)
        {
            ReplicateNow(source, key, item, size, at);
            return;
        }
        var version = new WriteVersion(at, source.Region);
        source.WriteVersions[key] = version;
        foreach (var member in Members)
        {
            if (member != source && !member.IsDeleted)
            {
                cloud.Scheduler.Schedule(at + options.ReplicationDelay, () => Apply(member, key, item, size, version),
                    $"replicate {source.Name} from {source.Region} to {member.Region}");
            }
        }
    }

    /// <summary>
    /// Refuses a write of <paramref name="key"/> from <paramref name="source"/>'s region while another region's
    /// write of it is in flight (ReplicatedWriteConflictException). The caller holds the members' shared lock.
    /// </summary>
    public void CheckNotInFlight(Table source, PrimaryKey key)
    {
        if (_inFlight.TryGetValue(key, out var held) && held.Region != source.Region && cloud.Now < held.Until)
        {
            throw DynamoDbErrors.ReplicatedWriteConflict();
        }
    }

    // A strong group's write reaches every other member at once, under the lock they share; it stays in flight
    // for the conflict window. Members being deleted (teardown) take nothing more.
    private void ReplicateNow(Table source, PrimaryKey key, IReadOnlyDictionary<string, AttributeValue>? item, int size, DateTimeOffset at)
    {
        if (options.ReplicatedWriteConflictWindow > TimeSpan.Zero)
        {
            if (_inFlight.Count >= 1024)
            {
                // Writes that have landed everywhere hold nothing any more.
                foreach (var landed in _inFlight.Where(e => e.Value.Until <= at).Select(e => e.Key).ToList())
                {
                    _inFlight.Remove(landed);
                }
            }
            _inFlight[key] = (source.Region, at + options.ReplicatedWriteConflictWindow);
        }
        foreach (var member in Members)
        {
            if (member != source && !member.IsDeleted)
            {
                member.Write(key, item, size, WriteOrigin.Replication);
            }
        }
    }

    // A replicated write lands unless the replica holds a later one (or has left the group meanwhile).
    private static void Apply(Table target, PrimaryKey key, IReadOnlyDictionary<string, AttributeValue>? item, int size, WriteVersion version)
    {
        lock (target.Gate)
        {
            if (target.IsDeleted || target.Replication is null)
            {
                return;
            }
            if (target.WriteVersions.TryGetValue(key, out var held) && held.CompareTo(version) >= 0)
            {
                return;
            }
            target.WriteVersions[key] = version;
            target.Write(key, item, size, WriteOrigin.Replication);
        }
    }
}

/// <summary>
/// When and where a write to a global table was made. Versions order by virtual time; a tie (two regions
/// writing the same key at the same instant) goes to the region whose name sorts last in ordinal order,
/// so every replica settles on the same item.
/// </summary>
internal readonly record struct WriteVersion(DateTimeOffset At, string Region) : IComparable<WriteVersion>
{
    public int CompareTo(WriteVersion other)
    {
        var byTime = At.CompareTo(other.At);
        return byTime != 0 ? byTime : string.CompareOrdinal(Region, other.Region);
    }
}

/// <summary>The witness of a strong global table: a region that takes part in its quorum but holds no table.</summary>
internal sealed class GlobalTableWitness(string region)
{
    /// <summary>The witness's region.</summary>
    public string Region { get; } = region;

    /// <summary>CREATING, ACTIVE or DELETING, as DescribeTable's GlobalTableWitnesses shows it.</summary>
    public string Status { get; set; } = "CREATING";
}
