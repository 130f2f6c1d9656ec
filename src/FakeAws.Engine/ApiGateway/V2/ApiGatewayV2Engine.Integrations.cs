using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.V2;

// CreateIntegration, GetIntegration(s), UpdateIntegration, DeleteIntegration.
internal sealed partial class ApiGatewayV2Engine
{
    private const int DefaultTimeoutMillis = 30000;

    public CreateIntegrationResult CreateIntegration(RequestScope scope, CreateIntegrationRequest request) => Changing(scope, request.ApiId, (_, api) =>
    {
        var integration = api.IsWebSocket ? NewWebSocketIntegration(request) : NewIntegration(request);
        api.Integrations[integration.IntegrationId!] = integration;
        return ApiGatewayJson.Convert<CreateIntegrationResult>(integration);
    });

    public GetIntegrationResult GetIntegration(RequestScope scope, GetIntegrationRequest request) =>
        Locked(scope, region => ApiGatewayJson.Convert<GetIntegrationResult>(GetIntegration(GetApi(region, request.ApiId), request.IntegrationId)));

    public GetIntegrationsResponse GetIntegrations(RequestScope scope, GetIntegrationsRequest request) => Locked(scope, region =>
    {
        var (page, next) = Paging.Page(GetApi(region, request.ApiId).Integrations.Values.ToList(), MaxResults(request.MaxResults), request.NextToken);
        return new GetIntegrationsResponse { Items = page.Select(ApiGatewayJson.Clone).ToList(), NextToken = next };
    });

    public UpdateIntegrationResult UpdateIntegration(RequestScope scope, UpdateIntegrationRequest request) => Changing(scope, request.ApiId, (_, api) =>
    {
        var current = GetIntegration(api, request.IntegrationId);
        var update = new CreateIntegrationRequest
        {
            IntegrationType = request.IntegrationType ?? current.IntegrationType,
            IntegrationUri = request.IntegrationUri ?? current.IntegrationUri,
            IntegrationMethod = request.IntegrationMethod ?? current.IntegrationMethod,
            ConnectionType = request.ConnectionType ?? current.ConnectionType,
            PayloadFormatVersion = request.PayloadFormatVersion ?? current.PayloadFormatVersion,
            TimeoutInMillis = request.TimeoutInMillis ?? current.TimeoutInMillis,
            Description = request.Description ?? current.Description,
            CredentialsArn = request.CredentialsArn ?? current.CredentialsArn,
            RequestParameters = request.RequestParameters ?? current.RequestParameters,
            ResponseParameters = request.ResponseParameters ?? current.ResponseParameters,
            ContentHandlingStrategy = request.ContentHandlingStrategy ?? current.ContentHandlingStrategy,
            PassthroughBehavior = request.PassthroughBehavior ?? current.PassthroughBehavior,
            RequestTemplates = request.RequestTemplates ?? current.RequestTemplates,
            TemplateSelectionExpression = request.TemplateSelectionExpression ?? current.TemplateSelectionExpression,
        };
        var merged = api.IsWebSocket ? NewWebSocketIntegration(update, current.IntegrationId) : NewIntegration(update, current.IntegrationId);
        api.Integrations[merged.IntegrationId!] = merged;
        return ApiGatewayJson.Convert<UpdateIntegrationResult>(merged);
    });

    public void DeleteIntegration(RequestScope scope, DeleteIntegrationRequest request) => Changing(scope, request.ApiId, (_, api) =>
    {
        api.Integrations.Remove(GetIntegration(api, request.IntegrationId).IntegrationId!);
        api.IntegrationResponses.Remove(request.IntegrationId!);
    });

    private static Integration GetIntegration(HttpApiState api, string? integrationId) =>
        integrationId is not null && api.Integrations.TryGetValue(integrationId, out var integration)
            ? integration
            : throw ApiGatewayErrors.V2IntegrationNotFound(integrationId ?? "");

    /// <summary>
    /// An HTTP API integration: AWS_PROXY to a Lambda function (its ARN, or Lambda's invoke URI),
    /// with payload format 1.0 unless told otherwise, or HTTP_PROXY to a URL; a 30 s timeout.
    /// </summary>
    private Integration NewIntegration(CreateIntegrationRequest request, string? id = null)
    {
        switch (request.IntegrationType)
        {
            case "HTTP_PROXY":
                return NewHttpProxyIntegration(request, id);
            case not "AWS_PROXY":
                throw ApiGatewayErrors.BadRequest("Currently, an API with a protocol type of HTTP may only be associated with proxy integrations (AWS_PROXY, HTTP_PROXY)");
        }
        if (request.IntegrationSubtype is not null || LambdaIntegrationUri(request.IntegrationUri) is null)
        {
            throw ApiGatewayErrors.Unsupported($"AWS_PROXY integrations other than Lambda functions ({request.IntegrationSubtype ?? request.IntegrationUri})");
        }
        if (request.PayloadFormatVersion is not (null or "1.0" or "2.0"))
        {
            throw ApiGatewayErrors.BadRequest($"Invalid payload format version specified: {request.PayloadFormatVersion}");
        }
        return new Integration
        {
            ConnectionType = "INTERNET",
            CredentialsArn = request.CredentialsArn,
            Description = request.Description,
            IntegrationId = id ?? ids.RouteId(),
            IntegrationMethod = request.IntegrationMethod ?? "POST",
            IntegrationType = request.IntegrationType,
            IntegrationUri = request.IntegrationUri,
            PayloadFormatVersion = request.PayloadFormatVersion ?? "1.0",
            RequestParameters = request.RequestParameters,
            ResponseParameters = request.ResponseParameters,
            TimeoutInMillis = request.TimeoutInMillis ?? DefaultTimeoutMillis,
        };
    }

    /// <summary>
    /// HTTP_PROXY: the request and the answer pass through to and from the URL, which may name the route's
    /// path variables (<c>{proxy}</c>) and stage variables; payload format 1.0 is the only one it takes.
    /// </summary>
    private Integration NewHttpProxyIntegration(CreateIntegrationRequest request, string? id)
    {
        if (request.ConnectionType == "VPC_LINK")
        {
            throw ApiGatewayErrors.Unsupported("private integrations (ConnectionType VPC_LINK)");
        }
        if (string.IsNullOrEmpty(request.IntegrationMethod))
        {
            throw ApiGatewayErrors.BadRequest("Enumeration value for HttpMethod must be non-empty");
        }
        if (!IntegrationUris.IsHttpEndpoint(request.IntegrationUri))
        {
            throw ApiGatewayErrors.BadRequest("Invalid HTTP endpoint specified for URI");
        }
        if (request.PayloadFormatVersion is not (null or "1.0"))
        {
            throw ApiGatewayErrors.BadRequest($"Invalid payload format version specified: {request.PayloadFormatVersion}");
        }
        return new Integration
        {
            ConnectionType = "INTERNET",
            Description = request.Description,
            IntegrationId = id ?? ids.RouteId(),
            IntegrationMethod = request.IntegrationMethod,
            IntegrationType = request.IntegrationType,
            IntegrationUri = request.IntegrationUri,
            PayloadFormatVersion = "1.0",
            RequestParameters = request.RequestParameters,
            ResponseParameters = request.ResponseParameters,
            TimeoutInMillis = request.TimeoutInMillis ?? DefaultTimeoutMillis,
        };
    }

    private static string? LambdaIntegrationUri(string? uri) =>
        uri is not null && uri.Contains("${stageVariables.", StringComparison.Ordinal) ? uri : IntegrationUris.LambdaFunction(uri);
}
