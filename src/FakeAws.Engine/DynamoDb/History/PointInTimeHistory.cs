namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// A table's point-in-time recovery history: a change log per item, never a copy of the table. An
/// item that has not changed since recovery was enabled has no entry: its current value is its value
/// at every restorable moment. An item's first change logs its value from before, then each change
/// logs the new value (the table's own immutable item, shared, not copied). Versions older than the
/// recovery window are dropped, keeping the one in force at the window's start.
/// </summary>
/// <remarks>All members are used under the table's lock.</remarks>
internal sealed class PointInTimeHistory(DateTimeOffset enabledAt, int recoveryPeriodInDays)
{
    /// <summary>How far behind now the latest restorable moment is: five minutes.</summary>
    public static readonly TimeSpan RestoreLag = TimeSpan.FromMinutes(5);

    private readonly Dictionary<PrimaryKey, List<ItemVersion>> _versions = [];
    private long _changesSinceSweep;
    private DateTimeOffset _forgottenBefore = enabledAt;

    /// <summary>When recovery was enabled: nothing earlier can be restored.</summary>
    public DateTimeOffset EnabledAt { get; } = enabledAt;

    /// <summary>How many days back a restore may go: 1 to 35.</summary>
    public int RecoveryPeriodInDays { get; set; } = recoveryPeriodInDays;

    /// <summary>The recovery window: a version superseded this long ago can be dropped.</summary>
    public TimeSpan Window => TimeSpan.FromDays(RecoveryPeriodInDays);

    /// <summary>How many items have versions logged.</summary>
    public int ItemsWithHistory => _versions.Count;

    /// <summary>
    /// The earliest moment a restore can return: the window's start, but not before recovery was
    /// enabled, nor before versions were dropped (a longer period does not bring back what a shorter one let go).
    /// </summary>
    public DateTimeOffset Earliest(DateTimeOffset now)
    {
        var windowStart = now - Window;
        return windowStart > _forgottenBefore ? windowStart : _forgottenBefore;
    }

    /// <summary>The latest moment a restore can return: five minutes ago, but not before <see cref="Earliest"/>.</summary>
    public DateTimeOffset Latest(DateTimeOffset now)
    {
        var latest = now - RestoreLag;
        var earliest = Earliest(now);
        return latest > earliest ? latest : earliest;
    }

    /// <summary>Logs a change of the item under <paramref name="key"/> from <paramref name="old"/> to <paramref name="item"/>.</summary>
    public void Record(in PrimaryKey key, IReadOnlyDictionary<string, AttributeValue>? old, int oldSize,
        IReadOnlyDictionary<string, AttributeValue>? item, int size, DateTimeOffset now)
    {
        if (!_versions.TryGetValue(key, out var versions))
        {
            versions = [new ItemVersion(EnabledAt.UtcTicks, old, oldSize)];
            _versions.Add(key, versions);
        }
        versions.Add(new ItemVersion(now.UtcTicks, item, size));
        if (++_changesSinceSweep > _versions.Count + 64)
        {
            Sweep(now);
        }
    }

    /// <summary>
    /// The items of the table as they were at <paramref name="moment"/>: those of <paramref name="current"/>
    /// that have no history, and for every item with history its version in force then.
    /// </summary>
    public IEnumerable<(PrimaryKey Key, IReadOnlyDictionary<string, AttributeValue> Item, int Size)> StateAt(DateTimeOffset moment, ItemStore current)
    {
        foreach (var stored in current.All())
        {
            if (!_versions.ContainsKey(stored.TableKey))
            {
                yield return (stored.TableKey, stored.Item, stored.Size);
            }
        }
        var ticks = moment.UtcTicks;
        foreach (var (key, versions) in _versions)
        {
            var version = VersionAt(versions, ticks);
            if (version.Item is not null)
            {
                yield return (key, version.Item, version.Size);
            }
        }
    }

    // The last version logged at or before the moment; the first one (from before any change) when none is.
    private static ItemVersion VersionAt(List<ItemVersion> versions, long ticks)
    {
        var found = versions[0];
        foreach (var version in versions)
        {
            if (version.Ticks > ticks)
            {
                break;
            }
            found = version;
        }
        return found;
    }

    /// <summary>
    /// Drops what the window has passed at <paramref name="now"/>, as the clock's upkeep calls it, and
    /// answers when the next version falls out of the window, or null when no history is left.
    /// </summary>
    public DateTimeOffset? Expire(DateTimeOffset now)
    {
        var next = Sweep(now);
        return next == long.MaxValue ? null : new DateTimeOffset(next, TimeSpan.Zero) + Window;
    }

    // Drops versions superseded before the window opened; an item whose only version left is older than
    // the window is its current value, so it needs no history at all. Answers the ticks of the oldest
    // version whose window's passing drops something next: the second of an item's versions, or its only one.
    private long Sweep(DateTimeOffset now)
    {
        _changesSinceSweep = 0;
        _forgottenBefore = Earliest(now);
        var windowStart = _forgottenBefore.UtcTicks;
        var next = long.MaxValue;
        foreach (var (key, versions) in _versions.ToList())
        {
            var keep = 0;
            for (var i = 1; i < versions.Count && versions[i].Ticks <= windowStart; i++)
            {
                keep = i;
            }
            if (keep > 0)
            {
                versions.RemoveRange(0, keep);
            }
            if (versions.Count == 1 && versions[0].Ticks <= windowStart)
            {
                _versions.Remove(key);
                continue;
            }
            next = Math.Min(next, versions[versions.Count > 1 ? 1 : 0].Ticks);
        }
        if (_versions.Count == 0)
        {
            _versions.TrimExcess();
        }
        return next;
    }

    /// <summary>One logged value of an item, from a moment on (ticks of UTC), with its size; a null item was deleted.</summary>
    private readonly record struct ItemVersion(long Ticks, IReadOnlyDictionary<string, AttributeValue>? Item, int Size);
}
