using System.Text.Json.Nodes;

namespace FakeAws.Tests.Cognito;

/// <summary>
/// Threat protection's user activity: the events recorded while a pool's AdvancedSecurityMode is AUDIT or ENFORCED,
/// AdminListUserAuthEvents, AdminUpdateAuthEventFeedback and UpdateAuthEventFeedback.
/// </summary>
public sealed class AuthEventTests : CognitoTestBase
{
    private static readonly object ThreatProtection = new { UserPoolTier = "PLUS", UserPoolAddOns = new { AdvancedSecurityMode = "AUDIT" } };

    private async Task<JsonArray> Events(string poolId, string username, int? maxResults = null, string? nextToken = null) =>
        (await Idp("AdminListUserAuthEvents", new { UserPoolId = poolId, Username = username, MaxResults = maxResults, NextToken = nextToken }))["AuthEvents"]!.AsArray();

    private static Dictionary<string, string> Auth(string username, string password = Password) => new() { ["USERNAME"] = username, ["PASSWORD"] = password };

    [Test]
    public async Task WithoutThreatProtection_TheOperationsAreRefused_AndNothingIsRecorded()
    {
        var (poolId, clientId) = await EmailPool();
        await ConfirmedUser(poolId, clientId, "ada@example.com");
        await PasswordSignIn(clientId, "ada@example.com");
        foreach (var (operation, body) in new (string, object)[]
        {
            ("AdminListUserAuthEvents", new { UserPoolId = poolId, Username = "ada@example.com" }),
            ("AdminUpdateAuthEventFeedback", new { UserPoolId = poolId, Username = "ada@example.com", EventId = "some-event", FeedbackValue = "Valid" }),
            ("UpdateAuthEventFeedback", new { UserPoolId = poolId, Username = "ada@example.com", EventId = "some-event", FeedbackToken = "token", FeedbackValue = "Valid" }),
        })
        {
            var refused = await IdpError(operation, body);
            Assert.That(refused.Code, Is.EqualTo("UserPoolAddOnNotEnabledException"), operation);
        }

        // Turning it on later shows only what happened since.
        await Idp("UpdateUserPool", new { UserPoolId = poolId, AutoVerifiedAttributes = new[] { "email" }, UserPoolTier = "PLUS", UserPoolAddOns = new { AdvancedSecurityMode = "ENFORCED" } });
        Assert.That(await Events(poolId, "ada@example.com"), Is.Empty);
        await PasswordSignIn(clientId, "ada@example.com");
        Assert.That(await Events(poolId, "ada@example.com"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SignUp_SignIns_AndPasswordChanges_AreListedNewestFirst_WithAwsFields()
    {
        var (poolId, clientId) = await EmailPool(ThreatProtection);
        await Idp("SignUp", new { ClientId = clientId, Username = "ada@example.com", Password, UserContextData = new { IpAddress = "192.0.2.1" } });
        await Idp("ConfirmSignUp", new { ClientId = clientId, Username = "ada@example.com", ConfirmationCode = Aws.Cognito.LastCodeSentTo(poolId, "ada@example.com")!.Code });

        Aws.Clock.Advance(TimeSpan.FromMinutes(1));
        var wrong = await IdpError("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH", AuthParameters = Auth("ada@example.com", "Wr0ng-password") });
        Assert.That(wrong.Code, Is.EqualTo("NotAuthorizedException"));
        Aws.Clock.Advance(TimeSpan.FromMinutes(1));
        var signedIn = await Idp("AdminInitiateAuth", new
        {
            UserPoolId = poolId, ClientId = clientId, AuthFlow = "ADMIN_USER_PASSWORD_AUTH", AuthParameters = Auth("ada@example.com"),
            ContextData = new { IpAddress = "198.51.100.7", ServerName = "app.example.com", ServerPath = "/login", HttpHeaders = Array.Empty<object>() },
        });
        var access = signedIn["AuthenticationResult"]!["AccessToken"]!.GetValue<string>();
        Aws.Clock.Advance(TimeSpan.FromMinutes(1));
        await Idp("ChangePassword", new { AccessToken = access, PreviousPassword = Password, ProposedPassword = "N3w-Passw0rd!" });
        await Idp("ForgotPassword", new { ClientId = clientId, Username = "ada@example.com" });

        var events = await Events(poolId, "ada@example.com");
        Assert.That(events.Select(e => (e!["EventType"]!.GetValue<string>(), e["EventResponse"]!.GetValue<string>())), Is.EqualTo(new[]
        {
            ("ForgotPassword", "Pass"), ("PasswordChange", "Pass"), ("SignIn", "Pass"), ("SignIn", "Fail"), ("SignUp", "Pass"),
        }));
        var signIn = events[2]!.AsObject();
        Assert.That(signIn["EventId"]!.GetValue<string>(), Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
        Assert.That(signIn["CreationDate"]!.GetValue<double>(), Is.EqualTo(Aws.Clock.GetUtcNow().AddMinutes(-1).ToUnixTimeMilliseconds() / 1000.0).Within(0.0011));
        Assert.That(signIn["EventRisk"]!.ToJsonString(), Is.EqualTo("""{"RiskDecision":"NoRisk","CompromisedCredentialsDetected":false}"""));
        Assert.That(signIn["ChallengeResponses"]!.ToJsonString(), Is.EqualTo("""[{"ChallengeName":"Password","ChallengeResponse":"Success"}]"""));
        Assert.That(signIn["EventContextData"]!["IpAddress"]!.GetValue<string>(), Is.EqualTo("198.51.100.7"));
        Assert.That(signIn.ContainsKey("EventFeedback"), Is.False, "no feedback until some is given");
        Assert.That(events[3]!["ChallengeResponses"]!.ToJsonString(), Is.EqualTo("""[{"ChallengeName":"Password","ChallengeResponse":"Failure"}]"""));
        Assert.That(events[4]!["EventContextData"]!["IpAddress"]!.GetValue<string>(), Is.EqualTo("192.0.2.1"));

        var first = await Idp("AdminListUserAuthEvents", new { UserPoolId = poolId, Username = "ada@example.com", MaxResults = 2 });
        Assert.That(first["AuthEvents"]!.AsArray().Select(e => e!["EventType"]!.GetValue<string>()), Is.EqualTo(new[] { "ForgotPassword", "PasswordChange" }));
        var rest = await Events(poolId, "ada@example.com", 60, first["NextToken"]!.GetValue<string>());
        Assert.That(rest.Select(e => e!["EventId"]!.GetValue<string>()), Is.EqualTo(events.Skip(2).Select(e => e!["EventId"]!.GetValue<string>())));
        var tooMany = await IdpError("AdminListUserAuthEvents", new { UserPoolId = poolId, Username = "ada@example.com", MaxResults = 61 });
        Assert.That(tooMany.Code, Is.EqualTo("InvalidParameterException"));
    }

    [Test]
    public async Task ASignInWithMfa_IsInProgress_UntilTheCodeIsAnswered()
    {
        var (poolId, clientId) = await EmailPool(new { MfaConfiguration = "OPTIONAL", UserPoolTier = "PLUS", UserPoolAddOns = new { AdvancedSecurityMode = "ENFORCED" } });
        await Idp("SetUserPoolMfaConfig", new { UserPoolId = poolId, MfaConfiguration = "OPTIONAL", SoftwareTokenMfaConfiguration = new { Enabled = true } });
        await ConfirmedUser(poolId, clientId, "totp@example.com");
        var access = (await PasswordSignIn(clientId, "totp@example.com"))["AccessToken"]!.GetValue<string>();
        var secret = (await Idp("AssociateSoftwareToken", new { AccessToken = access }))["SecretCode"]!.GetValue<string>();
        await Idp("VerifySoftwareToken", new { AccessToken = access, UserCode = Aws.Cognito.TotpCode(secret) });
        await Idp("SetUserMFAPreference", new { AccessToken = access, SoftwareTokenMfaSettings = new { Enabled = true, PreferredMfa = true } });

        var challenge = await Idp("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH", AuthParameters = Auth("totp@example.com") });
        var session = challenge["Session"]!.GetValue<string>();
        var pending = (await Events(poolId, "totp@example.com"))[0]!;
        Assert.That(pending["EventResponse"]!.GetValue<string>(), Is.EqualTo("InProgress"));

        var wrongCode = Aws.Cognito.TotpCode(secret) == "000000" ? "111111" : "000000";
        await IdpError("RespondToAuthChallenge", new { ClientId = clientId, ChallengeName = "SOFTWARE_TOKEN_MFA", Session = session,
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "totp@example.com", ["SOFTWARE_TOKEN_MFA_CODE"] = wrongCode } });
        Assert.That((await Events(poolId, "totp@example.com"))[0]!["EventResponse"]!.GetValue<string>(), Is.EqualTo("Fail"));

        await Idp("RespondToAuthChallenge", new { ClientId = clientId, ChallengeName = "SOFTWARE_TOKEN_MFA", Session = session,
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "totp@example.com", ["SOFTWARE_TOKEN_MFA_CODE"] = Aws.Cognito.TotpCode(secret) } });
        var events = await Events(poolId, "totp@example.com");
        var done = events[0]!;
        Assert.That(done["EventId"]!.GetValue<string>(), Is.EqualTo(pending["EventId"]!.GetValue<string>()), "the answer completes the same event");
        Assert.That(done["EventResponse"]!.GetValue<string>(), Is.EqualTo("Pass"));
        Assert.That(done["ChallengeResponses"]!.AsArray().Select(c => $"{c!["ChallengeName"]}:{c["ChallengeResponse"]}"),
            Is.EqualTo(new[] { "Password:Success", "Mfa:Failure", "Mfa:Success" }));
    }

    [Test]
    public async Task Feedback_FromAnAdmin_AndFromTheUserWithTheEmailsToken()
    {
        var (poolId, clientId) = await EmailPool(ThreatProtection);
        await ConfirmedUser(poolId, clientId, "ada@example.com");
        await PasswordSignIn(clientId, "ada@example.com");
        var eventId = (await Events(poolId, "ada@example.com"))[0]!["EventId"]!.GetValue<string>();

        Aws.Clock.Advance(TimeSpan.FromMinutes(5));
        await Idp("AdminUpdateAuthEventFeedback", new { UserPoolId = poolId, Username = "ada@example.com", EventId = eventId, FeedbackValue = "Invalid" });
        var feedback = (await Events(poolId, "ada@example.com"))[0]!["EventFeedback"]!;
        Assert.That((feedback["FeedbackValue"]!.GetValue<string>(), feedback["Provider"]!.GetValue<string>()), Is.EqualTo(("Invalid", "Admin")));
        Assert.That(feedback["FeedbackDate"]!.GetValue<double>(), Is.EqualTo(Aws.Clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0).Within(0.0011));

        var token = Aws.Cognito.AuthEventFeedbackToken(poolId, "ada@example.com", eventId);
        Assert.That(token, Does.Match("^[A-Za-z0-9-_=.]+$"));
        var forged = await IdpError("UpdateAuthEventFeedback", new { UserPoolId = poolId, Username = "ada@example.com", EventId = eventId, FeedbackToken = "forged", FeedbackValue = "Valid" });
        Assert.That(forged.Code, Is.EqualTo("NotAuthorizedException"));
        await Idp("UpdateAuthEventFeedback", new { UserPoolId = poolId, Username = "ada@example.com", EventId = eventId, FeedbackToken = token, FeedbackValue = "Valid" });
        feedback = (await Events(poolId, "ada@example.com"))[0]!["EventFeedback"]!;
        Assert.That(feedback["FeedbackValue"]!.GetValue<string>(), Is.EqualTo("Valid"));

        var unknownEvent = await IdpError("AdminUpdateAuthEventFeedback", new { UserPoolId = poolId, Username = "ada@example.com", EventId = "no-such-event", FeedbackValue = "Valid" });
        Assert.That(unknownEvent.Code, Is.EqualTo("ResourceNotFoundException"));
        var unknownUser = await IdpError("AdminListUserAuthEvents", new { UserPoolId = poolId, Username = "nobody@example.com" });
        Assert.That(unknownUser.Code, Is.EqualTo("UserNotFoundException"));
        var badValue = await IdpError("AdminUpdateAuthEventFeedback", new { UserPoolId = poolId, Username = "ada@example.com", EventId = eventId, FeedbackValue = "Maybe" });
        Assert.That(badValue.Code, Is.EqualTo("InvalidParameterException"));
        Assert.That(Aws.Cognito.AuthEventFeedbackToken(poolId, "ada@example.com", "no-such-event"), Is.Null);
    }

    [Test]
    public async Task Events_SurviveASnapshot()
    {
        var (poolId, clientId) = await EmailPool(ThreatProtection);
        await ConfirmedUser(poolId, clientId, "ada@example.com");
        await PasswordSignIn(clientId, "ada@example.com");
        var events = await Events(poolId, "ada@example.com");

        using var fresh = new FakeAwsCloud();
        fresh.Restore(Aws.Snapshot());
        var restored = (await fresh.CallAsync("cognito-idp", "AdminListUserAuthEvents", new JsonObject { ["UserPoolId"] = poolId, ["Username"] = "ada@example.com" }))!["AuthEvents"]!;
        Assert.That(restored.ToJsonString(), Is.EqualTo(events.ToJsonString()));
        var eventId = events[0]!["EventId"]!.GetValue<string>();
        Assert.That(fresh.Cognito.AuthEventFeedbackToken(poolId, "ada@example.com", eventId), Is.EqualTo(Aws.Cognito.AuthEventFeedbackToken(poolId, "ada@example.com", eventId)));
    }
}
