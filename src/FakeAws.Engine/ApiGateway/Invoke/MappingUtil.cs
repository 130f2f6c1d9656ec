using System.Text;
using System.Web;
using FakeAws.Engine.ApiGateway.Velocity;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>A mapping template's <c>$util</c>: escapeJavaScript, parseJson, urlEncode, urlDecode, base64Encode and base64Decode.</summary>
internal sealed class MappingUtil : IVtlObject
{
    public static readonly MappingUtil Instance = new();

    public bool TryGetProperty(string name, out object? value)
    {
        value = null;
        return false;
    }

    public bool TryInvoke(string name, IReadOnlyList<object?> arguments, out object? result)
    {
        result = null;
        if (arguments.Count != 1)
        {
            return false;
        }
        var text = arguments[0] is null ? null : VtlValues.Text(arguments[0]);
        result = name switch
        {
            "escapeJavaScript" => text is null ? null : VtlValues.EscapeJavaScript(text),
            "parseJson" => text is null ? null : ParseJson(text),
            "urlEncode" => text is null ? null : UrlEncode(text),
            "urlDecode" => text is null ? null : HttpUtility.UrlDecode(text, Encoding.UTF8),
            "base64Encode" => text is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(text)),
            "base64Decode" => text is null ? null : Base64Decode(text),
            _ => null,
        };
        return name is "escapeJavaScript" or "parseJson" or "urlEncode" or "urlDecode" or "base64Encode" or "base64Decode";
    }

    private static object? ParseJson(string text) =>
        JsonValues.TryParse(text, out var node) ? VtlJson.ToValue(node) : throw new VtlException($"$util.parseJson: not JSON: {text}");

    private static string Base64Decode(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            throw new VtlException($"$util.base64Decode: not base64: {text}");
        }
    }

    /// <summary>Java's <c>URLEncoder.encode(text, "UTF-8")</c>: letters, digits and <c>.-*_</c> stay, a space is <c>+</c>, the rest <c>%XX</c>.</summary>
    private static string UrlEncode(string text)
    {
        var encoded = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '*' or '_')
            {
                encoded.Append(c);
            }
            else if (c == ' ')
            {
                encoded.Append('+');
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }
}
