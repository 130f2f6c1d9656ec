using FakeAws.Engine.Core;

namespace FakeAws.Engine.DynamoDbStreams;

/// <summary>Builds DynamoDB Streams' errors with AWS's codes and message texts.</summary>
internal static class DynamoDbStreamsErrors
{
    public static AwsServiceException Validation(string message) => new("ValidationException", message);

    public static AwsServiceException StreamNotFound(string arn) =>
        new("ResourceNotFoundException", $"Requested resource not found: Stream: {arn} not found");

    public static AwsServiceException TableNotFound(string table) =>
        new("ResourceNotFoundException", $"Requested resource not found: Table: {table} not found");

    /// <summary>AWS's text for a shard the stream does not have, as GetShardIterator answers it (recorded in public reports).</summary>
    public static AwsServiceException ShardNotFound() => new("ResourceNotFoundException", "Requested resource not found: Shard does not exist");

    public static AwsServiceException ExpiredIterator() => new("ExpiredIteratorException", "Shard iterator has expired");

    public static AwsServiceException Trimmed() =>
        new("TrimmedDataAccessException", "The operation attempted to read past the oldest stream record in a shard.");

    /// <summary>More readers than the stream allows are active; this one is throttled.</summary>
    public static AwsServiceException ReadersExceeded(string shardId, string arn, string account) =>
        new("LimitExceededException", $"Rate exceeded for shard {shardId} in stream {arn} under account {account}.");

    public static AwsServiceException LimitTooHigh(int limit) =>
        new("LimitExceededException", $"Limit of {limit} exceeds the maximum of 1000 records a GetRecords call returns.");
}
