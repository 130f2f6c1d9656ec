using FakeAws.Engine.DynamoDb;

namespace FakeAws.Engine.Tests.DynamoDb.Storage;

/// <summary>The change log of point-in-time recovery: what it returns for an instant, and what it may forget.</summary>
public class PointInTimeHistoryTests
{
    private static readonly DateTimeOffset Enabled = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly PrimaryKey Key = new(AttributeValue.FromS("a"), null);

    private static Dictionary<string, AttributeValue> Version(int n) => new()
    {
        ["pk"] = AttributeValue.FromS("a"),
        ["n"] = AttributeValue.FromN(n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };

    private static string? ValueAt(PointInTimeHistory history, ItemStore current, DateTimeOffset moment) =>
        history.StateAt(moment, current).Select(s => s.Item["n"].N).SingleOrDefault();

    [Test]
    public void ManyChangesOverDays_EachInstantRestoresItsOwnVersion_AfterCompaction()
    {
        var history = new PointInTimeHistory(Enabled, 35);
        var current = new ItemStore();
        IReadOnlyDictionary<string, AttributeValue>? old = null;
        // An hourly change for 40 days: well past the window, and enough changes to compact many times.
        for (var hour = 1; hour <= 40 * 24; hour++)
        {
            var item = Version(hour);
            history.Record(Key, old, old is null ? 0 : 5, item, 5, Enabled.AddHours(hour));
            current.Put(Key, Key.Hash, null, item, 5);
            old = item;
        }
        var now = Enabled.AddDays(40);

        Assert.Multiple(() =>
        {
            Assert.That(history.Earliest(now), Is.EqualTo(Enabled.AddDays(5)));
            Assert.That(ValueAt(history, current, Enabled.AddDays(5)), Is.EqualTo("120"));
            Assert.That(ValueAt(history, current, Enabled.AddDays(10).AddMinutes(30)), Is.EqualTo("240"));
            Assert.That(ValueAt(history, current, now), Is.EqualTo("960"));
        });
    }

    [Test]
    public void ItemUnchangedSinceTheWindowOpened_NeedsNoHistory()
    {
        var history = new PointInTimeHistory(Enabled, 1);
        var current = new ItemStore();
        var item = Version(1);
        history.Record(Key, null, 0, item, 5, Enabled.AddMinutes(1));
        current.Put(Key, Key.Hash, null, item, 5);
        // Other items' changes two days later make the log compact itself.
        for (var i = 0; i < 200; i++)
        {
            var other = new PrimaryKey(AttributeValue.FromS($"o{i}"), null);
            var value = new Dictionary<string, AttributeValue> { ["pk"] = other.Hash };
            history.Record(other, null, 0, value, 4, Enabled.AddDays(2));
            current.Put(other, other.Hash, null, value, 4);
        }

        Assert.That(history.StateAt(Enabled.AddDays(2), current).Count(), Is.EqualTo(201));
        Assert.That(history.StateAt(Enabled.AddDays(1).AddHours(1), current).Select(s => s.Key), Does.Contain(Key));
    }

    [Test]
    public void DeletedItem_IsInTheStateBeforeItsDeletionOnly()
    {
        var history = new PointInTimeHistory(Enabled, 35);
        var current = new ItemStore();
        history.Record(Key, null, 0, Version(1), 5, Enabled.AddHours(1));
        history.Record(Key, Version(1), 5, null, 0, Enabled.AddHours(2));

        Assert.Multiple(() =>
        {
            Assert.That(ValueAt(history, current, Enabled), Is.Null);
            Assert.That(ValueAt(history, current, Enabled.AddHours(1.5)), Is.EqualTo("1"));
            Assert.That(ValueAt(history, current, Enabled.AddHours(3)), Is.Null);
        });
    }

    [Test]
    public void LongerPeriodLater_DoesNotReachBackPastWhatWasDropped()
    {
        var history = new PointInTimeHistory(Enabled, 7);
        var current = new ItemStore();
        IReadOnlyDictionary<string, AttributeValue>? old = null;
        // Hourly changes for ten days: the log compacts every 66 changes, last at hour 198,
        // dropping what the 7-day window no longer needed (up to hour 198 - 168 = 30).
        for (var hour = 1; hour <= 240; hour++)
        {
            var item = Version(hour);
            history.Record(Key, old, old is null ? 0 : 5, item, 5, Enabled.AddHours(hour));
            current.Put(Key, Key.Hash, null, item, 5);
            old = item;
        }

        history.RecoveryPeriodInDays = 35;

        Assert.That(history.Earliest(Enabled.AddHours(240)), Is.EqualTo(Enabled.AddHours(30)));
        Assert.That(ValueAt(history, current, Enabled.AddHours(31)), Is.EqualTo("31"));
    }
}
