using System.Text.Json.Nodes;

namespace FakeAws.Tests.Cognito;

public class TriggerTests : CognitoTestBase
{
    private FakeTriggers _triggers = null!;

    [SetUp]
    public void BindTriggers()
    {
        _triggers = new FakeTriggers();
        Aws.CognitoIdentityProvider.Triggers = _triggers;
    }

    private async Task<(string PoolId, string ClientId)> PoolWith(Dictionary<string, string> lambda)
    {
        foreach (var arn in lambda.Values)
        {
            _triggers.Functions.TryAdd(arn, e => e);
        }
        return await EmailPool(new { LambdaConfig = lambda });
    }

    [Test]
    public async Task PreSignUp_AutoConfirmAndVerify_EventHasAwsShape()
    {
        var arn = FakeTriggers.Arn("pre-sign-up");
        var (poolId, clientId) = await PoolWith(new() { ["PreSignUp"] = arn, ["PostConfirmation"] = FakeTriggers.Arn("post-confirm") });
        _triggers.Functions[arn] = e =>
        {
            e["response"]!["autoConfirmUser"] = true;
            e["response"]!["autoVerifyEmail"] = true;
            return e;
        };

        var signUp = await Idp("SignUp", new { ClientId = clientId, Username = "auto@example.com", Password, ValidationData = new[] { new { Name = "invite", Value = "42" } } });

        Assert.That(signUp["UserConfirmed"]!.GetValue<bool>(), Is.True);
        var e = _triggers.Events[0];
        Assert.That(e["version"]!.GetValue<string>(), Is.EqualTo("1"));
        Assert.That(e["triggerSource"]!.GetValue<string>(), Is.EqualTo("PreSignUp_SignUp"));
        Assert.That(e["region"]!.GetValue<string>(), Is.EqualTo("us-east-1"));
        Assert.That(e["userPoolId"]!.GetValue<string>(), Is.EqualTo(poolId));
        Assert.That(e["userName"]!.GetValue<string>(), Is.EqualTo(signUp["UserSub"]!.GetValue<string>()));
        Assert.That(e["callerContext"]!["clientId"]!.GetValue<string>(), Is.EqualTo(clientId));
        Assert.That(e["request"]!["userAttributes"]!["email"]!.GetValue<string>(), Is.EqualTo("auto@example.com"));
        Assert.That(e["request"]!["validationData"]!["invite"]!.GetValue<string>(), Is.EqualTo("42"));
        Assert.That(e["response"]!.ToJsonString(), Is.EqualTo("""{"autoConfirmUser":false,"autoVerifyEmail":false,"autoVerifyPhone":false}"""));
        Assert.That(_triggers.Events[1]["triggerSource"]!.GetValue<string>(), Is.EqualTo("PostConfirmation_ConfirmSignUp"));
        Assert.That(_triggers.Events[1]["request"]!["userAttributes"]!["email_verified"]!.GetValue<string>(), Is.EqualTo("true"));
        await PasswordSignIn(clientId, "auto@example.com");
    }

    [Test]
    public async Task PreSignUp_FunctionFails_UserLambdaValidationException()
    {
        var arn = FakeTriggers.Arn("pre-sign-up");
        var (_, clientId) = await PoolWith(new() { ["PreSignUp"] = arn });
        _triggers.Functions[arn] = _ => throw FakeTriggers.Failure("Domain not allowed");

        var error = await IdpError("SignUp", new { ClientId = clientId, Username = "x@example.com", Password });

        Assert.That((error.Code, error.Message), Is.EqualTo(("UserLambdaValidationException", "PreSignUp failed with error Domain not allowed.")));
    }

    [Test]
    public async Task PreAuthentication_Fails_SignInRefused_PostAuthenticationRunsOnSuccess()
    {
        var pre = FakeTriggers.Arn("pre-auth");
        var post = FakeTriggers.Arn("post-auth");
        var (poolId, clientId) = await PoolWith(new() { ["PreAuthentication"] = pre, ["PostAuthentication"] = post });
        await ConfirmedUser(poolId, clientId, "p@example.com");
        _triggers.Functions[pre] = _ => throw FakeTriggers.Failure("Blocked");

        var error = await IdpError("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH", AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "p@example.com", ["PASSWORD"] = Password } });
        Assert.That((error.Code, error.Message), Is.EqualTo(("UserLambdaValidationException", "PreAuthentication failed with error Blocked.")));

        _triggers.Functions[pre] = e => e;
        await PasswordSignIn(clientId, "p@example.com");
        var postEvent = _triggers.Events.Last();
        Assert.That(postEvent["triggerSource"]!.GetValue<string>(), Is.EqualTo("PostAuthentication_Authentication"));
        Assert.That(postEvent["request"]!["newDeviceUsed"]!.GetValue<bool>(), Is.False);
        Assert.That(postEvent["request"]!["userAttributes"]!["cognito:user_status"]!.GetValue<string>(), Is.EqualTo("CONFIRMED"));
    }

    [Test]
    public async Task PreTokenGeneration_AddsSuppressesClaims_OverridesGroups()
    {
        var arn = FakeTriggers.Arn("pre-token");
        var (poolId, clientId) = await PoolWith(new() { ["PreTokenGeneration"] = arn });
        await ConfirmedUser(poolId, clientId, "t@example.com");
        _triggers.Functions[arn] = e =>
        {
            e["response"] = new JsonObject
            {
                ["claimsOverrideDetails"] = new JsonObject
                {
                    ["claimsToAddOrOverride"] = new JsonObject { ["tenant"] = "acme", ["iss"] = "evil" },
                    ["claimsToSuppress"] = new JsonArray("email"),
                    ["groupOverrideDetails"] = new JsonObject { ["groupsToOverride"] = new JsonArray("vip") },
                },
            };
            return e;
        };

        var tokens = await PasswordSignIn(clientId, "t@example.com");
        var id = Claims(tokens["IdToken"]!.GetValue<string>());
        var access = Claims(tokens["AccessToken"]!.GetValue<string>());

        Assert.That(id["tenant"]!.GetValue<string>(), Is.EqualTo("acme"));
        Assert.That(id.ContainsKey("email"), Is.False);
        Assert.That(id["iss"]!.GetValue<string>(), Does.StartWith("https://cognito-idp."));
        Assert.That(id["cognito:groups"]!.AsArray().Single()!.GetValue<string>(), Is.EqualTo("vip"));
        Assert.That(access["cognito:groups"]!.AsArray().Single()!.GetValue<string>(), Is.EqualTo("vip"));
        var e = _triggers.Events.Single(x => x["triggerSource"]!.GetValue<string>() == "TokenGeneration_Authentication");
        Assert.That(e["request"]!["groupConfiguration"]!["groupsToOverride"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task CustomMessage_RewritesTheEmail()
    {
        var arn = FakeTriggers.Arn("custom-message");
        var (poolId, clientId) = await PoolWith(new() { ["CustomMessage"] = arn });
        _triggers.Functions[arn] = e =>
        {
            e["response"]!["emailSubject"] = "Welcome";
            e["response"]!["emailMessage"] = "Your code: " + e["request"]!["codeParameter"]!.GetValue<string>();
            return e;
        };

        await Idp("SignUp", new { ClientId = clientId, Username = "m@example.com", Password });

        var sent = Aws.Cognito.LastCodeSentTo(poolId, "m@example.com")!;
        Assert.That((sent.Subject, sent.Body), Is.EqualTo(("Welcome", $"Your code: {sent.Code}")));
        Assert.That(_triggers.Events.Single()["triggerSource"]!.GetValue<string>(), Is.EqualTo("CustomMessage_SignUp"));
    }

    [Test]
    public async Task UserMigration_CreatesTheUserOnFirstSignIn()
    {
        var arn = FakeTriggers.Arn("migrate");
        var poolId = (await Idp("CreateUserPool", new { PoolName = "legacy", LambdaConfig = new { UserMigration = arn } }))["UserPool"]!["Id"]!.GetValue<string>();
        var clientId = await NewClient(poolId);
        _triggers.Functions[arn] = e =>
        {
            if (e["request"]!["password"]!.GetValue<string>() != "Legacy1!pass")
            {
                throw FakeTriggers.Failure("Bad password");
            }
            e["response"]!["userAttributes"] = new JsonObject { ["email"] = "old@example.com", ["email_verified"] = "true" };
            e["response"]!["finalUserStatus"] = "CONFIRMED";
            return e;
        };

        var tokens = await PasswordSignIn(clientId, "olduser", "Legacy1!pass");

        Assert.That(Claims(tokens["IdToken"]!.GetValue<string>())["email"]!.GetValue<string>(), Is.EqualTo("old@example.com"));
        Assert.That(_triggers.Events[0]["triggerSource"]!.GetValue<string>(), Is.EqualTo("UserMigration_Authentication"));
        var user = await Idp("AdminGetUser", new { UserPoolId = poolId, Username = "olduser" });
        Assert.That(user["UserStatus"]!.GetValue<string>(), Is.EqualTo("CONFIRMED"));
    }

    [Test]
    public async Task CustomAuth_DefineCreateVerify_IssuesTokensOnTheRightAnswer()
    {
        var define = FakeTriggers.Arn("define");
        var create = FakeTriggers.Arn("create");
        var verify = FakeTriggers.Arn("verify");
        var (poolId, clientId) = await PoolWith(new() { ["DefineAuthChallenge"] = define, ["CreateAuthChallenge"] = create, ["VerifyAuthChallengeResponse"] = verify });
        await ConfirmedUser(poolId, clientId, "c@example.com");
        _triggers.Functions[define] = e =>
        {
            var session = e["request"]!["session"]!.AsArray();
            var last = session.LastOrDefault();
            if (last?["challengeResult"]?.GetValue<bool>() == true)
            {
                e["response"]!["issueTokens"] = true;
            }
            else if (session.Count >= 2)
            {
                e["response"]!["failAuthentication"] = true;
            }
            else
            {
                e["response"]!["challengeName"] = "CUSTOM_CHALLENGE";
            }
            return e;
        };
        _triggers.Functions[create] = e =>
        {
            e["response"]!["publicChallengeParameters"] = new JsonObject { ["question"] = "2+2" };
            e["response"]!["privateChallengeParameters"] = new JsonObject { ["answer"] = "4" };
            e["response"]!["challengeMetadata"] = "MATH";
            return e;
        };
        _triggers.Functions[verify] = e =>
        {
            e["response"]!["answerCorrect"] = e["request"]!["challengeAnswer"]!.GetValue<string>() == e["request"]!["privateChallengeParameters"]!["answer"]!.GetValue<string>();
            return e;
        };

        var start = await Idp("InitiateAuth", new { ClientId = clientId, AuthFlow = "CUSTOM_AUTH", AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "c@example.com" } });
        Assert.That(start["ChallengeName"]!.GetValue<string>(), Is.EqualTo("CUSTOM_CHALLENGE"));
        Assert.That(start["ChallengeParameters"]!["question"]!.GetValue<string>(), Is.EqualTo("2+2"));

        var wrong = await Idp("RespondToAuthChallenge", new { ClientId = clientId, ChallengeName = "CUSTOM_CHALLENGE", Session = start["Session"]!.GetValue<string>(),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "c@example.com", ["ANSWER"] = "5" } });
        Assert.That(wrong["ChallengeName"]!.GetValue<string>(), Is.EqualTo("CUSTOM_CHALLENGE"));

        var right = await Idp("RespondToAuthChallenge", new { ClientId = clientId, ChallengeName = "CUSTOM_CHALLENGE", Session = wrong["Session"]!.GetValue<string>(),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "c@example.com", ["ANSWER"] = "4" } });
        Assert.That(right["AuthenticationResult"]!["AccessToken"], Is.Not.Null);
        var lastDefine = _triggers.Events.Last(e => e["triggerSource"]!.GetValue<string>() == "DefineAuthChallenge_Authentication");
        Assert.That(lastDefine["request"]!["session"]!.ToJsonString(), Is.EqualTo(
            """[{"challengeName":"CUSTOM_CHALLENGE","challengeResult":false,"challengeMetadata":"MATH"},{"challengeName":"CUSTOM_CHALLENGE","challengeResult":true,"challengeMetadata":"MATH"}]"""));
    }

    [Test]
    public async Task CustomAuth_NoDefineTrigger_InvalidParameter()
    {
        var (_, clientId) = await EmailPool();
        var error = await IdpError("InitiateAuth", new { ClientId = clientId, AuthFlow = "CUSTOM_AUTH", AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "c@example.com" } });
        Assert.That((error.Code, error.Message), Is.EqualTo(("InvalidParameterException", "Custom auth lambda trigger is not configured for the user pool.")));
    }

    [Test]
    public async Task Trigger_NoInvokerBound_NamesFakeAws()
    {
        Aws.CognitoIdentityProvider.Triggers = null;
        var (_, clientId) = await EmailPool(new { LambdaConfig = new { PreSignUp = FakeTriggers.Arn("x") } });
        var error = await IdpError("SignUp", new { ClientId = clientId, Username = "x@example.com", Password });
        Assert.That(error.Code, Is.EqualTo("UnexpectedLambdaException"));
        Assert.That(error.Message, Does.Contain("FakeAws"));
    }
}
