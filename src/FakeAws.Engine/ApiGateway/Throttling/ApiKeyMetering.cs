using FakeAws.Engine.ApiGateway.Invoke;
using FakeAws.Engine.ApiGateway.Model;
using GatewayResponse = FakeAws.Engine.ApiGateway.Invoke.GatewayResponse;

namespace FakeAws.Engine.ApiGateway.Throttling;

/// <summary>
/// A request to a method (REST) or route (WebSocket) that requires an API key: the key must exist,
/// be enabled and belong to a usage plan of the API's stage; the plan's throttle (or the stage's
/// throttle for the method or route) and quota then count the request.
/// </summary>
internal static class ApiKeyMetering
{
    /// <summary>Meters the request with the key <paramref name="value"/>; null when it may proceed (the key is then on the context), else the refusal.</summary>
    public static GatewayResponse? Meter(ApiGatewayRegion region, string? value, string methodKey, InvocationContext context, DateTimeOffset now)
    {
        ApiKey? key;
        UsagePlan? plan;
        lock (region.Gate)
        {
            key = value is null ? null : region.ApiKeys.Values.FirstOrDefault(k => k.Value == value && k.Enabled == true);
            plan = key is null ? null : region.UsagePlans.Values
                .Where(p => p.KeyIds.Contains(key.Id!) && p.Plan.ApiStages?.Any(s => s.ApiId == context.ApiId && s.Stage == context.Stage) == true)
                .Select(p => ApiGatewayJson.Clone(p.Plan))
                .FirstOrDefault();
        }
        if (key is null || plan is null)
        {
            return RestGatewayErrors.InvalidApiKey();
        }
        var apiStage = plan.ApiStages!.First(s => s.ApiId == context.ApiId && s.Stage == context.Stage);
        var throttle = apiStage.Throttle?.GetValueOrDefault(methodKey) ?? plan.Throttle;
        if (throttle?.RateLimit is { } rate
            && !region.Usage.TryTake($"plan/{plan.Id}/{key.Id}/{(throttle == plan.Throttle ? "*" : methodKey)}", rate, throttle.BurstLimit ?? (int)Math.Max(1, Math.Ceiling(rate)), now))
        {
            return RestGatewayErrors.Throttled();
        }
        if (plan.Quota is { Limit: { } limit } quota
            && !region.Usage.TryCount(ApiGatewayEngine.QuotaKey(plan.Id!, key.Id!), limit, quota.Period ?? "DAY", quota.Offset ?? 0, now))
        {
            return RestGatewayErrors.QuotaExceeded();
        }
        region.Usage.CountDay(ApiGatewayEngine.UsageKey(plan.Id!, key.Id!), now);
        context.ApiKey = key.Value;
        context.ApiKeyId = key.Id;
        return null;
    }
}
