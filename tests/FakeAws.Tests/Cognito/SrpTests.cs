using System.Globalization;

namespace FakeAws.Tests.Cognito;

public class SrpTests : CognitoTestBase
{
    private async Task<System.Text.Json.Nodes.JsonObject> SrpSignIn(string poolId, string clientId, string username, string password, int seed = 7)
    {
        var srp = new SrpClient(seed);
        var challenge = await Idp("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_SRP_AUTH", AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["SRP_A"] = srp.SrpA } });
        Assert.That(challenge["ChallengeName"]!.GetValue<string>(), Is.EqualTo("PASSWORD_VERIFIER"));
        var p = challenge["ChallengeParameters"]!;
        var userId = p["USER_ID_FOR_SRP"]!.GetValue<string>();
        var timestamp = SrpClient.Timestamp(Aws.Clock.GetUtcNow());
        var signature = srp.Signature(poolId, userId, password, p["SRP_B"]!.GetValue<string>(), p["SALT"]!.GetValue<string>(), p["SECRET_BLOCK"]!.GetValue<string>(), timestamp);
        return await Idp("RespondToAuthChallenge", new
        {
            ClientId = clientId,
            ChallengeName = "PASSWORD_VERIFIER",
            ChallengeResponses = new Dictionary<string, string>
            {
                ["USERNAME"] = userId,
                ["PASSWORD_CLAIM_SECRET_BLOCK"] = p["SECRET_BLOCK"]!.GetValue<string>(),
                ["PASSWORD_CLAIM_SIGNATURE"] = signature,
                ["TIMESTAMP"] = timestamp,
            },
        });
    }

    [Test]
    public async Task UserSrpAuth_ClientProofFromThePublishedProtocol_IssuesTokens()
    {
        var (poolId, clientId) = await EmailPool();
        var sub = await ConfirmedUser(poolId, clientId, "srp@example.com");

        var result = await SrpSignIn(poolId, clientId, "srp@example.com", Password);

        Assert.That(Claims(result["AuthenticationResult"]!["IdToken"]!.GetValue<string>())["sub"]!.GetValue<string>(), Is.EqualTo(sub));
    }

    [Test]
    public async Task UserSrpAuth_IsOneSignInEvent_WhenThreatProtectionIsOn()
    {
        var (poolId, clientId) = await EmailPool(new { UserPoolTier = "PLUS", UserPoolAddOns = new { AdvancedSecurityMode = "ENFORCED" } });
        await ConfirmedUser(poolId, clientId, "srp@example.com");
        await SrpSignIn(poolId, clientId, "srp@example.com", Password);
        Assert.ThrowsAsync<CognitoError>(() => SrpSignIn(poolId, clientId, "srp@example.com", "Wr0ng-passw0rd"));

        var events = (await Idp("AdminListUserAuthEvents", new { UserPoolId = poolId, Username = "srp@example.com" }))["AuthEvents"]!.AsArray();
        Assert.That(events.Select(e => $"{e!["EventType"]}:{e["EventResponse"]}"), Is.EqualTo(new[] { "SignIn:Fail", "SignIn:Pass", "SignUp:Pass" }),
            "the SRP start is not an event of its own: the password verifier is");
    }

    [Test]
    public async Task UserSrpAuth_WrongPassword_IncorrectUsernameOrPassword()
    {
        var (poolId, clientId) = await EmailPool();
        await ConfirmedUser(poolId, clientId, "srp@example.com");

        try
        {
            await SrpSignIn(poolId, clientId, "srp@example.com", "Wr0ngPass!");
            Assert.Fail("signed in with a wrong password");
        }
        catch (CognitoError e)
        {
            Assert.That((e.Code, e.Message), Is.EqualTo(("NotAuthorizedException", "Incorrect username or password.")));
        }
    }

    [Test]
    public async Task UserSrpAuth_ManyKeys_AllAgree()
    {
        var (poolId, clientId) = await EmailPool();
        await ConfirmedUser(poolId, clientId, "srp@example.com");
        for (var seed = 1; seed <= 5; seed++)
        {
            var result = await SrpSignIn(poolId, clientId, "srp@example.com", Password, seed);
            Assert.That(result["AuthenticationResult"], Is.Not.Null, $"seed {seed}");
        }
    }

    [Test]
    public void Timestamp_DayIsNotPadded()
    {
        var at = DateTimeOffset.Parse("2026-03-03T04:05:06Z", CultureInfo.InvariantCulture);
        Assert.That(SrpClient.Timestamp(at), Is.EqualTo("Tue Mar 3 04:05:06 UTC 2026"));
    }

    [Test]
    public async Task UserSrpAuth_FlowNotAllowed_InvalidParameter()
    {
        var (poolId, _) = await EmailPool();
        var clientId = await NewClient(poolId, flows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
        var error = await IdpError("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_SRP_AUTH", AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "x@example.com", ["SRP_A"] = "abc" } });
        Assert.That((error.Code, error.Message), Is.EqualTo(("InvalidParameterException", "Auth flow not enabled for this client")));
    }
}
