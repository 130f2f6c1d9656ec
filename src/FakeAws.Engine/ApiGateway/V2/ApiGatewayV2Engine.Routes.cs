using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.V2;

// CreateRoute, GetRoute(s), UpdateRoute, DeleteRoute.
internal sealed partial class ApiGatewayV2Engine
{
    internal static readonly string[] RouteMethods = ["ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

    public CreateRouteResult CreateRoute(RequestScope scope, CreateRouteRequest request) => Changing(scope, request.ApiId, (_, api) =>
    {
        CheckRouteKey(api, request.RouteKey!);
        if (api.Routes.Values.Any(r => r.RouteKey == request.RouteKey))
        {
            throw ApiGatewayErrors.Conflict($"Route with key {request.RouteKey} already exists for this API");
        }
        var route = new Route
        {
            ApiKeyRequired = request.ApiKeyRequired ?? false,
            AuthorizationScopes = request.AuthorizationScopes is { Count: > 0 } scopes ? [.. scopes] : null,
            AuthorizationType = request.AuthorizationType ?? "NONE",
            AuthorizerId = request.AuthorizerId,
            OperationName = request.OperationName,
            RequestParameters = request.RequestParameters,
            RouteId = ids.RouteId(),
            RouteKey = request.RouteKey,
            RouteResponseSelectionExpression = request.RouteResponseSelectionExpression,
            Target = request.Target,
        };
        CheckRoute(api, route);
        api.Routes[route.RouteId] = route;
        return ApiGatewayJson.Convert<CreateRouteResult>(route);
    });

    public GetRouteResult GetRoute(RequestScope scope, GetRouteRequest request) =>
        Locked(scope, region => ApiGatewayJson.Convert<GetRouteResult>(GetRoute(GetApi(region, request.ApiId), request.RouteId)));

    public GetRoutesResponse GetRoutes(RequestScope scope, GetRoutesRequest request) => Locked(scope, region =>
    {
        var (page, next) = Paging.Page(GetApi(region, request.ApiId).Routes.Values.ToList(), MaxResults(request.MaxResults), request.NextToken);
        return new GetRoutesResponse { Items = page.Select(ApiGatewayJson.Clone).ToList(), NextToken = next };
    });

    public UpdateRouteResult UpdateRoute(RequestScope scope, UpdateRouteRequest request) => Changing(scope, request.ApiId, (_, api) =>
    {
        var route = ApiGatewayJson.Clone(GetRoute(api, request.RouteId));
        if (request.RouteKey is { } key && key != route.RouteKey)
        {
            CheckRouteKey(api, key);
            if (api.Routes.Values.Any(r => r.RouteKey == key))
            {
                throw ApiGatewayErrors.Conflict($"Route with key {key} already exists for this API");
            }
            route.RouteKey = key;
        }
        route.ApiKeyRequired = request.ApiKeyRequired ?? route.ApiKeyRequired;
        route.AuthorizationScopes = request.AuthorizationScopes ?? route.AuthorizationScopes;
        route.AuthorizationType = request.AuthorizationType ?? route.AuthorizationType;
        route.AuthorizerId = route.AuthorizationType == "NONE" ? null : request.AuthorizerId ?? route.AuthorizerId;
        route.OperationName = request.OperationName ?? route.OperationName;
        route.RequestParameters = request.RequestParameters ?? route.RequestParameters;
        route.Target = request.Target ?? route.Target;
        route.RouteResponseSelectionExpression = request.RouteResponseSelectionExpression ?? route.RouteResponseSelectionExpression;
        CheckRoute(api, route);
        api.Routes[route.RouteId!] = route;
        return ApiGatewayJson.Convert<UpdateRouteResult>(route);
    });

    public void DeleteRoute(RequestScope scope, DeleteRouteRequest request) => Changing(scope, request.ApiId, (_, api) =>
    {
        api.Routes.Remove(GetRoute(api, request.RouteId).RouteId!);
        api.RouteResponses.Remove(request.RouteId!);
    });

    private static Route GetRoute(HttpApiState api, string? routeId) =>
        routeId is not null && api.Routes.TryGetValue(routeId, out var route) ? route : throw ApiGatewayErrors.V2RouteNotFound(routeId ?? "");

    /// <summary>A route key is <c>$default</c> or a method and a path, such as <c>GET /items/{id}</c> or <c>ANY /{proxy+}</c>; a WebSocket API's are its own.</summary>
    private static void CheckRouteKey(HttpApiState api, string routeKey)
    {
        if (api.IsWebSocket)
        {
            CheckWebSocketRouteKey(routeKey);
            return;
        }
        if (routeKey == "$default")
        {
            return;
        }
        var parts = routeKey.Split(' ');
        var valid = parts.Length == 2 && RouteMethods.Contains(parts[0]) && parts[1].StartsWith('/')
            && parts[1].Split('/').SkipLast(1).All(segment => !segment.EndsWith("+}", StringComparison.Ordinal));
        if (!valid)
        {
            throw ApiGatewayErrors.BadRequest($"Invalid route key: {routeKey}");
        }
    }

    /// <summary>The route's authorizer must exist and be of the kind its authorization type needs; its target must exist.</summary>
    private static void CheckRoute(HttpApiState api, Route route)
    {
        CheckRouteProtocol(api, route);
        var needed = route.AuthorizationType switch
        {
            "JWT" => "JWT",
            "CUSTOM" => "REQUEST",
            _ => null,
        };
        if (needed is not null && (route.AuthorizerId is null || !api.Authorizers.TryGetValue(route.AuthorizerId, out var authorizer)
            || authorizer.AuthorizerType != needed))
        {
            throw ApiGatewayErrors.BadRequest($"Invalid authorizer ID specified: {route.AuthorizerId}. The authorization type {route.AuthorizationType} requires a {needed} authorizer.");
        }
        if (needed is null)
        {
            route.AuthorizerId = null;
        }
        if (route.Target is { } target
            && (!target.StartsWith("integrations/", StringComparison.Ordinal) || !api.Integrations.ContainsKey(target["integrations/".Length..])))
        {
            throw ApiGatewayErrors.BadRequest($"Invalid target specified: {target}");
        }
    }
}
