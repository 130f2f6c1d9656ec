using System.Text;
using System.Text.Json;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// A request member as AWS's newer validation framework echoes it in a constraint message: the member's
/// JSON, as the request carried it (BatchGetItem's RequestItems, for a malformed table name).
/// </summary>
internal static class RequestEcho
{
    /// <summary>BatchGetItem's RequestItems as JSON: each table's members in the model's order, absent ones left out.</summary>
    public static string Json(IReadOnlyDictionary<string, KeysAndAttributes> requestItems)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var (table, request) in requestItems)
            {
                writer.WritePropertyName(table);
                writer.WriteStartObject();
                if (request.Keys is { } keys)
                {
                    writer.WritePropertyName("Keys");
                    writer.WriteStartArray();
                    foreach (var key in keys)
                    {
                        WriteItem(writer, key);
                    }
                    writer.WriteEndArray();
                }
                if (request.AttributesToGet is { } attributes)
                {
                    writer.WritePropertyName("AttributesToGet");
                    writer.WriteStartArray();
                    attributes.ForEach(writer.WriteStringValue);
                    writer.WriteEndArray();
                }
                if (request.ConsistentRead is { } consistent)
                {
                    writer.WriteBoolean("ConsistentRead", consistent);
                }
                if (request.ProjectionExpression is { } projection)
                {
                    writer.WriteString("ProjectionExpression", projection);
                }
                if (request.ExpressionAttributeNames is { } names)
                {
                    writer.WritePropertyName("ExpressionAttributeNames");
                    writer.WriteStartObject();
                    foreach (var (placeholder, name) in names)
                    {
                        writer.WriteString(placeholder, name);
                    }
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteItem(Utf8JsonWriter writer, IReadOnlyDictionary<string, AttributeValue> item)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in item)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, AttributeValue value)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(value.Type.ToString());
        switch (value.Type)
        {
            case AttributeType.S or AttributeType.N:
                writer.WriteStringValue(value.S);
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
