using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.ApiGateway.V2;
using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.OpenApi;

/// <summary>
/// Builds an HTTP API (v2) from an OpenAPI 3.0 definition, as ImportApi and ReimportApi do: an
/// authorizer per security scheme with <c>x-amazon-apigateway-authorizer</c> (jwt or request), a
/// route per path and method (<c>x-amazon-apigateway-any-method</c> is ANY, the path
/// <c>$default</c> the default route) with its integration from
/// <c>x-amazon-apigateway-integration</c>, and CORS from <c>x-amazon-apigateway-cors</c>. Each piece
/// goes through the management operation that makes it; a refused piece fails the import.
/// </summary>
internal sealed class HttpApiImporter(ApiGatewayV2Engine engine, RequestScope scope, string apiId, JsonObject document, string? basePath)
{
    private readonly List<string> _warnings = [];
    private readonly Dictionary<string, string> _authorizers = new(StringComparer.Ordinal);

    /// <summary>Reads an HTTP API definition: OpenAPI 3.0 in JSON or YAML, else BadRequestException.</summary>
    public static JsonObject Read(string? body) =>
        body is { Length: > 0 } && OpenApiDocuments.Parse(System.Text.Encoding.UTF8.GetBytes(body)) is { } document && document.ContainsKey("openapi")
            ? document
            : throw ApiGatewayErrors.BadRequest("Invalid OpenAPI input. HTTP APIs import OpenAPI 3.0 definitions.");

    /// <summary>Imports the definition into the (empty) API; returns the warnings.</summary>
    public List<string> Import()
    {
        var info = document["info"] as JsonObject ?? [];
        if (document["x-amazon-apigateway-cors"] is JsonObject cors)
        {
            engine.UpdateApi(scope, new UpdateApiRequest { ApiId = apiId, CorsConfiguration = cors.Deserialize<Cors>(ApiGatewayJson.Options) });
        }
        engine.UpdateApi(scope, new UpdateApiRequest
        {
            ApiId = apiId,
            Name = OpenApiExtensions.Text(info, "title"),
            Description = OpenApiExtensions.Text(info, "description"),
            Version = OpenApiExtensions.Text(info, "version"),
        });
        ImportAuthorizers();
        var prefix = new ImportParameters(null, basePath ?? "ignore", false).Prefix(ServerBasePath());
        foreach (var (path, node) in document["paths"] as JsonObject ?? [])
        {
            foreach (var (key, operation) in node as JsonObject ?? [])
            {
                if (OpenApiNames.HttpMethod(key) is { } method && operation is JsonObject op)
                {
                    ImportRoute(path == "$default" ? "$default" : $"{method} {prefix}{path}", op);
                }
            }
        }
        return _warnings;
    }

    private string? ServerBasePath() =>
        (document["servers"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(s => (s["variables"] as JsonObject)?["basePath"] as JsonObject).FirstOrDefault(v => v is not null) is { } variable
            ? OpenApiExtensions.Text(variable, "default")
            : null;

    private void ImportAuthorizers()
    {
        var schemes = (document["components"] as JsonObject)?["securitySchemes"] as JsonObject ?? [];
        foreach (var (name, node) in schemes)
        {
            if (node is not JsonObject scheme || scheme["x-amazon-apigateway-authorizer"] is not JsonObject extension)
            {
                continue;
            }
            var jwt = OpenApiExtensions.Text(extension, "type")?.Equals("jwt", StringComparison.OrdinalIgnoreCase) == true;
            var sources = OpenApiExtensions.Text(extension, "identitySource")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            var created = engine.CreateAuthorizer(scope, new CreateAuthorizerRequest
            {
                ApiId = apiId,
                Name = name,
                AuthorizerType = jwt ? "JWT" : "REQUEST",
                IdentitySource = sources,
                JwtConfiguration = jwt ? (extension["jwtConfiguration"] as JsonObject)?.Deserialize<JWTConfiguration>(ApiGatewayJson.Options) : null,
                AuthorizerUri = OpenApiExtensions.Text(extension, "authorizerUri"),
                AuthorizerPayloadFormatVersion = OpenApiExtensions.Text(extension, "authorizerPayloadFormatVersion"),
                AuthorizerResultTtlInSeconds = int.TryParse(OpenApiExtensions.Text(extension, "authorizerResultTtlInSeconds"), out var ttl) ? ttl : null,
                EnableSimpleResponses = extension["enableSimpleResponses"] is JsonValue v && v.TryGetValue<bool>(out var simple) ? simple : null,
            });
            _authorizers[name] = created.AuthorizerId!;
        }
    }

    private void ImportRoute(string routeKey, JsonObject operation)
    {
        string? target = null;
        if (operation["x-amazon-apigateway-integration"] is JsonObject extension)
        {
            var integration = engine.CreateIntegration(scope, new CreateIntegrationRequest
            {
                ApiId = apiId,
                IntegrationType = OpenApiExtensions.Text(extension, "type")?.ToUpperInvariant(),
                IntegrationMethod = OpenApiExtensions.Text(extension, "httpMethod"),
                IntegrationUri = OpenApiExtensions.Text(extension, "uri"),
                PayloadFormatVersion = OpenApiExtensions.Text(extension, "payloadFormatVersion"),
                ConnectionType = OpenApiExtensions.Text(extension, "connectionType"),
                CredentialsArn = OpenApiExtensions.Text(extension, "credentials"),
                TimeoutInMillis = int.TryParse(OpenApiExtensions.Text(extension, "timeoutInMillis"), out var timeout) ? timeout : null,
                RequestParameters = OpenApiExtensions.Map(extension, "requestParameters"),
            });
            target = "integrations/" + integration.IntegrationId;
        }
        var security = (operation["security"] ?? document["security"]) as JsonArray;
        var (authorizerId, scopes) = (null as string, null as List<string>);
        foreach (var (name, granted) in security?.OfType<JsonObject>().FirstOrDefault() ?? [])
        {
            if (_authorizers.TryGetValue(name, out var id))
            {
                authorizerId = id;
                scopes = granted is JsonArray { Count: > 0 } list ? [.. list.Select(s => s?.ToString() ?? "")] : null;
            }
            else
            {
                _warnings.Add($"Unable to apply security scheme '{name}' on route {routeKey}: it is not an authorizer of the definition");
            }
        }
        var authorizationType = authorizerId is null ? "NONE"
            : engine.AuthorizerType(scope, apiId, authorizerId) == "JWT" ? "JWT" : "CUSTOM";
        engine.CreateRoute(scope, new CreateRouteRequest
        {
            ApiId = apiId,
            RouteKey = routeKey,
            Target = target,
            OperationName = OpenApiExtensions.Text(operation, "operationId"),
            AuthorizationType = authorizationType,
            AuthorizerId = authorizerId,
            AuthorizationScopes = authorizationType == "JWT" ? scopes : null,
        });
    }
}
