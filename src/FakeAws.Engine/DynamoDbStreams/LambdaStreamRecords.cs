using System.Text.Json;
using FakeAws.Engine.DynamoDb;

namespace FakeAws.Engine.DynamoDbStreams;

/// <summary>
/// Stream records as Lambda hands them to a function: one element of the event's <c>Records</c>,
/// in the shape and member order of AWS's DynamoDB stream event (attribute values in DynamoDB JSON,
/// the creation time in epoch seconds, <c>eventSourceARN</c> last, and for a Time to Live deletion
/// <c>userIdentity</c> naming DynamoDB).
/// </summary>
internal static class LambdaStreamRecords
{
    public static byte[] Json(TableStream stream, ChangeRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("eventID", record.EventIdText);
            writer.WriteString("eventName", record.EventName);
            writer.WriteString("eventVersion", StreamEvents.EventVersion);
            writer.WriteString("eventSource", StreamEvents.EventSource);
            writer.WriteString("awsRegion", stream.Scope.Region);
            writer.WriteStartObject("dynamodb");
            writer.WriteNumber("ApproximateCreationDateTime", StreamEvents.ApproximateCreation(record).ToUnixTimeSeconds());
            WriteItem(writer, "Keys", record.KeysOf(stream.Key));
            if (record.NewImage is { } newImage)
            {
                WriteItem(writer, "NewImage", newImage);
            }
            if (record.OldImage is { } oldImage)
            {
                WriteItem(writer, "OldImage", oldImage);
            }
            writer.WriteString("SequenceNumber", SequenceNumbers.Format(record.Sequence));
            writer.WriteNumber("SizeBytes", record.SizeBytes);
            writer.WriteString("StreamViewType", stream.ViewType);
            writer.WriteEndObject();
            if (record.ByTimeToLive)
            {
                writer.WriteStartObject("userIdentity");
                writer.WriteString("type", "Service");
                writer.WriteString("principalId", StreamEvents.TimeToLivePrincipal);
                writer.WriteEndObject();
            }
            writer.WriteString("eventSourceARN", stream.Arn);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteItem(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, AttributeValue> item)
    {
        writer.WritePropertyName(name);
        WriteMap(writer, item);
    }

    private static void WriteMap(Utf8JsonWriter writer, IReadOnlyDictionary<string, AttributeValue> members)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in members)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }
        writer.WriteEndObject();
    }

    /// <summary>A value in DynamoDB JSON: <c>{"S":"x"}</c>, numbers as strings, binary as base64.</summary>
    private static void WriteValue(Utf8JsonWriter writer, AttributeValue value)
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
            case AttributeType.SS:
            case AttributeType.NS:
                writer.WriteStartArray();
                foreach (var element in value.Strings)
                {
                    writer.WriteStringValue(element);
                }
                writer.WriteEndArray();
                break;
            case AttributeType.BS:
                writer.WriteStartArray();
                foreach (var element in value.Binaries)
                {
                    writer.WriteBase64StringValue(element);
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
                WriteMap(writer, value.M);
                break;
        }
        writer.WriteEndObject();
    }
}
