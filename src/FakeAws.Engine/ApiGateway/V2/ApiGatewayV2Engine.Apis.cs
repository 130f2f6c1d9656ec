using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.V2;

// CreateApi (with quick create), GetApi(s), UpdateApi, DeleteApi, DeleteCorsConfiguration.
internal sealed partial class ApiGatewayV2Engine
{
    public CreateApiResponse CreateApi(RequestScope scope, CreateApiRequest request)
    {
        var webSocket = request.ProtocolType == "WEBSOCKET";
        if (webSocket)
        {
            CheckWebSocketApi(request);
        }
        CheckCors(request.CorsConfiguration);
        return Locked(scope, region =>
        {
            var id = ids.ApiId();
            var api = new HttpApiState(new Api
            {
                ApiEndpoint = $"{(webSocket ? "wss" : "https")}://{id}.execute-api.{scope.Region}.amazonaws.com",
                ApiId = id,
                ApiKeySelectionExpression = request.ApiKeySelectionExpression ?? "$request.header.x-api-key",
                CorsConfiguration = request.CorsConfiguration is { } cors ? ApiGatewayJson.Clone(cors) : null,
                CreatedDate = Now,
                Description = request.Description,
                DisableSchemaValidation = webSocket ? request.DisableSchemaValidation : null,
                DisableExecuteApiEndpoint = request.DisableExecuteApiEndpoint ?? false,
                IpAddressType = request.IpAddressType ?? "ipv4",
                Name = request.Name,
                ProtocolType = request.ProtocolType,
                RouteSelectionExpression = request.RouteSelectionExpression ?? "$request.method $request.path",
                Tags = ResourceTags.Initial(request.Tags) ?? [],
                Version = request.Version,
            });
            if (request.Target is { } target)
            {
                QuickCreate(api, target, request.RouteKey ?? "$default");
            }
            region.HttpApis[id] = api;
            return ApiGatewayJson.Convert<CreateApiResponse>(api.Api);
        });
    }

    public GetApiResponse GetApi(RequestScope scope, GetApiRequest request) =>
        Locked(scope, region => ApiGatewayJson.Convert<GetApiResponse>(GetApi(region, request.ApiId).Api));

    public GetApisResponse GetApis(RequestScope scope, GetApisRequest request) => Locked(scope, region =>
    {
        var (page, next) = Paging.Page(region.HttpApis.Values.Select(a => a.Api).ToList(), MaxResults(request.MaxResults), request.NextToken);
        return new GetApisResponse { Items = page.Select(ApiGatewayJson.Clone).ToList(), NextToken = next };
    });

    public UpdateApiResponse UpdateApi(RequestScope scope, UpdateApiRequest request)
    {
        CheckCors(request.CorsConfiguration);
        return Changing(scope, request.ApiId, (_, api) =>
        {
            var model = api.Api;
            if (model.ProtocolType == "WEBSOCKET")
            {
                CheckWebSocketUpdate(request);
            }
            model.Name = request.Name ?? model.Name;
            model.Description = request.Description ?? model.Description;
            model.Version = request.Version ?? model.Version;
            model.DisableExecuteApiEndpoint = request.DisableExecuteApiEndpoint ?? model.DisableExecuteApiEndpoint;
            model.RouteSelectionExpression = request.RouteSelectionExpression ?? model.RouteSelectionExpression;
            model.ApiKeySelectionExpression = request.ApiKeySelectionExpression ?? model.ApiKeySelectionExpression;
            model.IpAddressType = request.IpAddressType ?? model.IpAddressType;
            if (request.CorsConfiguration is { } cors)
            {
                model.CorsConfiguration = ApiGatewayJson.Clone(cors);
            }
            return ApiGatewayJson.Convert<UpdateApiResponse>(model);
        });
    }

    public void DeleteApi(RequestScope scope, DeleteApiRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.ApiId);
        region.HttpApis.Remove(api.Api.ApiId!);
    });

    public void DeleteCorsConfiguration(RequestScope scope, DeleteCorsConfigurationRequest request) => Changing(scope, request.ApiId, (_, api) =>
    {
        api.Api.CorsConfiguration = null;
    });

    /// <summary>
    /// Quick create: a Lambda target gets an AWS_PROXY integration (payload format 2.0), a URL an
    /// HTTP_PROXY integration of any method (1.0); then a route (<c>$default</c> unless named) and a
    /// <c>$default</c> stage that deploys automatically.
    /// </summary>
    private void QuickCreate(HttpApiState api, string target, string routeKey)
    {
        CheckRouteKey(api, routeKey);
        var lambda = LambdaIntegrationUri(target) is not null;
        var integration = NewIntegration(new CreateIntegrationRequest
        {
            IntegrationType = lambda ? "AWS_PROXY" : "HTTP_PROXY",
            IntegrationUri = target,
            IntegrationMethod = lambda ? null : "ANY",
            PayloadFormatVersion = lambda ? "2.0" : "1.0",
        });
        integration.ApiGatewayManaged = true;
        api.Integrations[integration.IntegrationId!] = integration;
        var route = new Route
        {
            ApiGatewayManaged = true,
            ApiKeyRequired = false,
            AuthorizationType = "NONE",
            RouteId = ids.RouteId(),
            RouteKey = routeKey,
            Target = $"integrations/{integration.IntegrationId}",
        };
        api.Routes[route.RouteId] = route;
        var stage = NewStage("$default", autoDeploy: true);
        stage.ApiGatewayManaged = true;
        api.Stages[stage.StageName!] = stage;
        Deploy(api, stage, "Automatic deployment triggered by changes to the Api configuration", automatic: true);
    }

    /// <summary>CORS max age is -1 (no caching) up to a day; the model checks that, this checks the lists.</summary>
    private static void CheckCors(Cors? cors)
    {
        if (cors?.AllowCredentials == true && cors.AllowOrigins?.Contains("*") == true)
        {
            throw ApiGatewayErrors.BadRequest("allow-credentials is not supported if allow-origins includes *");
        }
    }

    private static int? MaxResults(string? maxResults) =>
        maxResults is null ? null
        : int.TryParse(maxResults, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
        : throw ApiGatewayErrors.BadRequest($"Invalid MaxResults specified: {maxResults}");
}
