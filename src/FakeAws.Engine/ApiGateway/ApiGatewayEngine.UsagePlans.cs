using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// Usage plans and their keys: CreateUsagePlan, GetUsagePlan(s), UpdateUsagePlan, DeleteUsagePlan, *UsagePlanKey(s).
internal sealed partial class ApiGatewayEngine
{
    private static readonly string[] UsagePlanPatchPaths =
        ["/name", "/description", "/throttle/rateLimit", "/throttle/burstLimit", "/quota/limit", "/quota/period", "/quota/offset"];

    public UsagePlan CreateUsagePlan(RequestScope scope, CreateUsagePlanRequest request) => Locked(scope, region =>
    {
        var stages = (request.ApiStages ?? []).Select(ApiGatewayJson.Clone).ToList();
        foreach (var stage in stages)
        {
            CheckApiStage(region, stage.ApiId, stage.Stage, request.Name);
        }
        var plan = new UsagePlan
        {
            Id = ids.ShortId(),
            Name = request.Name,
            Description = request.Description,
            ApiStages = stages,
            Throttle = request.Throttle is { } throttle ? ApiGatewayJson.Clone(throttle) : null,
            Quota = request.Quota is { } quota ? ApiGatewayJson.Clone(quota) : null,
            Tags = ResourceTags.Initial(request.Tags),
        };
        if (plan.Quota is not null)
        {
            plan.Quota.Offset ??= 0;
        }
        region.UsagePlans[plan.Id] = new UsagePlanState(plan);
        return ApiGatewayJson.Clone(plan);
    });

    public UsagePlan GetUsagePlan(RequestScope scope, GetUsagePlanRequest request) => Locked(scope, region =>
        ApiGatewayJson.Clone(GetUsagePlan(region, request.UsagePlanId).Plan));

    public UsagePlans GetUsagePlans(RequestScope scope, GetUsagePlansRequest request) => Locked(scope, region =>
    {
        var plans = region.UsagePlans.Values
            .Where(p => request.KeyId is null || p.KeyIds.Contains(request.KeyId))
            .Select(p => p.Plan)
            .ToList();
        var (page, next) = Paging.Page(plans, request.Limit, request.Position);
        return new UsagePlans { Items = page.Select(ApiGatewayJson.Clone).ToList(), Position = next };
    });

    public UsagePlan UpdateUsagePlan(RequestScope scope, UpdateUsagePlanRequest request) => Locked(scope, region =>
    {
        var state = GetUsagePlan(region, request.UsagePlanId);
        var plan = ApiGatewayJson.Clone(state.Plan);
        foreach (var patch in request.PatchOperations ?? [])
        {
            if (patch.Path == "/apiStages")
            {
                PatchApiStages(region, plan, patch);
                continue;
            }
            PatchOperations.RequireReplace(patch, UsagePlanPatchPaths);
            switch (patch.Path)
            {
                case "/name": plan.Name = patch.Value; break;
                case "/description": plan.Description = patch.Value; break;
                case "/throttle/rateLimit": (plan.Throttle ??= new()).RateLimit = PatchOperations.Double(patch, "Invalid rate limit specified"); break;
                case "/throttle/burstLimit": (plan.Throttle ??= new()).BurstLimit = PatchOperations.Int(patch, "Invalid burst limit specified"); break;
                case "/quota/limit": (plan.Quota ??= new() { Offset = 0 }).Limit = PatchOperations.Int(patch, "Invalid quota limit specified"); break;
                case "/quota/period": (plan.Quota ??= new() { Offset = 0 }).Period = patch.Value; break;
                case "/quota/offset": (plan.Quota ??= new()).Offset = PatchOperations.Int(patch, "Invalid quota offset specified"); break;
            }
        }
        var updated = new UsagePlanState(plan);
        updated.KeyIds.AddRange(state.KeyIds);
        region.UsagePlans[plan.Id!] = updated;
        return ApiGatewayJson.Clone(plan);
    });

    public void DeleteUsagePlan(RequestScope scope, DeleteUsagePlanRequest request) => Locked(scope, region =>
    {
        var plan = GetUsagePlan(region, request.UsagePlanId);
        region.UsagePlans.Remove(plan.Plan.Id!);
    });

    public UsagePlanKey CreateUsagePlanKey(RequestScope scope, CreateUsagePlanKeyRequest request) => Locked(scope, region =>
    {
        var plan = GetUsagePlan(region, request.UsagePlanId);
        if (request.KeyType != "API_KEY")
        {
            throw ApiGatewayErrors.BadRequest($"Invalid key type specified: {request.KeyType}");
        }
        var key = GetApiKey(region, request.KeyId);
        if (!plan.KeyIds.Contains(key.Id!))
        {
            plan.KeyIds.Add(key.Id!);
        }
        return DescribePlanKey(key);
    });

    public UsagePlanKey GetUsagePlanKey(RequestScope scope, GetUsagePlanKeyRequest request) => Locked(scope, region =>
    {
        var plan = GetUsagePlan(region, request.UsagePlanId);
        return request.KeyId is { } keyId && plan.KeyIds.Contains(keyId)
            ? DescribePlanKey(region.ApiKeys[keyId])
            : throw ApiGatewayErrors.UsagePlanKeyNotFound();
    });

    public UsagePlanKeys GetUsagePlanKeys(RequestScope scope, GetUsagePlanKeysRequest request) => Locked(scope, region =>
    {
        var plan = GetUsagePlan(region, request.UsagePlanId);
        var keys = plan.KeyIds.Select(id => region.ApiKeys[id])
            .Where(k => request.NameQuery is null || (k.Name ?? "").StartsWith(request.NameQuery, StringComparison.Ordinal))
            .Select(DescribePlanKey)
            .ToList();
        var (page, next) = Paging.Page(keys, request.Limit, request.Position);
        return new UsagePlanKeys { Items = page, Position = next };
    });

    public void DeleteUsagePlanKey(RequestScope scope, DeleteUsagePlanKeyRequest request) => Locked(scope, region =>
    {
        var plan = GetUsagePlan(region, request.UsagePlanId);
        if (request.KeyId is null || !plan.KeyIds.Remove(request.KeyId))
        {
            throw ApiGatewayErrors.UsagePlanKeyNotFound();
        }
    });

    private static UsagePlanState GetUsagePlan(ApiGatewayRegion region, string? id) =>
        id is not null && region.UsagePlans.TryGetValue(id, out var plan) ? plan : throw ApiGatewayErrors.UsagePlanNotFound();

    private static UsagePlanKey DescribePlanKey(ApiKey key) => new() { Id = key.Id, Type = "API_KEY", Value = key.Value, Name = key.Name };

    /// <summary>A usage plan's API stage is a stage of a REST API or of a WebSocket API (HTTP APIs have no usage plans).</summary>
    private static void CheckApiStage(ApiGatewayRegion region, string? apiId, string? stage, string? planName)
    {
        var exists = apiId is not null && stage is not null
            && ((region.RestApis.TryGetValue(apiId, out var api) && api.Stages.ContainsKey(stage))
                || (region.HttpApis.TryGetValue(apiId, out var webSocket) && webSocket.IsWebSocket && webSocket.Stages.ContainsKey(stage)));
        if (!exists)
        {
            throw ApiGatewayErrors.BadRequest($"Invalid API Stage {{api: {apiId}, stage: {stage}}} specified for usageplan {planName}");
        }
    }

    /// <summary>API stages are added and removed as <c>{"op":"add","path":"/apiStages","value":"apiId:stage"}</c>.</summary>
    private static void PatchApiStages(ApiGatewayRegion region, UsagePlan plan, PatchOperation patch)
    {
        var parts = (patch.Value ?? "").Split(':');
        if (parts.Length != 2)
        {
            throw ApiGatewayErrors.BadRequest("Invalid API Stage specified");
        }
        plan.ApiStages ??= [];
        switch (patch.Op)
        {
            case "add":
                CheckApiStage(region, parts[0], parts[1], plan.Id);
                if (!plan.ApiStages.Any(s => s.ApiId == parts[0] && s.Stage == parts[1]))
                {
                    plan.ApiStages.Add(new ApiStage { ApiId = parts[0], Stage = parts[1] });
                }
                break;
            case "remove":
                if (plan.ApiStages.RemoveAll(s => s.ApiId == parts[0] && s.Stage == parts[1]) == 0)
                {
                    throw ApiGatewayErrors.NotFound($"Invalid API Stage {{api: {parts[0]}, stage: {parts[1]}}} specified for usageplan {plan.Id}");
                }
                break;
            default:
                throw ApiGatewayErrors.BadRequest("Invalid patch operation specified. Must be one of: [add, remove]");
        }
    }
}
