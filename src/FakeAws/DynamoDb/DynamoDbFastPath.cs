using System.Net;
using Amazon.Runtime;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb;
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
    private readonly FakeAwsCloud _cloud;
    private readonly SdkModelMapper _mapper;
    private readonly DynamoDbSdkErrors _errors;

    public DynamoDbFastPath(FakeAwsCloud cloud)
    {
        _cloud = cloud;
        _mapper = Mapper;
        _errors = new DynamoDbSdkErrors(_mapper);
    }

    /// <summary>One mapper for the process: its compiled copies do not depend on the cloud.</summary>
    private static readonly SdkModelMapper Mapper = new(new Dictionary<(Type, Type), Func<object, object?>>
    {
        [(typeof(SdkModel.AttributeValue), typeof(AttributeValue))] = value => SdkAttributeValues.ToEngine((SdkModel.AttributeValue)value),
        [(typeof(AttributeValue), typeof(SdkModel.AttributeValue))] = value => SdkAttributeValues.ToSdk((AttributeValue)value),
    });

    /// <summary>
    /// Runs the request if FakeAws implements its operation; returns null otherwise, and the request
    /// then takes the wire route, which answers with the "not supported" error.
    /// </summary>
    public async Task<AmazonWebServiceResponse?> TryInvokeAsync(AmazonWebServiceRequest request, IClientConfig config, CancellationToken cancellationToken)
    {
        var name = request.GetType().Name;
        if (!name.EndsWith("Request", StringComparison.Ordinal)
            || !_cloud.DynamoDbWire.Operations.TryGet(name[..^"Request".Length], out var operation)
            || !operation.IsImplemented)
        {
            return null;
        }
        var requestId = DynamoDbWireService.NewRequestId(_cloud.Context);
        var scope = new RequestScope(_cloud.Options.AccountId, config.AuthenticationRegion ?? config.RegionEndpoint?.SystemName ?? _cloud.Options.Region);
        object? output;
        try
        {
            var input = _mapper.Map(request, operation.Model.InputType!)!;
            output = await operation.ExecuteAsync(scope, input, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException error)
        {
            throw _errors.ToSdk(error, requestId);
        }
        var responseType = request.GetType().Assembly.GetType($"Amazon.DynamoDBv2.Model.{operation.Name}Response")!;
        var response = (AmazonWebServiceResponse)(_mapper.Map(output, responseType) ?? Activator.CreateInstance(responseType)!);
        response.HttpStatusCode = HttpStatusCode.OK;
        response.ResponseMetadata = new ResponseMetadata { RequestId = requestId };
        return response;
    }
}
