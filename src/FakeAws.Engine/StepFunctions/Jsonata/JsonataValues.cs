using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Jsonata;

/// <summary>JSONata's conversions between values: truthiness, strings, numbers and sequences.</summary>
internal static class JsonataValues
{
    /// <summary>A path's matches as JSONata returns them: nothing, the one match, or an array.</summary>
    public static object? Sequence(List<JsonNode?> items) => items.Count switch
    {
        0 => Undefined.Value,
        1 => items[0],
        _ => new JsonArray(items.Select(JsonValues.Clone).ToArray()),
    };

    public static bool IsNumber(object? value) => value is JsonNode node && JsonValues.IsNumber(node);

    public static double Number(object? value) => JsonValues.AsDouble((JsonNode)value!);

    /// <summary>A number as JSONata writes it: without a fraction when it is whole.</summary>
    public static JsonNode FromNumber(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new JsonataException("D1001: Number out of range");
        }
        return JsonValues.Number(value);
    }

    /// <summary>JSONata's <c>$boolean</c>: empty and zero values are false, functions are false.</summary>
    public static bool ToBoolean(object? value) => value switch
    {
        Undefined or null or JsonataFunction => false,
        JsonArray array => array.Any(item => ToBoolean(item)),
        JsonObject obj => obj.Count > 0,
        JsonNode node => node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => node.GetValue<string>().Length > 0,
            JsonValueKind.Number => JsonValues.AsDouble(node) != 0,
            _ => false,
        },
        _ => false,
    };

    private static readonly JsonSerializerOptions Pretty = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = NestingLimits.JsonDepth,
        WriteIndented = true,
        IndentSize = 2,
    };

    /// <summary>
    /// JSONata's <c>$string</c> (and the operands of <c>&amp;</c>): strings as they are, anything else
    /// as JSON, compact or indented by two spaces, with numbers to 15 significant digits as jsonata
    /// writes them (<c>1e3</c> is <c>1000</c>); nothing and functions are empty.
    /// </summary>
    public static string ToText(object? value, bool pretty = false) => value switch
    {
        Undefined => "",
        JsonataFunction => "",
        JsonNode node when node.GetValueKind() == JsonValueKind.String => node.GetValue<string>(),
        _ when pretty => Normalized(value as JsonNode)?.ToJsonString(Pretty) ?? "null",
        _ => JsonValues.Serialize(Normalized(value as JsonNode)),
    };

    /// <summary>A copy whose numbers are rounded to 15 significant digits, as jsonata's $string rounds them.</summary>
    private static JsonNode? Normalized(JsonNode? value) => value switch
    {
        JsonObject obj => new JsonObject(obj.Select(m => KeyValuePair.Create(m.Key, Normalized(m.Value)))),
        JsonArray array => new JsonArray(array.Select(Normalized).ToArray()),
        JsonValue number when JsonValues.IsNumber(number) =>
            JsonValues.Parse(JavaScriptText(double.Parse(JsonValues.AsDouble(number).ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))),
        _ => JsonValues.Clone(value),
    };

    /// <summary>A number as JavaScript writes it: plain from 1e-6 up to 1e21, else with an exponent such as <c>1e+21</c>.</summary>
    public static string JavaScriptText(double value)
    {
        if (value == 0 || Math.Abs(value) is >= 1e-6 and < 1e21)
        {
            return ((decimal)value).ToString(CultureInfo.InvariantCulture);
        }
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        var exponent = int.Parse(text.AsSpan(e + 1), CultureInfo.InvariantCulture);
        return $"{text[..e]}e{(exponent > 0 ? "+" : "")}{exponent}";
    }

    /// <summary>The type name JSONata's <c>$type</c> and Step Functions' messages use.</summary>
    public static string TypeName(object? value) => value switch
    {
        Undefined => "undefined",
        JsonataFunction => "function",
        null => "null",
        JsonNode node => node.GetValueKind() switch
        {
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            _ => "boolean",
        },
        _ => "undefined",
    };
}
