using System.Text.RegularExpressions;
using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.V2;

// CreateStage, GetStage(s), UpdateStage, DeleteStage, ResetAuthorizersCache.
internal sealed partial class ApiGatewayV2Engine
{
    private static readonly Regex StageNamePattern = new(@"^(?:\$default|[a-zA-Z0-9_\-]{1,128})$", RegexOptions.CultureInvariant);

    public CreateStageResponse CreateStage(RequestScope scope, CreateStageRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.ApiId);
        if (!StageNamePattern.IsMatch(request.StageName!))
        {
            throw ApiGatewayErrors.BadRequest($"Stage name only allows a-zA-Z0-9_- or $default: {request.StageName}");
        }
        if (api.Stages.ContainsKey(request.StageName!))
        {
            throw ApiGatewayErrors.Conflict($"Stage {request.StageName} already exists");
        }
        if (request.DeploymentId is { } deploymentId && !api.Deployments.ContainsKey(deploymentId))
        {
            throw ApiGatewayErrors.V2DeploymentNotFound(deploymentId);
        }
        var stage = NewStage(request.StageName!, request.AutoDeploy ?? false);
        stage.DeploymentId = request.DeploymentId;
        stage.Description = request.Description;
        stage.DefaultRouteSettings = request.DefaultRouteSettings is { } defaults ? ApiGatewayJson.Clone(defaults) : stage.DefaultRouteSettings;
        stage.RouteSettings = request.RouteSettings is { } routes ? new(routes) : stage.RouteSettings;
        stage.StageVariables = request.StageVariables is { } variables ? new(variables) : stage.StageVariables;
        stage.Tags = ResourceTags.Initial(request.Tags) ?? stage.Tags;
        stage.AccessLogSettings = request.AccessLogSettings;
        api.Stages[stage.StageName!] = stage;
        if (stage.AutoDeploy == true)
        {
            Deploy(api, stage, "Automatic deployment triggered by changes to the Api configuration", automatic: true);
        }
        return ApiGatewayJson.Convert<CreateStageResponse>(stage);
    });

    public GetStageResponse GetStage(RequestScope scope, GetStageRequest request) =>
        Locked(scope, region => ApiGatewayJson.Convert<GetStageResponse>(GetStage(GetApi(region, request.ApiId), request.StageName)));

    public GetStagesResponse GetStages(RequestScope scope, GetStagesRequest request) => Locked(scope, region =>
    {
        var (page, next) = Paging.Page(GetApi(region, request.ApiId).Stages.Values.ToList(), MaxResults(request.MaxResults), request.NextToken);
        return new GetStagesResponse { Items = page.Select(ApiGatewayJson.Clone).ToList(), NextToken = next };
    });

    public UpdateStageResponse UpdateStage(RequestScope scope, UpdateStageRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.ApiId);
        var stage = GetStage(api, request.StageName);
        if (request.DeploymentId is { } deploymentId && !api.Deployments.ContainsKey(deploymentId))
        {
            throw ApiGatewayErrors.V2DeploymentNotFound(deploymentId);
        }
        var turnedOnAutoDeploy = request.AutoDeploy == true && stage.AutoDeploy != true;
        stage.AutoDeploy = request.AutoDeploy ?? stage.AutoDeploy;
        stage.DeploymentId = request.DeploymentId ?? stage.DeploymentId;
        stage.Description = request.Description ?? stage.Description;
        stage.DefaultRouteSettings = request.DefaultRouteSettings is { } defaults ? ApiGatewayJson.Clone(defaults) : stage.DefaultRouteSettings;
        stage.RouteSettings = request.RouteSettings is { } routes ? new(routes) : stage.RouteSettings;
        stage.StageVariables = request.StageVariables is { } variables ? new(variables) : stage.StageVariables;
        stage.AccessLogSettings = request.AccessLogSettings ?? stage.AccessLogSettings;
        stage.LastUpdatedDate = Now;
        if (turnedOnAutoDeploy)
        {
            Deploy(api, stage, "Automatic deployment triggered by changes to the Api configuration", automatic: true);
        }
        return ApiGatewayJson.Convert<UpdateStageResponse>(stage);
    });

    public void DeleteStage(RequestScope scope, DeleteStageRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.ApiId);
        var stage = GetStage(api, request.StageName);
        api.Stages.Remove(stage.StageName!);
        region.AuthorizerCache.Flush(api.Api.ApiId!, stage.StageName!);
    });

    public void ResetAuthorizersCache(RequestScope scope, ResetAuthorizersCacheRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.ApiId);
        GetStage(api, request.StageName);
        region.AuthorizerCache.Flush(api.Api.ApiId!, request.StageName!);
    });

    private static Stage GetStage(HttpApiState api, string? stageName) =>
        stageName is not null && api.Stages.TryGetValue(stageName, out var stage) ? stage : throw ApiGatewayErrors.V2StageNotFound(stageName ?? "");

    private Stage NewStage(string name, bool autoDeploy) => new()
    {
        AutoDeploy = autoDeploy,
        CreatedDate = Now,
        DefaultRouteSettings = new RouteSettings { DetailedMetricsEnabled = false },
        LastUpdatedDate = Now,
        RouteSettings = [],
        StageName = name,
        StageVariables = [],
        Tags = [],
    };
}
