using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// PutIntegration, GetIntegration, DeleteIntegration and integration responses.
internal sealed partial class ApiGatewayEngine
{
    private const int DefaultTimeoutMillis = 29000;

    public Integration PutIntegration(RequestScope scope, PutIntegrationRequest request)
    {
        if (request.Type is "AWS_PROXY" or "AWS")
        {
            CheckAwsIntegrationUri(request);
        }
        if (request.Type is "HTTP" or "HTTP_PROXY")
        {
            CheckHttpIntegrationUri(request);
        }
        if (request.TimeoutInMillis is < 50 or > DefaultTimeoutMillis)
        {
            throw ApiGatewayErrors.BadRequest("Timeout should be between 50 ms and 29000 ms");
        }
        return Locked(scope, region =>
        {
            var resource = GetResource(GetApi(region, request.RestApiId), request.ResourceId);
            var method = GetMethod(resource, request.HttpMethod);
            method.MethodIntegration = new Integration
            {
                Type = request.Type,
                HttpMethod = request.Type == "MOCK" ? null : request.IntegrationHttpMethod,
                Uri = request.Type == "MOCK" ? null : request.Uri,
                Credentials = request.Credentials,
                RequestParameters = request.RequestParameters is { Count: > 0 } parameters ? new(parameters) : null,
                RequestTemplates = request.RequestTemplates is { Count: > 0 } templates ? new(templates) : null,
                PassthroughBehavior = request.PassthroughBehavior ?? "WHEN_NO_MATCH",
                ContentHandling = request.ContentHandling,
                TimeoutInMillis = request.TimeoutInMillis ?? DefaultTimeoutMillis,
                CacheNamespace = request.CacheNamespace ?? resource.Id,
                CacheKeyParameters = request.CacheKeyParameters is { } keys ? [.. keys] : [],
            };
            return ApiGatewayJson.Clone(method.MethodIntegration);
        });
    }

    public Integration GetIntegration(RequestScope scope, GetIntegrationRequest request) => Locked(scope, region =>
        ApiGatewayJson.Clone(GetIntegration(GetMethod(GetResource(GetApi(region, request.RestApiId), request.ResourceId), request.HttpMethod))));

    public void DeleteIntegration(RequestScope scope, DeleteIntegrationRequest request) => Locked(scope, region =>
    {
        var method = GetMethod(GetResource(GetApi(region, request.RestApiId), request.ResourceId), request.HttpMethod);
        GetIntegration(method);
        method.MethodIntegration = null;
    });

    public IntegrationResponse PutIntegrationResponse(RequestScope scope, PutIntegrationResponseRequest request) => Locked(scope, region =>
    {
        var integration = GetIntegration(GetMethod(GetResource(GetApi(region, request.RestApiId), request.ResourceId), request.HttpMethod));
        var response = new IntegrationResponse
        {
            StatusCode = request.StatusCode,
            SelectionPattern = request.SelectionPattern,
            ResponseParameters = request.ResponseParameters is { Count: > 0 } parameters ? new(parameters) : null,
            ResponseTemplates = request.ResponseTemplates is { Count: > 0 } templates ? new(templates) : null,
            ContentHandling = request.ContentHandling,
        };
        (integration.IntegrationResponses ??= new(StringComparer.Ordinal))[request.StatusCode!] = response;
        return ApiGatewayJson.Clone(response);
    });

    public IntegrationResponse GetIntegrationResponse(RequestScope scope, GetIntegrationResponseRequest request) => Locked(scope, region =>
    {
        var integration = GetIntegration(GetMethod(GetResource(GetApi(region, request.RestApiId), request.ResourceId), request.HttpMethod));
        return integration.IntegrationResponses?.GetValueOrDefault(request.StatusCode!) is { } response
            ? ApiGatewayJson.Clone(response)
            : throw ApiGatewayErrors.ResponseNotFound();
    });

    public void DeleteIntegrationResponse(RequestScope scope, DeleteIntegrationResponseRequest request) => Locked(scope, region =>
    {
        var integration = GetIntegration(GetMethod(GetResource(GetApi(region, request.RestApiId), request.ResourceId), request.HttpMethod));
        if (integration.IntegrationResponses?.Remove(request.StatusCode!) != true)
        {
            throw ApiGatewayErrors.ResponseNotFound();
        }
    });

    private static Integration GetIntegration(Method method) => method.MethodIntegration ?? throw ApiGatewayErrors.IntegrationNotFound();

    /// <summary>HTTP and HTTP_PROXY integrations call an absolute http(s) URL, which may hold <c>{param}</c> and stage variable placeholders.</summary>
    private static void CheckHttpIntegrationUri(PutIntegrationRequest request)
    {
        if (string.IsNullOrEmpty(request.IntegrationHttpMethod))
        {
            throw ApiGatewayErrors.BadRequest("Enumeration value for HttpMethod must be non-empty");
        }
        var uri = IntegrationUris.WithoutPlaceholders(request.Uri ?? "");
        if (!(uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            || !Uri.TryCreate(uri, UriKind.Absolute, out _))
        {
            throw ApiGatewayErrors.BadRequest("Invalid HTTP endpoint specified for URI");
        }
    }

    /// <summary>
    /// AWS and AWS_PROXY integrations name an AWS service action as
    /// <c>arn:aws:apigateway:{region}:{service}:path/...</c> (or <c>action/...</c>); AWS_PROXY only Lambda's invoke path.
    /// </summary>
    private static void CheckAwsIntegrationUri(PutIntegrationRequest request)
    {
        if (string.IsNullOrEmpty(request.IntegrationHttpMethod))
        {
            throw ApiGatewayErrors.BadRequest("Enumeration value for HttpMethod must be non-empty");
        }
        var uri = request.Uri ?? "";
        var parts = uri.Split(':', 6);
        if (!uri.StartsWith("arn:", StringComparison.Ordinal) || parts.Length < 6)
        {
            throw ApiGatewayErrors.BadRequest("Invalid ARN specified in the request");
        }
        if (!parts[5].StartsWith("path/", StringComparison.Ordinal) && !parts[5].StartsWith("action/", StringComparison.Ordinal))
        {
            throw ApiGatewayErrors.BadRequest("AWS ARN for integration must contain path or action");
        }
        if (request.Type == "AWS_PROXY" && (parts[4] != "lambda" || !parts[5].StartsWith("path/2015-03-31/functions/", StringComparison.Ordinal)))
        {
            throw ApiGatewayErrors.BadRequest("Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.");
        }
    }
}
