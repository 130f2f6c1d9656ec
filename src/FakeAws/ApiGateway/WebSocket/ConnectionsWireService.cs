using System.Text.Json;
using System.Text.RegularExpressions;
using FakeAws.Engine.ApiGateway;
using FakeAws.Engine.ApiGateway.V2.WebSocket;
using FakeAws.Engine.ApiGateway.V2.WebSocket.Model;
using FakeAws.Engine.Core;
using FakeAws.Protocol;

namespace FakeAws.ApiGateway.WebSocket;

/// <summary>
/// The <c>@connections</c> management API of WebSocket APIs (apigatewaymanagementapi) on the wire:
/// restJson1 at <c>https://{apiId}.execute-api.{region}.amazonaws.com/{stage}/@connections/{connectionId}</c>,
/// signed for <c>execute-api</c>; the execute-api front door hands it the requests at an API's host.
/// </summary>
internal sealed partial class ConnectionsWireService(WebSocketGateway gateway, Func<string> newRequestId) : RestJsonService(
    Routing,
    new OperationTable(ServiceModel.Name, ServiceModel.Bind(gateway), ReportInvalid),
    ApiGatewayV2WireService.Iso8601Json,
    newRequestId)
{
    /// <summary>
    /// How the router knows this front door's requests, before the service is built: signed for
    /// <c>execute-api</c> at a path ending in <c>/@connections/{id}</c>. Requests at an API's own host
    /// reach the execute-api front door first, which hands these on.
    /// </summary>
    public static readonly WireRoute Routing = new("execute-api", ownsPath: path => ManagementPath(path) is not null);

    /// <summary>The management path in a request's path, <c>/@connections/{id}</c>, after any stage; null when it is not one.</summary>
    public static string? ManagementPath(string path) => ConnectionsPath().Match(path) is { Success: true } match ? match.Groups["rest"].Value : null;

    /// <summary>The model's limit on PostToConnection's data is AWS's PayloadTooLargeException; other violations are bad requests.</summary>
    private static AwsServiceException? ReportInvalid(ModelValidation validation, string operation)
    {
        validation.ReportMissingAsViolations();
        if (validation.Violations.Count == 0)
        {
            return null;
        }
        return validation.Violations.Any(v => v.Path == "data")
            ? new AwsServiceException("PayloadTooLargeException", "Message too long", 413)
            : ApiGatewayErrors.BadRequest(ViolationRenderer.Default.Message(validation.Violations));
    }

    /// <summary>The SDKs' endpoint is the stage's URL, so the path starts with the stage: the model's URIs describe the rest.</summary>
    protected override string OperationPath(WireRequest request) => ManagementPath(request.Path) ?? request.Path;

    protected override AwsServiceException MalformedBody(JsonException e) => ApiGatewayErrors.BadRequest(e.Message);

    protected override AwsServiceException MalformedValue(string name, string value) =>
        ApiGatewayErrors.BadRequest($"Invalid value '{value}' for {name}.");

    /// <summary>GoneException, ForbiddenException and LimitExceededException carry no message, as AWS sends them.</summary>
    protected override void WriteErrorBody(Utf8JsonWriter writer, AwsServiceException error)
    {
        if (error.Message.Length > 0)
        {
            writer.WriteString("message", error.Message);
        }
    }

    [GeneratedRegex(@"^(?:/[^/]+)?(?<rest>/@connections/[^/]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionsPath();
}
