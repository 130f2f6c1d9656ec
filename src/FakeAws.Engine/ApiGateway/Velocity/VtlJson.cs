using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeAws.Engine.ApiGateway.Velocity;

/// <summary>JSON to template values and back: objects are maps, arrays lists, integers longs, other numbers doubles.</summary>
internal static class VtlJson
{
    public static object? ToValue(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => VtlValues.Map(obj.Select(p => new KeyValuePair<string, object?>(p.Key, ToValue(p.Value)))),
        JsonArray array => array.Select(ToValue).ToList(),
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => Number(node.ToJsonString()),
            _ => null,
        },
    };

    private static object Number(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            ? integer
            : (object)double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A template value as JSON text.</summary>
    public static string ToJson(object? value) => ToNode(value)?.ToJsonString() ?? "null";

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create(i),
        double d => JsonValue.Create(d),
        OrderedDictionary<string, object?> map => new JsonObject(map.Select(e => new KeyValuePair<string, JsonNode?>(e.Key, ToNode(e.Value)))),
        List<object?> list => new JsonArray(list.Select(ToNode).ToArray()),
        _ => JsonValue.Create(VtlValues.Text(value)),
    };
}
