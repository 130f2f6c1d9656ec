using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.ApiGateway.Model;

namespace FakeAws.Engine.ApiGateway.OpenApi;

/// <summary>What a GetExport includes besides the plain OpenAPI definition, from its <c>extensions</c> parameter.</summary>
/// <param name="Integrations"><c>x-amazon-apigateway-integration</c> on every method.</param>
/// <param name="Authorizers"><c>x-amazon-apigateway-authorizer</c> on the authorizers' security schemes.</param>
/// <param name="ApiGateway">Every API Gateway extension: the two above and the API-level ones.</param>
internal sealed record ExportExtensions(bool Integrations, bool Authorizers, bool ApiGateway)
{
    /// <summary>Reads <c>extensions</c>, a comma-separated list of integrations, authorizers, apigateway and postman.</summary>
    public static ExportExtensions Parse(string? extensions)
    {
        var names = (extensions ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant()).ToHashSet();
        var all = names.Contains("apigateway");
        return new ExportExtensions(all || names.Contains("integrations"), all || names.Contains("authorizers"), all);
    }
}

/// <summary>
/// Writes a deployed stage of a REST API as API Gateway exports it: OpenAPI 3.0.1 (<c>oas30</c>) or
/// Swagger 2.0 (<c>swagger</c>), with the deployment's frozen resources, its models as schemas, the
/// stage in the server URL or base path, and API Gateway's <c>x-amazon-apigateway-*</c> extensions
/// when asked for.
/// </summary>
internal sealed class OpenApiExporter(RestApi api, RestApiSnapshot deployment, DateTimeOffset deployedAt, string stageName, string region, ExportExtensions extensions)
{
    private bool IsOas30 { get; init; }

    /// <summary>The export of the stage; <paramref name="documentation"/> is the stage's published documentation version, if any.</summary>
    public static JsonObject Export(bool oas30, RestApi api, RestApiSnapshot deployment, DateTimeOffset deployedAt, string stageName, string region,
        ExportExtensions extensions, DocumentationSnapshot? documentation) =>
        new OpenApiExporter(api, deployment, deployedAt, stageName, region, extensions) { IsOas30 = oas30 }.Build(documentation);

    private string SchemaPrefix => IsOas30 ? "#/components/schemas/" : "#/definitions/";

    private JsonObject Build(DocumentationSnapshot? documentation)
    {
        var root = new JsonObject();
        if (IsOas30)
        {
            root["openapi"] = "3.0.1";
        }
        else
        {
            root["swagger"] = "2.0";
        }
        root["info"] = Info();
        var host = $"{api.Id}.execute-api.{region}.amazonaws.com";
        if (IsOas30)
        {
            root["servers"] = new JsonArray(new JsonObject
            {
                ["url"] = $"https://{host}/{{basePath}}",
                ["variables"] = new JsonObject { ["basePath"] = new JsonObject { ["default"] = stageName } },
            });
        }
        else
        {
            root["host"] = host;
            root["basePath"] = "/" + stageName;
            root["schemes"] = new JsonArray("https");
        }
        var schemes = new JsonObject();
        root["paths"] = Paths(schemes);
        var schemas = Schemas();
        if (IsOas30)
        {
            var components = new JsonObject();
            if (schemas.Count > 0)
            {
                components["schemas"] = schemas;
            }
            if (schemes.Count > 0)
            {
                components["securitySchemes"] = schemes;
            }
            if (components.Count > 0)
            {
                root["components"] = components;
            }
        }
        else
        {
            if (schemes.Count > 0)
            {
                root["securityDefinitions"] = schemes;
            }
            if (schemas.Count > 0)
            {
                root["definitions"] = schemas;
            }
        }
        if (extensions.ApiGateway)
        {
            AddApiExtensions(root, documentation);
        }
        return root;
    }

    private JsonObject Info()
    {
        var info = new JsonObject { ["title"] = api.Name };
        if (!string.IsNullOrEmpty(api.Description))
        {
            info["description"] = api.Description;
        }
        // The API's version when it has one, else the deployment's date, as API Gateway fills it in.
        info["version"] = api.Version ?? deployedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return info;
    }

    private JsonObject Paths(JsonObject schemes)
    {
        var paths = new JsonObject();
        foreach (var resource in deployment.Resources.Where(r => r.Methods.Count > 0).OrderBy(r => r.Path, StringComparer.Ordinal))
        {
            var item = new JsonObject();
            foreach (var (verb, method) in resource.Methods.OrderBy(m => OpenApiNames.MethodOrder(m.Key)))
            {
                item[OpenApiNames.OperationKey(verb)] = Operation(resource, method, schemes);
            }
            paths[resource.Path] = item;
        }
        return paths;
    }

    private JsonObject Operation(DeployedResource resource, Method method, JsonObject schemes)
    {
        var operation = new JsonObject();
        if (!string.IsNullOrEmpty(method.OperationName))
        {
            operation["operationId"] = method.OperationName;
        }
        var parameters = Parameters(method);
        if (!IsOas30 && method.RequestModels is { Count: > 0 } consumed)
        {
            operation["consumes"] = new JsonArray([.. consumed.Keys.Select(k => (JsonNode?)k)]);
        }
        var produced = (method.MethodResponses ?? []).Values.SelectMany(r => r.ResponseModels?.Keys ?? Enumerable.Empty<string>()).Distinct().ToList();
        if (!IsOas30 && produced.Count > 0)
        {
            operation["produces"] = new JsonArray([.. produced.Select(k => (JsonNode?)k)]);
        }
        if (!IsOas30 && method.RequestModels is { Count: > 0 } models)
        {
            var model = models.Values.First();
            parameters.Add(new JsonObject { ["in"] = "body", ["name"] = model, ["required"] = true, ["schema"] = Ref(model) });
        }
        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }
        if (IsOas30 && method.RequestModels is { Count: > 0 } bodies)
        {
            operation["requestBody"] = new JsonObject
            {
                ["content"] = Content(bodies),
                ["required"] = true,
            };
        }
        operation["responses"] = Responses(method);
        if (Security(method, schemes) is { } security)
        {
            operation["security"] = security;
        }
        if (extensions.ApiGateway && method.RequestValidatorId is { } validatorId && deployment.Validators.TryGetValue(validatorId, out var validator))
        {
            operation["x-amazon-apigateway-request-validator"] = validator.Name;
        }
        if (extensions.Integrations && method.MethodIntegration is { } integration)
        {
            operation["x-amazon-apigateway-integration"] = OpenApiExtensions.Integration(integration);
        }
        return operation;
    }

    private JsonArray Parameters(Method method)
    {
        var parameters = new JsonArray();
        foreach (var (key, required) in method.RequestParameters ?? [])
        {
            if (OpenApiNames.ParameterLocation(key) is not var (location, name))
            {
                continue;
            }
            var parameter = new JsonObject { ["name"] = name, ["in"] = location };
            var isRequired = location == "path" || required == true;
            if (IsOas30)
            {
                if (isRequired)
                {
                    parameter["required"] = true;
                }
                parameter["schema"] = new JsonObject { ["type"] = "string" };
            }
            else
            {
                parameter["required"] = isRequired;
                parameter["type"] = "string";
            }
            parameters.Add(parameter);
        }
        return parameters;
    }

    private JsonObject Responses(Method method)
    {
        var responses = new JsonObject();
        foreach (var (status, response) in method.MethodResponses ?? [])
        {
            var exported = new JsonObject { ["description"] = $"{status} response" };
            if (response.ResponseModels is { Count: > 0 } models)
            {
                if (IsOas30)
                {
                    exported["content"] = Content(models);
                }
                else
                {
                    exported["schema"] = Ref(models.Values.First());
                }
            }
            var headers = new JsonObject();
            foreach (var header in (response.ResponseParameters ?? []).Keys.Where(k => k.StartsWith(OpenApiNames.ResponseHeader, StringComparison.Ordinal)))
            {
                headers[header[OpenApiNames.ResponseHeader.Length..]] = IsOas30
                    ? new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } }
                    : new JsonObject { ["type"] = "string" };
            }
            if (headers.Count > 0)
            {
                exported["headers"] = headers;
            }
            responses[status] = exported;
        }
        return responses;
    }

    private JsonObject Content(Dictionary<string, string> models)
    {
        var content = new JsonObject();
        foreach (var (contentType, model) in models)
        {
            content[contentType] = new JsonObject { ["schema"] = Ref(model) };
        }
        return content;
    }

    private JsonObject Ref(string model) => new() { ["$ref"] = SchemaPrefix + model };

    /// <summary>The method's security requirement; adds the scheme it names to <paramref name="schemes"/>.</summary>
    private JsonArray? Security(Method method, JsonObject schemes)
    {
        var requirement = new JsonObject();
        switch (method.AuthorizationType)
        {
            case "AWS_IAM":
                schemes["sigv4"] ??= new JsonObject
                {
                    ["type"] = "apiKey",
                    ["name"] = "Authorization",
                    ["in"] = "header",
                    ["x-amazon-apigateway-authtype"] = "awsSigv4",
                };
                requirement["sigv4"] = new JsonArray();
                break;
            case "CUSTOM" or "COGNITO_USER_POOLS" when method.AuthorizerId is { } id && deployment.Authorizers.TryGetValue(id, out var authorizer):
                schemes[authorizer.Name!] ??= AuthorizerScheme(authorizer);
                requirement[authorizer.Name!] = new JsonArray([.. (method.AuthorizationScopes ?? []).Select(s => (JsonNode?)s)]);
                break;
        }
        if (method.ApiKeyRequired == true)
        {
            schemes["api_key"] ??= new JsonObject { ["type"] = "apiKey", ["name"] = "x-api-key", ["in"] = "header" };
            requirement["api_key"] = new JsonArray();
        }
        return requirement.Count > 0 ? new JsonArray(requirement) : null;
    }

    private JsonObject AuthorizerScheme(Authorizer authorizer)
    {
        var header = authorizer.Type == "REQUEST" ? "Unused"
            : authorizer.IdentitySource?.StartsWith(OpenApiNames.RequestHeader, StringComparison.Ordinal) == true
                ? authorizer.IdentitySource[OpenApiNames.RequestHeader.Length..]
                : "Authorization";
        var scheme = new JsonObject
        {
            ["type"] = "apiKey",
            ["name"] = header,
            ["in"] = "header",
            ["x-amazon-apigateway-authtype"] = authorizer.Type == "COGNITO_USER_POOLS" ? "cognito_user_pools" : "custom",
        };
        if (extensions.Authorizers)
        {
            scheme["x-amazon-apigateway-authorizer"] = OpenApiExtensions.Authorizer(authorizer);
        }
        return scheme;
    }

    /// <summary>The deployment's models, with references to other models of the API pointing into the document.</summary>
    private JsonObject Schemas()
    {
        var schemas = new JsonObject();
        foreach (var model in deployment.Models.Values)
        {
            if (model.Schema is null || OpenApiExtensions.ParseObject(model.Schema) is not { } schema)
            {
                continue;
            }
            schema.Remove("$schema");
            schemas[model.Name!] = OpenApiExtensions.RewriteModelRefs(schema, modelName => SchemaPrefix + modelName);
        }
        return schemas;
    }

    private void AddApiExtensions(JsonObject root, DocumentationSnapshot? documentation)
    {
        if (deployment.GatewayResponses.Count > 0)
        {
            var responses = new JsonObject();
            foreach (var (type, response) in deployment.GatewayResponses)
            {
                responses[type] = OpenApiExtensions.GatewayResponse(response);
            }
            root["x-amazon-apigateway-gateway-responses"] = responses;
        }
        if (deployment.Validators.Count > 0)
        {
            var validators = new JsonObject();
            foreach (var validator in deployment.Validators.Values)
            {
                validators[validator.Name!] = new JsonObject
                {
                    ["validateRequestParameters"] = validator.ValidateRequestParameters ?? false,
                    ["validateRequestBody"] = validator.ValidateRequestBody ?? false,
                };
            }
            root["x-amazon-apigateway-request-validators"] = validators;
        }
        if (deployment.BinaryMediaTypes.Count > 0)
        {
            root["x-amazon-apigateway-binary-media-types"] = new JsonArray([.. deployment.BinaryMediaTypes.Select(t => (JsonNode?)t)]);
        }
        if (deployment.Policy is { } policy && OpenApiExtensions.ParseObject(policy) is { } document)
        {
            root["x-amazon-apigateway-policy"] = document;
        }
        if (api.MinimumCompressionSize is { } size)
        {
            root["x-amazon-apigateway-minimum-compression-size"] = size;
        }
        root["x-amazon-apigateway-api-key-source"] = deployment.ApiKeySource;
        if (documentation is not null)
        {
            root["x-amazon-apigateway-documentation"] = new JsonObject
            {
                ["version"] = documentation.Version.Version,
                ["documentationParts"] = new JsonArray([.. documentation.Parts.Select(p => (JsonNode?)new JsonObject
                {
                    ["location"] = JsonSerializer.SerializeToNode(p.Location, ApiGatewayJson.Options),
                    ["properties"] = OpenApiExtensions.ParseObject(p.Properties ?? "{}"),
                })]),
            };
        }
    }
}
