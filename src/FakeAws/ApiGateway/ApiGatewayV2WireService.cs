using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FakeAws.Engine.ApiGateway;
using FakeAws.Engine.ApiGateway.V2;
using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;
using FakeAws.Protocol;

namespace FakeAws.ApiGateway;

/// <summary>
/// HTTP API management (API Gateway v2, <c>apigatewayv2</c>) on the wire: restJson1 under
/// <c>/v2/</c>, timestamps in ISO 8601, and <c>{"message": "..."}</c> error bodies to which a
/// NotFoundException adds the <c>resourceType</c>.
/// </summary>
internal sealed class ApiGatewayV2WireService(ApiGatewayV2Engine engine, Func<string> newRequestId) : RestJsonService(
    Routing,
    new OperationTable(ServiceModel.Name, ServiceModel.Bind(engine), ReportInvalid),
    Iso8601Json,
    newRequestId)
{
    /// <summary>JSON with ISO 8601 timestamps, as v2 and the @connections API write them.</summary>
    internal static readonly JsonSerializerOptions Iso8601Json = CreateJsonOptions();

    /// <summary>How the router knows this front door's requests, before the service is built.</summary>
    public static readonly WireRoute Routing = new("apigateway", ownsPath: path => path.StartsWith("/v2/", StringComparison.Ordinal));

    /// <summary>HTTP APIs report constraint violations as a BadRequestException.</summary>
    public static AwsServiceException? ReportInvalid(ModelValidation validation, string operation)
    {
        validation.ReportMissingAsViolations();
        return validation.Violations.Count > 0 ? ApiGatewayErrors.BadRequest(ViolationRenderer.Default.Message(validation.Violations)) : null;
    }

    protected override AwsServiceException MalformedBody(JsonException e) =>
        ApiGatewayErrors.BadRequest($"Could not parse request body into json: {e.Message}");

    protected override AwsServiceException MalformedValue(string name, string value) =>
        ApiGatewayErrors.BadRequest($"Invalid value '{value}' for {name}.");

    protected override void WriteErrorBody(Utf8JsonWriter writer, AwsServiceException error)
    {
        writer.WriteString("message", error.Message);
        if (error.Details is V2ResourceType type)
        {
            writer.WriteString("resourceType", type.ResourceType);
        }
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new Iso8601Converter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The v2 model's timestamps: ISO 8601 in UTC, <c>2030-06-01T12:00:00Z</c>.</summary>
    private sealed class Iso8601Converter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number
                ? DateTimeOffset.UnixEpoch.AddSeconds(reader.GetDouble())
                : DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : throw new JsonException($"Timestamp value {reader.GetString()} is not valid");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
}
