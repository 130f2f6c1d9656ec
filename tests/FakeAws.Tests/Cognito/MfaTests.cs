namespace FakeAws.Tests.Cognito;

public class MfaTests : CognitoTestBase
{
    private static Dictionary<string, string> Auth(string username) => new() { ["USERNAME"] = username, ["PASSWORD"] = Password };

    [Test]
    public async Task SoftwareToken_AssociateVerifyEnable_ThenSignInNeedsTotpOnTheVirtualClock()
    {
        var (poolId, clientId) = await EmailPool(new { MfaConfiguration = "OPTIONAL" });
        await Idp("SetUserPoolMfaConfig", new { UserPoolId = poolId, MfaConfiguration = "OPTIONAL", SoftwareTokenMfaConfiguration = new { Enabled = true } });
        await ConfirmedUser(poolId, clientId, "totp@example.com");
        var access = (await PasswordSignIn(clientId, "totp@example.com"))["AccessToken"]!.GetValue<string>();

        var secret = (await Idp("AssociateSoftwareToken", new { AccessToken = access }))["SecretCode"]!.GetValue<string>();
        Assert.That(secret, Does.Match("^[A-Z2-7]{32}$"));
        var mismatch = await IdpError("VerifySoftwareToken", new { AccessToken = access, UserCode = "000000" == Aws.Cognito.TotpCode(secret) ? "111111" : "000000" });
        Assert.That((mismatch.Code, mismatch.Message), Is.EqualTo(("EnableSoftwareTokenMFAException", "Code mismatch")));
        var verified = await Idp("VerifySoftwareToken", new { AccessToken = access, UserCode = Aws.Cognito.TotpCode(secret) });
        Assert.That(verified["Status"]!.GetValue<string>(), Is.EqualTo("SUCCESS"));
        await Idp("SetUserMFAPreference", new { AccessToken = access, SoftwareTokenMfaSettings = new { Enabled = true, PreferredMfa = true } });

        var challenge = await Idp("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH", AuthParameters = Auth("totp@example.com") });
        Assert.That(challenge["ChallengeName"]!.GetValue<string>(), Is.EqualTo("SOFTWARE_TOKEN_MFA"));
        var session = challenge["Session"]!.GetValue<string>();
        var codeNow = Aws.Cognito.TotpCode(secret);

        Aws.Clock.Advance(TimeSpan.FromSeconds(90));
        var stale = await IdpError("RespondToAuthChallenge", new { ClientId = clientId, ChallengeName = "SOFTWARE_TOKEN_MFA", Session = session,
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "totp@example.com", ["SOFTWARE_TOKEN_MFA_CODE"] = codeNow } });
        Assert.That((stale.Code, stale.Message), Is.EqualTo(("CodeMismatchException", "Invalid code received for user")));

        var done = await Idp("RespondToAuthChallenge", new { ClientId = clientId, ChallengeName = "SOFTWARE_TOKEN_MFA", Session = session,
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "totp@example.com", ["SOFTWARE_TOKEN_MFA_CODE"] = Aws.Cognito.TotpCode(secret) } });
        Assert.That(done["AuthenticationResult"]!["IdToken"], Is.Not.Null);
        var user = await Idp("AdminGetUser", new { UserPoolId = poolId, Username = "totp@example.com" });
        Assert.That(user["PreferredMfaSetting"]!.GetValue<string>(), Is.EqualTo("SOFTWARE_TOKEN_MFA"));
    }

    [Test]
    public async Task SmsMfa_CodeReadableByTheTest_SessionExpiresOnTheClock()
    {
        var poolId = (await Idp("CreateUserPool", new { PoolName = "sms", MfaConfiguration = "OPTIONAL" }))["UserPool"]!["Id"]!.GetValue<string>();
        var clientId = await NewClient(poolId);
        await Idp("AdminCreateUser", new { UserPoolId = poolId, Username = "sam", MessageAction = "SUPPRESS", UserAttributes = new[] { new { Name = "phone_number", Value = "+15555550123" }, new { Name = "phone_number_verified", Value = "true" } } });
        await Idp("AdminSetUserPassword", new { UserPoolId = poolId, Username = "sam", Password, Permanent = true });
        await Idp("AdminSetUserMFAPreference", new { UserPoolId = poolId, Username = "sam", SMSMfaSettings = new { Enabled = true, PreferredMfa = true } });

        var challenge = await Idp("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH", AuthParameters = Auth("sam") });
        Assert.That(challenge["ChallengeName"]!.GetValue<string>(), Is.EqualTo("SMS_MFA"));
        Assert.That(challenge["ChallengeParameters"]!["CODE_DELIVERY_DESTINATION"]!.GetValue<string>(), Is.EqualTo("+*******0123"));
        var sms = Aws.Cognito.LastCodeSentTo(poolId, "sam")!;
        Assert.That((sms.DeliveryMedium, sms.Destination, sms.Purpose), Is.EqualTo(("SMS", "+15555550123", "Authentication")));

        Aws.Clock.Advance(TimeSpan.FromMinutes(4));
        var expired = await IdpError("RespondToAuthChallenge", new { ClientId = clientId, ChallengeName = "SMS_MFA", Session = challenge["Session"]!.GetValue<string>(),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "sam", ["SMS_MFA_CODE"] = sms.Code } });
        Assert.That((expired.Code, expired.Message), Is.EqualTo(("NotAuthorizedException", "Invalid session for the user, session is expired.")));

        var again = await Idp("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH", AuthParameters = Auth("sam") });
        var done = await Idp("RespondToAuthChallenge", new { ClientId = clientId, ChallengeName = "SMS_MFA", Session = again["Session"]!.GetValue<string>(),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "sam", ["SMS_MFA_CODE"] = Aws.Cognito.LastCodeSentTo(poolId, "sam")!.Code } });
        Assert.That(done["AuthenticationResult"]!["AccessToken"], Is.Not.Null);
    }

    [Test]
    public async Task MfaRequired_NoFactor_MfaSetupThroughTheSession()
    {
        var (poolId, clientId) = await EmailPool(new { MfaConfiguration = "ON" });
        await Idp("SetUserPoolMfaConfig", new { UserPoolId = poolId, MfaConfiguration = "ON", SoftwareTokenMfaConfiguration = new { Enabled = true } });
        await ConfirmedUser(poolId, clientId, "setup@example.com");

        var challenge = await Idp("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH", AuthParameters = Auth("setup@example.com") });
        Assert.That(challenge["ChallengeName"]!.GetValue<string>(), Is.EqualTo("MFA_SETUP"));
        var associated = await Idp("AssociateSoftwareToken", new { Session = challenge["Session"]!.GetValue<string>() });
        var verified = await Idp("VerifySoftwareToken", new { Session = associated["Session"]!.GetValue<string>(), UserCode = Aws.Cognito.TotpCode(associated["SecretCode"]!.GetValue<string>()) });
        var done = await Idp("RespondToAuthChallenge", new { ClientId = clientId, ChallengeName = "MFA_SETUP", Session = verified["Session"]!.GetValue<string>(),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "setup@example.com" } });
        Assert.That(done["AuthenticationResult"]!["IdToken"], Is.Not.Null);
    }

    [Test]
    public async Task SetUserMfaPreference_UnverifiedToken_InvalidParameter()
    {
        var (poolId, clientId) = await EmailPool();
        await ConfirmedUser(poolId, clientId, "u@example.com");
        var access = (await PasswordSignIn(clientId, "u@example.com"))["AccessToken"]!.GetValue<string>();
        var error = await IdpError("SetUserMFAPreference", new { AccessToken = access, SoftwareTokenMfaSettings = new { Enabled = true } });
        Assert.That((error.Code, error.Message), Is.EqualTo(("InvalidParameterException", "User has not verified software token mfa")));
    }

    [Test]
    public async Task RespondToAuthChallenge_UnknownSession_InvalidSession()
    {
        var (_, clientId) = await EmailPool();
        var error = await IdpError("RespondToAuthChallenge", new { ClientId = clientId, ChallengeName = "SMS_MFA", Session = "AYABe" + new string('x', 40),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "x", ["SMS_MFA_CODE"] = "123456" } });
        Assert.That((error.Code, error.Message), Is.EqualTo(("NotAuthorizedException", "Invalid session for the user.")));
    }
}
