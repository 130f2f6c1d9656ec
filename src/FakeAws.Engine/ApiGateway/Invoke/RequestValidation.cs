using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using FakeAws.Engine.ApiGateway.Model;
using NJsonSchema;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>
/// A method's request validator: required request parameters must be present (BAD_REQUEST_PARAMETERS),
/// and the body must match the request model for its media type, JSON Schema draft-04 checked with
/// NJsonSchema (BAD_REQUEST_BODY). Schemas are compiled once per deployment.
/// </summary>
internal sealed class RequestValidation
{
    private readonly ConditionalWeakTable<RestApiSnapshot, Dictionary<string, Task<JsonSchema>>> _schemas = [];

    public async Task<GatewayResponse?> CheckAsync(RestApiSnapshot snapshot, Method method, InvocationContext context)
    {
        if (method.RequestValidatorId is not { } id || !snapshot.Validators.TryGetValue(id, out var validator))
        {
            return null;
        }
        if (validator.ValidateRequestParameters == true && MissingParameters(method, context) is { Count: > 0 } missing)
        {
            return RestGatewayErrors.BadRequestParameters($"Missing required request parameters: [{string.Join(", ", missing)}]");
        }
        if (validator.ValidateRequestBody == true && ModelFor(method, context.Request) is { } modelName
            && snapshot.Models.ContainsKey(modelName) && !await BodyMatchesAsync(snapshot, modelName, context.Request.Body).ConfigureAwait(false))
        {
            return RestGatewayErrors.BadRequestBody();
        }
        return null;
    }

    /// <summary>The required parameters (<c>method.request.{querystring|header|path}.name: true</c>) the request lacks, by name.</summary>
    private static List<string> MissingParameters(Method method, InvocationContext context)
    {
        var query = RequestParts.Query(context.Request.RawQuery);
        var missing = new List<string>();
        foreach (var (name, required) in method.RequestParameters ?? [])
        {
            if (required != true)
            {
                continue;
            }
            var parts = name.Split('.', 4);
            if (parts.Length < 4)
            {
                continue;
            }
            var present = parts[2] switch
            {
                "querystring" or "multivaluequerystring" => query.Any(q => q.Key == parts[3]),
                "header" or "multivalueheader" => context.Request.Header(parts[3]) is not null,
                "path" => context.PathParameters.ContainsKey(parts[3]),
                _ => true,
            };
            if (!present)
            {
                missing.Add(parts[3]);
            }
        }
        return missing;
    }

    /// <summary>The model for the request's media type (application/json when it names none), else the <c>$default</c> one.</summary>
    private static string? ModelFor(Method method, GatewayRequest request)
    {
        var models = method.RequestModels ?? [];
        var mediaType = request.Header("Content-Type")?.Split(';')[0].Trim() is { Length: > 0 } given ? given : "application/json";
        return models.FirstOrDefault(m => string.Equals(m.Key, mediaType, StringComparison.OrdinalIgnoreCase)).Value ?? models.GetValueOrDefault("$default");
    }

    private async Task<bool> BodyMatchesAsync(RestApiSnapshot snapshot, string modelName, byte[] body)
    {
        Task<JsonSchema> compiling;
        var compiled = _schemas.GetValue(snapshot, _ => new(StringComparer.Ordinal));
        lock (compiled)
        {
            if (!compiled.TryGetValue(modelName, out compiling!))
            {
                compiled[modelName] = compiling = JsonSchema.FromJsonAsync(SelfContained(snapshot, modelName));
            }
        }
        JsonSchema schema;
        try
        {
            schema = await compiling.ConfigureAwait(false);
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            // A schema NJsonSchema cannot read validates nothing, rather than refusing every request.
            return true;
        }
        try
        {
            return schema.Validate(Encoding.UTF8.GetString(body)).Count == 0;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The model's schema with every other model it references
    /// (<c>https://apigateway.amazonaws.com/restapis/{id}/models/{name}</c>) copied into its
    /// definitions, so that nothing is fetched.
    /// </summary>
    private static string SelfContained(RestApiSnapshot snapshot, string modelName)
    {
        var root = JsonNode.Parse(snapshot.Models[modelName].Schema ?? "{}") as JsonObject ?? [];
        var definitions = new JsonObject();
        var pending = new Queue<JsonNode>([root]);
        while (pending.TryDequeue(out var node))
        {
            foreach (var child in Children(node))
            {
                if (child is JsonObject obj && obj["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target)
                    && target.Contains("/models/", StringComparison.Ordinal))
                {
                    var name = target[(target.LastIndexOf('/') + 1)..];
                    obj["$ref"] = $"#/definitions/fakeaws-model-{name}";
                    if (!definitions.ContainsKey($"fakeaws-model-{name}") && snapshot.Models.GetValueOrDefault(name)?.Schema is { } text && JsonNode.Parse(text) is JsonObject other)
                    {
                        other.Remove("$schema");
                        definitions[$"fakeaws-model-{name}"] = other;
                        pending.Enqueue(other);
                    }
                }
                pending.Enqueue(child);
            }
        }
        if (definitions.Count > 0)
        {
            var own = root["definitions"] as JsonObject ?? [];
            foreach (var (name, schema) in definitions.ToList())
            {
                definitions.Remove(name);
                own[name] = schema;
            }
            root["definitions"] = own;
        }
        return root.ToJsonString();
    }

    private static IEnumerable<JsonNode> Children(JsonNode node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Value).OfType<JsonNode>().ToList(),
        JsonArray array => array.OfType<JsonNode>().ToList(),
        _ => [],
    };
}
