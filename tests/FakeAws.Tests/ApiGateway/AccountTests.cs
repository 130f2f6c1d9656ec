namespace FakeAws.Tests.ApiGateway;

/// <summary>GetAccount and UpdateAccount: the account's API Gateway settings in a region.</summary>
public class AccountTests : ApiGatewayTestBase
{
    private const string Role = "arn:aws:iam::123456789012:role/apigateway-logs";

    [Test]
    public async Task GetAccount_AwsDefaults()
    {
        var account = await Api.Get("/account");

        AssertStatus(account, 200);
        Assert.Multiple(() =>
        {
            Assert.That(account.Json.GetProperty("throttleSettings").GetProperty("burstLimit").GetInt32(), Is.EqualTo(5000));
            Assert.That(account.Json.GetProperty("throttleSettings").GetProperty("rateLimit").GetDouble(), Is.EqualTo(10000));
            Assert.That(account.Json.GetProperty("features").EnumerateArray().Select(f => f.GetString()), Is.EqualTo(new[] { "UsagePlans" }));
            Assert.That(account.Json.GetProperty("apiKeyVersion").GetString(), Is.EqualTo("4"));
            Assert.That(account.Json.TryGetProperty("cloudwatchRoleArn", out _), Is.False);
        });
    }

    [Test]
    public async Task UpdateAccount_RoleAndFeatures_KeptPerRegionAndInSnapshots()
    {
        var updated = await Api.PatchOperations("/account",
            new { op = "replace", path = "/cloudwatchRoleArn", value = Role },
            new { op = "remove", path = "/features", value = "UsagePlans" });
        using var otherRegion = new ApiGatewayWire(Aws, "eu-west-1");
        var snapshot = Aws.Snapshot();
        using var fresh = new FakeAwsCloud();
        fresh.Restore(snapshot);
        using var restored = new ApiGatewayWire(fresh);

        Assert.Multiple(async () =>
        {
            AssertStatus(updated, 200);
            Assert.That(updated.Json.GetProperty("cloudwatchRoleArn").GetString(), Is.EqualTo(Role));
            Assert.That(updated.Json.GetProperty("features").EnumerateArray(), Is.Empty);
            Assert.That((await Api.Get("/account")).Json.GetProperty("cloudwatchRoleArn").GetString(), Is.EqualTo(Role));
            Assert.That((await otherRegion.Get("/account")).Json.TryGetProperty("cloudwatchRoleArn", out _), Is.False);
            Assert.That((await restored.Get("/account")).Json.GetProperty("cloudwatchRoleArn").GetString(), Is.EqualTo(Role));
            AssertError(await Api.PatchOperations("/account", new { op = "replace", path = "/apiKeyVersion", value = "3" }), 400, "BadRequestException",
                "Invalid patch path  '/apiKeyVersion' specified for op 'replace'. Must be one of: [/cloudwatchRoleArn, /features]");
        });
    }
}
