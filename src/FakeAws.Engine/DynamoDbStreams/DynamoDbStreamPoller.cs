using System.Globalization;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.Lambda;

namespace FakeAws.Engine.DynamoDbStreams;

/// <summary>
/// DynamoDB Streams as an event source of Lambda: reads a stream's records for an event source
/// mapping and shapes them as AWS's DynamoDB stream event. A position is a record's sequence counter,
/// or <c>TRIM_HORIZON</c> until the first read.
/// </summary>
/// <remarks>The mapping's reads are Lambda's own and do not count towards the stream's readers.</remarks>
internal sealed class DynamoDbStreamPoller(DynamoDbEngine dynamoDb, CloudContext cloud) : IEventSourcePoller
{
    private const string TrimHorizon = "TRIM_HORIZON";

    /// <summary>The most bytes of records one event carries: Lambda's 6 MB synchronous payload.</summary>
    private const int MaxBatchBytes = 6 * 1024 * 1024 - 1024;

    public bool Handles(string eventSourceArn) =>
        eventSourceArn.Split(':', 6) is { Length: 6 } parts && parts[2] == "dynamodb" && parts[5].Contains("/stream/", StringComparison.Ordinal);

    public string Start(RequestScope scope, string eventSourceArn, string? startingPosition)
    {
        var stream = dynamoDb.StreamsOf(scope).Find(eventSourceArn, cloud.Now)
            ?? throw LambdaErrors.InvalidParameter(
                $"Cannot access stream {eventSourceArn}. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and ListStreams Actions on your stream in IAM.");
        return startingPosition switch
        {
            null => throw LambdaErrors.InvalidParameter(
                "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null."),
            "TRIM_HORIZON" => TrimHorizon,
            "LATEST" => stream.LatestPosition(cloud.Now).ToString(CultureInfo.InvariantCulture),
            _ => throw LambdaErrors.InvalidParameter($"Unsupported starting position for arn type: {eventSourceArn}"),
        };
    }

    public EventSourceRead Read(RequestScope scope, string eventSourceArn, string position, int limit)
    {
        var now = cloud.Now;
        if (dynamoDb.StreamsOf(scope).Find(eventSourceArn, now) is not { } stream)
        {
            return new EventSourceRead([], position);
        }
        // A position past records since trimmed moves up to the oldest record kept; the read follows the
        // shards' lineage, so a rollover does not interrupt the mapping's order.
        var horizon = stream.TrimHorizon(now);
        var from = position == TrimHorizon ? horizon : Math.Max(horizon, long.Parse(position, CultureInfo.InvariantCulture));
        var read = stream.ReadAcrossShards(from, limit, now, MaxBatchBytes);
        var records = read.Records.Select(r => new EventSourceRecord(
            LambdaStreamRecords.Json(stream, r),
            SequenceNumbers.Format(r.Sequence),
            r.Created,
            r.Sequence.ToString(CultureInfo.InvariantCulture),
            (r.Sequence + 1).ToString(CultureInfo.InvariantCulture))).ToList();
        return new EventSourceRead(records, records.Count > 0 ? records[^1].NextPosition : position == TrimHorizon ? TrimHorizon : read.NextPosition.ToString(CultureInfo.InvariantCulture));
    }
}
