using System.Globalization;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// A table's Time to Live: its setting, and the items waiting to expire in order of expiry. One
/// piece of work on the cloud's scheduler stands for the earliest expiry, so deletions happen at a
/// fixed moment: the first scheduler run at or after an item's expiry plus
/// <see cref="DynamoDbOptions.TimeToLiveDeletionDelay"/>. Until then an expired item is still
/// read, written and returned, as on AWS.
/// </summary>
/// <remarks>All members are used under the table's lock.</remarks>
internal sealed class TimeToLive(Table table, CloudContext cloud, TimeSpan delay)
{
    /// <summary>How long after one UpdateTimeToLive the next one is refused: one hour.</summary>
    public static readonly TimeSpan UpdateInterval = TimeSpan.FromHours(1);

    /// <summary>AWS leaves items alone whose expiry lies more than five years in the past.</summary>
    private static readonly TimeSpan OldestExpiry = TimeSpan.FromDays(5 * 365);

    private readonly PriorityQueue<(PrimaryKey Key, double Expiry), DateTimeOffset> _due = new();
    private ScheduledWork? _wake;
    private DateTimeOffset _wakeAt;

    /// <summary>The attribute holding each item's expiry in epoch seconds; null when TTL was never set.</summary>
    public string? AttributeName { get; private set; }

    public bool Enabled { get; private set; }

    /// <summary>When UpdateTimeToLive last changed the setting.</summary>
    public DateTimeOffset? LastUpdate { get; private set; }

    /// <summary>Turns TTL on for <paramref name="attribute"/> and queues the table's items that carry it.</summary>
    public void Enable(string attribute, DateTimeOffset now)
    {
        AttributeName = attribute;
        Enabled = true;
        LastUpdate = now;
        foreach (var stored in table.Items.All())
        {
            Track(stored.TableKey, stored.Item);
        }
    }

    /// <summary>Turns TTL off; nothing queued is deleted any more.</summary>
    public void Disable(DateTimeOffset now)
    {
        Enabled = false;
        LastUpdate = now;
        _due.Clear();
        _wake?.Cancel();
        _wake = null;
    }

    /// <summary>
    /// Takes another replica's setting (Time to Live is group-wide in a global table): its attribute,
    /// state and last change, so the hourly limit counts across the group.
    /// </summary>
    public void CopyFrom(TimeToLive other)
    {
        if (other.Enabled && !(Enabled && AttributeName == other.AttributeName))
        {
            Enable(other.AttributeName!, other.LastUpdate!.Value);
        }
        else if (!other.Enabled && Enabled)
        {
            Disable(other.LastUpdate!.Value);
        }
        LastUpdate = other.LastUpdate;
    }

    /// <summary>Queues <paramref name="item"/>, just written under <paramref name="key"/>, when it carries an expiry.</summary>
    public void Track(in PrimaryKey key, IReadOnlyDictionary<string, AttributeValue>? item)
    {
        if (!Enabled || item is null || ExpiryOf(item) is not { } expiry)
        {
            return;
        }
        var due = DateTimeOffset.UnixEpoch.AddSeconds(expiry) + delay;
        var now = cloud.Now;
        due = due < now ? now : due;
        _due.Enqueue((key, expiry), due);
        Arm(due);
    }

    private double? ExpiryOf(IReadOnlyDictionary<string, AttributeValue> item) =>
        AttributeName is not null && item.TryGetValue(AttributeName, out var value) && value.Type == AttributeType.N
        && double.TryParse(value.N, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
        && seconds is > -62135596800 and < 253402300799
            ? seconds
            : null;

    private void Arm(DateTimeOffset due)
    {
        if (_wake is not null && _wakeAt <= due)
        {
            return;
        }
        _wake?.Cancel();
        _wakeAt = due;
        _wake = cloud.Scheduler.Schedule(due, Sweep, $"{table.Name} time to live");
    }

    // Deletes every queued item that is due and still carries the expiry it was queued with.
    private void Sweep()
    {
        lock (table.Gate)
        {
            _wake = null;
            if (table.IsDeleted || !Enabled)
            {
                return;
            }
            var now = cloud.Now;
            while (_due.TryPeek(out var entry, out var due) && due <= now)
            {
                _due.Dequeue();
                var item = table.Get(entry.Key);
                if (item is not null && ExpiryOf(item) == entry.Expiry
                    && now - DateTimeOffset.UnixEpoch.AddSeconds(entry.Expiry) <= OldestExpiry)
                {
                    table.Write(entry.Key, null, 0, WriteOrigin.TimeToLive);
                }
            }
            if (_due.TryPeek(out _, out var next))
            {
                Arm(next);
            }
        }
    }
}
