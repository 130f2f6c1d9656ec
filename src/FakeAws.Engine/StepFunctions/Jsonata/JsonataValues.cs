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

    /// <summary>JSONata's <c>$string</c>: strings as they are, anything else as compact JSON; nothing is empty.</summary>
    public static string ToText(object? value) => value switch
    {
        Undefined => "",
        JsonataFunction => "",
        JsonNode node when node.GetValueKind() == JsonValueKind.String => node.GetValue<string>(),
        _ => JsonValues.Serialize(value as JsonNode),
    };

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
