using System.Text.Json.Nodes;

namespace FakeAws.Tests.Cognito;

/// <summary>
/// The legacy SetUserSettings and AdminSetUserSettings: MFAOptions can name only SMS to phone_number, which turns
/// SMS MFA on (an empty list turns it off), and GetUser and AdminGetUser show it in MFAOptions.
/// </summary>
public sealed class UserSettingsTests : CognitoTestBase
{
    private const string Email = "ana@example.com";

    private static readonly object[] SmsOption = [new { DeliveryMedium = "SMS", AttributeName = "phone_number" }];

    private async Task<(string PoolId, string ClientId)> PoolWithUser()
    {
        var (poolId, clientId) = await EmailPool();
        await ConfirmedUser(poolId, clientId, Email);
        return (poolId, clientId);
    }

    private static string[] Settings(JsonObject user) =>
        user["UserMFASettingList"]?.AsArray().Select(s => s!.GetValue<string>()).ToArray() ?? [];

    [Test]
    public async Task AdminSetUserSettings_TurnsSmsMfaOnAndOff_AndAdminGetUserShowsTheOption()
    {
        var (poolId, _) = await PoolWithUser();
        var before = await Idp("AdminGetUser", new { UserPoolId = poolId, Username = Email });
        Assert.That(before["MFAOptions"], Is.Null);

        await Idp("AdminSetUserSettings", new { UserPoolId = poolId, Username = Email, MFAOptions = SmsOption });
        var on = await Idp("AdminGetUser", new { UserPoolId = poolId, Username = Email });
        Assert.That(on["MFAOptions"]!.ToJsonString(), Is.EqualTo("""[{"DeliveryMedium":"SMS","AttributeName":"phone_number"}]"""));
        Assert.That(Settings(on), Is.EqualTo(new[] { "SMS_MFA" }));

        await Idp("AdminSetUserSettings", new { UserPoolId = poolId, Username = Email, MFAOptions = Array.Empty<object>() });
        var off = await Idp("AdminGetUser", new { UserPoolId = poolId, Username = Email });
        Assert.That((off["MFAOptions"], Settings(off)), Is.EqualTo(((JsonNode?)null, Array.Empty<string>())));
    }

    [Test]
    public async Task SetUserSettings_WithTheUsersAccessToken_ShowsInGetUser()
    {
        var (_, clientId) = await PoolWithUser();
        var token = (await PasswordSignIn(clientId, Email))["AccessToken"]!.GetValue<string>();

        await Idp("SetUserSettings", new { AccessToken = token, MFAOptions = SmsOption });

        var user = await Idp("GetUser", new { AccessToken = token });
        Assert.That(user["MFAOptions"]![0]!["DeliveryMedium"]!.GetValue<string>(), Is.EqualTo("SMS"));
        Assert.That(Settings(user), Is.EqualTo(new[] { "SMS_MFA" }));
    }

    [Test]
    public async Task OptionsOtherThanSmsToPhoneNumber_AUnknownUser_AndABadToken_AreRefused()
    {
        var (poolId, _) = await PoolWithUser();

        var email = await IdpError("AdminSetUserSettings", new { UserPoolId = poolId, Username = Email, MFAOptions = new[] { new { DeliveryMedium = "EMAIL", AttributeName = "email" } } });
        Assert.That(email.Code, Is.EqualTo("InvalidParameterException"));
        var attribute = await IdpError("AdminSetUserSettings", new { UserPoolId = poolId, Username = Email, MFAOptions = new[] { new { DeliveryMedium = "SMS", AttributeName = "email" } } });
        Assert.That(attribute.Code, Is.EqualTo("InvalidParameterException"));
        var nobody = await IdpError("AdminSetUserSettings", new { UserPoolId = poolId, Username = "nobody@example.com", MFAOptions = SmsOption });
        Assert.That((nobody.Code, nobody.Message), Is.EqualTo(("UserNotFoundException", "User does not exist.")));
        var noOptions = await IdpError("AdminSetUserSettings", new { UserPoolId = poolId, Username = Email });
        Assert.That(noOptions.Code, Is.EqualTo("InvalidParameterException"));
        var badToken = await IdpError("SetUserSettings", new { AccessToken = "not-a-token", MFAOptions = SmsOption });
        Assert.That(badToken.Code, Is.EqualTo("NotAuthorizedException"));

        var user = await Idp("AdminGetUser", new { UserPoolId = poolId, Username = Email });
        Assert.That(user["MFAOptions"], Is.Null, "a refused request changed nothing");
    }
}
