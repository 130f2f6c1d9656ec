using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// PutIntegration, GetIntegration, UpdateIntegration, DeleteIntegration and integration responses.
internal sealed partial class ApiGatewayEngine
{
    private const int DefaultTimeoutMillis = 29000;

    public Integration PutIntegration(RequestScope scope, PutIntegrationRequest request)
    {
        CheckIntegration(request);
        return Locked(scope, region =>
        {
            var resource = GetMethodResource(region, request.RestApiId, request.ResourceId).Resource;
            var method = GetMethod(resource, request.HttpMethod);
            method.MethodIntegration = new Integration
            {
                Type = request.Type,
                HttpMethod = request.Type == "MOCK" ? null : request.IntegrationHttpMethod,
                Uri = request.Type == "MOCK" ? null : request.Uri,
                Credentials = request.Credentials,
                ConnectionType = request.ConnectionType,
                ConnectionId = request.ConnectionId,
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
        ApiGatewayJson.Clone(GetIntegration(GetMethod(GetMethodResource(region, request.RestApiId, request.ResourceId).Resource, request.HttpMethod))));

    private static readonly string[] IntegrationPatchPaths =
    [
        "/uri", "/httpMethod", "/credentials", "/timeoutInMillis", "/passthroughBehavior", "/contentHandling", "/cacheNamespace",
        "/connectionType", "/connectionId", "/tlsConfig/insecureSkipVerification",
    ];

    /// <summary>
    /// UpdateIntegration: <c>replace</c> of the integration's settings; <c>add</c>, <c>replace</c> or
    /// <c>remove</c> of one request template or parameter; <c>add</c> or <c>remove</c> of a cache key
    /// parameter. The result is checked as PutIntegration checks it.
    /// </summary>
    public Integration UpdateIntegration(RequestScope scope, UpdateIntegrationRequest request) => Locked(scope, region =>
    {
        var method = GetMethod(GetMethodResource(region, request.RestApiId, request.ResourceId).Resource, request.HttpMethod);
        // Patched on a copy, so a refused patch changes nothing.
        var updated = ApiGatewayJson.Clone(GetIntegration(method));
        foreach (var patch in request.PatchOperations ?? [])
        {
            var path = patch.Path ?? "";
            if (PatchMapEntry(patch, "/requestTemplates/", () => updated.RequestTemplates ??= new(StringComparer.Ordinal))
                || PatchMapEntry(patch, "/requestParameters/", () => updated.RequestParameters ??= new(StringComparer.Ordinal)))
            {
                continue;
            }
            if (MapEntry(path, "/cacheKeyParameters/") is { } cacheKey && patch.Op is "add" or "remove")
            {
                var keys = updated.CacheKeyParameters ??= [];
                keys.Remove(cacheKey);
                if (patch.Op == "add")
                {
                    keys.Add(cacheKey);
                }
                continue;
            }
            PatchOperations.RequireReplace(patch, IntegrationPatchPaths);
            switch (path)
            {
                case "/uri": updated.Uri = patch.Value; break;
                case "/httpMethod": updated.HttpMethod = patch.Value; break;
                case "/credentials": updated.Credentials = patch.Value; break;
                case "/timeoutInMillis": updated.TimeoutInMillis = PatchOperations.Int(patch, $"Invalid timeout value: {patch.Value}"); break;
                case "/passthroughBehavior": updated.PassthroughBehavior = patch.Value; break;
                case "/contentHandling": updated.ContentHandling = string.IsNullOrEmpty(patch.Value) ? null : patch.Value; break;
                case "/cacheNamespace": updated.CacheNamespace = patch.Value; break;
                case "/connectionType": updated.ConnectionType = patch.Value; break;
                case "/connectionId": updated.ConnectionId = patch.Value; break;
                default: (updated.TlsConfig ??= new()).InsecureSkipVerification = PatchOperations.Bool(patch); break;
            }
        }
        CheckIntegration(new PutIntegrationRequest
        {
            Type = updated.Type,
            IntegrationHttpMethod = updated.HttpMethod,
            Uri = updated.Uri,
            TimeoutInMillis = updated.TimeoutInMillis,
        });
        RemoveEmptyMaps(updated);
        method.MethodIntegration = updated;
        return ApiGatewayJson.Clone(updated);
    });

    public void DeleteIntegration(RequestScope scope, DeleteIntegrationRequest request) => Locked(scope, region =>
    {
        var method = GetMethod(GetMethodResource(region, request.RestApiId, request.ResourceId).Resource, request.HttpMethod);
        GetIntegration(method);
        method.MethodIntegration = null;
    });

    public IntegrationResponse PutIntegrationResponse(RequestScope scope, PutIntegrationResponseRequest request) => Locked(scope, region =>
    {
        var integration = GetIntegration(GetMethod(GetMethodResource(region, request.RestApiId, request.ResourceId).Resource, request.HttpMethod));
        var response = new IntegrationResponse
        {
            StatusCode = request.StatusCode,
            SelectionPattern = request.SelectionPattern,
            ResponseParameters = request.ResponseParameters is { Count: > 0 } parameters ? new(parameters) : null,
            // An empty template is kept as null: AWS shows {"application/json": null}.
            ResponseTemplates = request.ResponseTemplates is { Count: > 0 } templates
                ? templates.ToDictionary(t => t.Key, t => string.IsNullOrEmpty(t.Value) ? null! : t.Value, StringComparer.Ordinal)
                : null,
            ContentHandling = request.ContentHandling,
        };
        (integration.IntegrationResponses ??= new(StringComparer.Ordinal))[request.StatusCode!] = response;
        return ApiGatewayJson.Clone(response);
    });

    public IntegrationResponse GetIntegrationResponse(RequestScope scope, GetIntegrationResponseRequest request) => Locked(scope, region =>
    {
        var integration = GetIntegration(GetMethod(GetMethodResource(region, request.RestApiId, request.ResourceId).Resource, request.HttpMethod));
        return integration.IntegrationResponses?.GetValueOrDefault(request.StatusCode!) is { } response
            ? ApiGatewayJson.Clone(response)
            : throw ApiGatewayErrors.ResponseNotFound();
    });

    private static readonly string[] IntegrationResponsePatchPaths = ["/selectionPattern", "/contentHandling"];

    /// <summary>
    /// UpdateIntegrationResponse: <c>replace</c> of the selection pattern and content handling;
    /// <c>add</c>, <c>replace</c> or <c>remove</c> of one response template or header mapping.
    /// </summary>
    public IntegrationResponse UpdateIntegrationResponse(RequestScope scope, UpdateIntegrationResponseRequest request) => Locked(scope, region =>
    {
        var integration = GetIntegration(GetMethod(GetMethodResource(region, request.RestApiId, request.ResourceId).Resource, request.HttpMethod));
        var existing = integration.IntegrationResponses?.GetValueOrDefault(request.StatusCode!) ?? throw ApiGatewayErrors.ResponseNotFound();
        var updated = ApiGatewayJson.Clone(existing);
        foreach (var patch in request.PatchOperations ?? [])
        {
            if (PatchMapEntry(patch, "/responseTemplates/", () => updated.ResponseTemplates ??= new(StringComparer.Ordinal))
                || PatchMapEntry(patch, "/responseParameters/", () => updated.ResponseParameters ??= new(StringComparer.Ordinal)))
            {
                continue;
            }
            PatchOperations.RequireReplace(patch, IntegrationResponsePatchPaths);
            if (patch.Path == "/selectionPattern")
            {
                updated.SelectionPattern = string.IsNullOrEmpty(patch.Value) ? null : patch.Value;
            }
            else
            {
                updated.ContentHandling = string.IsNullOrEmpty(patch.Value) ? null : patch.Value;
            }
        }
        updated.ResponseTemplates = updated.ResponseTemplates is { Count: > 0 } templates ? templates : null;
        updated.ResponseParameters = updated.ResponseParameters is { Count: > 0 } parameters ? parameters : null;
        integration.IntegrationResponses![request.StatusCode!] = updated;
        return ApiGatewayJson.Clone(updated);
    });

    /// <summary>
    /// Applies an <c>add</c>, <c>replace</c> or <c>remove</c> of one entry under <paramref name="prefix"/>
    /// (such as <c>/requestTemplates/application~1json</c>) to the map <paramref name="map"/> gives;
    /// false when the patch is not one.
    /// </summary>
    private static bool PatchMapEntry(PatchOperation patch, string prefix, Func<Dictionary<string, string>> map)
    {
        if (MapEntry(patch.Path ?? "", prefix) is not { } key || patch.Op is not ("add" or "replace" or "remove"))
        {
            return false;
        }
        Apply(map(), key, patch);
        return true;
    }

    /// <summary>An integration shows no empty template or parameter map, as after PutIntegration.</summary>
    private static void RemoveEmptyMaps(Integration integration)
    {
        integration.RequestTemplates = integration.RequestTemplates is { Count: > 0 } templates ? templates : null;
        integration.RequestParameters = integration.RequestParameters is { Count: > 0 } parameters ? parameters : null;
    }

    public void DeleteIntegrationResponse(RequestScope scope, DeleteIntegrationResponseRequest request) => Locked(scope, region =>
    {
        var resource = GetMethodResource(region, request.RestApiId, request.ResourceId).Resource;
        // A method that is not there answers as a missing integration here (AWS's recorded answer).
        var integration = resource.Methods.GetValueOrDefault(request.HttpMethod ?? "")?.MethodIntegration ?? throw ApiGatewayErrors.IntegrationNotFound();
        if (integration.IntegrationResponses?.Remove(request.StatusCode!) != true)
        {
            throw ApiGatewayErrors.ResponseNotFound();
        }
    });

    /// <summary>An integration's target and timeout, as PutIntegration and UpdateIntegration check them.</summary>
    private static void CheckIntegration(PutIntegrationRequest request)
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
    }

    private static Integration GetIntegration(Method method) => method.MethodIntegration ?? throw ApiGatewayErrors.IntegrationNotFound();

    /// <summary>HTTP and HTTP_PROXY integrations call an absolute http(s) URL, which may hold <c>{param}</c> and stage variable placeholders.</summary>
    private static void CheckHttpIntegrationUri(PutIntegrationRequest request)
    {
        if (string.IsNullOrEmpty(request.IntegrationHttpMethod))
        {
            throw ApiGatewayErrors.BadRequest("Enumeration value for HttpMethod must be non-empty");
        }
        if (!IntegrationUris.IsHttpEndpoint(request.Uri))
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
