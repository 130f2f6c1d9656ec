using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// PutMethod, GetMethod, DeleteMethod and method responses.
internal sealed partial class ApiGatewayEngine
{
    internal static readonly string[] HttpMethods = ["GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD", "ANY"];

    internal static readonly string[] AuthorizationTypes = ["NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS"];

    public Method PutMethod(RequestScope scope, PutMethodRequest request) => Locked(scope, region =>
    {
        var (api, resource) = GetMethodResource(region, request.RestApiId, request.ResourceId);
        if (!HttpMethods.Contains(request.HttpMethod))
        {
            throw ApiGatewayErrors.BadRequest("Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY");
        }
        if (!AuthorizationTypes.Contains(request.AuthorizationType))
        {
            throw ApiGatewayErrors.BadRequest("Invalid authorization type specified. Valid options are NONE,AWS_IAM,CUSTOM,COGNITO_USER_POOLS");
        }
        var needsAuthorizer = CheckAuthorizer(api, request.AuthorizationType, request.AuthorizerId);
        if (resource.Methods.ContainsKey(request.HttpMethod!))
        {
            throw ApiGatewayErrors.Conflict("Method already exists for this resource");
        }
        CheckUniqueParameterNames(request.RequestParameters?.Keys);
        CheckValidatorAndModels(api, request.RequestValidatorId, request.RequestModels);
        var method = new Method
        {
            HttpMethod = request.HttpMethod,
            AuthorizationType = request.AuthorizationType,
            AuthorizerId = needsAuthorizer ? request.AuthorizerId : null,
            ApiKeyRequired = request.ApiKeyRequired ?? false,
            OperationName = request.OperationName,
            RequestParameters = request.RequestParameters is { Count: > 0 } parameters ? new(parameters) : null,
            RequestModels = request.RequestModels is { Count: > 0 } models ? new(models) : null,
            AuthorizationScopes = request.AuthorizationScopes is { Count: > 0 } scopes ? [.. scopes] : null,
            RequestValidatorId = string.IsNullOrEmpty(request.RequestValidatorId) ? null : request.RequestValidatorId,
        };
        resource.Methods[method.HttpMethod!] = method;
        return ApiGatewayJson.Clone(method);
    });

    /// <summary>
    /// UpdateMethod: <c>replace</c> of the authorization settings, the request validator and the
    /// operation name; <c>add</c>, <c>replace</c> or <c>remove</c> of one request parameter or model.
    /// </summary>
    public Method UpdateMethod(RequestScope scope, UpdateMethodRequest request) => Locked(scope, region =>
    {
        var (api, resource) = GetMethodResource(region, request.RestApiId, request.ResourceId);
        var method = GetMethod(resource, request.HttpMethod);
        var updated = ApiGatewayJson.Clone(method);
        foreach (var patch in request.PatchOperations ?? [])
        {
            var path = patch.Path ?? "";
            if (!MethodPatchPaths.Contains(path) && MethodMapEntry(path) is null)
            {
                throw ApiGatewayErrors.BadRequest($"Invalid patch path {path}");
            }
            if (MapEntry(path, "/requestParameters/") is { } parameter && patch.Op is "add" or "replace" or "remove")
            {
                if (patch.Op == "remove")
                {
                    updated.RequestParameters?.Remove(parameter);
                }
                else
                {
                    (updated.RequestParameters ??= new(StringComparer.Ordinal))[parameter] = PatchOperations.Bool(patch);
                }
                continue;
            }
            if (MapEntry(path, "/requestModels/") is { } mediaType && patch.Op is "add" or "replace" or "remove")
            {
                if (patch.Op == "remove")
                {
                    updated.RequestModels?.Remove(mediaType);
                }
                else
                {
                    (updated.RequestModels ??= new(StringComparer.Ordinal))[mediaType] = patch.Value ?? "";
                }
                continue;
            }
            PatchOperations.RequireReplaceOperation(patch);
            switch (path)
            {
                case "/authorizationType": updated.AuthorizationType = patch.Value; break;
                case "/authorizerId": updated.AuthorizerId = patch.Value; break;
                case "/apiKeyRequired": updated.ApiKeyRequired = PatchOperations.Bool(patch); break;
                case "/requestValidatorId": updated.RequestValidatorId = string.IsNullOrEmpty(patch.Value) ? null : patch.Value; break;
                default: updated.OperationName = patch.Value; break;
            }
        }
        if (!AuthorizationTypes.Contains(updated.AuthorizationType))
        {
            throw ApiGatewayErrors.BadRequest("Invalid authorization type specified. Valid options are NONE,AWS_IAM,CUSTOM,COGNITO_USER_POOLS");
        }
        if (!CheckAuthorizer(api, updated.AuthorizationType, updated.AuthorizerId))
        {
            // An authorizer ID means nothing without CUSTOM or COGNITO_USER_POOLS: AWS drops it.
            updated.AuthorizerId = null;
        }
        CheckUniqueParameterNames(updated.RequestParameters?.Keys);
        CheckValidatorAndModels(api, updated.RequestValidatorId, updated.RequestModels);
        updated.RequestParameters = updated.RequestParameters is { Count: > 0 } parameters ? parameters : null;
        updated.RequestModels = updated.RequestModels is { Count: > 0 } models ? models : null;
        resource.Methods[method.HttpMethod!] = updated;
        return ApiGatewayJson.Clone(updated);
    });

    private static readonly string[] MethodPatchPaths = ["/authorizationType", "/authorizerId", "/apiKeyRequired", "/requestValidatorId", "/operationName"];

    /// <summary>
    /// The request parameter or model a method patch path names; a media type must escape its
    /// slash (<c>/requestModels/application~1json</c>), so a raw one makes the path invalid.
    /// </summary>
    private static string? MethodMapEntry(string path) =>
        (path.StartsWith("/requestParameters/", StringComparison.Ordinal) || path.StartsWith("/requestModels/", StringComparison.Ordinal))
        && path.IndexOf('/', 1) is var slash && path.IndexOf('/', slash + 1) < 0 && path.Length > slash + 1
            ? path[(slash + 1)..]
            : null;

    /// <summary>
    /// Methods, integrations, their responses and test invocations look the API and the resource
    /// up as one: an unknown API answers as an unknown resource (AWS's recorded answer), unlike
    /// the API's other sub-resources.
    /// </summary>
    private static (RestApiState Api, RestResource Resource) GetMethodResource(ApiGatewayRegion region, string? restApiId, string? resourceId)
    {
        if (restApiId is null || !region.RestApis.TryGetValue(restApiId, out var api))
        {
            throw ApiGatewayErrors.ResourceNotFound();
        }
        return (api, GetResource(api, resourceId));
    }

    /// <summary>
    /// CUSTOM and COGNITO_USER_POOLS need an authorizer of the API of the matching kind; returns
    /// whether the authorization type uses one.
    /// </summary>
    private static bool CheckAuthorizer(RestApiState api, string? authorizationType, string? authorizerId)
    {
        if (authorizationType is not ("CUSTOM" or "COGNITO_USER_POOLS"))
        {
            return false;
        }
        if (authorizerId is null || !api.Authorizers.TryGetValue(authorizerId, out var authorizer)
            || (authorizer.Type == "COGNITO_USER_POOLS") != (authorizationType == "COGNITO_USER_POOLS"))
        {
            throw ApiGatewayErrors.BadRequest(
                "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.");
        }
        return true;
    }

    /// <summary>A request parameter's name is unique across its querystring, header and path locations.</summary>
    private static void CheckUniqueParameterNames(IEnumerable<string>? parameters)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in parameters ?? [])
        {
            var parts = key.Split('.', 4);
            if (parts is ["method", "request", "querystring" or "header" or "path", var name] && !names.Add(name))
            {
                throw ApiGatewayErrors.BadRequest("Parameter names must be unique across querystring, header and path");
            }
        }
    }

    /// <summary>A method's request validator and request models must exist in the API.</summary>
    private static void CheckValidatorAndModels(RestApiState api, string? validatorId, Dictionary<string, string>? models)
    {
        if (!string.IsNullOrEmpty(validatorId) && !api.Validators.ContainsKey(validatorId))
        {
            throw ApiGatewayErrors.BadRequest("Invalid Request Validator identifier specified");
        }
        foreach (var name in models?.Values.AsEnumerable() ?? [])
        {
            if (!api.Models.ContainsKey(name))
            {
                throw ApiGatewayErrors.BadRequest($"Invalid model identifier specified: {name}");
            }
        }
    }

    public Method GetMethod(RequestScope scope, GetMethodRequest request) => Locked(scope, region =>
        ApiGatewayJson.Clone(GetMethod(GetMethodResource(region, request.RestApiId, request.ResourceId).Resource, request.HttpMethod)));

    public void DeleteMethod(RequestScope scope, DeleteMethodRequest request) => Locked(scope, region =>
    {
        var resource = GetMethodResource(region, request.RestApiId, request.ResourceId).Resource;
        GetMethod(resource, request.HttpMethod);
        resource.Methods.Remove(request.HttpMethod!);
    });

    public MethodResponse PutMethodResponse(RequestScope scope, PutMethodResponseRequest request) => Locked(scope, region =>
    {
        var method = GetMethod(GetMethodResource(region, request.RestApiId, request.ResourceId).Resource, request.HttpMethod);
        var response = new MethodResponse
        {
            StatusCode = request.StatusCode,
            ResponseParameters = request.ResponseParameters is { Count: > 0 } parameters ? new(parameters) : null,
            ResponseModels = request.ResponseModels is { Count: > 0 } models ? new(models) : null,
        };
        (method.MethodResponses ??= new(StringComparer.Ordinal))[request.StatusCode!] = response;
        return ApiGatewayJson.Clone(response);
    });

    public MethodResponse GetMethodResponse(RequestScope scope, GetMethodResponseRequest request) => Locked(scope, region =>
    {
        var method = GetMethod(GetMethodResource(region, request.RestApiId, request.ResourceId).Resource, request.HttpMethod);
        return method.MethodResponses?.GetValueOrDefault(request.StatusCode!) is { } response
            ? ApiGatewayJson.Clone(response)
            : throw ApiGatewayErrors.ResponseNotFound();
    });

    /// <summary>
    /// UpdateMethodResponse: <c>add</c>, <c>replace</c> or <c>remove</c> of one response header
    /// (<c>/responseParameters/method.response.header.X</c>, a boolean: required) or response model.
    /// </summary>
    public MethodResponse UpdateMethodResponse(RequestScope scope, UpdateMethodResponseRequest request) => Locked(scope, region =>
    {
        var (api, resource) = GetMethodResource(region, request.RestApiId, request.ResourceId);
        var method = GetMethod(resource, request.HttpMethod);
        var existing = method.MethodResponses?.GetValueOrDefault(request.StatusCode!) ?? throw ApiGatewayErrors.ResponseNotFound();
        var updated = ApiGatewayJson.Clone(existing);
        foreach (var patch in request.PatchOperations ?? [])
        {
            var path = patch.Path ?? "";
            if (MapEntry(path, "/responseParameters/") is { } parameter && patch.Op is "add" or "replace" or "remove")
            {
                var headers = updated.ResponseParameters ??= new(StringComparer.Ordinal);
                if (patch.Op != "add" && !headers.ContainsKey(parameter))
                {
                    throw ApiGatewayErrors.NotFound("Invalid parameter name specified");
                }
                if (patch.Op == "remove")
                {
                    headers.Remove(parameter);
                }
                else
                {
                    headers[parameter] = PatchOperations.Bool(patch);
                }
                continue;
            }
            if (MapEntry(path, "/responseModels/") is { } mediaType && patch.Op != "add"
                && updated.ResponseModels?.ContainsKey(mediaType) != true)
            {
                throw ApiGatewayErrors.NotFound("Content-Type specified was not found");
            }
            if (PatchMapEntry(patch, "/responseModels/", () => updated.ResponseModels ??= new(StringComparer.Ordinal)))
            {
                continue;
            }
            throw ApiGatewayErrors.BadRequest($"Invalid patch path {path}");
        }
        CheckValidatorAndModels(api, null, updated.ResponseModels);
        updated.ResponseParameters = updated.ResponseParameters is { Count: > 0 } parameters ? parameters : null;
        updated.ResponseModels = updated.ResponseModels is { Count: > 0 } models ? models : null;
        method.MethodResponses![request.StatusCode!] = updated;
        return ApiGatewayJson.Clone(updated);
    });

    public void DeleteMethodResponse(RequestScope scope, DeleteMethodResponseRequest request) => Locked(scope, region =>
    {
        var method = GetMethod(GetMethodResource(region, request.RestApiId, request.ResourceId).Resource, request.HttpMethod);
        if (method.MethodResponses?.Remove(request.StatusCode!) != true)
        {
            throw ApiGatewayErrors.ResponseNotFound();
        }
    });
}
