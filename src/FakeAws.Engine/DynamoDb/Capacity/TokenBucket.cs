namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// Capacity units on the virtual clock: the bucket fills at <see cref="Rate"/> units a second up to
/// <see cref="Capacity"/>. A request is let in while the bucket holds anything, then pays its units,
/// which may leave the bucket in debt until it fills again, as DynamoDB charges a read only once it
/// knows its size.
/// </summary>
internal sealed class TokenBucket
{
    private DateTimeOffset _filledAt;

    /// <summary>A full bucket of <paramref name="burstSeconds"/> seconds of <paramref name="rate"/>.</summary>
    public TokenBucket(double rate, double burstSeconds, DateTimeOffset now)
    {
        Rate = rate;
        Capacity = rate * burstSeconds;
        Tokens = Capacity;
        _filledAt = now;
    }

    /// <summary>Units added a second.</summary>
    public double Rate { get; }

    /// <summary>The most units the bucket holds.</summary>
    public double Capacity { get; }

    /// <summary>The units in the bucket when last filled; below zero while in debt.</summary>
    public double Tokens { get; private set; }

    /// <summary>Whether a request may start at <paramref name="now"/>.</summary>
    public bool HasTokens(DateTimeOffset now)
    {
        Fill(now);
        return Tokens > 0;
    }

    /// <summary>Takes <paramref name="units"/> out of the bucket.</summary>
    public void Take(double units, DateTimeOffset now)
    {
        Fill(now);
        Tokens -= units;
    }

    /// <summary>A bucket of a new rate that keeps this one's units, up to the new capacity.</summary>
    public TokenBucket Resized(double rate, double burstSeconds, DateTimeOffset now)
    {
        Fill(now);
        var resized = new TokenBucket(rate, burstSeconds, now);
        resized.Tokens = Math.Min(Tokens, resized.Capacity);
        return resized;
    }

    private void Fill(DateTimeOffset now)
    {
        if (now > _filledAt)
        {
            Tokens = Math.Min(Capacity, Tokens + (now - _filledAt).TotalSeconds * Rate);
            _filledAt = now;
        }
    }
}
