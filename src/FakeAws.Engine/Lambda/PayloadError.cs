using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FakeAws.Engine.Lambda;

/// <summary>
/// Words a payload that is not JSON as Lambda's parser (Jackson) does: the offending character, then
/// where it is. Jackson names control characters (C0 and C1, as it reads a byte on its own) by code.
/// </summary>
internal static class PayloadError
{
    private const string Expected = "expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

    /// <summary>The parser's message for <paramref name="payload"/>, located where <paramref name="error"/> found it wrong.</summary>
    public static string Describe(byte[] payload, JsonException error)
    {
        var line = (int)(error.LineNumber ?? 0);
        var column = (int)(error.BytePositionInLine ?? 0);
        var index = IndexOf(payload, line, column);
        var what = index < payload.Length ? $"Unexpected character ({Character(payload, index)}): {Expected}" : "Unexpected end-of-input";
        return string.Create(CultureInfo.InvariantCulture,
            $"{what}\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: {line + 1}, column: {column + 1}]");
    }

    /// <summary>The byte at a zero-based line and byte position in that line.</summary>
    private static int IndexOf(byte[] payload, int line, int column)
    {
        var index = 0;
        for (var seen = 0; seen < line && index < payload.Length; index++)
        {
            if (payload[index] == '\n')
            {
                seen++;
            }
        }
        return index + column;
    }

    private static string Character(byte[] payload, int index)
    {
        var b = payload[index];
        if (b < 0x20 || b is >= 0x7F and <= 0x9F)
        {
            return string.Create(CultureInfo.InvariantCulture, $"(CTRL-CHAR, code {b})");
        }
        var text = b < 0x80 ? ((char)b).ToString() : Encoding.UTF8.GetString(payload, index, Math.Min(4, payload.Length - index))[..1];
        return string.Create(CultureInfo.InvariantCulture, $"'{text}' (code {(int)text[0]})");
    }
}
