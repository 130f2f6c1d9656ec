using System.Text.Json;
using System.Text.Json.Serialization;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb;

namespace FakeAws.DynamoDb;

/// <summary>
/// DynamoDB's attribute values on the wire: <c>{"S":"text"}</c>, <c>{"N":"42"}</c>, <c>{"M":{…}}</c> and so on.
/// Reading checks what DynamoDB checks while it parses (exactly one type, well-formed numbers and
/// sets) and answers with DynamoDB's serialization and validation messages.
/// </summary>
internal sealed class AttributeValueJsonConverter : JsonConverter<AttributeValue>
{
    private const string OneType = "must contain exactly one of the supported datatypes";

    public override AttributeValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Serialization(reader.TokenType == JsonTokenType.StartArray
                ? "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue"
                : "Unexpected value type in payload");
        }
        AttributeValue? value = null;
        var types = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }
            var parsed = ReadMember(name, ref reader, options);
            if (parsed is not null)
            {
                value = parsed;
                types++;
            }
        }
        return types switch
        {
            0 => throw DynamoDbErrors.Validation($"Supplied AttributeValue is empty, {OneType}"),
            1 => value!,
            _ => throw DynamoDbErrors.Validation($"Supplied AttributeValue has more than one datatypes set, {OneType}"),
        };
    }

    private AttributeValue? ReadMember(string? name, ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        switch (name)
        {
            case "S":
                return AttributeValue.FromS(ReadString(ref reader));
            case "N":
                return AttributeValue.DecodeN(ReadString(ref reader));
            case "B":
                return AttributeValue.FromB(ReadBlob(ref reader));
            case "BOOL":
                return AttributeValue.FromBool(ReadBool(ref reader));
            case "NULL":
                return ReadBool(ref reader)
                    ? AttributeValue.Null
                    : throw DynamoDbErrors.Validation("One or more parameter values were invalid: Null attribute value types must have the value of true");
            case "SS":
                return AttributeValue.DecodeSS(ReadList(ref reader, static (ref Utf8JsonReader r) => ReadString(ref r)));
            case "NS":
                return AttributeValue.DecodeNS(ReadList(ref reader, static (ref Utf8JsonReader r) => ReadString(ref r)));
            case "BS":
                return AttributeValue.DecodeBS(ReadList(ref reader, static (ref Utf8JsonReader r) => ReadBlob(ref r)));
            case "L":
                var converter = this;
                var list = new List<AttributeValue>();
                ExpectArray(ref reader);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(converter.Read(ref reader, typeof(AttributeValue), options));
                }
                return AttributeValue.FromL(list);
            case "M":
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Serialization(reader.TokenType == JsonTokenType.StartArray
                        ? "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>"
                        : "Unexpected field type");
                }
                var map = new Dictionary<string, AttributeValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    map[key] = Read(ref reader, typeof(AttributeValue), options);
                }
                return AttributeValue.FromM(map);
            default:
                reader.Skip(); // AWS ignores members it does not know.
                return null;
        }
    }

    private delegate T ElementReader<out T>(ref Utf8JsonReader reader);

    private static List<T> ReadList<T>(ref Utf8JsonReader reader, ElementReader<T> element)
    {
        ExpectArray(ref reader);
        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(element(ref reader));
        }
        return list;
    }

    private static void ExpectArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Serialization(reader.TokenType == JsonTokenType.StartObject ? "Start of structure or map found where not expected" : "Unexpected field type");
        }
    }

    private static string ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number => throw Serialization($"{NumberKind(ref reader)} cannot be converted to String"),
        JsonTokenType.True => throw Serialization("TRUE_VALUE cannot be converted to String"),
        JsonTokenType.False => throw Serialization("FALSE_VALUE cannot be converted to String"),
        JsonTokenType.StartArray => throw Serialization("Unrecognized collection type class java.lang.String"),
        _ => throw Serialization("Start of structure or map found where not expected"),
    };

    private static bool ReadBool(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                // Coral converts these strings, as AWS does.
                return reader.GetString()!.ToUpperInvariant() switch
                {
                    "TRUE" or "1" or "YES" => true,
                    "FALSE" or "0" or "NO" => false,
                    _ => throw Serialization("Unexpected token received from parser"),
                };
            case JsonTokenType.Number:
                throw Serialization($"{NumberKind(ref reader)} cannot be converted to Boolean");
            case JsonTokenType.StartArray:
                throw Serialization("Unrecognized collection type class java.lang.Boolean");
            default:
                throw Serialization("Start of structure or map found where not expected");
        }
    }

    private static byte[] ReadBlob(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (text.Length % 4 != 0)
                {
                    throw Serialization($"Base64 encoded length is expected a multiple of 4 bytes but found: {text.Length}");
                }
                try
                {
                    return Convert.FromBase64String(text);
                }
                catch (FormatException)
                {
                    throw Serialization("Invalid last non-pad Base64 character dectected");
                }
            case JsonTokenType.StartArray:
                throw Serialization("Unrecognized collection type class java.nio.ByteBuffer");
            case JsonTokenType.StartObject:
                throw Serialization("Start of structure or map found where not expected");
            default:
                throw Serialization("only base-64-encoded strings are convertible to bytes");
        }
    }

    private static string NumberKind(ref Utf8JsonReader reader) => reader.TryGetInt64(out _) ? "NUMBER_VALUE" : "DECIMAL_VALUE";

    private static AwsServiceException Serialization(string message) => DynamoDbErrors.Serialization(message);

    public override void Write(Utf8JsonWriter writer, AttributeValue value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        switch (value.Type)
        {
            case AttributeType.S:
                writer.WriteString("S", value.S);
                break;
            case AttributeType.N:
                writer.WriteString("N", value.N);
                break;
            case AttributeType.B:
                writer.WriteBase64String("B", value.B);
                break;
            case AttributeType.BOOL:
                writer.WriteBoolean("BOOL", value.Bool);
                break;
            case AttributeType.NULL:
                writer.WriteBoolean("NULL", true);
                break;
            case AttributeType.SS:
            case AttributeType.NS:
                writer.WriteStartArray(value.Type.ToString());
                foreach (var element in value.Strings)
                {
                    writer.WriteStringValue(element);
                }
                writer.WriteEndArray();
                break;
            case AttributeType.BS:
                writer.WriteStartArray("BS");
                foreach (var element in value.Binaries)
                {
                    writer.WriteBase64StringValue(element);
                }
                writer.WriteEndArray();
                break;
            case AttributeType.L:
                writer.WriteStartArray("L");
                foreach (var element in value.L)
                {
                    Write(writer, element, options);
                }
                writer.WriteEndArray();
                break;
            case AttributeType.M:
                writer.WriteStartObject("M");
                foreach (var (name, member) in value.M)
                {
                    writer.WritePropertyName(name);
                    Write(writer, member, options);
                }
                writer.WriteEndObject();
                break;
        }
        writer.WriteEndObject();
    }
}

/// <summary>
/// ExpressionAttributeValues on the wire: a map of attribute values whose value errors DynamoDB reports
/// with the placeholder's name ("ExpressionAttributeValues contains invalid value: … for key :v").
/// </summary>
internal sealed class ExpressionValuesJsonConverter : JsonConverter<Dictionary<string, AttributeValue>>
{
    private static readonly AttributeValueJsonConverter Values = new();

    public override Dictionary<string, AttributeValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw DynamoDbErrors.Serialization(reader.TokenType == JsonTokenType.StartArray
                ? "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>"
                : "Unexpected field type");
        }
        var values = new Dictionary<string, AttributeValue>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            try
            {
                values[name] = Values.Read(ref reader, typeof(AttributeValue), options);
            }
            catch (AwsServiceException error) when (error.Code == "ValidationException")
            {
                throw DynamoDbErrors.InvalidExpressionValue(error, name);
            }
        }
        return values;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, AttributeValue> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, member) in value)
        {
            writer.WritePropertyName(name);
            Values.Write(writer, member, options);
        }
        writer.WriteEndObject();
    }
}
