using System.Text.Json;
using FakeAws.DynamoDb;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDbStreams;
using FakeAws.Engine.DynamoDbStreams.Model;
using FakeAws.Protocol;

namespace FakeAws.DynamoDbStreams;

/// <summary>
/// DynamoDB Streams on the wire: awsJson1.0 under <c>DynamoDBStreams_20120810</c>. Requests are
/// signed for <c>dynamodb</c>, as DynamoDB's are, so the router tells the two apart by the target
/// prefix. Errors use DynamoDB's namespace and its validation wording.
/// </summary>
internal sealed class DynamoDbStreamsWireService(DynamoDbStreamsEngine engine, RequestIds requestIds) : AwsJsonService(
    Routing,
    "1.0",
    new OperationTable(ServiceModel.Name, ServiceModel.Bind(engine), DynamoDbWireService.ReportInvalid),
    SerializerOptions,
    requestIds.Next)
{
    /// <summary>How the router knows this front door's requests, before the service is built.</summary>
    public static readonly WireRoute Routing = new("dynamodb", "DynamoDBStreams_20120810");

    private const string ErrorNamespace = "com.amazonaws.dynamodb.v20120810#";

    private static readonly JsonSerializerOptions SerializerOptions =
        JsonProtocol.Options(new AttributeValueJsonConverter(), new CapacityUnitsJsonConverter());

    protected override string ErrorType(string code) => code switch
    {
        "ValidationException" or "SerializationException" or "UnknownOperationException" => base.ErrorType(code),
        _ => ErrorNamespace + code,
    };
}
