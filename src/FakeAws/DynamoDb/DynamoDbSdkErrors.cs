using System.Collections.Concurrent;
using System.Net;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.DynamoDb.Model;
using FakeAws.Sdk;
using SdkModel = Amazon.DynamoDBv2.Model;

namespace FakeAws.DynamoDb;

/// <summary>
/// Turns engine errors into the SDK's typed DynamoDB exceptions, with the same code, message,
/// status, error type and extra members that the SDK's own unmarshaller would produce from the wire.
/// </summary>
internal sealed class DynamoDbSdkErrors(SdkModelMapper mapper)
{
    private static readonly ConcurrentDictionary<string, Type> ExceptionTypes = new();

    public AmazonServiceException ToSdk(AwsServiceException error, string requestId)
    {
        var type = ExceptionTypes.GetOrAdd(error.Code, code => SdkType(code) ?? SdkType(code + "Exception") ?? typeof(AmazonDynamoDBException));
        var errorType = error.IsClientError ? ErrorType.Sender : ErrorType.Receiver;
        var exception = (AmazonServiceException)Activator.CreateInstance(
            type, error.Message, null, errorType, error.Code, requestId, (HttpStatusCode)error.StatusCode)!;
        switch (exception, error.Details)
        {
            case (SdkModel.ConditionalCheckFailedException failed, IReadOnlyDictionary<string, AttributeValue> item):
                failed.Item = SdkAttributeValues.ToSdk(item);
                break;
            case (SdkModel.TransactionCanceledException canceled, List<CancellationReason> reasons):
                canceled.CancellationReasons = (List<SdkModel.CancellationReason>)mapper.Map(reasons, typeof(List<SdkModel.CancellationReason>))!;
                break;
            case (SdkModel.ProvisionedThroughputExceededException throttled, List<ThrottlingReason> throttles):
                throttled.ThrottlingReasons = (List<SdkModel.ThrottlingReason>)mapper.Map(throttles, typeof(List<SdkModel.ThrottlingReason>))!;
                break;
        }
        return exception;
    }

    // The SDK names an error's class for its code, with "Exception" added where the code lacks it
    // (InternalServerError is InternalServerErrorException), as its wire unmarshaller does.
    private static Type? SdkType(string name) =>
        typeof(AmazonDynamoDBClient).Assembly.GetType($"Amazon.DynamoDBv2.Model.{name}") is { } found && typeof(AmazonServiceException).IsAssignableFrom(found)
            ? found
            : null;
}
