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
                        DynamoJson.WriteItem(writer, key);
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
}
