using System.Collections.Concurrent;
using System.Net;
using Amazon.Runtime;
using FakeAws.Engine.Core;
using FakeAws.Protocol;
using FakeAws.Sdk;
using SdkModel = Amazon.DynamoDBv2.Model;

namespace FakeAws.DynamoDb;

/// <summary>
/// Answers a DynamoDB client's typed requests without marshalling them to JSON: the SDK request
/// object is copied to the engine's input shape, run through the same operation table as the wire
/// (so validation and behaviour are identical), and the output copied to the SDK response type.
/// </summary>
internal sealed class DynamoDbFastPath
{
    /// <summary>One mapper for the process: its compiled copies do not depend on the cloud.</summary>
    private static readonly SdkModelMapper Mapper = new(SpecialConversions());

    private static Dictionary<(Type, Type), Func<object, object?>> SpecialConversions() => new()
    {
        [(typeof(SdkModel.AttributeValue), typeof(Engine.DynamoDb.AttributeValue))] = value => SdkAttributeValues.ToEngine((SdkModel.AttributeValue)value),
        [(typeof(Engine.DynamoDb.AttributeValue), typeof(SdkModel.AttributeValue))] = value => SdkAttributeValues.ToSdk((Engine.DynamoDb.AttributeValue)value),
        [(typeof(Dictionary<string, SdkModel.AttributeValue>), typeof(Dictionary<string, Engine.DynamoDb.AttributeValue>))] =
            value => SdkAttributeValues.ToEngine((Dictionary<string, SdkModel.AttributeValue>)value),
        [(typeof(Dictionary<string, Engine.DynamoDb.AttributeValue>), typeof(Dictionary<string, SdkModel.AttributeValue>))] =
            value => SdkAttributeValues.ToSdk((Dictionary<string, Engine.DynamoDb.AttributeValue>)value),
    };

    private static readonly DynamoDbSdkErrors Errors = new(Mapper);

    private readonly FakeAwsCloud _cloud;
    private readonly ConcurrentDictionary<Type, Route?> _routes = new();

    public DynamoDbFastPath(FakeAwsCloud cloud) => _cloud = cloud;

    /// <summary>How one SDK request type is answered: its operation and the two copies.</summary>
    private sealed record Route(Operation Operation, Func<AmazonWebServiceRequest, object> ToInput, Func<object?, AmazonWebServiceResponse> ToResponse);

    /// <summary>Copies between the SDK's model and the engine's with the shared mapper.</summary>
    public static object? Map(object? source, Type target) => Mapper.Map(source, target);

    /// <summary>
    /// Runs the request if FakeAws implements its operation; returns null otherwise, and the request
    /// then takes the wire route, which answers with the "not supported" error.
    /// </summary>
    public ValueTask<AmazonWebServiceResponse?> TryInvokeAsync(AmazonWebServiceRequest request, IClientConfig config, CancellationToken cancellationToken)
    {
        if (_routes.GetOrAdd(request.GetType(), FindRoute) is not { } route)
        {
            return ValueTask.FromResult<AmazonWebServiceResponse?>(null);
        }
        var requestId = _cloud.DynamoDbRequestIds.Next();
        var scope = _cloud.Context.Scope(ClientRegions.Of(config));
        ValueTask<object?> execution;
        try
        {
            execution = route.Operation.ExecuteAsync(scope, route.ToInput(request), cancellationToken);
        }
        catch (AwsServiceException error)
        {
            throw Errors.ToSdk(error, requestId);
        }
        return execution.IsCompletedSuccessfully
            ? ValueTask.FromResult<AmazonWebServiceResponse?>(Respond(route, execution.Result, requestId))
            : Await(route, execution, requestId);
    }

    private static async ValueTask<AmazonWebServiceResponse?> Await(Route route, ValueTask<object?> execution, string requestId)
    {
        try
        {
            return Respond(route, await execution.ConfigureAwait(false), requestId);
        }
        catch (AwsServiceException error)
        {
            throw Errors.ToSdk(error, requestId);
        }
    }

    private static AmazonWebServiceResponse Respond(Route route, object? output, string requestId)
    {
        var response = route.ToResponse(output);
        response.HttpStatusCode = HttpStatusCode.OK;
        response.ResponseMetadata = new ResponseMetadata { RequestId = requestId };
        return response;
    }

    private Route? FindRoute(Type requestType)
    {
        var name = requestType.Name;
        if (!name.EndsWith("Request", StringComparison.Ordinal)
            || !_cloud.DynamoDbWire.Operations.TryGet(name[..^"Request".Length], out var operation)
            || !operation.IsImplemented)
        {
            return null;
        }
        var inputType = operation.Model.InputType!;
        var responseType = requestType.Assembly.GetType($"Amazon.DynamoDBv2.Model.{operation.Name}Response")!;
        Func<object?, AmazonWebServiceResponse> mappedResponse =
            output => (AmazonWebServiceResponse)(Mapper.Map(output, responseType) ?? Activator.CreateInstance(responseType)!);
        if (HotRoutes.For(operation.Name) is { } hot)
        {
            return new Route(operation, hot.ToInput, hot.ToResponse ?? mappedResponse);
        }
        return new Route(operation, request => Mapper.Map(request, inputType)!, mappedResponse);
    }
}
