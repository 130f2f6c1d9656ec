namespace FakeAws.Engine.DynamoDbStreams;

/// <summary>The constant parts of a stream record, shared by GetRecords and the Lambda event.</summary>
internal static class StreamEvents
{
    public const string EventVersion = "1.1";

    public const string EventSource = "aws:dynamodb";

    /// <summary>The principal of a Time to Live deletion's userIdentity.</summary>
    public const string TimeToLivePrincipal = "dynamodb.amazonaws.com";

    /// <summary>AWS gives the record's creation time rounded down to the second.</summary>
    public static DateTimeOffset ApproximateCreation(ChangeRecord record) =>
        DateTimeOffset.FromUnixTimeSeconds(record.Created.ToUnixTimeSeconds());
}
