using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.DynamoDbStreams;
using Microsoft.Extensions.Time.Testing;

namespace FakeAws.Engine.Tests.DynamoDb.History;

/// <summary>Point-in-time history and stream records expire as the clock moves, with no write or read to trigger it.</summary>
public class ExpiryOnTheClockTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly KeySchema Key = new(new KeyAttribute("pk", AttributeType.S), null);

    private VirtualClock _clock = null!;
    private CloudContext _cloud = null!;

    [SetUp]
    public void CreateCloud()
    {
        _clock = new VirtualClock(new FakeTimeProvider(Start));
        _cloud = new CloudContext("123456789012", "us-east-1", _clock);
    }

    private static PrimaryKey KeyOf(int i) => new(AttributeValue.FromS($"k{i}"), null);

    private static Dictionary<string, AttributeValue> ItemOf(int i) => new() { ["pk"] = AttributeValue.FromS($"k{i}") };

    private Table NewTable() =>
        new(new RequestScope("123456789012", "us-east-1"), "t", "id", Key, Start, _cloud, new DynamoDbOptions());

    private static void Write(Table table, int i, bool delete = false)
    {
        lock (table.Gate)
        {
            table.Write(KeyOf(i), delete ? null : ItemOf(i), delete ? 0 : 10);
        }
    }

    [Test]
    public async Task PointInTimeHistory_OfDeletedItems_IsDroppedWhenTheWindowPassesWithoutWrites()
    {
        var table = NewTable();
        table.History = new PointInTimeHistory(Start, recoveryPeriodInDays: 1);
        await _clock.RunUntilIdleAsync();
        // Changes after the moment recovery was enabled, so the window has something to restore.
        _clock.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 100; i++)
        {
            Write(table, i);
            Write(table, i, delete: true);
        }

        await _clock.RunUntilIdleAsync();
        var idleAt = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromHours(23));
        var withinWindow = table.History.ItemsWithHistory;
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(idleAt, Is.EqualTo(Start.AddMinutes(1)), "expiry upkeep never moves the clock by itself");
            Assert.That(withinWindow, Is.EqualTo(100));
            Assert.That(table.History.ItemsWithHistory, Is.Zero);
            Assert.That(table.History.Earliest(_clock.GetUtcNow()), Is.EqualTo(_clock.GetUtcNow().AddDays(-1)));
        });
    }

    [Test]
    public void PointInTimeHistory_ChangedAgainLater_KeepsWhatTheWindowStillCovers()
    {
        var table = NewTable();
        table.History = new PointInTimeHistory(Start, recoveryPeriodInDays: 1);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Write(table, 1);
        _clock.Advance(TimeSpan.FromHours(12));
        Write(table, 2);

        _clock.Advance(TimeSpan.FromHours(13));
        var afterFirst = table.History.ItemsWithHistory;
        _clock.Advance(TimeSpan.FromHours(12));

        Assert.That(afterFirst, Is.EqualTo(1), "the second item's change is still in the window");
        Assert.That(table.History.ItemsWithHistory, Is.Zero);
    }

    [Test]
    public void StreamRecords_OlderThan24Hours_AreTrimmedWithoutAReader()
    {
        var catalog = new StreamCatalog();
        var stream = new TableStream(_cloud, catalog, new RequestScope("123456789012", "us-east-1"),
            "arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2030-01-01T00:00:00.000", "2030-01-01T00:00:00.000", "t", Key,
            "NEW_IMAGE", Start, TimeSpan.FromHours(4));
        catalog.Add(stream);
        for (var i = 0; i < 50; i++)
        {
            stream.Write(KeyOf(i), null, ItemOf(i), _clock.GetUtcNow(), Guid.Empty, WriteOrigin.User);
        }
        _clock.Advance(TimeSpan.FromHours(1));
        stream.Write(KeyOf(50), null, ItemOf(50), _clock.GetUtcNow(), Guid.Empty, WriteOrigin.User);

        _clock.Advance(TimeSpan.FromHours(23));
        var atTheLimit = stream.RetainedRecords;
        _clock.Advance(TimeSpan.FromSeconds(1));
        var afterTheFirst = stream.RetainedRecords;
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Multiple(() =>
        {
            Assert.That(atTheLimit, Is.EqualTo(51), "a record exactly 24 hours old is still readable");
            Assert.That(afterTheFirst, Is.EqualTo(1));
            Assert.That(stream.RetainedRecords, Is.Zero);
        });
    }
}
