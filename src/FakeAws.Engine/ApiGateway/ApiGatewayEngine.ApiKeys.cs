using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// CreateApiKey, GetApiKey(s), UpdateApiKey, DeleteApiKey.
internal sealed partial class ApiGatewayEngine
{
    private const int MinApiKeyLength = 20;

    private static readonly string[] ApiKeyPatchPaths = ["/enabled", "/name", "/description", "/customerId"];

    public ApiKey CreateApiKey(RequestScope scope, CreateApiKeyRequest request) => Locked(scope, region =>
    {
        if (request.Value is { } value)
        {
            if (value.Length < MinApiKeyLength)
            {
                throw ApiGatewayErrors.BadRequest("API Key value should be at least 20 characters");
            }
            if (region.ApiKeys.Values.Any(k => k.Value == value))
            {
                throw ApiGatewayErrors.Conflict("API Key already exists");
            }
        }
        var key = new ApiKey
        {
            Id = ids.ApiId(),
            Value = request.Value ?? ids.ApiKeyValue(),
            Name = request.Name,
            CustomerId = request.CustomerId,
            Description = request.Description,
            // AWS creates keys disabled unless the request enables them.
            Enabled = request.Enabled ?? false,
            CreatedDate = Now,
            LastUpdatedDate = Now,
            StageKeys = (request.StageKeys ?? []).Select(k => $"{k.RestApiId}/{k.StageName}").ToList(),
            Tags = ResourceTags.Initial(request.Tags),
        };
        key.Name ??= key.Id;
        region.ApiKeys[key.Id] = key;
        return ApiGatewayJson.Clone(key);
    });

    public ApiKey GetApiKey(RequestScope scope, GetApiKeyRequest request) => Locked(scope, region =>
        Describe(GetApiKey(region, request.ApiKey), request.IncludeValue == true));

    public ApiKeys GetApiKeys(RequestScope scope, GetApiKeysRequest request) => Locked(scope, region =>
    {
        var keys = region.ApiKeys.Values
            .Where(k => request.NameQuery is null || (k.Name ?? "").StartsWith(request.NameQuery, StringComparison.Ordinal))
            .Where(k => request.CustomerId is null || k.CustomerId == request.CustomerId)
            .ToList();
        var (page, next) = Paging.Page(keys, request.Limit, request.Position);
        return new ApiKeys { Items = page.Select(k => Describe(k, request.IncludeValues == true)).ToList(), Position = next };
    });

    public ApiKey UpdateApiKey(RequestScope scope, UpdateApiKeyRequest request) => Locked(scope, region =>
    {
        var key = GetApiKey(region, request.ApiKey);
        var updated = ApiGatewayJson.Clone(key);
        foreach (var patch in request.PatchOperations ?? [])
        {
            PatchOperations.RequireReplace(patch, ApiKeyPatchPaths);
            switch (patch.Path)
            {
                case "/enabled": updated.Enabled = PatchOperations.Bool(patch); break;
                case "/name": updated.Name = patch.Value; break;
                case "/description": updated.Description = patch.Value; break;
                case "/customerId": updated.CustomerId = patch.Value; break;
            }
        }
        updated.LastUpdatedDate = Now;
        region.ApiKeys[updated.Id!] = updated;
        return Describe(updated, includeValue: false);
    });

    public void DeleteApiKey(RequestScope scope, DeleteApiKeyRequest request) => Locked(scope, region =>
    {
        var key = GetApiKey(region, request.ApiKey);
        region.ApiKeys.Remove(key.Id!);
        foreach (var plan in region.UsagePlans.Values)
        {
            plan.KeyIds.Remove(key.Id!);
        }
    });

    private static ApiKey GetApiKey(ApiGatewayRegion region, string? id) =>
        id is not null && region.ApiKeys.TryGetValue(id, out var key) ? key : throw ApiGatewayErrors.ApiKeyNotFound();

    /// <summary>Only CreateApiKey shows the key's value unasked; the reads show it when asked to.</summary>
    private static ApiKey Describe(ApiKey key, bool includeValue)
    {
        var copy = ApiGatewayJson.Clone(key);
        if (!includeValue)
        {
            copy.Value = null;
        }
        return copy;
    }
}
