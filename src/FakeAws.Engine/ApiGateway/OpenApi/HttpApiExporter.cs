using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.ApiGateway.V2.Model;

namespace FakeAws.Engine.ApiGateway.OpenApi;

/// <summary>
/// Writes an HTTP API (v2) as ExportApi does: OpenAPI 3.0.1 with a path per route, the
/// <c>$default</c> route under the path <c>$default</c>, <c>ANY</c> as
/// <c>x-amazon-apigateway-any-method</c>, a default response per operation, and, with extensions,
/// the routes' integrations, the authorizers and CORS.
/// </summary>
internal static class HttpApiExporter
{
    /// <summary>The export of <paramref name="api"/> serving <paramref name="routes"/> (a stage's deployment, or the API as it is).</summary>
    public static JsonObject Export(Api api, IEnumerable<Route> routes, IReadOnlyDictionary<string, Integration> integrations,
        IReadOnlyDictionary<string, Authorizer> authorizers, Cors? cors, string? stageName, bool extensions)
    {
        var info = new JsonObject { ["title"] = api.Name };
        if (!string.IsNullOrEmpty(api.Description))
        {
            info["description"] = api.Description;
        }
        info["version"] = api.Version ?? api.CreatedDate?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'UTC'", CultureInfo.InvariantCulture);
        var root = new JsonObject
        {
            ["openapi"] = "3.0.1",
            ["info"] = info,
            ["servers"] = new JsonArray(new JsonObject
            {
                ["url"] = $"{api.ApiEndpoint}/{{basePath}}",
                ["variables"] = new JsonObject { ["basePath"] = new JsonObject { ["default"] = stageName is null or "$default" ? "" : stageName } },
            }),
        };
        var paths = new JsonObject();
        var schemes = new JsonObject();
        foreach (var route in routes.OrderBy(r => r.RouteKey, StringComparer.Ordinal))
        {
            var key = route.RouteKey ?? "$default";
            var space = key.IndexOf(' ');
            var (method, path) = space < 0 ? ("ANY", key) : (key[..space], key[(space + 1)..]);
            var item = paths[path] as JsonObject ?? [];
            paths[path] = item;
            var operation = new JsonObject();
            if (!string.IsNullOrEmpty(route.OperationName))
            {
                operation["operationId"] = route.OperationName;
            }
            var parameters = PathParameters(path);
            if (parameters.Count > 0)
            {
                operation["parameters"] = parameters;
            }
            operation["responses"] = new JsonObject { ["default"] = new JsonObject { ["description"] = $"Default response for {route.RouteKey}" } };
            if (route.AuthorizerId is { } authorizerId && authorizers.TryGetValue(authorizerId, out var authorizer))
            {
                schemes[authorizer.Name!] ??= Scheme(authorizer, extensions);
                operation["security"] = new JsonArray(new JsonObject { [authorizer.Name!] = new JsonArray([.. (route.AuthorizationScopes ?? []).Select(s => (JsonNode?)s)]) });
            }
            if (extensions && route.Target is { } target && target.StartsWith("integrations/", StringComparison.Ordinal)
                && integrations.TryGetValue(target["integrations/".Length..], out var integration))
            {
                operation["x-amazon-apigateway-integration"] = Integration(integration);
            }
            item[OpenApiNames.OperationKey(method)] = operation;
        }
        root["paths"] = paths;
        if (schemes.Count > 0)
        {
            root["components"] = new JsonObject { ["securitySchemes"] = schemes };
        }
        if (extensions && cors is not null)
        {
            root["x-amazon-apigateway-cors"] = JsonSerializer.SerializeToNode(cors, ApiGatewayJson.Options);
        }
        root["x-amazon-apigateway-importexport-version"] = "1.0";
        return root;
    }

    private static JsonArray PathParameters(string path)
    {
        var parameters = new JsonArray();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p.StartsWith('{') && p.EndsWith('}')))
        {
            parameters.Add(new JsonObject
            {
                ["name"] = part[1..^1].TrimEnd('+'),
                ["in"] = "path",
                ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = "string" },
            });
        }
        return parameters;
    }

    private static JsonObject Integration(Integration integration)
    {
        var extension = new JsonObject
        {
            ["payloadFormatVersion"] = integration.PayloadFormatVersion,
            ["type"] = integration.IntegrationType?.ToLowerInvariant(),
            ["httpMethod"] = integration.IntegrationMethod,
            ["uri"] = integration.IntegrationUri,
            ["connectionType"] = integration.ConnectionType,
        };
        if (integration.TimeoutInMillis is { } timeout and not 30000)
        {
            extension["timeoutInMillis"] = timeout;
        }
        if (integration.CredentialsArn is { } credentials)
        {
            extension["credentials"] = credentials;
        }
        if (integration.RequestParameters is { Count: > 0 } requestParameters)
        {
            extension["requestParameters"] = JsonSerializer.SerializeToNode(requestParameters, ApiGatewayJson.Options);
        }
        if (integration.ResponseParameters is { Count: > 0 } responseParameters)
        {
            extension["responseParameters"] = JsonSerializer.SerializeToNode(responseParameters, ApiGatewayJson.Options);
        }
        return extension;
    }

    private static JsonObject Scheme(Authorizer authorizer, bool extensions)
    {
        JsonObject scheme;
        JsonObject extension;
        if (authorizer.AuthorizerType == "JWT")
        {
            scheme = new JsonObject { ["type"] = "oauth2", ["flows"] = new JsonObject() };
            extension = new JsonObject
            {
                ["identitySource"] = string.Join(",", authorizer.IdentitySource ?? []),
                ["jwtConfiguration"] = JsonSerializer.SerializeToNode(authorizer.JwtConfiguration, ApiGatewayJson.Options),
                ["type"] = "jwt",
            };
        }
        else
        {
            scheme = new JsonObject { ["type"] = "apiKey", ["name"] = "Authorization", ["in"] = "header" };
            extension = new JsonObject
            {
                ["identitySource"] = string.Join(",", authorizer.IdentitySource ?? []),
                ["authorizerUri"] = authorizer.AuthorizerUri,
                ["authorizerPayloadFormatVersion"] = authorizer.AuthorizerPayloadFormatVersion,
                ["type"] = "request",
            };
            if (authorizer.AuthorizerResultTtlInSeconds is { } ttl)
            {
                extension["authorizerResultTtlInSeconds"] = ttl;
            }
            if (authorizer.EnableSimpleResponses is { } simple)
            {
                extension["enableSimpleResponses"] = simple;
            }
        }
        if (extensions)
        {
            scheme["x-amazon-apigateway-authorizer"] = extension;
        }
        return scheme;
    }
}
