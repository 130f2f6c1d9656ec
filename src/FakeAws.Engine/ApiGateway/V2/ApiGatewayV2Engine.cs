using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.V2;

/// <summary>
/// The management API of HTTP APIs (API Gateway v2, <c>apigatewayv2</c>). Each public method named
/// as an AWS operation takes the operation's input shape and returns its output shape. A stage with
/// <c>autoDeploy</c> gets a new deployment after every change, as on AWS.
/// </summary>
/// <remarks>
/// WebSocket APIs (ProtocolType WEBSOCKET) have their own route keys, route responses and
/// integration responses (<c>WebSocket/ApiGatewayV2Engine.WebSocket.cs</c>).
/// Not implemented yet (answered with an error naming the operation and FakeAws):
/// OpenAPI import and export, portals and routing rules. Integrations
/// are AWS_PROXY to Lambda (payload format 1.0 or 2.0): HTTP_PROXY and private integrations are
/// refused with a clear error; request and response parameter mappings are stored but not applied.
/// Access logs, detailed metrics and mutual TLS are echoed back only.
/// </remarks>
internal sealed partial class ApiGatewayV2Engine(CloudContext cloud, ApiGatewayStore store, ApiGatewayIds ids) : IApiGatewayV2Operations
{
    private DateTimeOffset Now => cloud.Now;

    private static HttpApiState GetApi(ApiGatewayRegion region, string? apiId) =>
        apiId is not null && region.HttpApis.TryGetValue(apiId, out var api) ? api : throw ApiGatewayErrors.V2ApiNotFound(apiId ?? "");

    private T Locked<T>(RequestScope scope, Func<ApiGatewayRegion, T> action)
    {
        var region = store[scope];
        lock (region.Gate)
        {
            return action(region);
        }
    }

    private void Locked(RequestScope scope, Action<ApiGatewayRegion> action)
    {
        var region = store[scope];
        lock (region.Gate)
        {
            action(region);
        }
    }

    /// <summary>Runs a change to an API, then redeploys every stage that deploys automatically.</summary>
    private void Changing(RequestScope scope, string? apiId, Action<ApiGatewayRegion, HttpApiState> change) => Locked(scope, region =>
    {
        var api = GetApi(region, apiId);
        change(region, api);
        foreach (var stage in api.Stages.Values.Where(s => s.AutoDeploy == true))
        {
            Deploy(api, stage, description: "Automatic deployment triggered by changes to the Api configuration", automatic: true);
        }
    });

    /// <summary>Runs a change to an API that answers a value, then redeploys every stage that deploys automatically.</summary>
    private T Changing<T>(RequestScope scope, string? apiId, Func<ApiGatewayRegion, HttpApiState, T> change)
    {
        T result = default!;
        Changing(scope, apiId, (region, api) => { result = change(region, api); });
        return result;
    }

    /// <summary>Freezes the API into a new deployment; points <paramref name="stage"/> at it when given.</summary>
    private Deployment Deploy(HttpApiState api, Stage? stage, string? description, bool automatic)
    {
        var deployment = new Deployment
        {
            AutoDeployed = automatic,
            CreatedDate = Now,
            DeploymentId = ids.ShortId(),
            DeploymentStatus = "DEPLOYED",
            Description = description,
        };
        var snapshot = new HttpApiSnapshot(
            api.Routes.Values.Select(ApiGatewayJson.Clone).ToList(),
            api.Integrations.ToDictionary(i => i.Key, i => ApiGatewayJson.Clone(i.Value), StringComparer.Ordinal),
            api.Authorizers.ToDictionary(a => a.Key, a => ApiGatewayJson.Clone(a.Value), StringComparer.Ordinal),
            api.Api.CorsConfiguration is { } cors ? ApiGatewayJson.Clone(cors) : null)
        {
            RouteSelectionExpression = api.Api.RouteSelectionExpression,
            ApiKeySelectionExpression = api.Api.ApiKeySelectionExpression,
            RouteResponses = api.RouteResponses.ToDictionary(r => r.Key, r => (IReadOnlyList<RouteResponse>)r.Value.Values.Select(ApiGatewayJson.Clone).ToList(), StringComparer.Ordinal),
            IntegrationResponses = api.IntegrationResponses.ToDictionary(r => r.Key, r => (IReadOnlyList<IntegrationResponse>)r.Value.Values.Select(ApiGatewayJson.Clone).ToList(), StringComparer.Ordinal),
        };
        api.Deployments[deployment.DeploymentId] = new HttpDeployment(deployment, snapshot);
        if (stage is not null)
        {
            stage.DeploymentId = deployment.DeploymentId;
            stage.LastUpdatedDate = Now;
            stage.LastDeploymentStatusMessage = automatic ? $"Successfully deployed stage with deployment ID '{deployment.DeploymentId}'" : null;
        }
        return deployment;
    }
}
