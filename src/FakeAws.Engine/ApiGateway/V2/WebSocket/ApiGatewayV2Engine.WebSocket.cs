using System.Text.RegularExpressions;
using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.V2;

// WebSocket APIs (ProtocolType WEBSOCKET): what CreateApi, CreateRoute and CreateIntegration check for
// them, and their route responses and integration responses.
internal sealed partial class ApiGatewayV2Engine
{
    /// <summary>The route keys every WebSocket API knows; any other key is a custom route, which may not start with <c>$</c>.</summary>
    private static readonly string[] PredefinedRouteKeys = ["$connect", "$disconnect", "$default"];

    /// <summary>The two API key selection expressions AWS accepts.</summary>
    private static readonly string[] ApiKeySelectionExpressions = ["$request.header.x-api-key", "$context.authorizer.usageIdentifierKey"];

    /// <summary>A selection expression: <c>$request.body.a.b</c>, or text with <c>${request.body.a}</c> parts, or a literal.</summary>
    private static readonly Regex SelectionExpression = new(@"^(?:\$request\.body(?:\.[^.\s${}]+)+|(?:[^$]|\\\$|\$\{request\.body(?:\.[^.\s${}]+)+\})+)$", RegexOptions.CultureInvariant);

    private static void CheckWebSocketApi(CreateApiRequest request)
    {
        if (string.IsNullOrEmpty(request.RouteSelectionExpression))
        {
            throw ApiGatewayErrors.BadRequest("RouteSelectionExpression is required for a WebSocket API");
        }
        if (request.Target is not null || request.RouteKey is not null || request.CredentialsArn is not null)
        {
            throw ApiGatewayErrors.BadRequest("Quick create is not supported for a WebSocket API; CredentialsArn, RouteKey and Target apply to HTTP APIs only");
        }
        if (request.CorsConfiguration is not null)
        {
            throw ApiGatewayErrors.BadRequest("CorsConfiguration is not supported for a WebSocket API");
        }
        CheckSelectionExpressions(request.RouteSelectionExpression, request.ApiKeySelectionExpression);
    }

    private static void CheckWebSocketUpdate(UpdateApiRequest request)
    {
        if (request.Target is not null || request.RouteKey is not null || request.CredentialsArn is not null)
        {
            throw ApiGatewayErrors.BadRequest("Quick create is not supported for a WebSocket API; CredentialsArn, RouteKey and Target apply to HTTP APIs only");
        }
        if (request.CorsConfiguration is not null)
        {
            throw ApiGatewayErrors.BadRequest("CorsConfiguration is not supported for a WebSocket API");
        }
        CheckSelectionExpressions(request.RouteSelectionExpression, request.ApiKeySelectionExpression);
    }

    private static void CheckSelectionExpressions(string? routeSelection, string? apiKeySelection)
    {
        if (routeSelection is not null && !SelectionExpression.IsMatch(routeSelection))
        {
            throw ApiGatewayErrors.BadRequest($"The selection expression '{routeSelection}' is not valid. Route selection expressions must be of the form $request.body.{{path}}");
        }
        if (apiKeySelection is not null && !ApiKeySelectionExpressions.Contains(apiKeySelection))
        {
            throw ApiGatewayErrors.BadRequest($"Invalid API key selection expression specified: {apiKeySelection}. Valid values are $request.header.x-api-key and $context.authorizer.usageIdentifierKey");
        }
    }

    /// <summary>A WebSocket route key is <c>$connect</c>, <c>$disconnect</c>, <c>$default</c>, or a custom key that does not start with <c>$</c>.</summary>
    private static void CheckWebSocketRouteKey(string routeKey)
    {
        if (routeKey.Length == 0 || (routeKey.StartsWith('$') && !PredefinedRouteKeys.Contains(routeKey)))
        {
            throw ApiGatewayErrors.BadRequest("The provided route key is not formatted properly");
        }
    }

    /// <summary>
    /// A route response selection expression is only for WebSocket APIs, where it is <c>$default</c>;
    /// a WebSocket route is authorized with NONE, except <c>$connect</c>, which may take AWS_IAM or a Lambda (CUSTOM) authorizer.
    /// </summary>
    private static void CheckRouteProtocol(HttpApiState api, Route route)
    {
        if (!api.IsWebSocket)
        {
            if (route.RouteResponseSelectionExpression is not null)
            {
                throw ApiGatewayErrors.BadRequest("RouteResponseSelectionExpression is not supported for HTTP APIs");
            }
            return;
        }
        if (route.RouteResponseSelectionExpression is not (null or "$default"))
        {
            throw ApiGatewayErrors.BadRequest($"The route response selection expression '{route.RouteResponseSelectionExpression}' is not valid. The only supported value is $default");
        }
        if (route.AuthorizationType is "JWT")
        {
            throw ApiGatewayErrors.BadRequest("Authorization type JWT is not supported for WebSocket APIs");
        }
        if (route.AuthorizationType is not "NONE" && route.RouteKey != "$connect")
        {
            throw ApiGatewayErrors.BadRequest("Currently, authorization is restricted to the $connect route only");
        }
    }

    /// <summary>
    /// A WebSocket API's authorizer is a Lambda REQUEST authorizer (JWT is for HTTP APIs only) with a
    /// function's invocation URI; its payload format, simple responses and TTL are HTTP API settings.
    /// </summary>
    private static void CheckWebSocketAuthorizer(Authorizer authorizer)
    {
        if (authorizer.AuthorizerType != "REQUEST")
        {
            throw ApiGatewayErrors.BadRequest($"Authorizer type {authorizer.AuthorizerType} is not supported for WebSocket APIs");
        }
        if (IntegrationUris.LambdaFunction(authorizer.AuthorizerUri) is null)
        {
            throw ApiGatewayErrors.BadRequest("AuthorizerUri must be a Lambda function's invocation URI for a REQUEST authorizer");
        }
    }

    /// <summary>
    /// A WebSocket API's integration: AWS_PROXY to a Lambda function (the WebSocket event, payload
    /// format 1.0) or MOCK (request and integration response templates), with a 29 s timeout.
    /// </summary>
    private Integration NewWebSocketIntegration(CreateIntegrationRequest request, string? id = null)
    {
        switch (request.IntegrationType)
        {
            case "AWS_PROXY":
                if (request.IntegrationSubtype is not null || LambdaIntegrationUri(request.IntegrationUri) is null)
                {
                    throw ApiGatewayErrors.Unsupported($"AWS_PROXY integrations other than Lambda functions ({request.IntegrationSubtype ?? request.IntegrationUri})");
                }
                break;
            case "MOCK":
                break;
            case "AWS" or "HTTP" or "HTTP_PROXY":
                throw ApiGatewayErrors.Unsupported($"{request.IntegrationType} integrations on WebSocket APIs (AWS_PROXY to Lambda and MOCK are supported)");
            default:
                throw ApiGatewayErrors.BadRequest($"Invalid integration type specified: {request.IntegrationType}");
        }
        if (request.PayloadFormatVersion is not (null or "1.0"))
        {
            throw ApiGatewayErrors.BadRequest($"Invalid payload format version specified: {request.PayloadFormatVersion}. WebSocket APIs support 1.0 only");
        }
        if (request.TimeoutInMillis is < 50 or > WebSocketTimeoutMillis)
        {
            throw ApiGatewayErrors.BadRequest($"Timeout must be between 50 and {WebSocketTimeoutMillis} milliseconds for WebSocket APIs");
        }
        return new Integration
        {
            ConnectionType = "INTERNET",
            ContentHandlingStrategy = request.ContentHandlingStrategy,
            CredentialsArn = request.CredentialsArn,
            Description = request.Description,
            IntegrationId = id ?? ids.RouteId(),
            IntegrationMethod = request.IntegrationType == "MOCK" ? null : request.IntegrationMethod ?? "POST",
            IntegrationResponseSelectionExpression = request.IntegrationType == "MOCK" ? "${integration.response.statuscode}" : null,
            IntegrationType = request.IntegrationType,
            IntegrationUri = request.IntegrationUri,
            PassthroughBehavior = request.PassthroughBehavior ?? "WHEN_NO_MATCH",
            PayloadFormatVersion = "1.0",
            RequestParameters = request.RequestParameters,
            RequestTemplates = request.RequestTemplates,
            ResponseParameters = request.ResponseParameters,
            TemplateSelectionExpression = request.TemplateSelectionExpression,
            TimeoutInMillis = request.TimeoutInMillis ?? WebSocketTimeoutMillis,
        };
    }

    private const int WebSocketTimeoutMillis = 29000;

    public CreateRouteResponseResponse CreateRouteResponse(RequestScope scope, CreateRouteResponseRequest request) => Changing(scope, request.ApiId, (_, api) =>
    {
        var route = WebSocketRoute(api, request.RouteId);
        CheckRouteResponseKey(request.RouteResponseKey!);
        var responses = api.RouteResponses.TryGetValue(route.RouteId!, out var existing) ? existing : api.RouteResponses[route.RouteId!] = new(StringComparer.Ordinal);
        if (responses.Values.Any(r => r.RouteResponseKey == request.RouteResponseKey))
        {
            throw ApiGatewayErrors.Conflict($"Route response with key {request.RouteResponseKey} already exists for this route");
        }
        var response = new RouteResponse
        {
            ModelSelectionExpression = request.ModelSelectionExpression,
            ResponseModels = request.ResponseModels,
            ResponseParameters = request.ResponseParameters,
            RouteResponseId = ids.ShortId(),
            RouteResponseKey = request.RouteResponseKey,
        };
        responses[response.RouteResponseId] = response;
        return ApiGatewayJson.Convert<CreateRouteResponseResponse>(response);
    });

    public GetRouteResponseResponse GetRouteResponse(RequestScope scope, GetRouteResponseRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.ApiId);
        return ApiGatewayJson.Convert<GetRouteResponseResponse>(GetRouteResponse(api, GetRoute(api, request.RouteId), request.RouteResponseId));
    });

    public GetRouteResponsesResponse GetRouteResponses(RequestScope scope, GetRouteResponsesRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.ApiId);
        var route = GetRoute(api, request.RouteId);
        var all = api.RouteResponses.TryGetValue(route.RouteId!, out var responses) ? responses.Values.ToList() : [];
        var (page, next) = Paging.Page(all, MaxResults(request.MaxResults), request.NextToken);
        return new GetRouteResponsesResponse { Items = page.Select(ApiGatewayJson.Clone).ToList(), NextToken = next };
    });

    public UpdateRouteResponseResponse UpdateRouteResponse(RequestScope scope, UpdateRouteResponseRequest request) => Changing(scope, request.ApiId, (_, api) =>
    {
        var response = GetRouteResponse(api, GetRoute(api, request.RouteId), request.RouteResponseId);
        if (request.RouteResponseKey is { } key)
        {
            CheckRouteResponseKey(key);
            response.RouteResponseKey = key;
        }
        response.ModelSelectionExpression = request.ModelSelectionExpression ?? response.ModelSelectionExpression;
        response.ResponseModels = request.ResponseModels ?? response.ResponseModels;
        response.ResponseParameters = request.ResponseParameters ?? response.ResponseParameters;
        return ApiGatewayJson.Convert<UpdateRouteResponseResponse>(response);
    });

    public void DeleteRouteResponse(RequestScope scope, DeleteRouteResponseRequest request) => Changing(scope, request.ApiId, (_, api) =>
    {
        var route = GetRoute(api, request.RouteId);
        var response = GetRouteResponse(api, route, request.RouteResponseId);
        api.RouteResponses[route.RouteId!].Remove(response.RouteResponseId!);
    });

    public CreateIntegrationResponseResponse CreateIntegrationResponse(RequestScope scope, CreateIntegrationResponseRequest request) => Changing(scope, request.ApiId, (_, api) =>
    {
        var integration = WebSocketIntegration(api, request.IntegrationId);
        CheckIntegrationResponseKey(request.IntegrationResponseKey!);
        var responses = api.IntegrationResponses.TryGetValue(integration.IntegrationId!, out var existing)
            ? existing
            : api.IntegrationResponses[integration.IntegrationId!] = new(StringComparer.Ordinal);
        if (responses.Values.Any(r => r.IntegrationResponseKey == request.IntegrationResponseKey))
        {
            throw ApiGatewayErrors.Conflict($"Integration response with key {request.IntegrationResponseKey} already exists for this integration");
        }
        var response = new IntegrationResponse
        {
            ContentHandlingStrategy = request.ContentHandlingStrategy,
            IntegrationResponseId = ids.ShortId(),
            IntegrationResponseKey = request.IntegrationResponseKey,
            ResponseParameters = request.ResponseParameters,
            ResponseTemplates = request.ResponseTemplates,
            TemplateSelectionExpression = request.TemplateSelectionExpression,
        };
        responses[response.IntegrationResponseId] = response;
        return ApiGatewayJson.Convert<CreateIntegrationResponseResponse>(response);
    });

    public GetIntegrationResponseResponse GetIntegrationResponse(RequestScope scope, GetIntegrationResponseRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.ApiId);
        var integration = GetIntegration(api, request.IntegrationId);
        return ApiGatewayJson.Convert<GetIntegrationResponseResponse>(GetIntegrationResponse(api, integration, request.IntegrationResponseId));
    });

    public GetIntegrationResponsesResponse GetIntegrationResponses(RequestScope scope, GetIntegrationResponsesRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.ApiId);
        var integration = GetIntegration(api, request.IntegrationId);
        var all = api.IntegrationResponses.TryGetValue(integration.IntegrationId!, out var responses) ? responses.Values.ToList() : [];
        var (page, next) = Paging.Page(all, MaxResults(request.MaxResults), request.NextToken);
        return new GetIntegrationResponsesResponse { Items = page.Select(ApiGatewayJson.Clone).ToList(), NextToken = next };
    });

    public UpdateIntegrationResponseResponse UpdateIntegrationResponse(RequestScope scope, UpdateIntegrationResponseRequest request) => Changing(scope, request.ApiId, (_, api) =>
    {
        var response = GetIntegrationResponse(api, GetIntegration(api, request.IntegrationId), request.IntegrationResponseId);
        if (request.IntegrationResponseKey is { } key)
        {
            CheckIntegrationResponseKey(key);
            response.IntegrationResponseKey = key;
        }
        response.ContentHandlingStrategy = request.ContentHandlingStrategy ?? response.ContentHandlingStrategy;
        response.ResponseParameters = request.ResponseParameters ?? response.ResponseParameters;
        response.ResponseTemplates = request.ResponseTemplates ?? response.ResponseTemplates;
        response.TemplateSelectionExpression = request.TemplateSelectionExpression ?? response.TemplateSelectionExpression;
        return ApiGatewayJson.Convert<UpdateIntegrationResponseResponse>(response);
    });

    public void DeleteIntegrationResponse(RequestScope scope, DeleteIntegrationResponseRequest request) => Changing(scope, request.ApiId, (_, api) =>
    {
        var integration = GetIntegration(api, request.IntegrationId);
        var response = GetIntegrationResponse(api, integration, request.IntegrationResponseId);
        api.IntegrationResponses[integration.IntegrationId!].Remove(response.IntegrationResponseId!);
    });

    /// <summary>Route responses belong to WebSocket APIs; an HTTP API's routes have none.</summary>
    private static Route WebSocketRoute(HttpApiState api, string? routeId)
    {
        var route = GetRoute(api, routeId);
        return api.IsWebSocket ? route : throw ApiGatewayErrors.BadRequest("Route responses are only supported for WebSocket APIs");
    }

    private static Integration WebSocketIntegration(HttpApiState api, string? integrationId)
    {
        var integration = GetIntegration(api, integrationId);
        return api.IsWebSocket ? integration : throw ApiGatewayErrors.BadRequest("Integration responses are only supported for WebSocket APIs");
    }

    private static RouteResponse GetRouteResponse(HttpApiState api, Route route, string? routeResponseId) =>
        routeResponseId is not null && api.RouteResponses.TryGetValue(route.RouteId!, out var responses) && responses.TryGetValue(routeResponseId, out var response)
            ? response
            : throw ApiGatewayErrors.V2NotFound("RouteResponse", $"Invalid RouteResponse identifier specified {routeResponseId}");

    private static IntegrationResponse GetIntegrationResponse(HttpApiState api, Integration integration, string? integrationResponseId) =>
        integrationResponseId is not null && api.IntegrationResponses.TryGetValue(integration.IntegrationId!, out var responses)
            && responses.TryGetValue(integrationResponseId, out var response)
            ? response
            : throw ApiGatewayErrors.V2NotFound("IntegrationResponse", $"Invalid IntegrationResponse identifier specified {integrationResponseId}");

    /// <summary>AWS serves only the <c>$default</c> route response for WebSocket APIs.</summary>
    private static void CheckRouteResponseKey(string key)
    {
        if (key != "$default")
        {
            throw ApiGatewayErrors.BadRequest($"The route response key '{key}' is not valid. Only $default is supported");
        }
    }

    /// <summary>An integration response key is <c>$default</c> or a regular expression between slashes, such as <c>/4\d\d/</c>.</summary>
    private static void CheckIntegrationResponseKey(string key)
    {
        var valid = key == "$default" || (key.Length > 2 && key.StartsWith('/') && key.EndsWith('/') && IsRegex(key[1..^1]));
        if (!valid)
        {
            throw ApiGatewayErrors.BadRequest($"The integration response key '{key}' is not valid. It must be $default or a regular expression between slashes, such as /2\\d\\d/");
        }
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
