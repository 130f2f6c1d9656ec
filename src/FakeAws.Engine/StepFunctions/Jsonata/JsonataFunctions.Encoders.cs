using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace FakeAws.Engine.StepFunctions.Jsonata;

/// <summary>
/// The encoders as jsonata writes them on Node.js: <c>$base64encode</c>/<c>$base64decode</c> over
/// Latin-1 ('binary') bytes, the URL functions as JavaScript's encodeURI(Component) and
/// decodeURI(Component) (D3140 for a malformed sequence), and <c>$formatBase</c>.
/// </summary>
internal static partial class JsonataFunctions
{
    // What encodeURIComponent leaves as it is; encodeURI also keeps the reserved characters.
    private const string Unreserved = "-_.!~*'()";
    private const string Reserved = ";,/?:@&=+$#";

    /// <summary>Node's Buffer.from(text, 'binary'): each UTF-16 unit's low byte.</summary>
    private static string Base64Encode(string text) => Convert.ToBase64String(text.Select(c => (byte)c).ToArray());

    /// <summary>Node's Buffer.from(text, 'base64').toString('binary'): it skips what is not base64 and stops at padding.</summary>
    private static string Base64Decode(string text)
    {
        var clean = new StringBuilder();
        foreach (var c in text.Replace('-', '+').Replace('_', '/'))
        {
            if (c == '=')
            {
                break;
            }
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/')
            {
                clean.Append(c);
            }
        }
        // A lone sixth bit group carries no whole byte, which Node drops.
        if (clean.Length % 4 == 1)
        {
            clean.Length--;
        }
        clean.Append('=', (4 - clean.Length % 4) % 4);
        return new string(Convert.FromBase64String(clean.ToString()).Select(b => (char)b).ToArray());
    }

    private static string EncodeUrl(string text, bool component)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || Unreserved.Contains(c) || !component && Reserved.Contains(c))
            {
                result.Append(c);
                continue;
            }
            string unit;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                unit = text.Substring(i++, 2);
            }
            else if (char.IsSurrogate(c))
            {
                throw new JsonataException("D3140: Malformed URL passed to $encodeUrl(Component)");
            }
            else
            {
                unit = c.ToString();
            }
            foreach (var b in Encoding.UTF8.GetBytes(unit))
            {
                result.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return result.ToString();
    }

    private static string DecodeUrl(string text, bool component)
    {
        var result = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '%')
            {
                result.Append(text[i++]);
                continue;
            }
            var start = i;
            var first = HexByte(text, i);
            var length = first switch
            {
                < 0x80 => 1,
                >= 0xC2 and < 0xE0 => 2,
                >= 0xE0 and < 0xF0 => 3,
                >= 0xF0 and < 0xF5 => 4,
                _ => throw Malformed(),
            };
            var bytes = new byte[length];
            for (var k = 0; k < length; k++)
            {
                if (k > 0 && (i >= text.Length || text[i] != '%'))
                {
                    throw Malformed();
                }
                bytes[k] = (byte)HexByte(text, i);
                i += 3;
            }
            string decoded;
            try
            {
                decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw Malformed();
            }
            // decodeURI keeps the escapes of reserved characters as they are.
            result.Append(!component && decoded.Length == 1 && Reserved.Contains(decoded[0]) ? text[start..i] : decoded);
        }
        return result.ToString();
    }

    private static int HexByte(string text, int at) =>
        at + 2 < text.Length && text[at] == '%' && int.TryParse(text.AsSpan(at + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Malformed();

    private static JsonataException Malformed() => new("D3140: Malformed URL passed to $decodeUrl(Component)");

    /// <summary>JavaScript's Number.prototype.toString(radix) of a rounded number.</summary>
    private static string FormatBase(double value, int radix)
    {
        if (radix is < 2 or > 36)
        {
            throw new JsonataException($"D3100: The radix of the formatBase function must be between 2 and 36.  It was given {radix}");
        }
        var magnitude = (System.Numerics.BigInteger)Math.Abs(value);
        var digits = new StringBuilder();
        do
        {
            digits.Insert(0, "0123456789abcdefghijklmnopqrstuvwxyz"[(int)(magnitude % radix)]);
            magnitude /= radix;
        }
        while (magnitude > 0);
        return (value < 0 ? "-" : "") + digits;
    }
}
