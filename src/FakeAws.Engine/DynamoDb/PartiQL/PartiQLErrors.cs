using FakeAws.Engine.Core;

namespace FakeAws.Engine.DynamoDb.PartiQL;

/// <summary>DynamoDB's messages for PartiQL statements.</summary>
internal static class PartiQLErrors
{
    public static AwsServiceException Validation(string message) => DynamoDbErrors.Validation(message);

    /// <summary>A statement that does not parse.</summary>
    public static AwsServiceException Malformed(string detail) => Validation($"Statement wasn't well formed, can't be processed: {detail}");

    public static AwsServiceException ParameterCountMismatch() => Validation("Number of parameters in request and statement don't match.");

    /// <summary>UPDATE and DELETE must name exactly one item by its whole key.</summary>
    public static AwsServiceException KeyEqualityMissing() => Validation("Where clause does not contain a mandatory equality on all key attributes");

    public static AwsServiceException BatchSelectWithoutKey() =>
        Validation("Select statements within BatchExecuteStatement must specify the primary key in the where clause.");

    public static AwsServiceException MixedTransaction() => Validation("Transactions must either contain only reads or only writes");
}
