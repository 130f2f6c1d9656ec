using FakeAws.Engine.ApiGateway.V2;
using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.Invoke;

// HTTP APIs (v2): stage, CORS preflight, route, throttle, authorizer, then a Lambda integration in payload format 1.0 or 2.0 or an HTTP_PROXY one.
internal sealed partial class ApiGatewayInvoker
{
    /// <summary>What an HTTP API request reads from the stage under the region's lock.</summary>
    private sealed record HttpStage(HttpApiSnapshot Snapshot, string Stage, string Path, Dictionary<string, string>? Variables, RouteSettings? Defaults, Dictionary<string, RouteSettings> Routes);

    private async Task<GatewayResponse> ServeHttpAsync(ApiGatewayRegion region, string apiId, string? stageName, GatewayRequest request)
    {
        var stage = ReadHttpStage(region, apiId, stageName, request);
        if (stage is null)
        {
            return HttpGatewayErrors.NotFound();
        }
        var context = NewContext(region, apiId, stage.Stage, stage.Path, request);
        context.StageVariables = stage.Variables;
        GatewayResponse response;
        if (stage.Snapshot.Cors is { } cors && CorsHeaders.Preflight(cors, request) is { } preflight)
        {
            response = preflight;
        }
        else
        {
            response = await HttpChainAsync(region, stage, context).ConfigureAwait(false);
            if (stage.Snapshot.Cors is { } configured)
            {
                CorsHeaders.Decorate(configured, request, response);
            }
        }
        response.Set("apigw-requestid", context.ExtendedRequestId);
        return response;
    }

    /// <summary>
    /// The stage a request is for: the one given, or else the path's first segment when it names a
    /// stage, or else <c>$default</c>, which is served at the root.
    /// </summary>
    private static HttpStage? ReadHttpStage(ApiGatewayRegion region, string apiId, string? stageName, GatewayRequest request)
    {
        lock (region.Gate)
        {
            if (!region.HttpApis.TryGetValue(apiId, out var api) || (api.Api.DisableExecuteApiEndpoint == true && request.CustomDomain is null))
            {
                return null;
            }
            var (name, path) = (stageName, request.Path);
            if (name is null)
            {
                var (first, rest) = SplitStage(request.Path);
                (name, path) = first != "$default" && api.Stages.ContainsKey(first) ? (first, rest) : ("$default", request.Path);
            }
            if (!api.Stages.TryGetValue(name, out var stage) || !api.Deployments.TryGetValue(stage.DeploymentId ?? "", out var deployment))
            {
                return null;
            }
            return new HttpStage(
                deployment.Snapshot,
                name,
                path,
                stage.StageVariables is { Count: > 0 } variables ? new(variables) : null,
                stage.DefaultRouteSettings is { } defaults ? ApiGatewayJson.Clone(defaults) : null,
                new(stage.RouteSettings ?? [], StringComparer.Ordinal));
        }
    }

    private async Task<GatewayResponse> HttpChainAsync(ApiGatewayRegion region, HttpStage stage, InvocationContext context)
    {
        var match = RouteMatcher.Match(stage.Snapshot.Routes, context.Request.Method, context.Path);
        if (match is null)
        {
            return HttpGatewayErrors.NotFound();
        }
        var route = match.Route;
        context.RouteKey = route.RouteKey!;
        context.ResourceId = route.RouteKey!;
        context.ResourcePath = match.Path;
        context.PathParameters = match.PathParameters;

        var limits = stage.Routes.GetValueOrDefault(route.RouteKey!) is { ThrottlingRateLimit: not null } specific ? specific : stage.Defaults;
        if (limits is { ThrottlingRateLimit: { } rate }
            && !region.Usage.TryTake($"route/{context.ApiId}/{context.Stage}/{route.RouteKey}", rate, limits.ThrottlingBurstLimit ?? 0, _cloud.Now))
        {
            return HttpGatewayErrors.Throttled();
        }
        var integrationId = route.Target is { } target && target.StartsWith("integrations/", StringComparison.Ordinal) ? target["integrations/".Length..] : null;
        if (integrationId is null || !stage.Snapshot.Integrations.TryGetValue(integrationId, out var integration))
        {
            return HttpGatewayErrors.InternalServerError();
        }
        var format = integration.PayloadFormatVersion ?? "1.0";
        if (await _httpAuthorization.AuthorizeAsync(region, stage.Snapshot, route, format, context).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }
        if (integration.IntegrationType == "HTTP_PROXY")
        {
            return await HttpApiProxyAsync(integration, context).ConfigureAwait(false);
        }
        if (IntegrationUris.LambdaFunction(IntegrationUris.WithStageVariables(integration.IntegrationUri ?? "", context.StageVariables)) is not { } function)
        {
            return HttpGatewayErrors.InternalServerError();
        }
        var payload = format == "2.0" ? ProxyEvents.HttpV2(context) : ProxyEvents.HttpV1(context);
        var timeout = TimeSpan.FromMilliseconds(integration.TimeoutInMillis ?? 30000);
        var call = await _lambda.InvokeAsync(context, function, payload, timeout, integration.CredentialsArn).ConfigureAwait(false);
        if (call.TimedOut)
        {
            return HttpGatewayErrors.Timeout();
        }
        if (!call.Succeeded)
        {
            return HttpGatewayErrors.InternalServerError();
        }
        var result = call.Result!.Payload ?? [];
        return (format == "2.0" ? ProxyResponses.FromFormat2(result) : ProxyResponses.FromFormat1(result)) ?? HttpGatewayErrors.InternalServerError();
    }
}
