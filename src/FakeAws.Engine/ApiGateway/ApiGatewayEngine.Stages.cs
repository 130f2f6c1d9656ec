using System.Text.RegularExpressions;
using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// CreateStage, GetStage(s), UpdateStage, DeleteStage, FlushStageAuthorizersCache, FlushStageCache.
internal sealed partial class ApiGatewayEngine
{
    private static readonly Regex StageNamePattern = new("^[a-zA-Z0-9_]{1,128}$", RegexOptions.CultureInvariant);

    /// <summary>AWS lists the paths UpdateStage takes in this order, with its own separators.</summary>
    private const string StagePatchPaths =
        "[/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize, /clientCertificateId, /accessLogSettings, /accessLogSettings/destinationArn, " +
        "/accessLogSettings/format, /{resourcePath}/{httpMethod}/metrics/enabled, /{resourcePath}/{httpMethod}/logging/dataTrace, " +
        "/{resourcePath}/{httpMethod}/logging/loglevel, /{resourcePath}/{httpMethod}/throttling/burstLimit/{resourcePath}/{httpMethod}/throttling/rateLimit/" +
        "{resourcePath}/{httpMethod}/caching/ttlInSeconds, /{resourcePath}/{httpMethod}/caching/enabled, /{resourcePath}/{httpMethod}/caching/dataEncrypted, " +
        "/{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl, /{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy, " +
        "/*/*/metrics/enabled, /*/*/logging/dataTrace, /*/*/logging/loglevel, /*/*/throttling/burstLimit /*/*/throttling/rateLimit /*/*/caching/ttlInSeconds, " +
        "/*/*/caching/enabled, /*/*/caching/dataEncrypted, /*/*/caching/requireAuthorizationForCacheControl, " +
        "/*/*/caching/unauthorizedCacheControlHeaderStrategy, /variables/{variable_name}, /tracingEnabled]";

    public Stage CreateStage(RequestScope scope, CreateStageRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        CheckStageName(request.StageName!);
        GetDeployment(api, request.DeploymentId);
        if (api.Stages.ContainsKey(request.StageName!))
        {
            throw ApiGatewayErrors.Conflict("Stage already exists");
        }
        var stage = NewStage(request.StageName!, request.DeploymentId!, request.Description, request.Variables, request.TracingEnabled);
        stage.Tags = ResourceTags.Initial(request.Tags);
        SetCacheCluster(stage, request.CacheClusterEnabled ?? false, request.CacheClusterSize);
        if (request.CanarySettings is { } canary)
        {
            var deploymentId = canary.DeploymentId ?? request.DeploymentId!;
            if (!api.Deployments.ContainsKey(deploymentId))
            {
                throw ApiGatewayErrors.BadRequest("Deployment id does not exist");
            }
            CheckPercentTraffic(canary.PercentTraffic);
            stage.CanarySettings = new CanarySettings
            {
                DeploymentId = deploymentId,
                PercentTraffic = canary.PercentTraffic ?? 0,
                StageVariableOverrides = canary.StageVariableOverrides is { Count: > 0 } overrides ? new(overrides) : null,
                UseStageCache = canary.UseStageCache ?? false,
            };
        }
        api.Stages[stage.StageName!] = stage;
        return ApiGatewayJson.Clone(stage);
    });

    public Stage GetStage(RequestScope scope, GetStageRequest request) => Locked(scope, region =>
        ApiGatewayJson.Clone(GetStage(GetApi(region, request.RestApiId), request.StageName)));

    public Stages GetStages(RequestScope scope, GetStagesRequest request) => Locked(scope, region => new Stages
    {
        Item = GetApi(region, request.RestApiId).Stages.Values
            .Where(s => request.DeploymentId is null || s.DeploymentId == request.DeploymentId)
            .Select(ApiGatewayJson.Clone)
            .ToList(),
    });

    public Stage UpdateStage(RequestScope scope, UpdateStageRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var stage = GetStage(api, request.StageName);
        // Patches apply to a copy, so a request with one bad operation changes nothing.
        var updated = ApiGatewayJson.Clone(stage);
        foreach (var patch in request.PatchOperations ?? [])
        {
            ApplyStagePatch(api, updated, patch);
        }
        updated.LastUpdatedDate = Now;
        SetCacheCluster(updated, updated.CacheClusterEnabled == true, updated.CacheClusterSize);
        if (updated.CacheClusterEnabled != true)
        {
            region.StageCache.Flush(api.Api.Id!, stage.StageName!);
        }
        api.Stages[stage.StageName!] = updated;
        return ApiGatewayJson.Clone(updated);
    });

    public void DeleteStage(RequestScope scope, DeleteStageRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        var stage = GetStage(api, request.StageName);
        api.Stages.Remove(stage.StageName!);
        region.AuthorizerCache.Flush(api.Api.Id!, stage.StageName!);
        region.StageCache.Flush(api.Api.Id!, stage.StageName!);
    });

    /// <summary>Empties the stage's cache: the next request of each key reaches the integration.</summary>
    public void FlushStageCache(RequestScope scope, FlushStageCacheRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        GetStage(api, request.StageName);
        region.StageCache.Flush(api.Api.Id!, request.StageName!);
    });

    /// <summary>
    /// Turns the stage's cache cluster on (AVAILABLE at once, 0.5 GB unless sized) or off
    /// (NOT_AVAILABLE); AWS takes minutes to provision one, FakeAws none.
    /// </summary>
    private static void SetCacheCluster(Stage stage, bool enabled, string? size)
    {
        stage.CacheClusterEnabled = enabled;
        stage.CacheClusterSize = enabled ? size ?? "0.5" : size;
        stage.CacheClusterStatus = enabled ? "AVAILABLE" : "NOT_AVAILABLE";
    }

    public void FlushStageAuthorizersCache(RequestScope scope, FlushStageAuthorizersCacheRequest request) => Locked(scope, region =>
    {
        var api = GetApi(region, request.RestApiId);
        GetStage(api, request.StageName);
        region.AuthorizerCache.Flush(api.Api.Id!, request.StageName!);
    });

    private Stage NewStage(string name, string deploymentId, string? description, Dictionary<string, string>? variables, bool? tracing) => new()
    {
        DeploymentId = deploymentId,
        StageName = name,
        Description = description,
        CacheClusterEnabled = false,
        CacheClusterStatus = "NOT_AVAILABLE",
        MethodSettings = new(StringComparer.Ordinal),
        Variables = variables is { Count: > 0 } ? new(variables) : null,
        TracingEnabled = tracing ?? false,
        CreatedDate = Now,
        LastUpdatedDate = Now,
    };

    private static void CheckStageName(string name)
    {
        if (!StageNamePattern.IsMatch(name))
        {
            throw ApiGatewayErrors.BadRequest("Stage name only allows a-zA-Z0-9_");
        }
    }

    private static void ApplyStagePatch(RestApiState api, Stage stage, PatchOperation patch)
    {
        var path = patch.Path ?? "";
        if (path.StartsWith(CanaryPath + "/", StringComparison.Ordinal) || (path == CanaryPath && patch.Op == "remove"))
        {
            ApplyCanaryPatch(api, stage, patch);
            return;
        }
        if (path.StartsWith("/variables/", StringComparison.Ordinal))
        {
            var name = path["/variables/".Length..];
            if (patch.Op == "remove")
            {
                stage.Variables?.Remove(name);
            }
            else
            {
                (stage.Variables ??= new(StringComparer.Ordinal))[name] = patch.Value ?? "";
            }
            if (stage.Variables is { Count: 0 })
            {
                stage.Variables = null;
            }
            return;
        }
        switch (path)
        {
            case "/deploymentId":
                if (patch.Value is null || !api.Deployments.ContainsKey(patch.Value))
                {
                    throw ApiGatewayErrors.BadRequest("Deployment id does not exist");
                }
                stage.DeploymentId = patch.Value;
                return;
            case "/description":
                stage.Description = patch.Value;
                return;
            case "/tracingEnabled":
                stage.TracingEnabled = PatchOperations.Bool(patch);
                return;
            case "/cacheClusterEnabled":
                stage.CacheClusterEnabled = PatchOperations.Bool(patch);
                return;
            case "/cacheClusterSize":
                stage.CacheClusterSize = patch.Value;
                return;
        }
        // A method setting: /{resourcePath}/{httpMethod}/{group}/{setting}, with '/' in the resource path written as ~1.
        var segments = path.Split('/');
        if (segments.Length != 5 || segments[0].Length != 0 || MethodSettingSetter(segments[3], segments[4]) is not { } set)
        {
            throw ApiGatewayErrors.BadRequest($"Invalid method setting path: {path}. Must be one of: {StagePatchPaths}");
        }
        var key = $"{segments[1]}/{segments[2]}";
        var settings = stage.MethodSettings ??= new(StringComparer.Ordinal);
        if (!settings.TryGetValue(key, out var setting))
        {
            settings[key] = setting = new MethodSetting
            {
                MetricsEnabled = false,
                DataTraceEnabled = false,
                ThrottlingBurstLimit = 5000,
                ThrottlingRateLimit = 10000,
                CachingEnabled = false,
                CacheTtlInSeconds = 300,
                CacheDataEncrypted = false,
                RequireAuthorizationForCacheControl = true,
                UnauthorizedCacheControlHeaderStrategy = "SUCCEED_WITH_RESPONSE_HEADER",
            };
        }
        set(setting, patch);
    }

    private const string CanaryPath = "/canarySettings";

    /// <summary>
    /// A change to the stage's canary: <c>remove /canarySettings</c> ends it; replacing one of its
    /// settings starts one (at the stage's own deployment, 0 percent) when the stage has none.
    /// </summary>
    private static void ApplyCanaryPatch(RestApiState api, Stage stage, PatchOperation patch)
    {
        var path = patch.Path!;
        var setting = path.Length > CanaryPath.Length ? path[(CanaryPath.Length + 1)..] : "";
        const string Overrides = "stageVariableOverrides/";
        var isOverride = setting.StartsWith(Overrides, StringComparison.Ordinal) && setting.Length > Overrides.Length;
        if (patch.Op == "remove")
        {
            if (setting.Length == 0)
            {
                stage.CanarySettings = null;
                return;
            }
            if (!isOverride || stage.CanarySettings?.StageVariableOverrides is not { } existing || !existing.Remove(setting[Overrides.Length..]))
            {
                throw ApiGatewayErrors.BadRequest($"Cannot remove method setting canarySettings/{setting} because there is no method setting for this method ");
            }
            if (existing.Count == 0)
            {
                stage.CanarySettings.StageVariableOverrides = null;
            }
            return;
        }
        if (patch.Op != "replace" && !(isOverride && patch.Op == "add"))
        {
            throw ApiGatewayErrors.BadRequest($"Invalid {patch.Op} operation with path: {path}");
        }
        if (!isOverride && setting is not ("percentTraffic" or "deploymentId" or "useStageCache"))
        {
            throw ApiGatewayErrors.BadRequest($"Invalid method setting path: {path}. Must be one of: {StagePatchPaths}");
        }
        var canary = stage.CanarySettings ??= new CanarySettings { DeploymentId = stage.DeploymentId, PercentTraffic = 0, UseStageCache = false };
        switch (setting)
        {
            case "percentTraffic":
                canary.PercentTraffic = PatchOperations.Double(patch, $"Invalid value for percentTraffic: {patch.Value}");
                CheckPercentTraffic(canary.PercentTraffic);
                break;
            case "deploymentId":
                if (patch.Value is null || !api.Deployments.ContainsKey(patch.Value))
                {
                    throw ApiGatewayErrors.BadRequest("Deployment id does not exist");
                }
                canary.DeploymentId = patch.Value;
                break;
            case "useStageCache":
                canary.UseStageCache = PatchOperations.Bool(patch);
                break;
            default:
                (canary.StageVariableOverrides ??= new(StringComparer.Ordinal))[setting[Overrides.Length..]] = patch.Value ?? "";
                break;
        }
    }

    /// <summary>A canary takes 0 to 100 percent of the stage's traffic.</summary>
    private static void CheckPercentTraffic(double? percent)
    {
        if (percent is < 0 or > 100)
        {
            throw ApiGatewayErrors.BadRequest("Canary traffic percentage must be between 0.0 and 100.0");
        }
    }

    private static Action<MethodSetting, PatchOperation>? MethodSettingSetter(string group, string name) => (group, name) switch
    {
        ("throttling", "rateLimit") => (s, p) => s.ThrottlingRateLimit = PatchOperations.Double(p, $"Invalid value for rateLimit: {p.Value}"),
        ("throttling", "burstLimit") => (s, p) => s.ThrottlingBurstLimit = PatchOperations.Int(p, $"Invalid value for burstLimit: {p.Value}"),
        ("metrics", "enabled") => (s, p) => s.MetricsEnabled = PatchOperations.Bool(p),
        ("logging", "loglevel") => (s, p) => s.LoggingLevel = p.Value,
        ("logging", "dataTrace") => (s, p) => s.DataTraceEnabled = PatchOperations.Bool(p),
        ("caching", "enabled") => (s, p) => s.CachingEnabled = PatchOperations.Bool(p),
        ("caching", "ttlInSeconds") => (s, p) => s.CacheTtlInSeconds = PatchOperations.Int(p, $"Invalid value for ttlInSeconds: {p.Value}"),
        ("caching", "dataEncrypted") => (s, p) => s.CacheDataEncrypted = PatchOperations.Bool(p),
        ("caching", "requireAuthorizationForCacheControl") => (s, p) => s.RequireAuthorizationForCacheControl = PatchOperations.Bool(p),
        ("caching", "unauthorizedCacheControlHeaderStrategy") => (s, p) => s.UnauthorizedCacheControlHeaderStrategy = p.Value,
        _ => null,
    };
}
