using System.Text.Json.Nodes;
using FakeAws.Cognito;

namespace FakeAws.Tests.Cognito;

/// <summary>Passkeys: registration (Start/CompleteWebAuthnRegistration), listing and deleting, and WEB_AUTHN sign-in, driven by the software authenticator.</summary>
public sealed class PasskeyTests : CognitoTestBase
{
    private const string RpId = "example.com";

    [Test]
    public async Task Registration_GivesAwsOptions_AndStoresTheCredential()
    {
        var (_, _, token) = await SignedInPasskeyUser();
        using var passkey = new SoftwareAuthenticator("https://auth.example.com");

        var options = (await Idp("StartWebAuthnRegistration", new { AccessToken = token }))["CredentialCreationOptions"]!.AsObject();
        Assert.That(options.Select(p => p.Key), Is.EqualTo(new[] { "authenticatorSelection", "challenge", "excludeCredentials", "pubKeyCredParams", "rp", "timeout", "user" }));
        Assert.That(options["rp"]!.ToJsonString(), Is.EqualTo("""{"id":"example.com","name":"example.com"}"""));
        Assert.That(options["pubKeyCredParams"]!.AsArray().Select(p => p!["alg"]!.GetValue<int>()), Is.EqualTo(new[] { -7, -257 }));
        Assert.That(options["authenticatorSelection"]!.ToJsonString(), Is.EqualTo("""{"requireResidentKey":true,"residentKey":"required","userVerification":"preferred"}"""));
        // An email pool's user name is the sub; user.id is the sub in base64url.
        var user = options["user"]!;
        Assert.That(user["displayName"]!.GetValue<string>(), Is.EqualTo(user["name"]!.GetValue<string>()));
        Assert.That(System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(user["id"]!.GetValue<string>())), Is.EqualTo(user["name"]!.GetValue<string>()));
        Assert.That(options["excludeCredentials"]!.AsArray(), Is.Empty);

        await Idp("CompleteWebAuthnRegistration", new { AccessToken = token, Credential = JsonNode.Parse(passkey.CreateCredential(options.ToJsonString())) });

        var listed = (await Idp("ListWebAuthnCredentials", new { AccessToken = token }))["Credentials"]!.AsArray();
        Assert.That(listed.Select(c => c!["CredentialId"]!.GetValue<string>()), Is.EqualTo(passkey.CredentialIds));
        Assert.That(listed[0]!["RelyingPartyId"]!.GetValue<string>(), Is.EqualTo(RpId));
        Assert.That(listed[0]!["AuthenticatorAttachment"]!.GetValue<string>(), Is.EqualTo("platform"));
        Assert.That(listed[0]!["AuthenticatorTransports"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "internal" }));
        Assert.That(listed[0]!["CreatedAt"], Is.Not.Null);

        var again = (await Idp("StartWebAuthnRegistration", new { AccessToken = token }))["CredentialCreationOptions"]!;
        Assert.That(again["excludeCredentials"]!.ToJsonString(), Is.EqualTo($$"""[{"id":"{{passkey.CredentialIds[0]}}","type":"public-key"}]"""));
    }

    [Test]
    public async Task PasskeySignIn_VerifiesTheAssertion_WithTheStoredKey()
    {
        var (_, clientId, token) = await SignedInPasskeyUser();
        using var passkey = new SoftwareAuthenticator { UseRsa = true };
        await Register(token, passkey);

        var factors = await Idp("GetUserAuthFactors", new { AccessToken = token });
        Assert.That(factors["ConfiguredUserAuthFactors"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EqualTo(new[] { "PASSWORD", "WEB_AUTHN" }));

        var challenge = await StartPasskeySignIn(clientId);
        Assert.That(challenge["ChallengeName"]!.GetValue<string>(), Is.EqualTo("WEB_AUTHN"));
        var requestOptions = challenge["ChallengeParameters"]!["CREDENTIAL_REQUEST_OPTIONS"]!.GetValue<string>();
        var parsed = JsonNode.Parse(requestOptions)!.AsObject();
        Assert.That(parsed.Select(p => p.Key), Is.EqualTo(new[] { "challenge", "timeout", "rpId", "allowCredentials", "userVerification" }));
        Assert.That((parsed["rpId"]!.GetValue<string>(), parsed["timeout"]!.GetValue<int>()), Is.EqualTo((RpId, 180000)));

        var assertion = passkey.GetAssertion(requestOptions);
        var done = await Idp("RespondToAuthChallenge", new
        {
            ClientId = clientId, ChallengeName = "WEB_AUTHN", Session = challenge["Session"]!.GetValue<string>(),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "ada@example.com", ["CREDENTIAL"] = assertion },
        });
        Assert.That(Claims(done["AuthenticationResult"]!["AccessToken"]!.GetValue<string>())["username"], Is.Not.Null);

        // The same assertion again: the challenge is another, and the counter did not move.
        var replay = await StartPasskeySignIn(clientId);
        var replayed = await IdpError("RespondToAuthChallenge", new
        {
            ClientId = clientId, ChallengeName = "WEB_AUTHN", Session = replay["Session"]!.GetValue<string>(),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "ada@example.com", ["CREDENTIAL"] = assertion },
        });
        Assert.That(replayed.Code, Is.EqualTo("NotAuthorizedException"));
    }

    [Test]
    public async Task ATamperedSignature_DoesNotSignIn()
    {
        var (_, clientId, token) = await SignedInPasskeyUser();
        using var passkey = new SoftwareAuthenticator();
        await Register(token, passkey);
        var challenge = await StartPasskeySignIn(clientId);
        var assertion = JsonNode.Parse(passkey.GetAssertion(challenge["ChallengeParameters"]!["CREDENTIAL_REQUEST_OPTIONS"]!.GetValue<string>()))!;
        var response = assertion["response"]!;
        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(response["signature"]!.GetValue<string>());
        signature[^1] ^= 0x01;
        response["signature"] = System.Buffers.Text.Base64Url.EncodeToString(signature);

        var error = await IdpError("RespondToAuthChallenge", new
        {
            ClientId = clientId, ChallengeName = "WEB_AUTHN", Session = challenge["Session"]!.GetValue<string>(),
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "ada@example.com", ["CREDENTIAL"] = assertion.ToJsonString() },
        });
        Assert.That(error.Code, Is.EqualTo("NotAuthorizedException"));
    }

    [Test]
    public async Task Registration_RefusesWhatAwsRefuses()
    {
        var (poolId, _, token) = await SignedInPasskeyUser();

        var noChallenge = await IdpError("CompleteWebAuthnRegistration", new { AccessToken = token, Credential = new { id = "x" } });
        Assert.That(noChallenge.Code, Is.EqualTo("WebAuthnChallengeNotFoundException"));

        using var elsewhere = new SoftwareAuthenticator("https://evil.example.net");
        var options = (await Idp("StartWebAuthnRegistration", new { AccessToken = token }))["CredentialCreationOptions"]!.ToJsonString();
        var origin = await IdpError("CompleteWebAuthnRegistration", new { AccessToken = token, Credential = JsonNode.Parse(elsewhere.CreateCredential(options)) });
        Assert.That(origin.Code, Is.EqualTo("WebAuthnOriginNotAllowedException"));

        using var otherParty = new SoftwareAuthenticator("https://example.com");
        var forOther = JsonNode.Parse(options)!;
        forOther["rp"]!["id"] = "other.example.org";
        var mismatch = await IdpError("CompleteWebAuthnRegistration", new
        {
            AccessToken = token,
            Credential = JsonNode.Parse(otherParty.CreateCredential(forOther.ToJsonString())),
        });
        Assert.That(mismatch.Code, Is.EqualTo("WebAuthnRelyingPartyMismatchException"));

        var otherClient = await NewClient(poolId, flows: ["ALLOW_USER_PASSWORD_AUTH"]);
        var otherToken = (await PasswordSignIn(otherClient, "ada@example.com"))["AccessToken"]!.GetValue<string>();
        using var passkey = new SoftwareAuthenticator();
        var wrongClient = await IdpError("CompleteWebAuthnRegistration", new { AccessToken = otherToken, Credential = JsonNode.Parse(passkey.CreateCredential(options)) });
        Assert.That(wrongClient.Code, Is.EqualTo("WebAuthnClientMismatchException"));

        await Idp("UpdateUserPool", new { UserPoolId = poolId, Policies = new { SignInPolicy = new { AllowedFirstAuthFactors = new[] { "PASSWORD" } } } });
        var notEnabled = await IdpError("StartWebAuthnRegistration", new { AccessToken = token });
        Assert.That(notEnabled.Code, Is.EqualTo("WebAuthnNotEnabledException"));
    }

    [Test]
    public async Task WithoutARelyingPartyOrDomain_TheConfigurationIsMissing_AndADomainServes()
    {
        var (poolId, clientId) = await PasskeyPool(relyingParty: null);
        await ConfirmedUser(poolId, clientId, "ada@example.com");
        var token = (await PasswordSignIn(clientId, "ada@example.com"))["AccessToken"]!.GetValue<string>();

        var missing = await IdpError("StartWebAuthnRegistration", new { AccessToken = token });
        Assert.That(missing.Code, Is.EqualTo("WebAuthnConfigurationMissingException"));

        await Idp("CreateUserPoolDomain", new { UserPoolId = poolId, Domain = "passkeys" });
        var options = (await Idp("StartWebAuthnRegistration", new { AccessToken = token }))["CredentialCreationOptions"]!;
        Assert.That(options["rp"]!["id"]!.GetValue<string>(), Is.EqualTo("passkeys.auth.us-east-1.amazoncognito.com"));
        var config = await Idp("GetUserPoolMfaConfig", new { UserPoolId = poolId });
        Assert.That(config["WebAuthnConfiguration"], Is.Null);
    }

    [Test]
    public async Task DeleteWebAuthnCredential_RemovesIt_AndThePasskeyNoLongerSignsIn()
    {
        var (_, clientId, token) = await SignedInPasskeyUser();
        using var passkey = new SoftwareAuthenticator();
        await Register(token, passkey);

        await Idp("DeleteWebAuthnCredential", new { AccessToken = token, CredentialId = passkey.CredentialIds[0] });
        Assert.That((await Idp("ListWebAuthnCredentials", new { AccessToken = token }))["Credentials"]!.AsArray(), Is.Empty);
        var gone = await IdpError("DeleteWebAuthnCredential", new { AccessToken = token, CredentialId = passkey.CredentialIds[0] });
        Assert.That(gone.Code, Is.EqualTo("ResourceNotFoundException"));

        var select = await Idp("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_AUTH", AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "ada@example.com" } });
        Assert.That(select["AvailableChallenges"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { "PASSWORD_SRP", "PASSWORD" }));
    }

    [Test]
    public async Task ListWebAuthnCredentials_Pages()
    {
        var (_, _, token) = await SignedInPasskeyUser();
        using var passkey = new SoftwareAuthenticator();
        for (var i = 0; i < 3; i++)
        {
            await Register(token, passkey);
        }
        var first = await Idp("ListWebAuthnCredentials", new { AccessToken = token, MaxResults = 2 });
        var second = await Idp("ListWebAuthnCredentials", new { AccessToken = token, MaxResults = 2, NextToken = first["NextToken"]!.GetValue<string>() });
        var ids = first["Credentials"]!.AsArray().Concat(second["Credentials"]!.AsArray()).Select(c => c!["CredentialId"]!.GetValue<string>());
        Assert.That(ids, Is.EqualTo(passkey.CredentialIds));
        Assert.That(second["NextToken"], Is.Null);
    }

    [Test]
    public async Task RequiredUserVerification_RefusesAnAuthenticatorThatDoesNotVerify()
    {
        var (poolId, _, token) = await SignedInPasskeyUser();
        await Idp("SetUserPoolMfaConfig", new { UserPoolId = poolId, WebAuthnConfiguration = new { RelyingPartyId = RpId, UserVerification = "required" } });
        var config = await Idp("GetUserPoolMfaConfig", new { UserPoolId = poolId });
        Assert.That(config["WebAuthnConfiguration"]!.ToJsonString(), Is.EqualTo("""{"RelyingPartyId":"example.com","UserVerification":"required"}"""));

        using var presenceOnly = new SoftwareAuthenticator { VerifiesUser = false };
        var options = (await Idp("StartWebAuthnRegistration", new { AccessToken = token }))["CredentialCreationOptions"]!;
        Assert.That(options["authenticatorSelection"]!["userVerification"]!.GetValue<string>(), Is.EqualTo("required"));
        var error = await IdpError("CompleteWebAuthnRegistration", new { AccessToken = token, Credential = JsonNode.Parse(presenceOnly.CreateCredential(options.ToJsonString())) });
        Assert.That(error.Code, Is.EqualTo("WebAuthnCredentialNotSupportedException"));
    }

    [Test]
    public async Task Passkeys_SurviveASnapshot()
    {
        var (_, clientId, token) = await SignedInPasskeyUser();
        using var passkey = new SoftwareAuthenticator();
        await Register(token, passkey);
        var snapshot = Aws.Snapshot();
        using var fresh = new FakeAwsCloud();
        fresh.Restore(snapshot);

        var outcome = await fresh.CallAsync("cognito-idp", "InitiateAuth", new JsonObject
        {
            ["ClientId"] = clientId, ["AuthFlow"] = "USER_AUTH",
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = "ada@example.com", ["PREFERRED_CHALLENGE"] = "WEB_AUTHN" },
        });
        var assertion = passkey.GetAssertion(outcome!["ChallengeParameters"]!["CREDENTIAL_REQUEST_OPTIONS"]!.GetValue<string>());
        var done = await fresh.CallAsync("cognito-idp", "RespondToAuthChallenge", new JsonObject
        {
            ["ClientId"] = clientId, ["ChallengeName"] = "WEB_AUTHN", ["Session"] = outcome["Session"]!.GetValue<string>(),
            ["ChallengeResponses"] = new JsonObject { ["USERNAME"] = "ada@example.com", ["CREDENTIAL"] = assertion },
        });
        Assert.That(done!["AuthenticationResult"]!["IdToken"], Is.Not.Null);
    }

    private async Task Register(string token, SoftwareAuthenticator passkey)
    {
        var options = (await Idp("StartWebAuthnRegistration", new { AccessToken = token }))["CredentialCreationOptions"]!.ToJsonString();
        await Idp("CompleteWebAuthnRegistration", new { AccessToken = token, Credential = JsonNode.Parse(passkey.CreateCredential(options)) });
    }

    private Task<JsonObject> StartPasskeySignIn(string clientId) => Idp("InitiateAuth", new
    {
        ClientId = clientId, AuthFlow = "USER_AUTH",
        AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "ada@example.com", ["PREFERRED_CHALLENGE"] = "WEB_AUTHN" },
    });

    private async Task<(string PoolId, string ClientId, string AccessToken)> SignedInPasskeyUser()
    {
        var (poolId, clientId) = await PasskeyPool(RpId);
        await ConfirmedUser(poolId, clientId, "ada@example.com");
        var token = (await PasswordSignIn(clientId, "ada@example.com"))["AccessToken"]!.GetValue<string>();
        return (poolId, clientId, token);
    }

    private async Task<(string PoolId, string ClientId)> PasskeyPool(string? relyingParty)
    {
        var (poolId, _) = await EmailPool(new { Policies = new { SignInPolicy = new { AllowedFirstAuthFactors = new[] { "PASSWORD", "WEB_AUTHN" } } } });
        if (relyingParty is not null)
        {
            await Idp("SetUserPoolMfaConfig", new { UserPoolId = poolId, WebAuthnConfiguration = new { RelyingPartyId = relyingParty } });
        }
        var clientId = await NewClient(poolId, flows: ["ALLOW_USER_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
        return (poolId, clientId);
    }
}
