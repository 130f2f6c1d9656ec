using System.Text.Json;
using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// CreateModel, GetModel(s), UpdateModel, DeleteModel and GetModelTemplate.
internal sealed partial class ApiGatewayEngine
{
    private static readonly string[] ModelPatchPaths = ["/description", "/schema"];

    /// <summary>The models API Gateway gives every REST API, with AWS's schemas.</summary>
    private static readonly (string Name, string Schema)[] BuiltInModels =
    [
        ("Empty", """{"$schema": "http://json-schema.org/draft-04/schema#", "title" : "Empty Schema", "type" : "object"}"""),
        ("Error", """{"$schema" : "http://json-schema.org/draft-04/schema#", "title" : "Error Schema", "type" : "object", "properties" : { "message" : { "type" : "string" } }}"""),
    ];

    private void AddBuiltInModels(RestApiState api)
    {
        foreach (var (name, schema) in BuiltInModels)
        {
            api.Models[name] = new Model.Model { Id = ids.ShortId(), Name = name, Description = $"This is a default {name.ToLowerInvariant()} schema model", Schema = schema, ContentType = "application/json" };
        }
    }

    public Model.Model CreateModel(RequestScope scope, CreateModelRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        if (string.IsNullOrEmpty(request.Name))
        {
            throw ApiGatewayErrors.BadRequest("Model name must be non-empty");
        }
        if (!request.Name.All(char.IsAsciiLetterOrDigit))
        {
            throw ApiGatewayErrors.BadRequest("Model name must be alphanumeric");
        }
        if (string.IsNullOrEmpty(request.ContentType))
        {
            throw ApiGatewayErrors.BadRequest("Content type must be non-empty");
        }
        CheckModelSchema(request.Schema);
        if (api.Models.ContainsKey(request.Name))
        {
            throw ApiGatewayErrors.Conflict("Model name already exists for this REST API");
        }
        var model = new Model.Model
        {
            Id = ids.ShortId(),
            Name = request.Name,
            Description = string.IsNullOrEmpty(request.Description) ? null : request.Description,
            Schema = request.Schema,
            ContentType = request.ContentType,
        };
        api.Models[model.Name] = model;
        return ApiGatewayJson.Clone(model);
    });

    public Model.Model GetModel(RequestScope scope, GetModelRequest request) => Locked(scope, region =>
        ApiGatewayJson.Clone(GetModel(region, request.RestApiId, request.ModelName)));

    public Models GetModels(RequestScope scope, GetModelsRequest request) => Locked(scope, region =>
    {
        var (page, next) = Paging.Page(GetApi(region, request.RestApiId).Models.Values.Select(ApiGatewayJson.Clone).ToList(), request.Limit, request.Position);
        return new Models { Items = page, Position = next };
    });

    public Model.Model UpdateModel(RequestScope scope, UpdateModelRequest request) => Locked(scope, region =>
    {
        var model = GetModel(region, request.RestApiId, request.ModelName);
        var updated = ApiGatewayJson.Clone(model);
        foreach (var patch in request.PatchOperations ?? [])
        {
            PatchOperations.RequireReplace(patch, ModelPatchPaths);
            if (patch.Path == "/schema")
            {
                CheckModelSchema(patch.Value);
                updated.Schema = patch.Value;
            }
            else
            {
                updated.Description = string.IsNullOrEmpty(patch.Value) ? null : patch.Value;
            }
        }
        model.Schema = updated.Schema;
        model.Description = updated.Description;
        return ApiGatewayJson.Clone(model);
    });

    public void DeleteModel(RequestScope scope, DeleteModelRequest request) => Locked(scope, region =>
    {
        var model = GetModel(region, request.RestApiId, request.ModelName);
        var api = region.RestApis[request.RestApiId!];
        var user = api.Resources.Values.SelectMany(r => r.Methods.Values.Select(m => (Resource: r, Method: m)))
            .FirstOrDefault(u => u.Method.RequestModels?.ContainsValue(model.Name!) == true);
        if (user.Method is not null)
        {
            throw ApiGatewayErrors.Conflict($"Cannot delete model '{model.Name}', is referenced in method request: {user.Resource.Path}/{user.Method.HttpMethod}");
        }
        api.Models.Remove(model.Name!);
    });

    /// <summary>GetModelTemplate: a mapping template that writes out a payload of the model's shape.</summary>
    public Template GetModelTemplate(RequestScope scope, GetModelTemplateRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var model = GetModel(api, request.ModelName);
        return new Template { Value = ModelTemplates.Generate(model.Schema ?? "{}", name => api.Models.GetValueOrDefault(name)?.Schema) };
    });

    private static Model.Model GetModel(RestApiState api, string? name) =>
        name is not null && api.Models.TryGetValue(name, out var model) ? model : throw ModelNotFound(name);

    /// <summary>GetModel, UpdateModel and DeleteModel answer an unknown API as an unknown model (AWS's recorded answer).</summary>
    private static Model.Model GetModel(ApiGatewayRegion region, string? restApiId, string? name) =>
        restApiId is not null && region.RestApis.TryGetValue(restApiId, out var api) ? GetModel(api, name) : throw ModelNotFound(name);

    private static AwsServiceException ModelNotFound(string? name) => ApiGatewayErrors.NotFound($"Invalid model name specified: {name}");

    /// <summary>A REST API model needs a schema: AWS refuses a missing or empty one before reading it.</summary>
    private static void CheckModelSchema(string? schema)
    {
        if (string.IsNullOrEmpty(schema))
        {
            throw ApiGatewayErrors.BadRequest("Model schema must have at least 1 property or array items defined");
        }
        CheckSchema(schema);
    }

    /// <summary>A model's schema is a JSON object (JSON Schema draft-04); v2's models are checked alike.</summary>
    internal static void CheckSchema(string? schema)
    {
        if (schema is null)
        {
            return;
        }
        try
        {
            using var document = JsonDocument.Parse(schema);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return;
            }
        }
        catch (JsonException)
        {
        }
        throw ApiGatewayErrors.BadRequest("Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified]");
    }
}
