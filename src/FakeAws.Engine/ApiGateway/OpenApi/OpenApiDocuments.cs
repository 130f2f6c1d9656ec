using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FakeAws.Engine.ApiGateway.OpenApi;

/// <summary>OpenAPI documents as JSON or YAML text: API Gateway imports both and exports either.</summary>
internal static partial class OpenApiDocuments
{
    /// <summary>Reads a JSON or YAML document; null when the text is neither, or not an object.</summary>
    public static JsonObject? Parse(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body).TrimStart('\uFEFF');
        if (text.TrimStart().StartsWith('{'))
        {
            try
            {
                // A member named twice keeps its last value, as Jackson (API Gateway's reader too) reads it;
                // a node built lazily threw ArgumentException wherever the object was first read.
                return StepFunctions.Json.JsonValues.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                // Not JSON after all; YAML (a superset) gets the last word.
            }
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 1 ? FromYaml(stream.Documents[0].RootNode) as JsonObject : null;
        }
        catch (YamlException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The document as indented JSON, as the exports answer it.</summary>
    public static string ToJson(JsonNode document) => document.ToJsonString(Indented);

    /// <summary>The document as YAML, with strings that would read back as numbers or booleans quoted.</summary>
    public static string ToYaml(JsonNode document)
    {
        var stream = new YamlStream(new YamlDocument(ToYamlNode(document)));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        // YamlDotNet closes a stream with a document end marker that API Gateway's exports do not have.
        var yaml = writer.ToString();
        return yaml.EndsWith("...\n", StringComparison.Ordinal) ? yaml[..^4] : yaml;
    }

    private static JsonNode? FromYaml(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(p =>
            KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", FromYaml(p.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(FromYaml)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    /// <summary>A plain scalar is typed as YAML's core schema types it; a quoted one is a string.</summary>
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }
        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when IntegerPattern().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when FloatPattern().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => JsonValue.Create(value),
        };
    }

    private static YamlNode ToYamlNode(JsonNode? node) => node switch
    {
        JsonObject obj => new YamlMappingNode(obj.Select(p => KeyValuePair.Create<YamlNode, YamlNode>(StringScalar(p.Key), ToYamlNode(p.Value)))),
        JsonArray array => new YamlSequenceNode(array.Select(ToYamlNode)),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => StringScalar(value.GetValue<string>()),
        JsonValue value => new YamlScalarNode(value.ToJsonString()) { Style = ScalarStyle.Plain },
        _ => new YamlScalarNode("null") { Style = ScalarStyle.Plain },
    };

    private static YamlScalarNode StringScalar(string text) =>
        new(text) { Style = Scalar(new YamlScalarNode(text) { Style = ScalarStyle.Plain }) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? ScalarStyle.Any : ScalarStyle.DoubleQuoted };

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
