using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FakeAws.Engine.ApiGateway.V2.WebSocket;

/// <summary>
/// Evaluates a WebSocket API's selection expressions on a message, as API Gateway does: a route
/// selection expression (<c>$request.body.action</c>), or text with <c>${request.body.a.b}</c>
/// parts and <c>\$</c> escapes (a template selection expression such as <c>\$default</c>).
/// </summary>
internal static partial class SelectionExpressions
{
    private const string BodyPrefix = "$request.body";

    /// <summary>The value the expression selects from <paramref name="body"/>; null when the body is not JSON or lacks a member the expression names.</summary>
    public static string? Evaluate(string expression, string? body)
    {
        if (expression.StartsWith(BodyPrefix, StringComparison.Ordinal))
        {
            return Select(body, expression[BodyPrefix.Length..]);
        }
        var missing = false;
        var text = Placeholder().Replace(expression, match =>
        {
            var value = Select(body, match.Groups["path"].Value);
            missing |= value is null;
            return value ?? "";
        });
        return missing ? null : text.Replace("\\$", "$", StringComparison.Ordinal);
    }

    /// <summary>The member at <paramref name="path"/> (<c>.a.b</c>) of a JSON body: a string as it is, any other value as JSON text.</summary>
    private static string? Select(string? body, string path)
    {
        if (body is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            var element = document.RootElement;
            foreach (var name in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                {
                    return null;
                }
            }
            return element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Null => null,
                _ => element.GetRawText(),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether an integration response key (<c>/2\d\d/</c>, or <c>$default</c>) matches a status code, as a whole-value regular expression.</summary>
    public static bool KeyMatches(string key, string value) =>
        key.Length > 2 && key.StartsWith('/') && key.EndsWith('/')
        && Regex.IsMatch(value, $"^(?:{key[1..^1]})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"\$\{request\.body(?<path>(?:\.[^.\s${}]+)+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>The text of a message for the expressions: null for a binary message or one that is not UTF-8.</summary>
    public static string? Text(WebSocketMessage message)
    {
        if (message.Binary)
        {
            return null;
        }
        try
        {
            return StrictUtf8.GetString(message.Data);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
