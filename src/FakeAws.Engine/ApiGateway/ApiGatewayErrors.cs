using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

/// <summary>
/// Builds the management errors of API Gateway (v1, <c>apigateway</c>) and HTTP APIs (v2,
/// <c>apigatewayv2</c>) with AWS's codes, HTTP statuses and message texts. Both answer
/// <c>{"message": "..."}</c>; v2's NotFoundException also names the resource type.
/// </summary>
internal static class ApiGatewayErrors
{
    public static AwsServiceException BadRequest(string message) => new("BadRequestException", message);

    public static AwsServiceException NotFound(string message) => new("NotFoundException", message, 404);

    public static AwsServiceException Conflict(string message) => new("ConflictException", message, 409);

    public static AwsServiceException Validation(string message) => new("ValidationException", message);

    public static AwsServiceException RestApiNotFound(RequestScope scope, string restApiId) =>
        NotFound($"Invalid API identifier specified {scope.AccountId}:{restApiId}");

    public static AwsServiceException ResourceNotFound() => NotFound("Invalid Resource identifier specified");

    public static AwsServiceException MethodNotFound() => NotFound("Invalid Method identifier specified");

    public static AwsServiceException IntegrationNotFound() => NotFound("Invalid Integration identifier specified");

    public static AwsServiceException ResponseNotFound() => NotFound("Invalid Response status code specified");

    public static AwsServiceException DeploymentNotFound() => NotFound("Invalid Deployment identifier specified");

    public static AwsServiceException StageNotFound() => NotFound("Invalid Stage identifier specified");

    public static AwsServiceException AuthorizerNotFound() => NotFound("Invalid Authorizer identifier specified");

    public static AwsServiceException ApiKeyNotFound() => NotFound("Invalid API Key identifier specified");

    public static AwsServiceException UsagePlanNotFound() => NotFound("Invalid Usage Plan ID specified");

    public static AwsServiceException UsagePlanKeyNotFound() => NotFound("Invalid Usage Plan Key identifier specified");

    /// <summary>A feature of an otherwise supported operation that FakeAws cannot provide.</summary>
    public static AwsServiceException Unsupported(string feature) => NotSupported.Error("BadRequestException", feature);

    /// <summary>v2's not-found error, which names the resource type.</summary>
    public static AwsServiceException V2NotFound(string resourceType, string message) =>
        new("NotFoundException", message, 404) { Details = new V2ResourceType(resourceType) };

    public static AwsServiceException V2ApiNotFound(string apiId) => V2NotFound("Api", $"Invalid API identifier specified {apiId}");

    public static AwsServiceException V2RouteNotFound(string routeId) => V2NotFound("Route", $"Invalid Route identifier specified {routeId}");

    public static AwsServiceException V2IntegrationNotFound(string integrationId) =>
        V2NotFound("Integration", $"Invalid Integration identifier specified {integrationId}");

    public static AwsServiceException V2AuthorizerNotFound(string authorizerId) =>
        V2NotFound("Authorizer", $"Invalid Authorizer identifier specified {authorizerId}");

    public static AwsServiceException V2StageNotFound(string stageName) =>
        V2NotFound("Stage", $"Invalid stage identifier specified {stageName}");

    public static AwsServiceException V2DeploymentNotFound(string deploymentId) =>
        V2NotFound("Deployment", $"Invalid Deployment identifier specified {deploymentId}");

    public static AwsServiceException V2VpcLinkNotFound(string vpcLinkId) =>
        V2NotFound("VpcLink", $"Invalid VpcLink identifier specified {vpcLinkId}");
}

/// <summary>The <c>resourceType</c> member of an HTTP API (v2) NotFoundException.</summary>
internal sealed record V2ResourceType(string ResourceType);
