using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.V2;

// CreateDeployment, GetDeployment(s), DeleteDeployment.
internal sealed partial class ApiGatewayV2Engine
{
    public CreateDeploymentResponse CreateDeployment(RequestScope scope, CreateDeploymentRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.ApiId);
        var stage = request.StageName is { } name ? GetStage(api, name) : null;
        if (stage?.AutoDeploy == true)
        {
            throw ApiGatewayErrors.BadRequest($"Stage {stage.StageName} has autoDeploy enabled; it deploys every change itself");
        }
        return ApiGatewayJson.Convert<CreateDeploymentResponse>(Deploy(api, stage, request.Description, automatic: false));
    });

    public GetDeploymentResponse GetDeployment(RequestScope scope, GetDeploymentRequest request) =>
        Locked(scope, region => ApiGatewayJson.Convert<GetDeploymentResponse>(GetDeployment(GetApi(region, request.ApiId), request.DeploymentId).Deployment));

    public GetDeploymentsResponse GetDeployments(RequestScope scope, GetDeploymentsRequest request) => Locked(scope, region =>
    {
        var deployments = GetApi(region, request.ApiId).Deployments.Values.Select(d => d.Deployment).ToList();
        var (page, next) = Paging.Page(deployments, MaxResults(request.MaxResults), request.NextToken);
        return new GetDeploymentsResponse { Items = page.Select(ApiGatewayJson.Clone).ToList(), NextToken = next };
    });

    public void DeleteDeployment(RequestScope scope, DeleteDeploymentRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.ApiId);
        var deployment = GetDeployment(api, request.DeploymentId);
        api.Deployments.Remove(deployment.Deployment.DeploymentId!);
    });

    private static HttpDeployment GetDeployment(HttpApiState api, string? deploymentId) =>
        deploymentId is not null && api.Deployments.TryGetValue(deploymentId, out var deployment)
            ? deployment
            : throw ApiGatewayErrors.V2DeploymentNotFound(deploymentId ?? "");
}
