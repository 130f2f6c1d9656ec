using System.Globalization;
using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.ApiGateway.Throttling;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// GetUsage and UpdateUsage: the daily counts and quotas the data plane keeps for each usage plan key.
internal sealed partial class ApiGatewayEngine
{
    private static readonly string[] UsagePatchPaths = ["/remaining"];

    /// <summary>The quota counter of a key in a plan, as the data plane counts it.</summary>
    internal static string QuotaKey(string planId, string keyId) => $"quota/{planId}/{keyId}";

    /// <summary>The daily request count of a key in a plan.</summary>
    internal static string UsageKey(string planId, string keyId) => $"usage/{planId}/{keyId}";

    /// <summary>
    /// The plan's keys (or the one <c>keyId</c> names), each with one <c>[used, remaining]</c> entry a
    /// day from <c>startDate</c> to <c>endDate</c>: the requests the key made that day, and what is left
    /// of the quota in the period that holds the day (0 for a plan without a quota).
    /// </summary>
    public Usage GetUsage(RequestScope scope, GetUsageRequest request) => Locked(scope, region =>
    {
        var plan = GetUsagePlan(region, request.UsagePlanId);
        var start = UsageDate(request.StartDate);
        var end = UsageDate(request.EndDate);
        if (end < start)
        {
            throw ApiGatewayErrors.BadRequest("The end date must not be before the start date");
        }
        var keys = plan.KeyIds.Where(k => request.KeyId is null || k == request.KeyId).ToList();
        var (page, next) = Paging.Page(keys, request.Limit, request.Position);
        var items = new Dictionary<string, List<List<long?>>>(StringComparer.Ordinal);
        foreach (var keyId in page)
        {
            var days = new List<List<long?>>();
            for (var day = start; day <= end; day = day.AddDays(1))
            {
                days.Add([region.Usage.UsedOn(UsageKey(plan.Plan.Id!, keyId), day), Remaining(region, plan.Plan, keyId, day)]);
            }
            items[keyId] = days;
        }
        return new Usage { UsagePlanId = plan.Plan.Id, StartDate = request.StartDate, EndDate = request.EndDate, Items = items, Position = next };
    });

    /// <summary>
    /// Replaces <c>/remaining</c>: the key's remaining quota for the current period, which may exceed the
    /// plan's limit (a temporary extension, as AWS calls it). Answers the key's usage today.
    /// </summary>
    public Usage UpdateUsage(RequestScope scope, UpdateUsageRequest request) => Locked(scope, region =>
    {
        var plan = GetUsagePlan(region, request.UsagePlanId);
        if (request.KeyId is not { } keyId || !plan.KeyIds.Contains(keyId))
        {
            throw ApiGatewayErrors.UsagePlanKeyNotFound();
        }
        foreach (var patch in request.PatchOperations ?? [])
        {
            PatchOperations.RequireReplace(patch, UsagePatchPaths);
            if (plan.Plan.Quota is not { Limit: { } limit } quota)
            {
                throw ApiGatewayErrors.BadRequest($"Usage plan {plan.Plan.Id} does not have a quota");
            }
            var remaining = PatchOperations.Int(patch, $"Invalid remaining quota value: {patch.Value}");
            region.Usage.SetQuotaUsed(QuotaKey(plan.Plan.Id!, keyId), quota.Period ?? "DAY", quota.Offset ?? 0, Now, limit - remaining);
        }
        var today = UsageMeter.PeriodStart("DAY", 0, Now);
        var date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Usage
        {
            UsagePlanId = plan.Plan.Id,
            StartDate = date,
            EndDate = date,
            Items = new() { [keyId] = [[region.Usage.UsedOn(UsageKey(plan.Plan.Id!, keyId), today), Remaining(region, plan.Plan, keyId, today)]] },
        };
    });

    private static long Remaining(ApiGatewayRegion region, UsagePlan plan, string keyId, DateTimeOffset day) =>
        plan.Quota is { Limit: { } limit } quota
            ? Math.Max(0, limit - region.Usage.QuotaUsed(QuotaKey(plan.Id!, keyId), quota.Period ?? "DAY", quota.Offset ?? 0, day))
            : 0;

    private static DateTimeOffset UsageDate(string? text) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : throw ApiGatewayErrors.BadRequest($"Invalid date format: {text}. Dates must be of the form yyyy-MM-dd");
}
