// Facts from AWS-recorded responses in LocalStack's tests/aws/services/lambda_/test_lambda_api.py
// (snapshots validated against AWS): TestLambdaAccountSettings::test_account_settings and
// test_account_settings_total_code_size_config_update.
namespace FakeAws.Tests.Lambda.Parity;

public class AccountSettingsParityTests : ParityTestBase
{
    private async Task<System.Text.Json.JsonElement> SettingsAsync()
    {
        var reply = await Wire.Get("/2016-08-19/account-settings");
        AssertOk(reply);
        return reply.Json;
    }

    [Test]
    public async Task GetAccountSettings_Members_LimitsAndUsageAsAwsNamesThem()
    {
        var settings = await SettingsAsync();

        Assert.That(settings.GetProperty("AccountLimit").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal),
            Is.EqualTo(new[] { "CodeSizeUnzipped", "CodeSizeZipped", "ConcurrentExecutions", "TotalCodeSize", "UnreservedConcurrentExecutions" }));
        Assert.That(settings.GetProperty("AccountUsage").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal),
            Is.EqualTo(new[] { "FunctionCount", "TotalCodeSize" }));
    }

    [Test]
    public async Task GetAccountSettings_ConfigurationUpdate_TotalCodeSizeUnchangedUntilPublished()
    {
        var before = await SettingsAsync();
        var created = await CreateAsync("fn");
        var afterCreate = await SettingsAsync();
        await Wire.Put("/2015-03-31/functions/fn/configuration", new { Runtime = "nodejs18.x" });
        var afterUpdate = await SettingsAsync();
        await Wire.PublishVersion("fn", new { Description = "actually publish the config update" });
        var afterPublish = await SettingsAsync();

        long Total(System.Text.Json.JsonElement s) => s.GetProperty("AccountUsage").GetProperty("TotalCodeSize").GetInt64();
        var codeSize = created.Json.GetProperty("CodeSize").GetInt64();
        Assert.Multiple(() =>
        {
            Assert.That(Total(afterCreate) - Total(before), Is.EqualTo(codeSize));
            Assert.That(Total(afterUpdate), Is.EqualTo(Total(afterCreate)));
            Assert.That(Total(afterPublish) - Total(afterUpdate), Is.EqualTo(codeSize));
        });
    }
}
