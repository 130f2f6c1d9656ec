using FakeAws.Engine.ApiGateway.Throttling;

namespace FakeAws.Engine.Tests.ApiGateway;

public class ThrottlingTests
{
    private static readonly DateTimeOffset Now = new(2030, 6, 5, 15, 30, 0, TimeSpan.Zero); // a Wednesday

    [Test]
    public void TokenBucket_BurstThenRate()
    {
        var bucket = new TokenBucket(rate: 2, burst: 3, Now);

        Assert.That(Enumerable.Range(0, 4).Select(_ => bucket.TryTake(Now)), Is.EqualTo(new[] { true, true, true, false }));
        Assert.That(bucket.TryTake(Now.AddMilliseconds(499)), Is.False);
        Assert.That(bucket.TryTake(Now.AddMilliseconds(500)), Is.True);
        Assert.That(bucket.TryTake(Now.AddHours(1)) && bucket.TryTake(Now.AddHours(1)) && bucket.TryTake(Now.AddHours(1)) && !bucket.TryTake(Now.AddHours(1)), Is.True, "never more than the burst");
    }

    [Test]
    public void TokenBucket_ZeroBurst_ThrottlesEverything() => Assert.That(new TokenBucket(100, 0, Now).TryTake(Now.AddSeconds(5)), Is.False);

    [TestCase("DAY", 0, "2030-06-05")]
    [TestCase("WEEK", 0, "2030-06-02")]
    [TestCase("WEEK", 1, "2030-06-03")]
    [TestCase("WEEK", 4, "2030-05-30")]
    [TestCase("MONTH", 0, "2030-06-01")]
    [TestCase("MONTH", 9, "2030-05-10")]
    public void PeriodStart_UtcDayWeekOrMonthFromTheOffset(string period, int offset, string start) =>
        Assert.That(UsageMeter.PeriodStart(period, offset, Now), Is.EqualTo(DateTimeOffset.Parse(start + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

    [Test]
    public void TryCount_LimitPerPeriod()
    {
        var meter = new UsageMeter();

        Assert.That(meter.TryCount("k", 1, "DAY", 0, Now), Is.True);
        Assert.That(meter.TryCount("k", 1, "DAY", 0, Now.AddHours(8)), Is.False);
        Assert.That(meter.TryCount("k", 1, "DAY", 0, Now.AddHours(9)), Is.True);
    }
}
