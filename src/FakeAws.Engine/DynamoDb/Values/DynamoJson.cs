using System.Text.Json;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// Attribute values in DynamoDB JSON (<c>{"S":"x"}</c>, numbers as strings, binary as base64), as the
/// engine itself writes them: in stream events handed to Lambda and in echoed request members.
/// </summary>
internal static class DynamoJson
{
    /// <summary>An item or map: one member per attribute, in the map's order.</summary>
    public static void WriteItem(Utf8JsonWriter writer, IReadOnlyDictionary<string, AttributeValue> item)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in item)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }
        writer.WriteEndObject();
    }

    /// <summary>One value, keyed by its type; a value a request sent malformed has no content to write.</summary>
    public static void WriteValue(Utf8JsonWriter writer, AttributeValue value)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(value.Type.ToString());
        switch (value.Type)
        {
            case AttributeType.S:
                writer.WriteStringValue(value.S);
                break;
            case AttributeType.N:
                writer.WriteStringValue(value.N);
                break;
            case AttributeType.B:
                writer.WriteBase64StringValue(value.B);
                break;
            case AttributeType.BOOL:
                writer.WriteBooleanValue(value.Bool);
                break;
            case AttributeType.NULL:
                writer.WriteBooleanValue(true);
                break;
            case AttributeType.SS or AttributeType.NS:
                writer.WriteStartArray();
                foreach (var member in value.Strings)
                {
                    writer.WriteStringValue(member);
                }
                writer.WriteEndArray();
                break;
            case AttributeType.BS:
                writer.WriteStartArray();
                foreach (var member in value.Binaries)
                {
                    writer.WriteBase64StringValue(member);
                }
                writer.WriteEndArray();
                break;
            case AttributeType.L:
                writer.WriteStartArray();
                foreach (var element in value.L)
                {
                    WriteValue(writer, element);
                }
                writer.WriteEndArray();
                break;
            case AttributeType.M:
                WriteItem(writer, value.M);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
        writer.WriteEndObject();
    }
}
