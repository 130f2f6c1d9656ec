using System.Text.Json.Nodes;

namespace FakeAws.Tests.Cognito;

/// <summary>Choice-based sign-in (USER_AUTH) and refresh-token rotation through GetTokensFromRefreshToken.</summary>
public sealed class ChoiceSignInTests : CognitoTestBase
{
    [Test]
    public async Task EmailOtp_PreferredChallenge_SendsACode_ThatSignsIn()
    {
        var (poolId, clientId) = await PasswordlessPool();
        await ConfirmedUser(poolId, clientId, "ada@example.com");

        var challenge = await Idp("InitiateAuth", new
        {
            ClientId = clientId, AuthFlow = "USER_AUTH",
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "ada@example.com", ["PREFERRED_CHALLENGE"] = "EMAIL_OTP" },
        });
        Assert.That(challenge["ChallengeName"]!.GetValue<string>(), Is.EqualTo("EMAIL_OTP"));
        Assert.That(challenge["ChallengeParameters"]!["CODE_DELIVERY_DELIVERY_MEDIUM"]!.GetValue<string>(), Is.EqualTo("EMAIL"));
        var sent = Aws.Cognito.LastCodeSentTo(poolId, "ada@example.com")!;
        Assert.That((sent.DeliveryMedium, sent.Purpose), Is.EqualTo(("EMAIL", "Authentication")));

        var wrong = await IdpError("RespondToAuthChallenge", new
        {
            ClientId = clientId, ChallengeName = "EMAIL_OTP", Session = challenge["Session"]!.GetValue<string>(),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "ada@example.com", ["EMAIL_OTP_CODE"] = "000000" + sent.Code },
        });
        Assert.That(wrong.Code, Is.EqualTo("CodeMismatchException"));
        var done = await Idp("RespondToAuthChallenge", new
        {
            ClientId = clientId, ChallengeName = "EMAIL_OTP", Session = challenge["Session"]!.GetValue<string>(),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "ada@example.com", ["EMAIL_OTP_CODE"] = sent.Code },
        });
        var tokens = done["AuthenticationResult"]!;
        Assert.That(Claims(tokens["IdToken"]!.GetValue<string>())["email"]!.GetValue<string>(), Is.EqualTo("ada@example.com"));

        var factors = await Idp("GetUserAuthFactors", new { AccessToken = tokens["AccessToken"]!.GetValue<string>() });
        Assert.That(factors["ConfiguredUserAuthFactors"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EqualTo(new[] { "PASSWORD", "EMAIL_OTP" }));
    }

    [Test]
    public async Task NoPreference_SelectChallenge_ListsTheUsersFactors_AndPasswordAnswersAtOnce()
    {
        var (poolId, clientId) = await PasswordlessPool();
        await ConfirmedUser(poolId, clientId, "grace@example.com");
        var select = await Idp("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_AUTH", AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "grace@example.com" } });
        Assert.That(select["ChallengeName"]!.GetValue<string>(), Is.EqualTo("SELECT_CHALLENGE"));
        Assert.That(select["AvailableChallenges"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { "PASSWORD_SRP", "PASSWORD", "EMAIL_OTP" }));

        var done = await Idp("RespondToAuthChallenge", new
        {
            ClientId = clientId, ChallengeName = "SELECT_CHALLENGE", Session = select["Session"]!.GetValue<string>(),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "grace@example.com", ["ANSWER"] = "PASSWORD", ["PASSWORD"] = Password },
        });
        Assert.That(done["AuthenticationResult"]!["AccessToken"], Is.Not.Null);

        var notEnabled = await IdpError("InitiateAuth", new { ClientId = await NewClient(poolId), AuthFlow = "USER_AUTH", AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "grace@example.com" } });
        Assert.That((notEnabled.Code, notEnabled.Message), Is.EqualTo(("InvalidParameterException", "Auth flow not enabled for this client")));
    }

    [Test]
    public async Task GetTokensFromRefreshToken_RotatesTheRefreshToken_WhenTheClientAsks()
    {
        var (poolId, _) = await EmailPool();
        var clientId = (await Idp("CreateUserPoolClient", new
        {
            UserPoolId = poolId, ClientName = "rotating", ExplicitAuthFlows = new[] { "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH" },
            RefreshTokenRotation = new { Feature = "ENABLED", RetryGracePeriodSeconds = 10 },
        }))["UserPoolClient"]!["ClientId"]!.GetValue<string>();
        await ConfirmedUser(poolId, clientId, "ada@example.com");
        var first = await PasswordSignIn(clientId, "ada@example.com");
        var original = first["RefreshToken"]!.GetValue<string>();

        var rotated = (await Idp("GetTokensFromRefreshToken", new { ClientId = clientId, RefreshToken = original }))["AuthenticationResult"]!;
        var next = rotated["RefreshToken"]!.GetValue<string>();
        Assert.That(next, Is.Not.EqualTo(original));
        Assert.That(Claims(rotated["IdToken"]!.GetValue<string>())["origin_jti"]!.GetValue<string>(),
            Is.EqualTo(Claims(first["IdToken"]!.GetValue<string>())["origin_jti"]!.GetValue<string>()));

        // The old token still works within the grace period, then not.
        await Idp("GetTokensFromRefreshToken", new { ClientId = clientId, RefreshToken = original });
        Aws.Clock.Advance(TimeSpan.FromSeconds(11));
        var stale = await IdpError("GetTokensFromRefreshToken", new { ClientId = clientId, RefreshToken = original });
        Assert.That(stale.Code, Is.EqualTo("NotAuthorizedException"));
        Assert.That((await Idp("GetTokensFromRefreshToken", new { ClientId = clientId, RefreshToken = next }))["AuthenticationResult"]!["AccessToken"], Is.Not.Null);
    }

    private async Task<(string PoolId, string ClientId)> PasswordlessPool()
    {
        var (poolId, _) = await EmailPool(new { Policies = new { SignInPolicy = new { AllowedFirstAuthFactors = new[] { "PASSWORD", "EMAIL_OTP" } } } });
        var clientId = await NewClient(poolId, flows: ["ALLOW_USER_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
        return (poolId, clientId);
    }
}
