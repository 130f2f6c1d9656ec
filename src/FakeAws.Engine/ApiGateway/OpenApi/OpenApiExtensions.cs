using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.ApiGateway.Model;

namespace FakeAws.Engine.ApiGateway.OpenApi;

/// <summary>
/// API Gateway's <c>x-amazon-apigateway-*</c> extension objects, written from and read into the
/// management API's shapes, after AWS's "API Gateway extensions to OpenAPI".
/// </summary>
internal static class OpenApiExtensions
{
    /// <summary>The prefix of a model reference inside a model's schema, before the API's id.</summary>
    private const string ModelUrl = "https://apigateway.amazonaws.com/restapis/";

    /// <summary><c>x-amazon-apigateway-integration</c>: types and passthrough behaviours in lower case, responses by selection pattern.</summary>
    public static JsonObject Integration(Integration integration)
    {
        var extension = new JsonObject();
        Put(extension, "credentials", integration.Credentials);
        Put(extension, "httpMethod", integration.HttpMethod);
        Put(extension, "uri", integration.Uri);
        if (integration.IntegrationResponses is { Count: > 0 } integrationResponses)
        {
            var responses = new JsonObject();
            foreach (var response in integrationResponses.Values)
            {
                var exported = new JsonObject { ["statusCode"] = response.StatusCode };
                PutMap(exported, "responseParameters", response.ResponseParameters);
                PutMap(exported, "responseTemplates", response.ResponseTemplates);
                Put(exported, "contentHandling", response.ContentHandling);
                responses[string.IsNullOrEmpty(response.SelectionPattern) ? "default" : response.SelectionPattern] = exported;
            }
            extension["responses"] = responses;
        }
        PutMap(extension, "requestParameters", integration.RequestParameters);
        PutMap(extension, "requestTemplates", integration.RequestTemplates);
        Put(extension, "passthroughBehavior", integration.PassthroughBehavior?.ToLowerInvariant());
        Put(extension, "connectionType", integration.ConnectionType);
        Put(extension, "connectionId", integration.ConnectionId);
        Put(extension, "cacheNamespace", integration.CacheNamespace);
        if (integration.CacheKeyParameters is { Count: > 0 } keys)
        {
            extension["cacheKeyParameters"] = new JsonArray([.. keys.Select(k => (JsonNode?)k)]);
        }
        Put(extension, "contentHandling", integration.ContentHandling);
        if (integration.TimeoutInMillis is { } timeout and not 29000)
        {
            extension["timeoutInMillis"] = timeout;
        }
        if (integration.TlsConfig?.InsecureSkipVerification is { } skip)
        {
            extension["tlsConfig"] = new JsonObject { ["insecureSkipVerification"] = skip };
        }
        extension["type"] = integration.Type?.ToLowerInvariant();
        return extension;
    }

    /// <summary>Reads <c>x-amazon-apigateway-integration</c> into PutIntegration's and PutIntegrationResponse's members.</summary>
    public static Integration ReadIntegration(JsonObject extension)
    {
        var integration = new Integration
        {
            Type = Text(extension, "type")?.ToUpperInvariant(),
            HttpMethod = Text(extension, "httpMethod")?.ToUpperInvariant(),
            Uri = Text(extension, "uri"),
            Credentials = Text(extension, "credentials"),
            RequestParameters = Map(extension, "requestParameters"),
            RequestTemplates = Map(extension, "requestTemplates"),
            PassthroughBehavior = Text(extension, "passthroughBehavior")?.ToUpperInvariant(),
            ContentHandling = Text(extension, "contentHandling"),
            TimeoutInMillis = extension["timeoutInMillis"] is JsonValue t && t.TryGetValue<int>(out var timeout) ? timeout
                : int.TryParse(Text(extension, "timeoutInMillis"), out var parsed) ? parsed : null,
            CacheNamespace = Text(extension, "cacheNamespace"),
            CacheKeyParameters = extension["cacheKeyParameters"] is JsonArray keys ? [.. keys.Select(k => k?.ToString() ?? "")] : null,
            ConnectionType = Text(extension, "connectionType")?.ToUpperInvariant(),
            ConnectionId = Text(extension, "connectionId"),
            TlsConfig = extension["tlsConfig"] is JsonObject tls && tls["insecureSkipVerification"] is JsonValue skip && skip.TryGetValue<bool>(out var insecure)
                ? new TlsConfig { InsecureSkipVerification = insecure }
                : null,
        };
        if (extension["responses"] is JsonObject responses)
        {
            integration.IntegrationResponses = [];
            foreach (var (pattern, node) in responses)
            {
                if (node is not JsonObject response || Text(response, "statusCode") is not { } status)
                {
                    continue;
                }
                integration.IntegrationResponses[status] = new IntegrationResponse
                {
                    StatusCode = status,
                    SelectionPattern = pattern == "default" ? null : pattern,
                    ResponseParameters = Map(response, "responseParameters"),
                    ResponseTemplates = Map(response, "responseTemplates"),
                    ContentHandling = Text(response, "contentHandling"),
                };
            }
        }
        return integration;
    }

    /// <summary><c>x-amazon-apigateway-authorizer</c> of a Lambda or Cognito authorizer.</summary>
    public static JsonObject Authorizer(Authorizer authorizer)
    {
        var extension = new JsonObject { ["type"] = authorizer.Type?.ToLowerInvariant() };
        Put(extension, "authorizerUri", authorizer.AuthorizerUri);
        Put(extension, "authorizerCredentials", authorizer.AuthorizerCredentials);
        if (authorizer.ProviderARNs is { Count: > 0 } providers)
        {
            extension["providerARNs"] = new JsonArray([.. providers.Select(p => (JsonNode?)p)]);
        }
        Put(extension, "identitySource", authorizer.IdentitySource);
        Put(extension, "identityValidationExpression", authorizer.IdentityValidationExpression);
        if (authorizer.AuthorizerResultTtlInSeconds is { } ttl)
        {
            extension["authorizerResultTtlInSeconds"] = ttl;
        }
        return extension;
    }

    /// <summary>Reads <c>x-amazon-apigateway-authorizer</c> into CreateAuthorizer's members.</summary>
    public static Authorizer ReadAuthorizer(string name, JsonObject extension, string? headerName) => new()
    {
        Name = name,
        Type = Text(extension, "type")?.ToUpperInvariant(),
        AuthorizerUri = Text(extension, "authorizerUri"),
        AuthorizerCredentials = Text(extension, "authorizerCredentials"),
        ProviderARNs = extension["providerARNs"] is JsonArray providers ? [.. providers.Select(p => p?.ToString() ?? "")] : null,
        // A TOKEN or Cognito authorizer without an identity source reads the scheme's header.
        IdentitySource = Text(extension, "identitySource") ?? (headerName is null ? null : OpenApiNames.RequestHeader + headerName),
        IdentityValidationExpression = Text(extension, "identityValidationExpression"),
        AuthorizerResultTtlInSeconds = extension["authorizerResultTtlInSeconds"] is JsonValue v && v.TryGetValue<int>(out var ttl) ? ttl
            : int.TryParse(Text(extension, "authorizerResultTtlInSeconds"), out var parsed) ? parsed : null,
    };

    /// <summary>One gateway response of <c>x-amazon-apigateway-gateway-responses</c>.</summary>
    public static JsonObject GatewayResponse(Model.GatewayResponse response)
    {
        var extension = new JsonObject();
        Put(extension, "statusCode", response.StatusCode);
        PutMap(extension, "responseParameters", response.ResponseParameters);
        PutMap(extension, "responseTemplates", response.ResponseTemplates);
        return extension;
    }

    /// <summary>A JSON object from its text; null when the text is not one.</summary>
    public static JsonObject? ParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A copy of <paramref name="schema"/> with every reference to another model rewritten by <paramref name="target"/>.</summary>
    public static JsonNode RewriteModelRefs(JsonNode schema, Func<string, string> target) => Rewrite(schema.DeepClone(), reference =>
        reference.StartsWith(ModelUrl, StringComparison.Ordinal) && reference.LastIndexOf("/models/", StringComparison.Ordinal) is var at and >= 0
            ? target(reference[(at + "/models/".Length)..])
            : reference);

    /// <summary>A copy of an imported schema whose document references (<c>#/definitions/Pet</c>) point at the API's models.</summary>
    public static JsonNode ImportModelRefs(JsonNode schema, string restApiId) => Rewrite(schema.DeepClone(), reference =>
        reference.StartsWith("#/", StringComparison.Ordinal) ? $"{ModelUrl}{restApiId}/models/{reference[(reference.LastIndexOf('/') + 1)..]}" : reference);

    /// <summary>Rewrites every <c>$ref</c> under <paramref name="node"/> in place.</summary>
    private static JsonNode Rewrite(JsonNode node, Func<string, string> rewrite)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (key == "$ref" && child is JsonValue value && value.TryGetValue<string>(out var reference))
                    {
                        obj[key] = rewrite(reference);
                    }
                    else if (child is not null)
                    {
                        Rewrite(child, rewrite);
                    }
                }
                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>())
                {
                    Rewrite(child, rewrite);
                }
                break;
        }
        return node;
    }

    /// <summary>A string member's text (numbers and booleans too, as YAML often writes them); null when absent.</summary>
    public static string? Text(JsonObject obj, string name) => obj[name] switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    /// <summary>A map of strings; null when absent or empty.</summary>
    public static Dictionary<string, string>? Map(JsonObject obj, string name) =>
        obj[name] is JsonObject map && map.Count > 0
            ? map.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value!.ToJsonString())
            : null;

    private static void Put(JsonObject obj, string name, string? value)
    {
        if (value is not null)
        {
            obj[name] = value;
        }
    }

    private static void PutMap(JsonObject obj, string name, Dictionary<string, string>? map)
    {
        if (map is { Count: > 0 })
        {
            var exported = new JsonObject();
            foreach (var (key, value) in map)
            {
                exported[key] = value;
            }
            obj[name] = exported;
        }
    }
}
