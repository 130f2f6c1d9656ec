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
        DynamoJson.WriteItem(writer, item);
    }
}
