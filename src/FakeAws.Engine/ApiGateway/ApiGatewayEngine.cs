using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

/// <summary>
/// The management API of REST APIs (API Gateway v1, <c>apigateway</c>). Each public method named
/// as an AWS operation takes the operation's input shape and returns its output shape. Deployments
/// freeze the API; <see cref="Invoke.ApiGatewayInvoker"/> serves the frozen copies.
/// </summary>
/// <remarks>
/// Not implemented yet (answered with an error naming the operation and FakeAws):
/// private domain names and their access associations, and SDK generation. OpenAPI import
/// (ImportRestApi, PutRestApi) and export (GetExport) are served by <see cref="OpenApi.OpenApiImporter"/>
/// and <see cref="OpenApi.OpenApiExporter"/>. Integrations of every type are served: AWS_PROXY and AWS to Lambda, AWS to
/// the cloud's JSON services (<c>action/...</c> URIs), HTTP and HTTP_PROXY, and MOCK, with mapping
/// templates in Velocity. Stages serve canaries and caches; access logs and X-Ray settings are
/// echoed back only.
/// </remarks>
internal sealed partial class ApiGatewayEngine(CloudContext cloud, ApiGatewayStore store, ApiGatewayIds ids, Invoke.ApiGatewayInvoker invoker) : IApiGatewayOperations
{
    private DateTimeOffset Now => cloud.Now;

    private ApiGatewayRegion Region(RequestScope scope) => store[scope];

    private static RestApiState GetApi(ApiGatewayRegion region, string? restApiId) =>
        restApiId is not null && region.RestApis.TryGetValue(restApiId, out var api)
            ? api
            : throw ApiGatewayErrors.RestApiNotFound(region.Scope, restApiId ?? "");

    private static RestResource GetResource(RestApiState api, string? resourceId) =>
        resourceId is not null && api.Resources.TryGetValue(resourceId, out var resource)
            ? resource
            : throw ApiGatewayErrors.ResourceNotFound();

    private static Method GetMethod(RestResource resource, string? httpMethod) =>
        httpMethod is not null && resource.Methods.TryGetValue(httpMethod, out var method)
            ? method
            : throw ApiGatewayErrors.MethodNotFound();

    private static Stage GetStage(RestApiState api, string? stageName) =>
        stageName is not null && api.Stages.TryGetValue(stageName, out var stage)
            ? stage
            : throw ApiGatewayErrors.StageNotFound();

    /// <summary>Runs <paramref name="action"/> on the region's state under its lock.</summary>
    private T Locked<T>(RequestScope scope, Func<ApiGatewayRegion, T> action)
    {
        var region = Region(scope);
        lock (region.Gate)
        {
            return action(region);
        }
    }

    /// <summary>Runs <paramref name="action"/>, for an operation that answers nothing, on the region's state under its lock.</summary>
    private void Locked(RequestScope scope, Action<ApiGatewayRegion> action)
    {
        var region = Region(scope);
        lock (region.Gate)
        {
            action(region);
        }
    }
}
