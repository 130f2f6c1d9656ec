using System.Globalization;

namespace FakeAws.Engine.DynamoDbStreams;

/// <summary>
/// Stream sequence numbers as AWS writes them: 21 decimal digits, growing with every record. Here a
/// leading 1 and the record's counter padded to 20 digits, so text order and number order agree.
/// </summary>
internal static class SequenceNumbers
{
    public static string Format(long sequence) => "1" + sequence.ToString("D20", CultureInfo.InvariantCulture);

    /// <summary>The counter a sequence number stands for, or null when the text is no sequence number of FakeAws's.</summary>
    public static long? Parse(string? text)
    {
        if (text is not { Length: 21 } || text[0] != '1')
        {
            return null;
        }
        return long.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
