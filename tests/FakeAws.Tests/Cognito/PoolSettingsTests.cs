using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace FakeAws.Tests.Cognito;

/// <summary>User pool settings that are stored and validated: UI customisation, managed login branding, log delivery, risk configuration, the signing certificate.</summary>
public sealed class PoolSettingsTests : CognitoTestBase
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

    [Test]
    public async Task UICustomization_PerClientOrAll_WithAwsCssRules()
    {
        var (poolId, clientId) = await EmailPool();
        var noDomain = await IdpError("SetUICustomization", new { UserPoolId = poolId, CSS = ".label-customizable { font-weight: 400; }" });
        Assert.That(noDomain.Code, Is.EqualTo("InvalidParameterException"));
        await Idp("CreateUserPoolDomain", new { UserPoolId = poolId, Domain = "branded" });

        var all = (await Idp("SetUICustomization", new { UserPoolId = poolId, ClientId = "ALL", CSS = ".label-customizable { font-weight: 400; }", ImageFile = Png }))["UICustomization"]!;
        Assert.That(all["ImageUrl"]!.GetValue<string>(), Does.Match($@"^https://[a-z0-9]+\.cloudfront\.net/{poolId}/ALL/\d{{14}}/assets/images/image\.png$"));
        Assert.That(all["CSSVersion"]!.GetValue<string>(), Has.Length.EqualTo(14));
        var fallback = (await Idp("GetUICustomization", new { UserPoolId = poolId, ClientId = clientId }))["UICustomization"]!;
        Assert.That(fallback["CSS"]!.GetValue<string>(), Is.EqualTo(".label-customizable { font-weight: 400; }"));

        await Idp("SetUICustomization", new { UserPoolId = poolId, ClientId = clientId, CSS = ".submitButton-customizable:hover, .banner-customizable { background-color: #ff0000; }" });
        var own = (await Idp("GetUICustomization", new { UserPoolId = poolId, ClientId = clientId }))["UICustomization"]!;
        Assert.That((own["ClientId"]!.GetValue<string>(), own["ImageUrl"]), Is.EqualTo((clientId, (JsonNode?)null)));

        foreach (var css in new[] { ".my-own-class { color: red; }", "@import url(x.css);", ".label-customizable { background: url(<script>); }" })
        {
            var refused = await IdpError("SetUICustomization", new { UserPoolId = poolId, ClientId = clientId, CSS = css });
            Assert.That(refused.Code, Is.EqualTo("InvalidParameterException"), css);
        }
        var notAnImage = await IdpError("SetUICustomization", new { UserPoolId = poolId, ImageFile = "GIF89a"u8.ToArray() });
        Assert.That(notAnImage.Code, Is.EqualTo("InvalidParameterException"));
        var tooLarge = await IdpError("SetUICustomization", new { UserPoolId = poolId, ImageFile = new byte[131073] });
        Assert.That(tooLarge.Code, Is.EqualTo("InvalidParameterException"));
        var unknownClient = await IdpError("GetUICustomization", new { UserPoolId = poolId, ClientId = "nosuchclient" });
        Assert.That(unknownClient.Code, Is.EqualTo("ResourceNotFoundException"));
    }

    [Test]
    public async Task ManagedLoginBranding_OnePerClient_CreateDescribeUpdateDelete()
    {
        var (poolId, clientId) = await EmailPool();
        var settings = new { components = new { pageBackground = new { image = new { enabled = false } } } };
        var created = (await Idp("CreateManagedLoginBranding", new
        {
            UserPoolId = poolId, ClientId = clientId, Settings = settings,
            Assets = new[] { new { Category = "PAGE_HEADER_LOGO", ColorMode = "LIGHT", Extension = "PNG", Bytes = Png } },
        }))["ManagedLoginBranding"]!;
        var id = created["ManagedLoginBrandingId"]!.GetValue<string>();
        Assert.That(id, Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        Assert.That(created["Settings"]!.ToJsonString(), Is.EqualTo("""{"components":{"pageBackground":{"image":{"enabled":false}}}}"""));
        Assert.That(created["UseCognitoProvidedValues"]!.GetValue<bool>(), Is.False);

        var twice = await IdpError("CreateManagedLoginBranding", new { UserPoolId = poolId, ClientId = clientId, UseCognitoProvidedValues = true });
        Assert.That(twice.Code, Is.EqualTo("ManagedLoginBrandingExistsException"));
        var byClient = (await Idp("DescribeManagedLoginBrandingByClient", new { UserPoolId = poolId, ClientId = clientId }))["ManagedLoginBranding"]!;
        Assert.That(byClient["ManagedLoginBrandingId"]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That(byClient["Assets"]![0]!["Category"]!.GetValue<string>(), Is.EqualTo("PAGE_HEADER_LOGO"));

        var both = await IdpError("UpdateManagedLoginBranding", new { UserPoolId = poolId, ManagedLoginBrandingId = id, UseCognitoProvidedValues = true, Settings = settings });
        Assert.That(both.Code, Is.EqualTo("InvalidParameterException"));
        var updated = (await Idp("UpdateManagedLoginBranding", new { UserPoolId = poolId, ManagedLoginBrandingId = id, UseCognitoProvidedValues = true }))["ManagedLoginBranding"]!;
        Assert.That((updated["UseCognitoProvidedValues"]!.GetValue<bool>(), updated["Settings"], updated["Assets"]!.AsArray().Count), Is.EqualTo((true, (JsonNode?)null, 0)));

        await Idp("DeleteManagedLoginBranding", new { UserPoolId = poolId, ManagedLoginBrandingId = id });
        var gone = await IdpError("DescribeManagedLoginBranding", new { UserPoolId = poolId, ManagedLoginBrandingId = id });
        Assert.That(gone.Code, Is.EqualTo("ResourceNotFoundException"));
    }

    [Test]
    public async Task LogDelivery_OneDestinationPerEventSource_AndUserActivityNeedsPlus()
    {
        var (poolId, _) = await EmailPool();
        var empty = (await Idp("GetLogDeliveryConfiguration", new { UserPoolId = poolId }))["LogDeliveryConfiguration"]!;
        Assert.That(empty["LogConfigurations"]!.AsArray(), Is.Empty);
        var logGroup = new { LogGroupArn = "arn:aws:logs:us-east-1:123456789012:log-group:cognito-errors" };

        var set = (await Idp("SetLogDeliveryConfiguration", new
        {
            UserPoolId = poolId, LogConfigurations = new[] { new { LogLevel = "ERROR", EventSource = "userNotification", CloudWatchLogsConfiguration = logGroup } },
        }))["LogDeliveryConfiguration"]!;
        Assert.That(set["LogConfigurations"]![0]!["CloudWatchLogsConfiguration"]!["LogGroupArn"]!.GetValue<string>(), Does.EndWith("cognito-errors"));
        Assert.That((await Idp("GetLogDeliveryConfiguration", new { UserPoolId = poolId }))["LogDeliveryConfiguration"]!.ToJsonString(), Is.EqualTo(set.ToJsonString()));

        var wrongLevel = await IdpError("SetLogDeliveryConfiguration", new
        {
            UserPoolId = poolId, LogConfigurations = new[] { new { LogLevel = "INFO", EventSource = "userNotification", CloudWatchLogsConfiguration = logGroup } },
        });
        Assert.That(wrongLevel.Code, Is.EqualTo("InvalidParameterException"));
        var notPlus = await IdpError("SetLogDeliveryConfiguration", new
        {
            UserPoolId = poolId, LogConfigurations = new[] { new { LogLevel = "INFO", EventSource = "userAuthEvents", CloudWatchLogsConfiguration = logGroup } },
        });
        Assert.That(notPlus.Code, Is.EqualTo("FeatureUnavailableInTierException"));
    }

    [Test]
    public async Task RiskConfiguration_NeedsThreatProtection_AndAClientFallsBackToThePools()
    {
        var (poolId, clientId) = await EmailPool();
        var off = await IdpError("DescribeRiskConfiguration", new { UserPoolId = poolId });
        Assert.That(off.Code, Is.EqualTo("UserPoolAddOnNotEnabledException"));
        await Idp("UpdateUserPool", new { UserPoolId = poolId, UserPoolTier = "PLUS", UserPoolAddOns = new { AdvancedSecurityMode = "ENFORCED" } });

        var set = (await Idp("SetRiskConfiguration", new
        {
            UserPoolId = poolId,
            CompromisedCredentialsRiskConfiguration = new { EventFilter = new[] { "SIGN_IN" }, Actions = new { EventAction = "BLOCK" } },
            RiskExceptionConfiguration = new { BlockedIPRangeList = new[] { "192.0.2.0/24" } },
        }))["RiskConfiguration"]!;
        Assert.That(set["LastModifiedDate"], Is.Not.Null);
        var forClient = (await Idp("DescribeRiskConfiguration", new { UserPoolId = poolId, ClientId = clientId }))["RiskConfiguration"]!;
        Assert.That(forClient["CompromisedCredentialsRiskConfiguration"]!["Actions"]!["EventAction"]!.GetValue<string>(), Is.EqualTo("BLOCK"));

        var badRange = await IdpError("SetRiskConfiguration", new { UserPoolId = poolId, RiskExceptionConfiguration = new { SkippedIPRangeList = new[] { "not-a-range" } } });
        Assert.That(badRange.Code, Is.EqualTo("InvalidParameterException"));
        var action = new { Notify = true, EventAction = "MFA_IF_CONFIGURED" };
        var noNotify = await IdpError("SetRiskConfiguration", new
        {
            UserPoolId = poolId, ClientId = clientId,
            AccountTakeoverRiskConfiguration = new { Actions = new { LowAction = action, MediumAction = action, HighAction = action } },
        });
        Assert.That(noNotify.Code, Is.EqualTo("InvalidParameterException"));

        await Idp("SetRiskConfiguration", new { UserPoolId = poolId });
        var cleared = (await Idp("DescribeRiskConfiguration", new { UserPoolId = poolId }))["RiskConfiguration"]!;
        Assert.That(cleared["CompromisedCredentialsRiskConfiguration"], Is.Null);
    }

    [Test]
    public async Task SigningCertificate_IsTheSameSelfSignedCertificate_EachTime()
    {
        var (poolId, _) = await EmailPool();
        var first = (await Idp("GetSigningCertificate", new { UserPoolId = poolId }))["Certificate"]!.GetValue<string>();
        var second = (await Idp("GetSigningCertificate", new { UserPoolId = poolId }))["Certificate"]!.GetValue<string>();
        Assert.That(second, Is.EqualTo(first));
        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(first));
        Assert.That(certificate.Subject, Is.EqualTo($"CN={poolId}"));
        Assert.That(certificate.GetRSAPublicKey(), Is.Not.Null);
        var missing = await IdpError("GetSigningCertificate", new { UserPoolId = "us-east-1_nosuchpoo" });
        Assert.That(missing.Code, Is.EqualTo("ResourceNotFoundException"));
    }

    [Test]
    public async Task Settings_SurviveASnapshot()
    {
        var (poolId, clientId) = await EmailPool();
        await Idp("CreateManagedLoginBranding", new { UserPoolId = poolId, ClientId = clientId, Settings = new { categories = new { global = new { colorSchemeMode = "DARK" } } } });
        await Idp("SetLogDeliveryConfiguration", new
        {
            UserPoolId = poolId,
            LogConfigurations = new[] { new { LogLevel = "ERROR", EventSource = "userNotification", CloudWatchLogsConfiguration = new { LogGroupArn = "arn:aws:logs:us-east-1:123456789012:log-group:x" } } },
        });
        using var fresh = new FakeAwsCloud();
        fresh.Restore(Aws.Snapshot());

        var branding = await fresh.CallAsync("cognito-idp", "DescribeManagedLoginBrandingByClient", new JsonObject { ["UserPoolId"] = poolId, ["ClientId"] = clientId });
        Assert.That(branding!["ManagedLoginBranding"]!["Settings"]!["categories"]!["global"]!["colorSchemeMode"]!.GetValue<string>(), Is.EqualTo("DARK"));
        var logs = await fresh.CallAsync("cognito-idp", "GetLogDeliveryConfiguration", new JsonObject { ["UserPoolId"] = poolId });
        Assert.That(logs!["LogDeliveryConfiguration"]!["LogConfigurations"]!.AsArray(), Has.Count.EqualTo(1));
    }
}
