using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FakeAws.Tests.Cognito;

/// <summary>The quality bar: sign up, confirm, sign in, validate the ID token as an app would, expire it, refresh, sign in again.</summary>
public class SignUpSignInFlowTests : CognitoTestBase
{
    [Test]
    public async Task SignUpConfirmSignIn_IdTokenValidatesAgainstFakeJwks_UntilTheClockPassesExpiry()
    {
        var (poolId, clientId) = await EmailPool();

        var signUp = await Idp("SignUp", new { ClientId = clientId, Username = "ada@example.com", Password, UserAttributes = new[] { new { Name = "name", Value = "Ada" } } });
        Assert.That(signUp["UserConfirmed"]!.GetValue<bool>(), Is.False);
        Assert.That(signUp["CodeDeliveryDetails"]!["Destination"]!.GetValue<string>(), Is.EqualTo("a***@e***"));
        var sent = Aws.Cognito.LastCodeSentTo(poolId, "ada@example.com")!;
        Assert.That((sent.Destination, sent.DeliveryMedium, sent.Code), Is.EqualTo(("ada@example.com", "EMAIL", sent.Code)));
        Assert.That(sent.Code, Does.Match("^[0-9]{6}$"));
        Assert.That(sent.Body, Is.EqualTo($"Your verification code is {sent.Code}."));

        var unconfirmed = await IdpError("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH", AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "ada@example.com", ["PASSWORD"] = Password } });
        Assert.That((unconfirmed.Code, unconfirmed.Message), Is.EqualTo(("UserNotConfirmedException", "User is not confirmed.")));

        await Idp("ConfirmSignUp", new { ClientId = clientId, Username = "ada@example.com", ConfirmationCode = sent.Code });
        var tokens = await PasswordSignIn(clientId, "ada@example.com");
        var idToken = tokens["IdToken"]!.GetValue<string>();

        var jwks = new JsonWebKeySet(await Get($"/{poolId}/.well-known/jwks.json"));
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = $"https://cognito-idp.us-east-1.amazonaws.com/{poolId}",
            ValidAudience = clientId,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            // The app's clock is the cloud's: tokens expire in virtual time.
            LifetimeValidator = (notBefore, expires, _, _) => expires > Aws.Clock.GetUtcNow().UtcDateTime,
        };
        var handler = new JsonWebTokenHandler();
        var valid = await handler.ValidateTokenAsync(idToken, parameters);
        Assert.That(valid.IsValid, Is.True, valid.Exception?.Message);
        Assert.That(valid.Claims["token_use"], Is.EqualTo("id"));
        Assert.That(valid.Claims["email"], Is.EqualTo("ada@example.com"));
        Assert.That(valid.Claims["name"], Is.EqualTo("Ada"));

        Aws.Clock.Advance(TimeSpan.FromMinutes(61));
        var expired = await handler.ValidateTokenAsync(idToken, parameters);
        Assert.That(expired.IsValid, Is.False);
        Assert.That(expired.Exception, Is.InstanceOf<SecurityTokenInvalidLifetimeException>());

        var refreshed = (await Idp("InitiateAuth", new { ClientId = clientId, AuthFlow = "REFRESH_TOKEN_AUTH", AuthParameters = new Dictionary<string, string> { ["REFRESH_TOKEN"] = tokens["RefreshToken"]!.GetValue<string>() } }))["AuthenticationResult"]!;
        Assert.That(refreshed["RefreshToken"], Is.Null);
        var again = await handler.ValidateTokenAsync(refreshed["IdToken"]!.GetValue<string>(), parameters);
        Assert.That(again.IsValid, Is.True, again.Exception?.Message);
        Assert.That(Claims(refreshed["IdToken"]!.GetValue<string>())["origin_jti"]!.GetValue<string>(), Is.EqualTo(Claims(idToken)["origin_jti"]!.GetValue<string>()));

        var second = await PasswordSignIn(clientId, "ada@example.com");
        Assert.That((await handler.ValidateTokenAsync(second["IdToken"]!.GetValue<string>(), parameters)).IsValid, Is.True);
    }

    [Test]
    public async Task InitiateAuth_Tokens_CarryAwsClaimsAndDifferentKeys()
    {
        var (poolId, clientId) = await EmailPool();
        var sub = await ConfirmedUser(poolId, clientId, "grace@example.com");
        await Idp("CreateGroup", new { UserPoolId = poolId, GroupName = "admins", Precedence = 1, RoleArn = "arn:aws:iam::123456789012:role/admins" });
        await Idp("AdminAddUserToGroup", new { UserPoolId = poolId, Username = "grace@example.com", GroupName = "admins" });

        var tokens = await PasswordSignIn(clientId, "grace@example.com");
        var id = Claims(tokens["IdToken"]!.GetValue<string>());
        var access = Claims(tokens["AccessToken"]!.GetValue<string>());
        var now = Aws.Clock.GetUtcNow().ToUnixTimeSeconds();

        Assert.That(tokens["TokenType"]!.GetValue<string>(), Is.EqualTo("Bearer"));
        Assert.That(tokens["ExpiresIn"]!.GetValue<int>(), Is.EqualTo(3600));
        Assert.That(id["sub"]!.GetValue<string>(), Is.EqualTo(sub));
        Assert.That(id["cognito:username"]!.GetValue<string>(), Is.EqualTo(sub));
        Assert.That(id["aud"]!.GetValue<string>(), Is.EqualTo(clientId));
        Assert.That(id["token_use"]!.GetValue<string>(), Is.EqualTo("id"));
        Assert.That(id["email_verified"]!.GetValue<bool>(), Is.True);
        Assert.That(id["cognito:groups"]!.AsArray().Select(g => g!.GetValue<string>()), Is.EqualTo(new[] { "admins" }));
        Assert.That(id["cognito:preferred_role"]!.GetValue<string>(), Is.EqualTo("arn:aws:iam::123456789012:role/admins"));
        Assert.That(id["iss"]!.GetValue<string>(), Is.EqualTo($"https://cognito-idp.us-east-1.amazonaws.com/{poolId}"));
        Assert.That((id["iat"]!.GetValue<long>(), id["exp"]!.GetValue<long>(), id["auth_time"]!.GetValue<long>()), Is.EqualTo((now, now + 3600, now)));
        Assert.That(id.ContainsKey("origin_jti") && id.ContainsKey("event_id") && id.ContainsKey("jti"), Is.True);

        Assert.That(access.ContainsKey("aud"), Is.False);
        Assert.That(access["client_id"]!.GetValue<string>(), Is.EqualTo(clientId));
        Assert.That(access["token_use"]!.GetValue<string>(), Is.EqualTo("access"));
        Assert.That(access["scope"]!.GetValue<string>(), Is.EqualTo("aws.cognito.signin.user.admin"));
        Assert.That(access["username"]!.GetValue<string>(), Is.EqualTo(sub));
        Assert.That(access["event_id"]!.GetValue<string>(), Is.EqualTo(id["event_id"]!.GetValue<string>()));

        var idKid = Header(tokens["IdToken"]!.GetValue<string>())["kid"]!.GetValue<string>();
        var accessKid = Header(tokens["AccessToken"]!.GetValue<string>())["kid"]!.GetValue<string>();
        Assert.That(idKid, Is.Not.EqualTo(accessKid));
        Assert.That(Header(tokens["IdToken"]!.GetValue<string>())["alg"]!.GetValue<string>(), Is.EqualTo("RS256"));
        Assert.That(tokens["RefreshToken"]!.GetValue<string>().Split('.'), Has.Length.EqualTo(5));
    }

    [Test]
    public async Task OpenIdConfiguration_PointsAtTheJwks()
    {
        var (poolId, _) = await EmailPool();
        var document = System.Text.Json.Nodes.JsonNode.Parse(await Get($"/{poolId}/.well-known/openid-configuration"))!;
        Assert.That(document["issuer"]!.GetValue<string>(), Is.EqualTo($"https://cognito-idp.us-east-1.amazonaws.com/{poolId}"));
        Assert.That(document["jwks_uri"]!.GetValue<string>(), Is.EqualTo($"https://cognito-idp.us-east-1.amazonaws.com/{poolId}/.well-known/jwks.json"));
        var keys = System.Text.Json.Nodes.JsonNode.Parse(await Get($"/{poolId}/.well-known/jwks.json"))!["keys"]!.AsArray();
        Assert.That(keys.Select(k => (k!["alg"]!.GetValue<string>(), k["kty"]!.GetValue<string>(), k["use"]!.GetValue<string>(), k["e"]!.GetValue<string>())),
            Is.EqualTo(new[] { ("RS256", "RSA", "sig", "AQAB"), ("RS256", "RSA", "sig", "AQAB") }));
    }

    [Test]
    public async Task Jwks_UnknownPool_NotFound()
    {
        using var http = new HttpClient(Aws.Cognito.CreateJwksHttpHandler());
        var response = await http.GetAsync("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Nope12345/.well-known/jwks.json");
        Assert.That((int)response.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task SignUpWithoutAPassword_IsRefusedAsTooShort_UnlessPasswordlessSignInIsAvailable()
    {
        // Before the fix, a SignUp without Password threw NullReferenceException out of the router.
        var (_, clientId) = await EmailPool();
        var refused = await IdpError("SignUp", new { ClientId = clientId, Username = "ada@example.com" });
        Assert.That((refused.Code, refused.Message), Is.EqualTo(("InvalidPasswordException", "Password did not conform with policy: Password not long enough")));

        var (passwordless, otpClient) = await EmailPool(new { Policies = new { SignInPolicy = new { AllowedFirstAuthFactors = new[] { "PASSWORD", "EMAIL_OTP" } } } });
        var signUp = await Idp("SignUp", new { ClientId = otpClient, Username = "bob@example.com" });
        Assert.That(signUp["UserConfirmed"]!.GetValue<bool>(), Is.False);
        var user = await Idp("AdminGetUser", new { UserPoolId = passwordless, Username = "bob@example.com" });
        Assert.That(user["UserStatus"]!.GetValue<string>(), Is.EqualTo("UNCONFIRMED"));
    }
}
