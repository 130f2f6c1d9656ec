using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeAws.Engine.StepFunctions.Json;

/// <summary>
/// The JSON helpers of the interpreter. State data is a <see cref="JsonNode"/> tree in which C# null
/// is JSON null; a node belongs to one parent, so values taken from one document into another are cloned.
/// </summary>
internal static class JsonValues
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        // Step Functions writes non-ASCII text as it is, as Jackson does.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Writing stops at System.Text.Json's default of 64 levels otherwise.
        MaxDepth = NestingLimits.JsonDepth,
    };

    // Duplicate names are found while parsing; a node built lazily would throw ArgumentException
    // wherever its object was first read.
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = NestingLimits.JsonDepth, AllowDuplicateProperties = false };

    private static readonly JsonDocumentOptions DuplicatesAllowed = new() { MaxDepth = NestingLimits.JsonDepth };

    /// <summary>
    /// Parses JSON text; throws <see cref="JsonException"/> when it is not JSON. An object that names
    /// a member twice keeps the last value, in the first one's place, as Jackson reads it.
    /// </summary>
    public static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: ParseOptions);
        }
        catch (JsonException)
        {
            // Not JSON at all throws again here; JSON with repeated names is read the slow way.
            using var document = ParseKeepingRepeats(text);
            return LastValueWins(document.RootElement);
        }
    }

    private static JsonNode? LastValueWins(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var member in element.EnumerateObject())
                {
                    obj[member.Name] = LastValueWins(member.Value);
                }
                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(LastValueWins(item));
                }
                return array;
            default:
                return JsonNode.Parse(element.GetRawText(), documentOptions: ParseOptions);
        }
    }

    /// <summary>
    /// Reads JSON text as a document that keeps every member an object names twice, for checks that must
    /// see the repeats (<see cref="Parse"/> keeps only the last). Throws <see cref="JsonException"/> when it is not JSON.
    /// </summary>
    public static JsonDocument ParseKeepingRepeats(string text) => JsonDocument.Parse(text, DuplicatesAllowed);

    /// <summary>Parses JSON text, or returns false when it is not one JSON value.</summary>
    public static bool TryParse(string text, out JsonNode? value)
    {
        try
        {
            value = Parse(text);
            return true;
        }
        catch (JsonException)
        {
            value = null;
            return false;
        }
    }

    /// <summary>The compact JSON text of a value, as Step Functions records it in history events.</summary>
    public static string Serialize(JsonNode? value) => value is null ? "null" : value.ToJsonString(Compact);

    /// <summary>The size of the value's JSON text in UTF-8 bytes, the measure of the 256 KiB payload quota.</summary>
    public static int Utf8Size(JsonNode? value) => Encoding.UTF8.GetByteCount(Serialize(value));

    /// <summary>A copy of <paramref name="value"/> that can be put into another document.</summary>
    public static JsonNode? Clone(JsonNode? value) => value?.DeepClone();

    /// <summary>The JSON kind of a value, with C# null as <see cref="JsonValueKind.Null"/>.</summary>
    public static JsonValueKind Kind(JsonNode? value) => value?.GetValueKind() ?? JsonValueKind.Null;

    public static bool IsString(JsonNode? value) => Kind(value) == JsonValueKind.String;

    public static bool IsNumber(JsonNode? value) => Kind(value) == JsonValueKind.Number;

    public static bool IsBoolean(JsonNode? value) => Kind(value) is JsonValueKind.True or JsonValueKind.False;

    /// <summary>The string of a JSON string value, or null for any other kind.</summary>
    public static string? AsString(JsonNode? value) => IsString(value) ? value!.GetValue<string>() : null;

    /// <summary>The number of a JSON number as a double.</summary>
    public static double AsDouble(JsonNode value) => value.AsValue().TryGetValue<double>(out var d) ? d : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);

    /// <summary>The number of a JSON number as a decimal, or null when it does not fit one.</summary>
    public static decimal? AsDecimal(JsonNode value)
    {
        var text = value.ToJsonString();
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    /// <summary>The value as a whole number when it is a JSON number without a fraction.</summary>
    public static bool TryGetInteger(JsonNode? value, out long integer)
    {
        integer = 0;
        if (!IsNumber(value))
        {
            return false;
        }
        if (value!.AsValue().TryGetValue<long>(out integer))
        {
            return true;
        }
        var d = AsDecimal(value);
        if (d is { } exact && decimal.Truncate(exact) == exact && exact >= long.MinValue && exact <= long.MaxValue)
        {
            integer = (long)exact;
            return true;
        }
        return false;
    }

    /// <summary>A JSON number for <paramref name="value"/>, written without a fraction when it is whole.</summary>
    public static JsonNode Number(double value) =>
        Math.Abs(value) < 9e15 && Math.Floor(value) == value ? JsonValue.Create((long)value) : JsonValue.Create(value);

    /// <summary>Deep equality of JSON values: numbers by value, objects regardless of member order.</summary>
    public static bool DeepEquals(JsonNode? a, JsonNode? b)
    {
        var kind = Kind(a);
        if (kind != Kind(b))
        {
            return false;
        }
        switch (kind)
        {
            case JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False:
                return true;
            case JsonValueKind.String:
                return a!.GetValue<string>() == b!.GetValue<string>();
            case JsonValueKind.Number:
                return AsDecimal(a!) is { } x && AsDecimal(b!) is { } y ? x == y : AsDouble(a!).Equals(AsDouble(b!));
            case JsonValueKind.Array:
                var left = a!.AsArray();
                var right = b!.AsArray();
                if (left.Count != right.Count)
                {
                    return false;
                }
                for (var i = 0; i < left.Count; i++)
                {
                    if (!DeepEquals(left[i], right[i]))
                    {
                        return false;
                    }
                }
                return true;
            default:
                var lo = a!.AsObject();
                var ro = b!.AsObject();
                if (lo.Count != ro.Count)
                {
                    return false;
                }
                foreach (var (key, value) in lo)
                {
                    if (!ro.TryGetPropertyValue(key, out var other) || !DeepEquals(value, other))
                    {
                        return false;
                    }
                }
                return true;
        }
    }

    /// <summary>
    /// The value as Java's <c>toString</c> shows it, which is how States.Format and an object's
    /// string rendering look on AWS: strings bare, objects as <c>{a=1, b=[]}</c>, null as <c>null</c>.
    /// </summary>
    public static string ToJavaString(JsonNode? value)
    {
        var builder = new StringBuilder();
        AppendJava(builder, value);
        return builder.ToString();
    }

    private static void AppendJava(StringBuilder builder, JsonNode? value)
    {
        switch (Kind(value))
        {
            case JsonValueKind.Null:
                builder.Append("null");
                break;
            case JsonValueKind.String:
                builder.Append(value!.GetValue<string>());
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var first = true;
                foreach (var item in value!.AsArray())
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }
                    first = false;
                    AppendJava(builder, item);
                }
                builder.Append(']');
                break;
            case JsonValueKind.Object:
                builder.Append('{');
                var firstMember = true;
                foreach (var (key, member) in value!.AsObject())
                {
                    if (!firstMember)
                    {
                        builder.Append(", ");
                    }
                    firstMember = false;
                    builder.Append(key).Append('=');
                    AppendJava(builder, member);
                }
                builder.Append('}');
                break;
            default:
                builder.Append(value!.ToJsonString());
                break;
        }
    }
}
