using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway.V2;

// CreateModel, GetModel(s), UpdateModel, DeleteModel and GetModelTemplate: the JSON Schema models of
// an API (WebSocket routes name them in their request models), checked as REST APIs' are.
internal sealed partial class ApiGatewayV2Engine
{
    public CreateModelResponse CreateModel(RequestScope scope, CreateModelRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.ApiId);
        CheckModelName(request.Name);
        ApiGatewayEngine.CheckSchema(request.Schema);
        if (api.Models.Values.Any(m => m.Name == request.Name))
        {
            throw ApiGatewayErrors.Conflict($"Model name already exists for this API: {request.Name}");
        }
        var model = new Model.Model
        {
            ModelId = ids.ShortId(),
            Name = request.Name,
            ContentType = request.ContentType ?? "application/json",
            Description = request.Description,
            Schema = request.Schema,
        };
        api.Models[model.ModelId] = model;
        return ApiGatewayJson.Convert<CreateModelResponse>(model);
    });

    public GetModelResponse GetModel(RequestScope scope, GetModelRequest request) => Locked(scope, region =>
        ApiGatewayJson.Convert<GetModelResponse>(GetModel(GetApi(region, request.ApiId), request.ModelId)));

    public GetModelsResponse GetModels(RequestScope scope, GetModelsRequest request) => Locked(scope, region =>
    {
        var (page, next) = Paging.Page(GetApi(region, request.ApiId).Models.Values.Select(ApiGatewayJson.Clone).ToList(), MaxResults(request.MaxResults), request.NextToken);
        return new GetModelsResponse { Items = page, NextToken = next };
    });

    /// <summary>Changes the members given; a new name or schema is checked as CreateModel checks it.</summary>
    public UpdateModelResponse UpdateModel(RequestScope scope, UpdateModelRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.ApiId);
        var model = GetModel(api, request.ModelId);
        if (request.Name is { } name)
        {
            CheckModelName(name);
            if (api.Models.Values.Any(m => m.Name == name && m.ModelId != model.ModelId))
            {
                throw ApiGatewayErrors.Conflict($"Model name already exists for this API: {name}");
            }
        }
        ApiGatewayEngine.CheckSchema(request.Schema);
        model.Name = request.Name ?? model.Name;
        model.ContentType = request.ContentType ?? model.ContentType;
        model.Description = request.Description ?? model.Description;
        model.Schema = request.Schema ?? model.Schema;
        return ApiGatewayJson.Convert<UpdateModelResponse>(model);
    });

    public void DeleteModel(RequestScope scope, DeleteModelRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.ApiId);
        api.Models.Remove(GetModel(api, request.ModelId).ModelId!);
    });

    /// <summary>A mapping template that writes out a payload of the model's shape; <c>$ref</c>s name the API's other models.</summary>
    public GetModelTemplateResponse GetModelTemplate(RequestScope scope, GetModelTemplateRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.ApiId);
        var model = GetModel(api, request.ModelId);
        return new GetModelTemplateResponse
        {
            Value = ModelTemplates.Generate(model.Schema ?? "{}", name => api.Models.Values.FirstOrDefault(m => m.Name == name)?.Schema),
        };
    });

    private static Model.Model GetModel(HttpApiState api, string? modelId) =>
        modelId is not null && api.Models.TryGetValue(modelId, out var model)
            ? model
            : throw ApiGatewayErrors.V2NotFound("Model", $"Invalid Model identifier specified {modelId}");

    private static void CheckModelName(string? name)
    {
        if (string.IsNullOrEmpty(name) || !name.All(char.IsAsciiLetterOrDigit))
        {
            throw ApiGatewayErrors.BadRequest("Model name must be alphanumeric");
        }
    }
}
