using System.Text;
using System.Text.Json.Nodes;

namespace FakeAws.Engine.ApiGateway;

/// <summary>
/// GetModelTemplate's answer: a mapping template that copies a payload of the model's shape member
/// by member, as the console's generated templates do (strings quoted, numbers and booleans bare,
/// arrays through <c>#foreach</c>). A <c>$ref</c> to another model of the API
/// (<c>.../models/Name</c>) or to the schema's own <c>#/definitions/x</c> is followed.
/// </summary>
internal static class ModelTemplates
{
    private const int MaxDepth = 16;

    public static string Generate(string schema, Func<string, string?> modelSchema)
    {
        var root = JsonNode.Parse(schema) as JsonObject ?? [];
        var template = new StringBuilder("#set($inputRoot = $input.path('$'))\n");
        Write(template, root, root, "$inputRoot", 0, modelSchema);
        return template.Append('\n').ToString();
    }

    private static void Write(StringBuilder template, JsonObject schema, JsonObject root, string reference, int depth, Func<string, string?> modelSchema)
    {
        (schema, root) = Resolve(schema, root, modelSchema);
        var indent = new string(' ', depth * 2);
        switch (Type(schema))
        {
            case "object" when depth < MaxDepth:
                template.Append("{\n");
                var properties = (schema["properties"] as JsonObject)?.ToList() ?? [];
                for (var i = 0; i < properties.Count; i++)
                {
                    var (name, property) = properties[i];
                    template.Append(indent).Append("  \"").Append(name).Append("\" : ");
                    Write(template, property as JsonObject ?? [], root, $"{reference}.{name}", depth + 1, modelSchema);
                    template.Append(i + 1 < properties.Count ? ",\n" : "\n");
                }
                template.Append(indent).Append('}');
                break;
            case "array" when depth < MaxDepth:
                var element = depth == 0 ? "$elem" : $"$elem{depth}";
                template.Append("[\n#foreach(").Append(element).Append(" in ").Append(reference).Append(")\n").Append(indent).Append("  ");
                Write(template, schema["items"] as JsonObject ?? [], root, element, depth + 1, modelSchema);
                template.Append("#if($foreach.hasNext),#end\n#end\n").Append(indent).Append(']');
                break;
            case "number" or "integer" or "boolean":
                template.Append(reference);
                break;
            default:
                template.Append('"').Append(reference).Append('"');
                break;
        }
    }

    private static string? Type(JsonObject schema) => schema["type"] switch
    {
        JsonValue value when value.TryGetValue<string>(out var type) => type,
        JsonArray types => types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null"),
        _ => schema.ContainsKey("properties") ? "object" : null,
    };

    /// <summary>Follows <c>$ref</c>s: to another model of the API by its URL's last segment, or into the schema's definitions.</summary>
    private static (JsonObject Schema, JsonObject Root) Resolve(JsonObject schema, JsonObject root, Func<string, string?> modelSchema)
    {
        for (var hops = 0; hops < MaxDepth && schema["$ref"] is JsonValue value && value.TryGetValue<string>(out var target); hops++)
        {
            if (target.StartsWith("#/definitions/", StringComparison.Ordinal))
            {
                schema = (root["definitions"] as JsonObject)?[target["#/definitions/".Length..]] as JsonObject ?? [];
            }
            else if (modelSchema(target[(target.LastIndexOf('/') + 1)..]) is { } text && JsonNode.Parse(text) is JsonObject other)
            {
                (schema, root) = (other, other);
            }
            else
            {
                return ([], root);
            }
        }
        return (schema, root);
    }
}
