using FakeAws.Engine.Core;

namespace FakeAws.Engine.DynamoDb.PartiQL;

/// <summary>DynamoDB's messages for PartiQL statements.</summary>
internal static class PartiQLErrors
{
    public static AwsServiceException Validation(string message) => DynamoDbErrors.Validation(message);

    /// <summary>A statement that does not parse; AWS gives no detail after the colon for what its lexer cannot read.</summary>
    public static AwsServiceException Malformed(string detail) => Validation($"Statement wasn't well formed, can't be processed: {detail}");

    public static AwsServiceException ParameterCountMismatch() => Validation("Number of parameters in request and statement don't match.");

    /// <summary>UPDATE and DELETE must name exactly one item by its whole key.</summary>
    public static AwsServiceException KeyEqualityMissing() => Validation("Where clause does not contain a mandatory equality on all key attributes");

    public static AwsServiceException BatchSelectWithoutKey() =>
        Validation("Select statements within BatchExecuteStatement must specify the primary key in the where clause.");

    /// <summary>A read of a global index with a multi-attribute key; the text speaks of tables, but the refusal follows the index.</summary>
    public static AwsServiceException MultiAttributeIndex() =>
        Validation("PartiQL statements cannot be executed on tables with multi-attribute HASH keys or multi-attribute RANGE keys.");

    public static AwsServiceException MixedTransaction() => Validation("Transactions must either contain only reads or only writes");

    /// <summary>A statement ExecuteTransaction refuses, named by its place in the request.</summary>
    public static AwsServiceException InTransaction(int index, string message) => Validation($"Validation failed in TransactStatements[{index}]: {message}");

    public const string TransactionSelectWithoutKey = "Select statements within ExecuteTransaction must specify the primary key in the where clause.";

    public const string ExistsWithoutCondition = "EXISTS() must contain a single item read with additional condition";

    /// <summary>
    /// An error of the item operation a statement runs as, in PartiQL's words: PartiQL's messages name no
    /// expression ("Invalid FilterExpression: " and the like are DynamoDB's expression parameters, not PartiQL's).
    /// </summary>
    public static AwsServiceException Unprefixed(AwsServiceException error)
    {
        foreach (var prefix in ExpressionPrefixes)
        {
            if (error.Message.StartsWith(prefix, StringComparison.Ordinal))
            {
                return new AwsServiceException(error.Code, error.Message[prefix.Length..], error.StatusCode) { Details = error.Details };
            }
        }
        return error;
    }

    private static readonly string[] ExpressionPrefixes =
        ["Invalid FilterExpression: ", "Invalid ConditionExpression: ", "Invalid UpdateExpression: ", "Invalid ProjectionExpression: "];

    /// <summary>Where in the statement a token is, as DynamoDB gives it: <c>line:column:length</c>, counted from 1.</summary>
    public static string At(string statement, int position, int length)
    {
        var line = 1 + statement.AsSpan(0, position).Count('\n');
        var lineStart = position == 0 ? 0 : statement.LastIndexOf('\n', position - 1) + 1;
        return $"{line}:{position - lineStart + 1}:{length}";
    }
}
