using System.Globalization;
using System.Text;

namespace FakeAws.Engine.DynamoDbStreams;

/// <summary>
/// Shard iterators carry their own state, as AWS's do: <c>{streamArn}|1|{token}</c>, the token holding
/// the shard, the position to read from, when the iterator was issued and which reader it belongs to.
/// Nothing is stored per iterator, so iterators cost no memory.
/// </summary>
internal static class ShardIterators
{
    /// <summary>How long an iterator may be used after it was issued: 15 minutes.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public static string Encode(ShardIterator iterator)
    {
        var state = string.Create(CultureInfo.InvariantCulture,
            $"{iterator.ShardId}|{iterator.Position}|{iterator.Issued.UtcTicks}|{iterator.Reader}");
        return $"{iterator.StreamArn}|1|{Convert.ToBase64String(Encoding.UTF8.GetBytes(state))}";
    }

    /// <summary>The iterator <paramref name="text"/> stands for, or null when it is no iterator of FakeAws's.</summary>
    public static ShardIterator? Decode(string text)
    {
        var parts = text.Split('|');
        if (parts.Length != 3 || parts[1] != "1")
        {
            return null;
        }
        string state;
        try
        {
            state = Encoding.UTF8.GetString(Convert.FromBase64String(parts[2]));
        }
        catch (FormatException)
        {
            return null;
        }
        var fields = state.Split('|');
        return fields.Length == 4
            && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            && long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var reader)
            ? new ShardIterator(parts[0], fields[0], position, new DateTimeOffset(ticks, TimeSpan.Zero), reader)
            : null;
    }
}

/// <summary>A reader's place in a shard: read from <see cref="Position"/> on.</summary>
internal sealed record ShardIterator(string StreamArn, string ShardId, long Position, DateTimeOffset Issued, long Reader);
