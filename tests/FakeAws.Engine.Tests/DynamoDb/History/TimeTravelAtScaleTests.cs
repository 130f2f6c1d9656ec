using System.Globalization;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.DynamoDbStreams;
using Microsoft.Extensions.Time.Testing;

namespace FakeAws.Engine.Tests.DynamoDb.History;

/// <summary>
/// Issue #22's "time travel at scale", in a bounded form: a table with point-in-time recovery, a
/// stream and Time to Live over 10,000 items, the clock advanced ten years at once. The advance
/// ends, every item expires, and nothing of the expired history is kept.
/// </summary>
public class TimeTravelAtScaleTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly KeySchema Key = new(new KeyAttribute("pk", AttributeType.S), null);

    [Test]
    public void TenYears_OnATableWithRecoveryStreamAndTtl_OfTenThousandItems_KeepNoExpiredHistory()
    {
        const int Items = 10_000;
        var clock = new VirtualClock(new FakeTimeProvider(Start));
        var cloud = new CloudContext("123456789012", "us-east-1", clock);
        var scope = new RequestScope("123456789012", "us-east-1");
        var table = new Table(scope, "t", "id", Key, Start, cloud, new DynamoDbOptions());
        var catalog = new StreamCatalog();
        table.Stream = new TableStream(cloud, catalog, scope, "arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2030-01-01T00:00:00.000",
            "2030-01-01T00:00:00.000", "t", Key, "NEW_AND_OLD_IMAGES", Start, TimeSpan.FromHours(4));
        catalog.Add(table.Stream);
        table.History = new PointInTimeHistory(Start, recoveryPeriodInDays: 35);
        table.TimeToLive.Enable("expires", Start);
        clock.Advance(TimeSpan.FromMinutes(1));

        // Each item is written, then overwritten, to expire a day later.
        var expires = Start.AddDays(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        for (var version = 0; version < 2; version++)
        {
            for (var i = 0; i < Items; i++)
            {
                var item = new Dictionary<string, AttributeValue>
                {
                    ["pk"] = AttributeValue.FromS($"k{i}"),
                    ["v"] = AttributeValue.FromN(version.ToString(CultureInfo.InvariantCulture)),
                    ["expires"] = AttributeValue.FromN(expires),
                };
                lock (table.Gate)
                {
                    table.Write(new PrimaryKey(item["pk"], null), item, 40);
                }
            }
        }
        var written = (table.History.ItemsWithHistory, table.Stream.RetainedRecords);

        clock.Advance(TimeSpan.FromDays(3653));

        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo((Items, 2 * Items)));
            Assert.That(table.ItemCount, Is.Zero, "Time to Live deleted every item");
            Assert.That(table.History.ItemsWithHistory, Is.Zero, "point-in-time history past its 35 days is dropped");
            Assert.That(table.Stream.RetainedRecords, Is.Zero, "stream records past 24 hours, the TTL deletions' too, are dropped");
        });
    }
}
