using System.Text.Json;
using FakeAws.Engine.ApiGateway;
using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;
using FakeAws.Protocol;

namespace FakeAws.ApiGateway;

/// <summary>
/// API Gateway's REST API management (v1, <c>apigateway</c>) on the wire: restJson1 with
/// <c>{"message": "..."}</c> error bodies. It shares the signing name <c>apigateway</c> with v2,
/// whose paths start with <c>/v2/</c>, and leaves the data plane's <c>_user_request_</c> paths alone.
/// </summary>
internal sealed class ApiGatewayWireService(ApiGatewayEngine engine, Func<string> newRequestId) : RestJsonService(
    Routing,
    new OperationTable(ServiceModel.Name, ServiceModel.Bind(engine), ReportInvalid),
    JsonProtocol.Options(),
    newRequestId)
{
    /// <summary>How the router knows this front door's requests, before the service is built.</summary>
    public static readonly WireRoute Routing = WireRoute.Rest("apigateway", ServiceModel.Operations,
        unless: path => path.StartsWith("/v2/", StringComparison.Ordinal) || ExecuteApiRequests.IsUserRequestPath(path));

    /// <summary>
    /// v1 reports constraint violations as a ValidationException that names the operation's input:
    /// <c>1 validation error detected: Value null at 'createRestApiInput.name' failed to satisfy constraint: Member must not be null</c>
    /// (worded by <see cref="ApiGatewayViolations"/>).
    /// </summary>
    public static AwsServiceException? ReportInvalid(ModelValidation validation, string operation)
    {
        validation.ReportMissingAsViolations();
        if (validation.Violations.Count == 0)
        {
            return null;
        }
        return ApiGatewayErrors.Validation(ApiGatewayViolations.Message(operation, validation.Violations));
    }

    protected override AwsServiceException MalformedBody(JsonException e) =>
        ApiGatewayErrors.BadRequest($"Could not parse request body into json: {e.Message}");

    protected override AwsServiceException MalformedValue(string name, string value) =>
        ApiGatewayErrors.BadRequest($"Invalid value '{value}' for {name}.");
}
