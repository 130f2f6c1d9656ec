using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.V2;

// DeleteRouteSettings, DeleteAccessLogSettings and DeleteRouteRequestParameter: removing one setting
// of a stage or a route.
internal sealed partial class ApiGatewayV2Engine
{
    /// <summary>Removes a route's own settings from the stage (throttling then falls back to the stage's defaults).</summary>
    public void DeleteRouteSettings(RequestScope scope, DeleteRouteSettingsRequest request) => Locked(scope, region =>
    {
        var stage = GetStage(GetApi(region, request.ApiId), request.StageName);
        if (stage.RouteSettings?.Remove(request.RouteKey ?? "") != true)
        {
            throw ApiGatewayErrors.V2NotFound("RouteSettings", $"Unable to find Route Settings for route key {request.RouteKey}");
        }
        stage.LastUpdatedDate = Now;
    });

    public void DeleteAccessLogSettings(RequestScope scope, DeleteAccessLogSettingsRequest request) => Locked(scope, region =>
    {
        var stage = GetStage(GetApi(region, request.ApiId), request.StageName);
        stage.AccessLogSettings = null;
        stage.LastUpdatedDate = Now;
    });

    /// <summary>Removes one of a route's request parameters; stages that deploy automatically redeploy.</summary>
    public void DeleteRouteRequestParameter(RequestScope scope, DeleteRouteRequestParameterRequest request) =>
        Changing(scope, request.ApiId, (_, api) =>
        {
            var route = GetRoute(api, request.RouteId);
            if (route.RequestParameters?.Remove(request.RequestParameterKey ?? "") != true)
            {
                throw ApiGatewayErrors.V2NotFound("RequestParameter", $"Invalid request parameter key specified {request.RequestParameterKey}");
            }
        });
}
