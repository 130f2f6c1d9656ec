using System.Collections.Concurrent;
using System.Net;
using Amazon.Runtime;
using FakeAws.Dax;
using FakeAws.Engine.Core;
using FakeAws.Protocol;
using FakeAws.Sdk;

namespace FakeAws.DynamoDb;

/// <summary>
/// Answers a DynamoDB client's typed requests without marshalling them to JSON: the SDK request
/// object is copied to the engine's input shape, run through the same operation table as the wire
/// (so validation and behaviour are identical), and the output copied to the SDK response type.
/// </summary>
internal sealed class DynamoDbFastPath
{
    private static readonly DynamoDbSdkErrors Errors = new(DynamoDbSdkMapping.Mapper);

    private readonly FakeAwsCloud _cloud;
    private readonly ConcurrentDictionary<Type, Route?> _routes = new();
    // Made once: a method group passed to GetOrAdd would allocate a delegate on every call.
    private readonly Func<Type, Route?> _findRoute;

    public DynamoDbFastPath(FakeAwsCloud cloud)
    {
        _cloud = cloud;
        _findRoute = FindRoute;
    }

    /// <summary>How one SDK request type is answered: its operation and the two copies.</summary>
    private sealed record Route(Operation Operation, Func<object, object?> ToInput, Func<object?, AmazonWebServiceResponse> ToResponse);

    /// <summary>
    /// Runs the request if FakeAws implements its operation; returns null otherwise, and the request
    /// then takes the wire route, which answers with the "not supported" error.
    /// </summary>
    public ValueTask<AmazonWebServiceResponse?> TryInvokeAsync(AmazonWebServiceRequest request, IClientConfig config, CancellationToken cancellationToken)
    {
        if (_routes.GetOrAdd(request.GetType(), _findRoute) is not { } route)
        {
            return ValueTask.FromResult<AmazonWebServiceResponse?>(null);
        }
        var requestId = _cloud.DynamoDbRequestIds.Next();
        var scope = _cloud.Context.Scope(ClientRegions.Of(config));
        ValueTask<object?> execution;
        try
        {
            // A DAX client's requests run the cluster's operation of the same name; DAX is built only for them.
            var operation = DaxModule.MayBeClusterUrl(config.ServiceURL)
                ? _cloud.DaxModule.ClusterOperation(config.ServiceURL, route.Operation.Name) ?? route.Operation
                : route.Operation;
            execution = operation.ExecuteAsync(scope, route.ToInput(request)!, cancellationToken);
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
        // The copies are compiled once here, so a call runs them without looking anything up.
        var mapper = DynamoDbSdkMapping.Mapper;
        var toInput = mapper.Converter(requestType, operation.Model.InputType!);
        var responseType = requestType.Assembly.GetType($"Amazon.DynamoDBv2.Model.{operation.Name}Response")!;
        var toResponse = operation.Model.OutputType is { } outputType ? mapper.Converter(outputType, responseType) : null;
        return new Route(
            operation,
            toInput,
            output => (AmazonWebServiceResponse)(output is null || toResponse is null ? Activator.CreateInstance(responseType)! : toResponse(output)!));
    }
}
