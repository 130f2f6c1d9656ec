using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// CreateDeployment, GetDeployment(s), DeleteDeployment.
internal sealed partial class ApiGatewayEngine
{
    public Deployment CreateDeployment(RequestScope scope, CreateDeploymentRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var methods = api.Resources.Values.SelectMany(r => r.Methods.Values).ToList();
        if (methods.Count == 0)
        {
            throw ApiGatewayErrors.BadRequest("The REST API doesn't contain any methods");
        }
        if (methods.Any(m => m.MethodIntegration is null))
        {
            throw ApiGatewayErrors.BadRequest("No integration defined for method");
        }
        if (api.IsPrivate && string.IsNullOrEmpty(api.Api.Policy))
        {
            throw ApiGatewayErrors.BadRequest("Private REST API doesn't have a resource policy attached to it.");
        }
        if (request.CanarySettings is { } canary)
        {
            return CreateCanaryDeployment(api, request.StageName, request.Description, canary);
        }
        if (request.StageName is { } stageName)
        {
            CheckStageName(stageName);
        }
        var deployment = new Deployment { Id = ids.ShortId(), Description = request.Description, CreatedDate = Now };
        api.Deployments[deployment.Id] = new RestDeployment(deployment, Freeze(api, deployment.Id));
        if (request.StageName is { } name)
        {
            if (api.Stages.TryGetValue(name, out var stage))
            {
                stage.DeploymentId = deployment.Id;
                stage.LastUpdatedDate = Now;
                if (request.Variables is { Count: > 0 } variables)
                {
                    stage.Variables = new(variables);
                }
            }
            else
            {
                var created = NewStage(name, deployment.Id, request.StageDescription, request.Variables, request.TracingEnabled);
                SetCacheCluster(created, request.CacheClusterEnabled ?? false, request.CacheClusterSize);
                api.Stages[name] = created;
            }
        }
        return ApiGatewayJson.Clone(deployment);
    });

    public Deployment GetDeployment(RequestScope scope, GetDeploymentRequest request) => Locked(scope, region =>
        ApiGatewayJson.Clone(GetDeployment(GetApi(region, request.RestApiId), request.DeploymentId).Deployment));

    public Deployments GetDeployments(RequestScope scope, GetDeploymentsRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var (page, next) = Paging.Page(api.Deployments.Values.Select(d => d.Deployment).ToList(), request.Limit, request.Position);
        return new Deployments { Items = page.Select(ApiGatewayJson.Clone).ToList(), Position = next };
    });

    public void DeleteDeployment(RequestScope scope, DeleteDeploymentRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var deployment = GetDeployment(api, request.DeploymentId);
        if (api.Stages.Values.Any(s => s.DeploymentId == deployment.Deployment.Id || s.CanarySettings?.DeploymentId == deployment.Deployment.Id))
        {
            throw ApiGatewayErrors.BadRequest("Active stages pointing to this deployment must be moved or deleted");
        }
        api.Deployments.Remove(deployment.Deployment.Id!);
    });

    /// <summary>
    /// A canary release: the new deployment becomes the canary of an existing stage, which keeps
    /// serving its own deployment to the rest of the traffic.
    /// </summary>
    private Deployment CreateCanaryDeployment(RestApiState api, string? stageName, string? description, DeploymentCanarySettings canary)
    {
        if (string.IsNullOrEmpty(stageName))
        {
            throw ApiGatewayErrors.BadRequest(
                $"Invalid deployment content specified.Non null and non empty stageName must be provided for canary deployment. Provided value is {stageName ?? "null"}");
        }
        if (!api.Stages.TryGetValue(stageName, out var stage))
        {
            throw ApiGatewayErrors.BadRequest($"Invalid deployment content specified.Stage {stageName} must already be created before making a canary release deployment");
        }
        CheckPercentTraffic(canary.PercentTraffic);
        var deployment = new Deployment { Id = ids.ShortId(), Description = description, CreatedDate = Now };
        api.Deployments[deployment.Id] = new RestDeployment(deployment, Freeze(api, deployment.Id));
        stage.CanarySettings = new CanarySettings
        {
            DeploymentId = deployment.Id,
            PercentTraffic = canary.PercentTraffic ?? 0,
            StageVariableOverrides = canary.StageVariableOverrides is { Count: > 0 } overrides ? new(overrides) : null,
            UseStageCache = canary.UseStageCache ?? false,
        };
        stage.LastUpdatedDate = Now;
        return ApiGatewayJson.Clone(deployment);
    }

    private static RestDeployment GetDeployment(RestApiState api, string? deploymentId) =>
        deploymentId is not null && api.Deployments.TryGetValue(deploymentId, out var deployment)
            ? deployment
            : throw ApiGatewayErrors.DeploymentNotFound();

    /// <summary>Copies what the data plane serves, so later edits wait for the next deployment, as on AWS.</summary>
    private static RestApiSnapshot Freeze(RestApiState api, string deploymentId) => new(
        deploymentId,
        api.Resources.Values
            .Select(r => new DeployedResource(r.Id, r.ParentId, r.PathPart, r.Path,
                r.Methods.ToDictionary(m => m.Key, m => ApiGatewayJson.Clone(m.Value), StringComparer.Ordinal)))
            .ToList(),
        api.Authorizers.ToDictionary(a => a.Key, a => ApiGatewayJson.Clone(a.Value), StringComparer.Ordinal),
        api.Api.ApiKeySource ?? "HEADER",
        api.IsPrivate,
        api.Api.Policy,
        api.Api.BinaryMediaTypes is { } media ? [.. media] : [])
    {
        Models = api.Models.ToDictionary(m => m.Key, m => ApiGatewayJson.Clone(m.Value), StringComparer.Ordinal),
        Validators = api.Validators.ToDictionary(v => v.Key, v => ApiGatewayJson.Clone(v.Value), StringComparer.Ordinal),
        GatewayResponses = api.GatewayResponses.ToDictionary(g => g.Key, g => ApiGatewayJson.Clone(g.Value), StringComparer.Ordinal),
    };
}
