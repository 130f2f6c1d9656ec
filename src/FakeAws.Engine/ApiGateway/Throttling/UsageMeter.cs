namespace FakeAws.Engine.ApiGateway.Throttling;

/// <summary>
/// The throttles and quota counters of one region: token buckets per stage, route or usage-plan
/// key, and request counts per usage-plan key and quota period. Everything is measured on the
/// virtual clock, so a test sees the same 429s on every run.
/// </summary>
internal sealed class UsageMeter
{
    private readonly object _gate = new();
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Key, DateTimeOffset Period), int> _quotaUsed = [];
    private readonly Dictionary<(string Key, DateTimeOffset Day), int> _daily = [];

    /// <summary>Takes a token from the bucket <paramref name="key"/>; a bucket whose limits changed starts full.</summary>
    public bool TryTake(string key, double rate, int burst, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_buckets.TryGetValue(key, out var bucket) || bucket.Rate != rate || bucket.Burst != burst)
            {
                _buckets[key] = bucket = new TokenBucket(rate, burst, now);
            }
            return bucket.TryTake(now);
        }
    }

    /// <summary>Counts one request against the quota <paramref name="key"/>, unless the period's limit is reached.</summary>
    public bool TryCount(string key, int limit, string period, int offset, DateTimeOffset now)
    {
        var start = PeriodStart(period, offset, now);
        lock (_gate)
        {
            var used = _quotaUsed.GetValueOrDefault((key, start));
            if (used >= limit)
            {
                return false;
            }
            _quotaUsed[(key, start)] = used + 1;
            return true;
        }
    }

    /// <summary>Counts one request a usage plan key made on the day of <paramref name="now"/> (GetUsage's daily log).</summary>
    public void CountDay(string key, DateTimeOffset now)
    {
        var day = PeriodStart("DAY", 0, now);
        lock (_gate)
        {
            _daily[(key, day)] = _daily.GetValueOrDefault((key, day)) + 1;
        }
    }

    /// <summary>The requests <see cref="CountDay"/> counted for <paramref name="key"/> on the day starting at <paramref name="day"/>.</summary>
    public int UsedOn(string key, DateTimeOffset day)
    {
        lock (_gate)
        {
            return _daily.GetValueOrDefault((key, day));
        }
    }

    /// <summary>What the quota <paramref name="key"/> counted in the period holding <paramref name="at"/>.</summary>
    public int QuotaUsed(string key, string period, int offset, DateTimeOffset at)
    {
        lock (_gate)
        {
            return _quotaUsed.GetValueOrDefault((key, PeriodStart(period, offset, at)));
        }
    }

    /// <summary>Sets what the quota counted in the period holding <paramref name="now"/>: UpdateUsage's new remaining quota.</summary>
    public void SetQuotaUsed(string key, string period, int offset, DateTimeOffset now, int used)
    {
        lock (_gate)
        {
            _quotaUsed[(key, PeriodStart(period, offset, now))] = used;
        }
    }

    /// <summary>
    /// Where the quota period holding <paramref name="now"/> began, in UTC: a day at midnight; a week
    /// on the offset's weekday (0 is Sunday); a month on the offset's day (0 is the first).
    /// </summary>
    public static DateTimeOffset PeriodStart(string period, int offset, DateTimeOffset now)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        switch (period)
        {
            case "WEEK":
                var back = ((int)today.DayOfWeek - offset + 7) % 7;
                return today.AddDays(-back);
            case "MONTH":
                var month = new DateTimeOffset(today.Year, today.Month, 1, 0, 0, 0, TimeSpan.Zero);
                return today.Day - 1 >= offset ? month.AddDays(offset) : month.AddMonths(-1).AddDays(offset);
            default:
                return today;
        }
    }
}
