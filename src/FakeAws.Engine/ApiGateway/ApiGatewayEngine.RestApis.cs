using System.Text.Json;
using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// CreateRestApi, GetRestApi(s), UpdateRestApi, DeleteRestApi.
internal sealed partial class ApiGatewayEngine
{
    private const int MaxCompressionSize = 10485760;

    private static readonly string[] RestApiPatchPaths =
        ["/name", "/description", "/apiKeySource", "/policy", "/binaryMediaTypes", "/minimumCompressionSize", "/disableExecuteApiEndpoint"];

    public RestApi CreateRestApi(RequestScope scope, CreateRestApiRequest request)
    {
        if (request.Description == "")
        {
            throw ApiGatewayErrors.BadRequest("Description cannot be an empty string");
        }
        CheckCompressionSize(request.MinimumCompressionSize);
        if (request.CloneFrom is not null)
        {
            throw ApiGatewayErrors.Unsupported("cloneFrom (cloning a REST API)");
        }
        CheckPolicy(request.Policy);
        var endpoint = request.EndpointConfiguration is { } given ? ApiGatewayJson.Clone(given) : new EndpointConfiguration();
        endpoint.Types ??= ["EDGE"];
        switch (endpoint.Types.Count)
        {
            case 0: throw ApiGatewayErrors.BadRequest("REGIONAL Configuration and EDGE Configuration cannot be both DISABLED.");
            case > 1: throw ApiGatewayErrors.BadRequest("Cannot create an api with multiple Endpoint Types.");
        }
        var isPrivate = endpoint.Types[0] == "PRIVATE";
        endpoint.IpAddressType ??= isPrivate ? "dualstack" : "ipv4";
        if (isPrivate && endpoint.IpAddressType != "dualstack")
        {
            throw ApiGatewayErrors.BadRequest("Only dualstack ipAddressType is supported for Private APIs.");
        }
        return Locked(scope, region =>
        {
            var api = new RestApi
            {
                Id = ids.ApiId(),
                Name = request.Name,
                Description = request.Description,
                CreatedDate = Now,
                Version = request.Version,
                BinaryMediaTypes = request.BinaryMediaTypes is { Count: > 0 } media ? [.. media] : null,
                MinimumCompressionSize = request.MinimumCompressionSize,
                ApiKeySource = request.ApiKeySource ?? "HEADER",
                EndpointConfiguration = endpoint,
                Policy = request.Policy,
                Tags = ResourceTags.Initial(request.Tags),
                DisableExecuteApiEndpoint = request.DisableExecuteApiEndpoint ?? false,
                RootResourceId = ids.RootResourceId(),
            };
            var state = new RestApiState(api);
            state.Resources[api.RootResourceId] = new RestResource(api.RootResourceId, null, null, "/");
            AddBuiltInModels(state);
            region.RestApis[api.Id] = state;
            return ApiGatewayJson.Clone(api);
        });
    }

    public RestApi GetRestApi(RequestScope scope, GetRestApiRequest request) =>
        Locked(scope, region => ApiGatewayJson.Clone(GetApi(region, request.RestApiId).Api));

    public RestApis GetRestApis(RequestScope scope, GetRestApisRequest request) => Locked(scope, region =>
    {
        var (page, next) = Paging.Page(region.RestApis.Values.Select(a => a.Api).ToList(), request.Limit, request.Position);
        return new RestApis { Items = page.Select(ApiGatewayJson.Clone).ToList(), Position = next };
    });

    public RestApi UpdateRestApi(RequestScope scope, UpdateRestApiRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId).Api;
        var updated = ApiGatewayJson.Clone(api);
        foreach (var patch in request.PatchOperations ?? [])
        {
            var path = patch.Path ?? "";
            if (path.StartsWith("/binaryMediaTypes/", StringComparison.Ordinal))
            {
                PatchBinaryMediaType(updated, patch);
                continue;
            }
            if (path == "/binaryMediaTypes")
            {
                // The list is patched one media type at a time, never as a whole.
                throw ApiGatewayErrors.BadRequest("Invalid patch path /binaryMediaTypes");
            }
            if (path == "/description" && patch.Op == "remove")
            {
                updated.Description = null;
                continue;
            }
            if (RestApiPatchPaths.Contains(path))
            {
                PatchOperations.RequireReplaceOperation(patch);
            }
            PatchOperations.RequireReplace(patch, RestApiPatchPaths);
            switch (path)
            {
                case "/name": updated.Name = patch.Value; break;
                case "/description": updated.Description = patch.Value; break;
                case "/apiKeySource":
                    if (patch.Value is not ("HEADER" or "AUTHORIZER"))
                    {
                        throw ApiGatewayErrors.Validation(ViolationRenderer.Default.Message(
                            [new Violation("createRestApiInput.apiKeySource", patch.Value ?? "", new Constraint.EnumSet(["AUTHORIZER", "HEADER"]))]));
                    }
                    updated.ApiKeySource = patch.Value;
                    break;
                case "/policy":
                    CheckPolicy(patch.Value);
                    updated.Policy = string.IsNullOrEmpty(patch.Value) ? null : patch.Value;
                    break;
                case "/minimumCompressionSize":
                    updated.MinimumCompressionSize = string.IsNullOrEmpty(patch.Value) ? null : PatchOperations.Int(patch, "Invalid minimum compression size, must be between 0 and 10485760");
                    CheckCompressionSize(updated.MinimumCompressionSize);
                    break;
                case "/disableExecuteApiEndpoint": updated.DisableExecuteApiEndpoint = PatchOperations.Bool(patch); break;
            }
        }
        api.Name = updated.Name;
        api.Description = updated.Description;
        api.ApiKeySource = updated.ApiKeySource;
        api.Policy = updated.Policy;
        api.BinaryMediaTypes = updated.BinaryMediaTypes is { Count: > 0 } ? updated.BinaryMediaTypes : null;
        api.MinimumCompressionSize = updated.MinimumCompressionSize;
        api.DisableExecuteApiEndpoint = updated.DisableExecuteApiEndpoint;
        var answer = ApiGatewayJson.Clone(api);
        // UpdateRestApi shows an empty tag map where CreateRestApi and GetRestApi leave it out.
        answer.Tags ??= [];
        return answer;
    });

    public void DeleteRestApi(RequestScope scope, DeleteRestApiRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        region.RestApis.Remove(api.Api.Id!);
        foreach (var plan in region.UsagePlans.Values)
        {
            plan.Plan.ApiStages?.RemoveAll(s => s.ApiId == api.Api.Id);
        }
    });

    /// <summary>
    /// A binary media type is added, replaced or removed as a path of its own,
    /// <c>/binaryMediaTypes/image~1png</c>; a replaced type goes to the end of the list.
    /// </summary>
    private static void PatchBinaryMediaType(RestApi api, PatchOperation patch)
    {
        var type = patch.Path!["/binaryMediaTypes/".Length..].Replace("~1", "/", StringComparison.Ordinal);
        api.BinaryMediaTypes ??= [];
        switch (patch.Op)
        {
            case "add":
                if (!api.BinaryMediaTypes.Contains(type))
                {
                    api.BinaryMediaTypes.Add(type);
                }
                break;
            case "remove":
                api.BinaryMediaTypes.Remove(type);
                break;
            case "replace" when !string.IsNullOrEmpty(patch.Value):
                api.BinaryMediaTypes.Remove(type);
                if (!api.BinaryMediaTypes.Contains(patch.Value))
                {
                    api.BinaryMediaTypes.Add(patch.Value);
                }
                break;
            default:
                throw ApiGatewayErrors.BadRequest("Invalid patch operation specified. Must be one of: [add, remove, replace]");
        }
    }

    private static void CheckCompressionSize(int? size)
    {
        if (size is < 0 or > MaxCompressionSize)
        {
            throw ApiGatewayErrors.BadRequest("Invalid minimum compression size, must be between 0 and 10485760");
        }
    }

    /// <summary>A resource policy must be a JSON policy document with statements.</summary>
    private static void CheckPolicy(string? policy)
    {
        if (string.IsNullOrEmpty(policy))
        {
            return;
        }
        try
        {
            using var document = JsonDocument.Parse(policy);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("Statement", out _))
            {
                return;
            }
        }
        catch (JsonException)
        {
        }
        throw ApiGatewayErrors.BadRequest("Invalid policy document. Please check the policy syntax and ensure that Principals are valid.");
    }
}
