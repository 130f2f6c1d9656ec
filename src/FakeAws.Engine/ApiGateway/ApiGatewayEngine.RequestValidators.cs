using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// CreateRequestValidator, GetRequestValidator(s), UpdateRequestValidator, DeleteRequestValidator.
internal sealed partial class ApiGatewayEngine
{
    private static readonly string[] ValidatorPatchPaths = ["/name", "/validateRequestParameters", "/validateRequestBody"];

    public RequestValidator CreateRequestValidator(RequestScope scope, CreateRequestValidatorRequest request) => Locked(scope, region =>
    {
        if (request.RestApiId is null || !region.RestApis.TryGetValue(request.RestApiId, out var api))
        {
            throw ApiGatewayErrors.BadRequest("Invalid REST API identifier specified");
        }
        var validator = new RequestValidator
        {
            Id = ids.ShortId(),
            Name = request.Name,
            ValidateRequestBody = request.ValidateRequestBody ?? false,
            ValidateRequestParameters = request.ValidateRequestParameters ?? false,
        };
        api.Validators[validator.Id] = validator;
        return ApiGatewayJson.Clone(validator);
    });

    public RequestValidator GetRequestValidator(RequestScope scope, GetRequestValidatorRequest request) => Locked(scope, region =>
        ApiGatewayJson.Clone(GetValidator(region, request.RestApiId, request.RequestValidatorId)));

    public RequestValidators GetRequestValidators(RequestScope scope, GetRequestValidatorsRequest request) => Locked(scope, region =>
    {
        var (page, next) = Paging.Page(GetApi(region, request.RestApiId).Validators.Values.Select(ApiGatewayJson.Clone).ToList(), request.Limit, request.Position);
        return new RequestValidators { Items = page, Position = next };
    });

    public RequestValidator UpdateRequestValidator(RequestScope scope, UpdateRequestValidatorRequest request) => Locked(scope, region =>
    {
        var validator = GetValidator(region, request.RestApiId, request.RequestValidatorId);
        var updated = ApiGatewayJson.Clone(validator);
        foreach (var patch in request.PatchOperations ?? [])
        {
            PatchOperations.RequireReplace(patch, ValidatorPatchPaths);
            switch (patch.Path)
            {
                case "/name":
                    updated.Name = string.IsNullOrWhiteSpace(patch.Value) ? throw ApiGatewayErrors.BadRequest("Request Validator name cannot be blank") : patch.Value;
                    break;
                case "/validateRequestBody": updated.ValidateRequestBody = PatchOperations.Bool(patch); break;
                default: updated.ValidateRequestParameters = PatchOperations.Bool(patch); break;
            }
        }
        (validator.Name, validator.ValidateRequestBody, validator.ValidateRequestParameters) = (updated.Name, updated.ValidateRequestBody, updated.ValidateRequestParameters);
        return ApiGatewayJson.Clone(validator);
    });

    public void DeleteRequestValidator(RequestScope scope, DeleteRequestValidatorRequest request) => Locked(scope, region =>
    {
        var validator = GetValidator(region, request.RestApiId, request.RequestValidatorId);
        var api = region.RestApis[request.RestApiId!];
        api.Validators.Remove(validator.Id!);
        // Methods that named the validator validate nothing from now on.
        foreach (var method in api.Resources.Values.SelectMany(r => r.Methods.Values).Where(m => m.RequestValidatorId == validator.Id))
        {
            method.RequestValidatorId = null;
        }
    });

    /// <summary>An unknown API answers as an unknown validator (AWS's recorded answer for Get and Delete).</summary>
    private static RequestValidator GetValidator(ApiGatewayRegion region, string? restApiId, string? id) =>
        restApiId is not null && region.RestApis.TryGetValue(restApiId, out var api) && id is not null && api.Validators.TryGetValue(id, out var validator)
            ? validator
            : throw ApiGatewayErrors.NotFound("Invalid Request Validator identifier specified");
}
