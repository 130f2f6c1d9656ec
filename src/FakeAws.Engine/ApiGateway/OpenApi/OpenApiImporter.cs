using System.Text;
using System.Text.Json.Nodes;
using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.OpenApi;

/// <summary>
/// Builds a REST API from a Swagger 2.0 or OpenAPI 3.0 definition, as ImportRestApi and PutRestApi
/// do: models from the definitions or component schemas, authorizers from the security schemes,
/// request validators and gateway responses from API Gateway's extensions, then a resource per path
/// and a method per operation with its parameters, request body, responses and
/// <c>x-amazon-apigateway-integration</c>. Every piece goes through the management operation that
/// would create it by hand, so it is checked the same way; a piece refused is an error of the import
/// (BadRequestException "Errors found during import"), a part of the definition API Gateway cannot
/// use is a warning (refused only with failOnWarnings).
/// </summary>
internal sealed class OpenApiImporter(ApiGatewayEngine engine, RequestScope scope, string restApiId, JsonObject document, ImportParameters parameters, bool failOnWarnings)
{
    private const string ApiKeyHeader = "x-api-key";

    private readonly List<string> _warnings = [];
    private readonly List<string> _errors = [];
    private readonly Dictionary<string, string> _validators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Authorizer> _authorizers = new(StringComparer.Ordinal);

    private bool IsOas30 => document.ContainsKey("openapi");

    private JsonObject SecuritySchemes =>
        (IsOas30 ? (document["components"] as JsonObject)?["securitySchemes"] : document["securityDefinitions"]) as JsonObject ?? [];

    private JsonObject Schemas => (IsOas30 ? (document["components"] as JsonObject)?["schemas"] : document["definitions"]) as JsonObject ?? [];

    /// <summary>The API's name from the definition's <c>info.title</c>.</summary>
    public static string Title(JsonObject document) =>
        (document["info"] as JsonObject) is { } info && OpenApiExtensions.Text(info, "title") is { Length: > 0 } title
            ? title
            : throw ApiGatewayErrors.BadRequest("Invalid OpenAPI input: the API's info.title is missing.");

    /// <summary>The endpoint type of <c>x-amazon-apigateway-endpoint-configuration</c>, if the definition has one.</summary>
    public static string? EndpointType(JsonObject document) =>
        document["x-amazon-apigateway-endpoint-configuration"] is JsonObject configuration && configuration["types"] is JsonArray { Count: > 0 } types
            ? types[0]?.ToString()
            : null;

    /// <summary>Imports the definition; <paramref name="merge"/> keeps what the API has, otherwise it is replaced. Returns the warnings.</summary>
    public List<string> Import(bool merge)
    {
        CheckStructure();
        if (_warnings.Count > 0 && failOnWarnings)
        {
            throw ApiGatewayErrors.BadRequest($"Warnings found during import:\n\t{string.Join("\n\t", _warnings)}");
        }
        if (!merge)
        {
            engine.ClearDefinition(scope, restApiId);
        }
        ApplySettings(replace: !merge);
        ImportModels();
        ImportValidators();
        ImportAuthorizers();
        ImportGatewayResponses();
        ImportPaths();
        if (_errors.Count == 0)
        {
            ImportDocumentation(merge);
        }
        if (_errors.Count > 0)
        {
            throw ApiGatewayErrors.BadRequest($"Errors found during import:\n\t{string.Join("\n\t", _errors)}");
        }
        return _warnings;
    }

    /// <summary>Parse issues, reported as API Gateway reports them, before anything changes.</summary>
    private void CheckStructure()
    {
        if (document["paths"] is not JsonObject paths)
        {
            _warnings.Add("Parse issue: attribute paths is missing");
            return;
        }
        foreach (var (path, item) in paths)
        {
            if (item is not JsonObject operations)
            {
                continue;
            }
            foreach (var (key, operation) in operations)
            {
                if (OpenApiNames.HttpMethod(key) is not null && operation is JsonObject op && op["responses"] is not JsonObject)
                {
                    _warnings.Add($"Parse issue: attribute paths.'{path}'({key}).responses is missing");
                }
            }
        }
    }

    private void ApplySettings(bool replace)
    {
        var info = document["info"] as JsonObject ?? [];
        var patches = new List<PatchOperation>();
        if (replace)
        {
            patches.Add(Replace("/name", Title(document)));
        }
        if (OpenApiExtensions.Text(info, "description") is { Length: > 0 } description)
        {
            patches.Add(Replace("/description", description));
        }
        if (document["x-amazon-apigateway-api-key-source"] is JsonValue source)
        {
            patches.Add(Replace("/apiKeySource", source.ToString()));
        }
        if (document["x-amazon-apigateway-policy"] is { } policy)
        {
            patches.Add(Replace("/policy", policy is JsonValue text && text.TryGetValue<string>(out var s) ? s : policy.ToJsonString()));
        }
        if (document["x-amazon-apigateway-minimum-compression-size"] is JsonValue size)
        {
            patches.Add(Replace("/minimumCompressionSize", size.ToString()));
        }
        foreach (var type in (document["x-amazon-apigateway-binary-media-types"] as JsonArray ?? []).OfType<JsonValue>())
        {
            patches.Add(new PatchOperation { Op = "add", Path = "/binaryMediaTypes/" + type.ToString().Replace("~", "~0").Replace("/", "~1") });
        }
        if (patches.Count > 0)
        {
            Try("Unable to update the API's settings", () => engine.UpdateRestApi(scope, new UpdateRestApiRequest { RestApiId = restApiId, PatchOperations = patches }));
        }
        if (OpenApiExtensions.Text(info, "version") is { } version)
        {
            engine.SetVersion(scope, restApiId, version);
        }
    }

    private static PatchOperation Replace(string path, string value) => new() { Op = "replace", Path = path, Value = value };

    private void ImportModels()
    {
        var existing = engine.GetModels(scope, new GetModelsRequest { RestApiId = restApiId, Limit = 500 }).Items!.Select(m => m.Name!).ToHashSet();
        foreach (var (name, schema) in Schemas)
        {
            if (schema is null)
            {
                continue;
            }
            var text = OpenApiExtensions.ImportModelRefs(schema, restApiId).ToJsonString();
            Try($"Unable to create model for '{name}'", () =>
            {
                if (existing.Contains(name))
                {
                    engine.UpdateModel(scope, new UpdateModelRequest { RestApiId = restApiId, ModelName = name, PatchOperations = [Replace("/schema", text)] });
                }
                else
                {
                    engine.CreateModel(scope, new CreateModelRequest { RestApiId = restApiId, Name = name, ContentType = "application/json", Schema = text });
                }
            });
        }
    }

    private void ImportValidators()
    {
        var existing = engine.GetRequestValidators(scope, new GetRequestValidatorsRequest { RestApiId = restApiId, Limit = 500 }).Items!;
        foreach (var (name, node) in document["x-amazon-apigateway-request-validators"] as JsonObject ?? [])
        {
            var settings = node as JsonObject ?? [];
            var body = settings["validateRequestBody"] is JsonValue b && b.TryGetValue<bool>(out var validateBody) && validateBody;
            var parameters = settings["validateRequestParameters"] is JsonValue p && p.TryGetValue<bool>(out var validateParameters) && validateParameters;
            if (existing.FirstOrDefault(v => v.Name == name) is { } old)
            {
                engine.DeleteRequestValidator(scope, new DeleteRequestValidatorRequest { RestApiId = restApiId, RequestValidatorId = old.Id });
            }
            Try($"Unable to create request validator '{name}'", () => _validators[name] = engine.CreateRequestValidator(scope, new CreateRequestValidatorRequest
            {
                RestApiId = restApiId,
                Name = name,
                ValidateRequestBody = body,
                ValidateRequestParameters = parameters,
            }).Id!);
        }
    }

    private void ImportAuthorizers()
    {
        var existing = engine.GetAuthorizers(scope, new GetAuthorizersRequest { RestApiId = restApiId, Limit = 500 }).Items!;
        foreach (var (name, node) in SecuritySchemes)
        {
            if (node is not JsonObject scheme || scheme["x-amazon-apigateway-authorizer"] is not JsonObject extension)
            {
                continue;
            }
            var header = OpenApiExtensions.Text(scheme, "in") == "header" ? OpenApiExtensions.Text(scheme, "name") : null;
            var authorizer = OpenApiExtensions.ReadAuthorizer(name, extension, header);
            if (existing.FirstOrDefault(a => a.Name == name) is { } old)
            {
                _authorizers[name] = old;
                continue;
            }
            Try($"Unable to create authorizer '{name}'", () => _authorizers[name] = engine.CreateAuthorizer(scope, new CreateAuthorizerRequest
            {
                RestApiId = restApiId,
                Name = name,
                Type = authorizer.Type,
                AuthorizerUri = authorizer.AuthorizerUri,
                AuthorizerCredentials = authorizer.AuthorizerCredentials,
                ProviderARNs = authorizer.ProviderARNs,
                IdentitySource = authorizer.IdentitySource,
                IdentityValidationExpression = authorizer.IdentityValidationExpression,
                AuthorizerResultTtlInSeconds = authorizer.AuthorizerResultTtlInSeconds,
            }));
        }
    }

    private void ImportGatewayResponses()
    {
        foreach (var (type, node) in document["x-amazon-apigateway-gateway-responses"] as JsonObject ?? [])
        {
            var response = node as JsonObject ?? [];
            Try($"Unable to put gateway response '{type}'", () => engine.PutGatewayResponse(scope, new PutGatewayResponseRequest
            {
                RestApiId = restApiId,
                ResponseType = type,
                StatusCode = OpenApiExtensions.Text(response, "statusCode"),
                ResponseParameters = OpenApiExtensions.Map(response, "responseParameters"),
                ResponseTemplates = OpenApiExtensions.Map(response, "responseTemplates"),
            }));
        }
    }

    private void ImportPaths()
    {
        var prefix = parameters.Prefix(DefinitionBasePath());
        foreach (var (path, node) in document["paths"] as JsonObject ?? [])
        {
            if (node is not JsonObject item)
            {
                continue;
            }
            var fullPath = (prefix + (path == "/" ? "" : path)) is { Length: > 0 } joined ? joined : "/";
            if (ResourceAt(fullPath) is not { } resourceId)
            {
                continue;
            }
            var shared = item["parameters"] as JsonArray ?? [];
            foreach (var (key, operation) in item)
            {
                if (OpenApiNames.HttpMethod(key) is { } httpMethod && operation is JsonObject op)
                {
                    ImportOperation(fullPath, resourceId, httpMethod, op, shared);
                }
            }
        }
    }

    /// <summary>
    /// The base path of a Swagger definition; of an OpenAPI 3 definition, the default of the first
    /// <c>basePath</c> server variable, else the path of the first server URL (its variables at their
    /// defaults), as AWS's "Set the OpenAPI basePath property" describes.
    /// </summary>
    private string? DefinitionBasePath()
    {
        if (!IsOas30)
        {
            return OpenApiExtensions.Text(document, "basePath");
        }
        var servers = (document["servers"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (servers.Select(s => (s["variables"] as JsonObject)?["basePath"] as JsonObject).FirstOrDefault(v => v is not null) is { } variable)
        {
            return OpenApiExtensions.Text(variable, "default");
        }
        if (servers.FirstOrDefault() is not { } server || OpenApiExtensions.Text(server, "url") is not { } url)
        {
            return null;
        }
        foreach (var (name, value) in server["variables"] as JsonObject ?? [])
        {
            url = url.Replace("{" + name + "}", value is JsonObject v ? OpenApiExtensions.Text(v, "default") : "");
        }
        var start = url.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 ? url.IndexOf('/', scheme + 3) : url.IndexOf('/');
        return start < 0 ? null : url[start..];
    }

    /// <summary>The resource at <paramref name="path"/>, creating the missing ones along it.</summary>
    private string? ResourceAt(string path)
    {
        var resources = engine.GetResources(scope, new GetResourcesRequest { RestApiId = restApiId, Limit = 500 }).Items!;
        var current = resources.First(r => r.ParentId is null);
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var parent = current;
            current = resources.FirstOrDefault(r => r.ParentId == parent.Id && r.PathPart == part)!;
            if (current is null)
            {
                Resource? created = null;
                Try($"Unable to create resource at path '{path}'", () => created = engine.CreateResource(scope, new CreateResourceRequest { RestApiId = restApiId, ParentId = parent.Id, PathPart = part }));
                if (created is null)
                {
                    return null;
                }
                current = created;
                resources.Add(created);
            }
        }
        return current.Id;
    }

    private void ImportOperation(string path, string resourceId, string httpMethod, JsonObject operation, JsonArray shared)
    {
        var verb = httpMethod;
        var (authorization, authorizerId, scopes, apiKey) = Security(operation["security"] as JsonArray ?? document["security"] as JsonArray);
        var requestParameters = new Dictionary<string, bool?>(StringComparer.Ordinal);
        var requestModels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in shared.Concat(operation["parameters"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var location = OpenApiExtensions.Text(parameter, "in");
            var name = OpenApiExtensions.Text(parameter, "name") ?? "";
            if (location == "body")
            {
                if (ModelName(parameter["schema"]) is { } model)
                {
                    foreach (var contentType in Consumes(operation))
                    {
                        requestModels[contentType] = model;
                    }
                }
                continue;
            }
            if (OpenApiNames.RequestParameter(location, name) is { } key)
            {
                requestParameters[key] = parameter["required"] is JsonValue r && r.TryGetValue<bool>(out var required) && required;
            }
        }
        AddContentModels(requestModels, (operation["requestBody"] as JsonObject)?["content"]);
        var validatorName = OpenApiExtensions.Text(operation, "x-amazon-apigateway-request-validator")
            ?? OpenApiExtensions.Text(document, "x-amazon-apigateway-request-validator");
        var where = $"'{verb}' on resource at path '{path}'";
        engine.RemoveMethod(scope, restApiId, resourceId, httpMethod);
        var put = Try($"Unable to put method {where}", () => engine.PutMethod(scope, new PutMethodRequest
        {
            RestApiId = restApiId,
            ResourceId = resourceId,
            HttpMethod = httpMethod,
            AuthorizationType = authorization,
            AuthorizerId = authorizerId,
            AuthorizationScopes = scopes,
            ApiKeyRequired = apiKey,
            OperationName = OpenApiExtensions.Text(operation, "operationId"),
            RequestParameters = requestParameters,
            RequestModels = requestModels,
            RequestValidatorId = validatorName is not null ? _validators.GetValueOrDefault(validatorName) : null,
        }));
        if (!put)
        {
            return;
        }
        foreach (var (status, node) in operation["responses"] as JsonObject ?? [])
        {
            if (node is JsonObject response && status.Length == 3 && status.All(char.IsAsciiDigit))
            {
                Try($"Unable to put method response {status} on {where}", () => engine.PutMethodResponse(scope, new PutMethodResponseRequest
                {
                    RestApiId = restApiId,
                    ResourceId = resourceId,
                    HttpMethod = httpMethod,
                    StatusCode = status,
                    ResponseParameters = (response["headers"] as JsonObject ?? []).ToDictionary(h => OpenApiNames.ResponseHeader + h.Key, _ => (bool?)false),
                    ResponseModels = ResponseModels(operation, response),
                }));
            }
        }
        if (operation["x-amazon-apigateway-integration"] is JsonObject extension)
        {
            ImportIntegration(where, resourceId, httpMethod, OpenApiExtensions.ReadIntegration(extension));
        }
    }

    private void ImportIntegration(string where, string resourceId, string httpMethod, Integration integration)
    {
        var put = Try($"Unable to put integration on {where}", () => engine.PutIntegration(scope, new PutIntegrationRequest
        {
            RestApiId = restApiId,
            ResourceId = resourceId,
            HttpMethod = httpMethod,
            Type = integration.Type,
            IntegrationHttpMethod = integration.HttpMethod,
            Uri = integration.Uri,
            Credentials = integration.Credentials,
            ConnectionType = integration.ConnectionType,
            ConnectionId = integration.ConnectionId,
            RequestParameters = integration.RequestParameters,
            RequestTemplates = integration.RequestTemplates,
            PassthroughBehavior = integration.PassthroughBehavior,
            ContentHandling = integration.ContentHandling,
            TimeoutInMillis = integration.TimeoutInMillis,
            CacheNamespace = integration.CacheNamespace,
            CacheKeyParameters = integration.CacheKeyParameters,
            TlsConfig = integration.TlsConfig,
        }));
        if (!put)
        {
            return;
        }
        foreach (var response in (integration.IntegrationResponses ?? []).Values)
        {
            Try($"Unable to put integration response on {where} for status {response.StatusCode}", () => engine.PutIntegrationResponse(scope, new PutIntegrationResponseRequest
            {
                RestApiId = restApiId,
                ResourceId = resourceId,
                HttpMethod = httpMethod,
                StatusCode = response.StatusCode,
                SelectionPattern = response.SelectionPattern,
                ResponseParameters = response.ResponseParameters,
                ResponseTemplates = response.ResponseTemplates,
                ContentHandling = response.ContentHandling,
            }));
        }
    }

    /// <summary>
    /// The method's authorization from its security requirement (or the definition's): an authorizer's
    /// scheme makes it CUSTOM or COGNITO_USER_POOLS, <c>awsSigv4</c> AWS_IAM, and the
    /// <c>x-api-key</c> header scheme requires an API key.
    /// </summary>
    private (string Type, string? AuthorizerId, List<string>? Scopes, bool ApiKey) Security(JsonArray? requirements)
    {
        var (type, authorizerId, scopes, apiKey) = ("NONE", (string?)null, (List<string>?)null, false);
        foreach (var (name, granted) in requirements?.OfType<JsonObject>().FirstOrDefault() ?? [])
        {
            var scheme = SecuritySchemes[name] as JsonObject ?? [];
            if (_authorizers.TryGetValue(name, out var authorizer))
            {
                type = authorizer.Type == "COGNITO_USER_POOLS" ? "COGNITO_USER_POOLS" : "CUSTOM";
                authorizerId = authorizer.Id;
                scopes = type == "COGNITO_USER_POOLS" && granted is JsonArray { Count: > 0 } list ? [.. list.Select(s => s?.ToString() ?? "")] : null;
            }
            else if (OpenApiExtensions.Text(scheme, "x-amazon-apigateway-authtype")?.Equals("awsSigv4", StringComparison.OrdinalIgnoreCase) == true)
            {
                type = "AWS_IAM";
            }
            else if (OpenApiExtensions.Text(scheme, "type") == "apiKey" && string.Equals(OpenApiExtensions.Text(scheme, "name"), ApiKeyHeader, StringComparison.OrdinalIgnoreCase))
            {
                apiKey = true;
            }
            else
            {
                _warnings.Add($"Unable to apply security scheme '{name}': it is not defined, or is not an API key, IAM or authorizer scheme");
            }
        }
        return (type, authorizerId, scopes, apiKey);
    }

    private Dictionary<string, string>? ResponseModels(JsonObject operation, JsonObject response)
    {
        var models = new Dictionary<string, string>(StringComparer.Ordinal);
        if (IsOas30)
        {
            AddContentModels(models, response["content"]);
        }
        else if (ModelName(response["schema"]) is { } model)
        {
            foreach (var contentType in Produces(operation))
            {
                models[contentType] = model;
            }
        }
        return models.Count > 0 ? models : null;
    }

    /// <summary>Adds the model of each media type of an OpenAPI 3 <c>content</c> object that references one.</summary>
    private static void AddContentModels(Dictionary<string, string> models, JsonNode? content)
    {
        foreach (var (contentType, media) in content as JsonObject ?? [])
        {
            if (ModelName((media as JsonObject)?["schema"]) is { } model)
            {
                models[contentType] = model;
            }
        }
    }

    private IEnumerable<string> Consumes(JsonObject operation) => MediaTypes(operation, "consumes");

    private IEnumerable<string> Produces(JsonObject operation) => MediaTypes(operation, "produces");

    /// <summary>A Swagger operation's media types, else the definition's, else JSON.</summary>
    private IEnumerable<string> MediaTypes(JsonObject operation, string member) =>
        (operation[member] ?? document[member]) is JsonArray { Count: > 0 } types ? types.Select(t => t?.ToString() ?? "application/json") : ["application/json"];

    /// <summary>The model a schema references (<c>#/definitions/Pet</c>, <c>#/components/schemas/Pet</c>); null for an inline schema.</summary>
    private static string? ModelName(JsonNode? schema) =>
        schema is JsonObject obj && OpenApiExtensions.Text(obj, "$ref") is { } reference && reference.StartsWith("#/", StringComparison.Ordinal)
            ? reference[(reference.LastIndexOf('/') + 1)..]
            : null;

    private void ImportDocumentation(bool merge)
    {
        if (parameters.IgnoreDocumentation || document["x-amazon-apigateway-documentation"] is not JsonObject documentation)
        {
            return;
        }
        var body = new JsonObject { ["x-amazon-apigateway-documentation"] = documentation.DeepClone() };
        var result = engine.ImportDocumentationParts(scope, new ImportDocumentationPartsRequest
        {
            RestApiId = restApiId,
            Mode = merge ? "merge" : "overwrite",
            FailOnWarnings = failOnWarnings,
            Body = Encoding.UTF8.GetBytes(body.ToJsonString()),
        });
        _warnings.AddRange(result.Warnings ?? []);
    }

    /// <summary>Runs one management operation of the import; its refusal becomes an error of the import.</summary>
    private bool Try(string what, Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (AwsServiceException e)
        {
            _errors.Add($"{what}: {e.Message}");
            return false;
        }
    }
}
