using FakeAws.Engine.Core;

namespace FakeAws.Engine.DynamoDb;

/// <summary>Builds DynamoDB's errors with AWS's codes and message texts.</summary>
internal static class DynamoDbErrors
{
    public static AwsServiceException Validation(string message) => new("ValidationException", message);

    /// <summary>
    /// AWS's constraint-violation message for one or more request members, worded by <paramref name="renderer"/>
    /// (the default wording if null). The error carries the violations, so that it is known for one without reading its text.
    /// </summary>
    public static AwsServiceException ConstraintViolations(IReadOnlyList<Violation> violations, ViolationRenderer? renderer = null) =>
        new("ValidationException", (renderer ?? ViolationRenderer.Default).Message(violations)) { Details = violations };

    /// <summary>
    /// PutItem, UpdateItem and DeleteItem report the errors of their request validation (parameters, expressions,
    /// values) inside the "1 validation error detected: " envelope, as AWS's newer validation framework does;
    /// constraint violations are in it already.
    /// </summary>
    public static AwsServiceException InRequestEnvelope(AwsServiceException error) =>
        error.Details is IReadOnlyList<Violation> ? error : Validation($"1 validation error detected: {error.Message}");

    public static AwsServiceException TableNotFound(string table) =>
        new("ResourceNotFoundException", $"Requested resource not found: Table: {table} not found");

    /// <summary>The wording data-plane operations use for a missing table.</summary>
    public static AwsServiceException ResourceNotFound() =>
        new("ResourceNotFoundException", "Requested resource not found");

    /// <summary>A write to an item of a strong global table that another region is modifying (the API reference's description; AWS's own text is unrecorded).</summary>
    public static AwsServiceException ReplicatedWriteConflict() => new(
        "ReplicatedWriteConflictException",
        "The request was rejected because one or more items in the request are being modified by a request in another Region.");

    public static AwsServiceException TableInUse(string table) =>
        new("ResourceInUseException", $"Table already exists: {table}");

    public static AwsServiceException ResourceInUse(string message) => new("ResourceInUseException", message);

    /// <summary>What every legacy (2017.11.29) global table operation answers for any name: none can exist any more.</summary>
    public static AwsServiceException GlobalTableNotFound(string message) => new("GlobalTableNotFoundException", message);

    public static AwsServiceException ConditionalCheckFailed(IReadOnlyDictionary<string, AttributeValue>? item = null) =>
        new("ConditionalCheckFailedException", "The conditional request failed") { Details = item };

    /// <summary>A value of ExpressionAttributeValues that DynamoDB rejects, reported with its placeholder.</summary>
    public static AwsServiceException InvalidExpressionValue(AwsServiceException error, string placeholder) =>
        Validation($"ExpressionAttributeValues contains invalid value: {error.Message} for key {placeholder}");

    public static AwsServiceException KeySchemaMismatch() => Validation("The provided key element does not match the schema");

    public static AwsServiceException ItemTooLarge() => Validation("Item size has exceeded the maximum allowed size");

    public static AwsServiceException LimitExceeded(string message) => new("LimitExceededException", message);

    /// <summary>UpdateTable names an index the table does not have.</summary>
    public static AwsServiceException IndexNotFound(string index) =>
        new("ResourceNotFoundException", $"Requested resource not found: Index: {index} not found");

    /// <summary>A write would grow an item collection of a table with a local index past its limit.</summary>
    public static AwsServiceException ItemCollectionSizeLimitExceeded() =>
        new("ItemCollectionSizeLimitExceededException", "Item collection size limit exceeded");

    /// <summary>The item of a successful condition check, or one that failed, in a transaction's reasons.</summary>
    public static AwsServiceException TransactionCanceled(List<Model.CancellationReason> reasons) => new(
        "TransactionCanceledException",
        $"Transaction cancelled, please refer cancellation reasons for specific reasons [{string.Join(", ", reasons.Select(r => r.Code))}]")
    {
        Details = reasons,
    };

    /// <summary>What DynamoDB says of an item that an in-flight transaction holds, as an error and as a cancellation reason.</summary>
    public const string TransactionConflictMessage = "Transaction is ongoing for the item";

    /// <summary>A PutItem, UpdateItem or DeleteItem of an item that an in-flight TransactWriteItems holds.</summary>
    public static AwsServiceException TransactionConflict() => new("TransactionConflictException", TransactionConflictMessage);

    /// <summary>A TransactWriteItems repeating the ClientRequestToken of one still running.</summary>
    public static AwsServiceException TransactionInProgress() =>
        new("TransactionInProgressException", "The transaction with the given request token is already in progress.");

    public static AwsServiceException IdempotentParameterMismatch() => new(
        "IdempotentParameterMismatchException",
        "Specified idempotent token was used with different request parameters within the idempotency window");

    public static AwsServiceException DuplicateItem() => new("DuplicateItemException", "Duplicate primary key exists in table");

    public static AwsServiceException Serialization(string message) => new("SerializationException", message);

    /// <summary>A request throttled by a table's or index's provisioned capacity (or on-demand maximum).</summary>
    /// <param name="provisioned">Whether provisioned capacity, rather than an on-demand maximum, throttled it.</param>
    /// <param name="reasons">AWS's ThrottlingReasons: which limit of which table or index.</param>
    /// <param name="batch">Whether a batch request found every one of its items throttled; AWS words that for "one or more tables".</param>
    public static AwsServiceException ProvisionedThroughputExceeded(bool provisioned, List<Model.ThrottlingReason> reasons, bool batch = false) => new(
        "ProvisionedThroughputExceededException",
        !provisioned
            ? "Throughput exceeds the maximum OnDemandThroughput configured on table or index."
            : batch
                ? "The level of configured provisioned throughput for one or more tables was exceeded. Consider increasing your provisioning level with the UpdateTable API."
                : "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.")
    {
        Details = reasons,
    };

    /// <summary>The control-plane wording of a missing table (backups and point-in-time recovery).</summary>
    public static AwsServiceException TableNotFoundException(string table) => new("TableNotFoundException", $"Table not found: {table}");

    public static AwsServiceException TableAlreadyExists(string table) => new("TableAlreadyExistsException", $"Table already exists: {table}");

    public static AwsServiceException BackupNotFound(string arn) => new("BackupNotFoundException", $"Backup not found: {arn}");

    public static AwsServiceException BackupInUse() => new(
        "BackupInUseException",
        "There is another ongoing conflicting backup control plane operation on the table. The backup is either being created, deleted or restored to a table.");

    public static AwsServiceException SourceTableNotFound(string table) => new("SourceTableNotFoundException", $"Source table not found: {table}");

    public static AwsServiceException PointInTimeRecoveryUnavailable(string table) =>
        new("PointInTimeRecoveryUnavailableException", $"Point in time recovery is not enabled for table '{table}'");

    public static AwsServiceException InvalidRestoreTime(DateTimeOffset earliest, DateTimeOffset latest) => new(
        "InvalidRestoreTimeException",
        $"Only restore time between {Moment(earliest)} and {Moment(latest)} can be used");

    /// <summary>A moment as DynamoDB's messages print it: ISO 8601 in UTC, to the millisecond.</summary>
    public static string Moment(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A tag request whose ARN names no table of the account and region. DynamoDB's newer wording;
    /// some regions and older recordings say "ResourcArn" (docs/DYNAMODB.md).
    /// </summary>
    public static AwsServiceException ResourceArnNotFound(string arn) =>
        new("ResourceNotFoundException", $"Requested resource not found: ResourceArn: {arn} not found");
}
