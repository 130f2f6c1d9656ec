using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.DynamoDb.Model;
using FakeAws.Protocol;

namespace FakeAws.DynamoDb;

/// <summary>
/// DynamoDB on the wire: awsJson1.0 under <c>DynamoDB_20120810</c>, with DynamoDB's error shapes, answered
/// by the engine's operations or by a DAX cluster's in front of them.
/// </summary>
internal sealed class DynamoDbWireService(IEnumerable<OperationBinding> operations, RequestIds requestIds) : AwsJsonService(
    Routing,
    "1.0",
    new OperationTable(ServiceModel.Name, operations, ReportInvalid),
    SerializerOptions,
    requestIds.Next)
{
    /// <summary>How the router knows this front door's requests, before the service is built.</summary>
    public static readonly WireRoute Routing = new("dynamodb", "DynamoDB_20120810");

    private const string ErrorNamespace = "com.amazonaws.dynamodb.v20120810#";

    /// <summary>The JSON settings of DynamoDB, shared with the fast path's error encoding.</summary>
    public static readonly JsonSerializerOptions SerializerOptions = CreateSerializerOptions();

    // Every ExpressionAttributeValues member, in any shape, reads through the converter that names the placeholder (see ExpressionAttributeValues).
    private static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions(JsonProtocol.Options(new AttributeValueJsonConverter(), new CapacityUnitsJsonConverter()))
        {
            // Documents nested far past DynamoDB's 32 levels must still be read, so DynamoDB can refuse them in
            // its own words; 1000 is the nesting Jackson, AWS's parser, reads by default.
            MaxDepth = 1000,
        };
        options.TypeInfoResolver = options.TypeInfoResolver!.WithAddedModifier(type =>
        {
            foreach (var property in type.Properties)
            {
                if (property.Name == ExpressionAttributeValues.Member && property.PropertyType == typeof(Dictionary<string, AttributeValue>))
                {
                    property.CustomConverter = new ExpressionValuesJsonConverter();
                }
            }
        });
        options.MakeReadOnly();
        return options;
    }

    /// <summary>DynamoDB's wording of the model's constraint violations, which varies by operation (see <see cref="ConstraintReports"/>).</summary>
    public static AwsServiceException? ReportInvalid(ModelValidation validation, string operation) => ConstraintReports.Report(validation, operation);

    /// <summary>DynamoDB gzips responses over 4 KB for clients that send <c>Accept-Encoding: gzip</c>.</summary>
    public override bool CompressesResponses => true;

    /// <summary>DynamoDB refuses request bodies over 16 MB, before or after decoding, with a 413.</summary>
    public override int? MaxRequestBytes => 16 * 1024 * 1024;

    /// <summary>DynamoDB's request ids are 52 upper-case letters and digits.</summary>
    public const int RequestIdLength = 52;

    protected override string ErrorType(string code) => code switch
    {
        "ValidationException" => base.ErrorType(code),
        _ when IsProtocolError(code) => base.ErrorType(code),
        _ => ErrorNamespace + code,
    };

    // Three of DynamoDB's error shapes spell their message member with a capital letter.
    protected override string MessageMember(string code) =>
        code is "TransactionCanceledException" or "TransactionInProgressException" or "IdempotentParameterMismatchException" ? "Message" : "message";

    protected override void WriteErrorDetails(Utf8JsonWriter writer, AwsServiceException error)
    {
        switch (error.Details)
        {
            case IReadOnlyDictionary<string, AttributeValue> item:
                writer.WritePropertyName("Item");
                JsonSerializer.Serialize(writer, item, Json);
                break;
            case List<CancellationReason> reasons:
                writer.WritePropertyName("CancellationReasons");
                JsonSerializer.Serialize(writer, reasons, Json);
                break;
            case List<ThrottlingReason> throttles:
                writer.WritePropertyName("ThrottlingReasons");
                JsonSerializer.Serialize(writer, throttles, Json);
                break;
        }
    }
}

/// <summary>
/// Doubles (capacity units, size estimates) as DynamoDB writes them: always with a fraction, <c>1.0</c>
/// rather than <c>1</c>, so clients that keep JSON number types see floats, as from AWS.
/// </summary>
internal sealed class CapacityUnitsJsonConverter : System.Text.Json.Serialization.JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value) && Math.Floor(value) == value && Math.Abs(value) < 1e15)
        {
            writer.WriteRawValue(value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }
}
