namespace FakeAws.Tests.ApiGateway;

// GetUsage and UpdateUsage over the metered API.
public partial class UsagePlanTests
{
    private static List<long[]> Days(ApiReply usage, string keyId) =>
        usage.Json.GetProperty("values").GetProperty(keyId).EnumerateArray().Select(d => d.EnumerateArray().Select(n => n.GetInt64()).ToArray()).ToList();

    [Test]
    public async Task GetUsage_DailyUsedAndRemaining_ForTheKeysOfThePlan()
    {
        var planId = await Plan(quota: new { limit = 5, period = "DAY" });
        (await Call(_keyValue)).Dispose();
        (await Call(_keyValue)).Dispose();

        var usage = await Api.Get($"/usageplans/{planId}/usage?startDate=2030-05-31&endDate=2030-06-01");
        var filtered = await Api.Get($"/usageplans/{planId}/usage?startDate=2030-06-01&endDate=2030-06-01&keyId=other");
        using var fresh = new FakeAwsCloud();
        fresh.Restore(Aws.Snapshot());
        using var restored = new ApiGatewayWire(fresh);
        var afterRestore = await restored.Get($"/usageplans/{planId}/usage?startDate=2030-06-01&endDate=2030-06-01");

        Assert.Multiple(async () =>
        {
            AssertStatus(usage, 200);
            Assert.That(usage.Json.GetProperty("usagePlanId").GetString(), Is.EqualTo(planId));
            Assert.That((usage.Json.GetProperty("startDate").GetString(), usage.Json.GetProperty("endDate").GetString()), Is.EqualTo(("2030-05-31", "2030-06-01")));
            Assert.That(Days(usage, _keyId), Is.EqualTo(new[] { new long[] { 0, 5 }, new long[] { 2, 3 } }));
            Assert.That(filtered.Json.GetProperty("values").EnumerateObject(), Is.Empty);
            Assert.That(Days(afterRestore, _keyId), Is.EqualTo(new[] { new long[] { 2, 3 } }), "snapshots keep the counts");
            AssertError(await Api.Get("/usageplans/nope/usage?startDate=2030-06-01&endDate=2030-06-01"), 404, "NotFoundException", "Invalid Usage Plan ID specified");
            AssertError(await Api.Get($"/usageplans/{planId}/usage?startDate=June&endDate=2030-06-01"), 400, "BadRequestException",
                "Invalid date format: June. Dates must be of the form yyyy-MM-dd");
            AssertError(await Api.Get($"/usageplans/{planId}/usage?startDate=2030-06-02&endDate=2030-06-01"), 400, "BadRequestException",
                "The end date must not be before the start date");
        });
    }

    [Test]
    public async Task UpdateUsage_ExtendsTheRemainingQuota()
    {
        var planId = await Plan(quota: new { limit = 1, period = "DAY" });
        (await Call(_keyValue)).Dispose();
        using var refused = await Call(_keyValue);

        var updated = await Api.PatchOperations($"/usageplans/{planId}/keys/{_keyId}/usage", new { op = "replace", path = "/remaining", value = "2" });
        using var allowed = await Call(_keyValue);
        var after = await Api.Get($"/usageplans/{planId}/usage?startDate=2030-06-01&endDate=2030-06-01");

        Assert.Multiple(async () =>
        {
            Assert.That((int)refused.StatusCode, Is.EqualTo(429));
            AssertStatus(updated, 200);
            Assert.That(Days(updated, _keyId), Is.EqualTo(new[] { new long[] { 1, 2 } }));
            Assert.That((int)allowed.StatusCode, Is.EqualTo(200));
            Assert.That(Days(after, _keyId), Is.EqualTo(new[] { new long[] { 2, 1 } }));
            AssertError(await Api.PatchOperations($"/usageplans/{planId}/keys/nope/usage", new { op = "replace", path = "/remaining", value = "2" }), 404,
                "NotFoundException", "Invalid Usage Plan Key identifier specified");
            AssertError(await Api.PatchOperations($"/usageplans/{planId}/keys/{_keyId}/usage", new { op = "replace", path = "/used", value = "2" }), 400,
                "BadRequestException", "Invalid patch path  '/used' specified for op 'replace'. Must be one of: [/remaining]");
        });
    }

    [Test]
    public async Task UpdateUsage_PlanWithoutQuota_IsRefused()
    {
        var planId = await Plan();

        AssertError(await Api.PatchOperations($"/usageplans/{planId}/keys/{_keyId}/usage", new { op = "replace", path = "/remaining", value = "2" }), 400,
            "BadRequestException", $"Usage plan {planId} does not have a quota");
    }

    [Test]
    public async Task ImportApiKeys_Csv_IntoPlans_WithWarnings()
    {
        var planId = await Plan();
        const string Csv = "Name,key,description,Enabled,usageplanIds\n"
            + "first,first-key-value-0123456789,one,true," + "{0}\n"
            + "short,tooshort,two,true,\n"
            + "second,second-key-value-0123456789,,false,\n";
        var body = string.Format(System.Globalization.CultureInfo.InvariantCulture, Csv, planId);

        var refused = await Api.Send(HttpMethod.Post, "/apikeys?mode=import&format=csv&failonwarnings=true", body);
        var countAfterRefusal = (await Api.Get("/apikeys")).Json.GetProperty("item").GetArrayLength();
        var imported = await Api.Send(HttpMethod.Post, "/apikeys?mode=import&format=csv", body);

        AssertStatus(imported, 201);
        var ids = imported.Json.GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToList();
        var first = await Api.Get($"/apikeys/{ids[0]}?includeValue=true");
        Assert.Multiple(async () =>
        {
            AssertStatus(refused, 400);
            Assert.That(refused.ErrorType, Is.EqualTo("BadRequestException"));
            Assert.That(countAfterRefusal, Is.EqualTo(1), "a refused file imports nothing");
            Assert.That(ids, Has.Count.EqualTo(2));
            Assert.That(imported.Json.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()),
                Is.EqualTo(new[] { "Line 3: API Key value should be at least 20 characters" }));
            Assert.That(first.Json.GetProperty("value").GetString(), Is.EqualTo("first-key-value-0123456789"));
            Assert.That((first.Json.GetProperty("name").GetString(), first.Json.GetProperty("enabled").GetBoolean()), Is.EqualTo(("first", true)));
            var planKeys = (await Api.Get($"/usageplans/{planId}/keys")).Json.GetProperty("item").EnumerateArray().Select(k => k.GetProperty("id").GetString());
            Assert.That(planKeys, Does.Contain(ids[0]));
            // A key just imported calls the API through its plan.
            using var call = await Call("first-key-value-0123456789");
            Assert.That((int)call.StatusCode, Is.EqualTo(200));
        });
    }
}
