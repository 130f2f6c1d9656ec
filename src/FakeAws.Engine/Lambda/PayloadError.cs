using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

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
        return Located(what, line, column + 1);
    }

    /// <summary>
    /// The parser's message for the first byte of <paramref name="payload"/> that breaks its UTF-8
    /// decoding, or null when it decodes. Jackson decodes by the lead byte's bit pattern alone (it lets
    /// overlong forms and surrogates through) and reports the byte just read, so its column is one
    /// past the byte's.
    /// </summary>
    public static string? DescribeInvalidUtf8(byte[] payload)
    {
        if (Utf8.IsValid(payload))
        {
            return null;
        }
        for (var i = 0; i < payload.Length; i++)
        {
            int lead = payload[i];
            var following = (lead & 0xE0) == 0xC0 ? 1 : (lead & 0xF0) == 0xE0 ? 2 : (lead & 0xF8) == 0xF0 ? 3 : lead < 0x80 ? 0 : -1;
            if (following < 0)
            {
                return InvalidByte(payload, i, "start");
            }
            // The reader has checked the structure, so a sequence in a string runs at most to its quote.
            for (var k = 1; k <= following && i + k < payload.Length; k++)
            {
                if ((payload[i + k] & 0xC0) != 0x80)
                {
                    return InvalidByte(payload, i + k, "middle");
                }
            }
            i += following;
        }
        return null;
    }

    private static string InvalidByte(byte[] payload, int index, string kind)
    {
        var lineStart = Array.LastIndexOf(payload, (byte)'\n', Math.Max(index - 1, 0)) + 1;
        var line = payload.AsSpan(0, lineStart).Count((byte)'\n');
        return Located(string.Create(CultureInfo.InvariantCulture, $"Invalid UTF-8 {kind} byte 0x{payload[index]:x}"), line, index - lineStart + 2);
    }

    /// <summary>Jackson's location suffix; <paramref name="line"/> zero-based, <paramref name="column"/> as Jackson counts it.</summary>
    private static string Located(string what, int line, int column) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{what}\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: {line + 1}, column: {column}]");

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
