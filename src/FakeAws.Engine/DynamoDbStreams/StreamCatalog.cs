namespace FakeAws.Engine.DynamoDbStreams;

/// <summary>
/// The streams of one account and region, current and disabled, in the order they were created, and
/// the counter their sequence numbers come from. A stream leaves the catalog 24 hours after it is
/// disabled; that is worked out when the catalog is read, so no timer is needed.
/// </summary>
internal sealed class StreamCatalog
{
    private readonly List<TableStream> _streams = [];
    private long _sequence;

    /// <summary>A new sequence number, larger than every one given before.</summary>
    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(TableStream stream)
    {
        lock (_streams)
        {
            _streams.Add(stream);
        }
    }

    /// <summary>The visible stream with ARN <paramref name="arn"/>, or null.</summary>
    public TableStream? Find(string arn, DateTimeOffset now)
    {
        lock (_streams)
        {
            Prune(now);
            return _streams.Find(s => s.Arn == arn);
        }
    }

    /// <summary>The visible streams, oldest first.</summary>
    public List<TableStream> Visible(DateTimeOffset now)
    {
        lock (_streams)
        {
            Prune(now);
            return [.. _streams];
        }
    }

    /// <summary>Forgets the streams that are no longer visible at <paramref name="now"/>.</summary>
    public void ForgetExpired(DateTimeOffset now)
    {
        lock (_streams)
        {
            Prune(now);
        }
    }

    private void Prune(DateTimeOffset now) => _streams.RemoveAll(s => !s.IsVisible(now));
}
