namespace FakeAws.Tests.Cognito;

public class IdentityPoolTests : CognitoTestBase
{
    private const string AuthRole = "arn:aws:iam::123456789012:role/signed-in";
    private const string GuestRole = "arn:aws:iam::123456789012:role/guest";

    private async Task<(string IdentityPoolId, string Provider, string PoolId, string ClientId)> Setup(bool guests = true)
    {
        var (poolId, clientId) = await EmailPool();
        var provider = $"cognito-idp.us-east-1.amazonaws.com/{poolId}";
        var identityPool = await Identity("CreateIdentityPool", new
        {
            IdentityPoolName = "app_identities",
            AllowUnauthenticatedIdentities = guests,
            CognitoIdentityProviders = new[] { new { ProviderName = provider, ClientId = clientId, ServerSideTokenCheck = false } },
        });
        var id = identityPool["IdentityPoolId"]!.GetValue<string>();
        await Identity("SetIdentityPoolRoles", new { IdentityPoolId = id, Roles = new Dictionary<string, string> { ["authenticated"] = AuthRole, ["unauthenticated"] = GuestRole } });
        return (id, provider, poolId, clientId);
    }

    [Test]
    public async Task UserPoolLogin_GetIdAndCredentials_AuthenticatedRoleAndClockExpiration()
    {
        var (identityPoolId, provider, poolId, clientId) = await Setup();
        await ConfirmedUser(poolId, clientId, "id@example.com");
        var idToken = (await PasswordSignIn(clientId, "id@example.com"))["IdToken"]!.GetValue<string>();
        var logins = new Dictionary<string, string> { [provider] = idToken };

        var identityId = (await Identity("GetId", new { AccountId = "123456789012", IdentityPoolId = identityPoolId, Logins = logins }))["IdentityId"]!.GetValue<string>();
        Assert.That(identityId, Does.Match("^us-east-1:[0-9a-f-]{36}$"));
        var sameAgain = (await Identity("GetId", new { IdentityPoolId = identityPoolId, Logins = logins }))["IdentityId"]!.GetValue<string>();
        Assert.That(sameAgain, Is.EqualTo(identityId));

        var credentials = (await Identity("GetCredentialsForIdentity", new { IdentityId = identityId, Logins = logins }))["Credentials"]!;
        Assert.That(credentials["AccessKeyId"]!.GetValue<string>(), Does.Match("^ASIA[A-Z2-7]{16}$"));
        Assert.That(credentials["SecretKey"]!.GetValue<string>(), Has.Length.EqualTo(40));
        Assert.That(credentials["SessionToken"]!.GetValue<string>(), Does.StartWith("IQoJb3JpZ2luX2Vj"));
        Assert.That(credentials["Expiration"]!.GetValue<double>(), Is.EqualTo(Aws.Clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds()).Within(1));

        var openId = await Identity("GetOpenIdToken", new { IdentityId = identityId, Logins = logins });
        var claims = Claims(openId["Token"]!.GetValue<string>());
        Assert.That((claims["sub"]!.GetValue<string>(), claims["aud"]!.GetValue<string>(), claims["amr"]![0]!.GetValue<string>()),
            Is.EqualTo((identityId, identityPoolId, "authenticated")));

        var noLogins = await IdentityError("GetCredentialsForIdentity", new { IdentityId = identityId });
        Assert.That((noLogins.Code, noLogins.Message), Is.EqualTo(("NotAuthorizedException", "Logins don't match. Please include at least one valid login for this identity or identity pool.")));
    }

    [Test]
    public async Task ExpiredOrForgedIdToken_NotAuthorized()
    {
        var (identityPoolId, provider, poolId, clientId) = await Setup();
        await ConfirmedUser(poolId, clientId, "id@example.com");
        var tokens = await PasswordSignIn(clientId, "id@example.com");
        var idToken = tokens["IdToken"]!.GetValue<string>();

        var forged = idToken[..^4] + (idToken.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var bad = await IdentityError("GetId", new { IdentityPoolId = identityPoolId, Logins = new Dictionary<string, string> { [provider] = forged } });
        Assert.That((bad.Code, bad.Message), Is.EqualTo(("NotAuthorizedException", "Invalid login token. Couldn't verify signed token.")));

        var access = await IdentityError("GetId", new { IdentityPoolId = identityPoolId, Logins = new Dictionary<string, string> { [provider] = tokens["AccessToken"]!.GetValue<string>() } });
        Assert.That(access.Message, Is.EqualTo("Invalid login token. Missing a required claim: aud"));

        Aws.Clock.Advance(TimeSpan.FromHours(2));
        var expired = await IdentityError("GetId", new { IdentityPoolId = identityPoolId, Logins = new Dictionary<string, string> { [provider] = idToken } });
        Assert.That(expired.Code, Is.EqualTo("NotAuthorizedException"));
        Assert.That(expired.Message, Does.StartWith("Invalid login token. Token expired: "));

        var otherClient = await NewClient(poolId);
        var otherToken = (await PasswordSignIn(otherClient, "id@example.com"))["IdToken"]!.GetValue<string>();
        var unsupported = await IdentityError("GetId", new { IdentityPoolId = identityPoolId, Logins = new Dictionary<string, string> { [provider] = otherToken } });
        Assert.That(unsupported.Message, Is.EqualTo("Token is not from a supported provider of this identity pool."));
    }

    [Test]
    public async Task Guests_GetUnauthenticatedRole_UnlessThePoolForbidsThem()
    {
        var (identityPoolId, _, _, _) = await Setup();
        var guest = (await Identity("GetId", new { IdentityPoolId = identityPoolId }))["IdentityId"]!.GetValue<string>();
        var credentials = await Identity("GetCredentialsForIdentity", new { IdentityId = guest });
        Assert.That(credentials["Credentials"]!["AccessKeyId"]!.GetValue<string>(), Does.StartWith("ASIA"));
        var token = Claims((await Identity("GetOpenIdToken", new { IdentityId = guest }))["Token"]!.GetValue<string>());
        Assert.That(token["amr"]![0]!.GetValue<string>(), Is.EqualTo("unauthenticated"));

        var (strict, _, _, _) = await Setup(guests: false);
        var error = await IdentityError("GetId", new { IdentityPoolId = strict });
        Assert.That((error.Code, error.Message), Is.EqualTo(("NotAuthorizedException", "Unauthenticated access is not supported for this identity pool.")));
    }

    [Test]
    public async Task NoRoles_InvalidIdentityPoolConfiguration()
    {
        var id = (await Identity("CreateIdentityPool", new { IdentityPoolName = "bare", AllowUnauthenticatedIdentities = true }))["IdentityPoolId"]!.GetValue<string>();
        var guest = (await Identity("GetId", new { IdentityPoolId = id }))["IdentityId"]!.GetValue<string>();
        var error = await IdentityError("GetCredentialsForIdentity", new { IdentityId = guest });
        Assert.That((error.Code, error.Message), Is.EqualTo(("InvalidIdentityPoolConfigurationException", "Invalid identity pool configuration. Check assigned IAM roles for this pool.")));
    }

    [Test]
    public async Task TokenRoleMapping_UsesPreferredRoleOfTheUsersGroups()
    {
        var (identityPoolId, provider, poolId, clientId) = await Setup();
        await Identity("SetIdentityPoolRoles", new
        {
            IdentityPoolId = identityPoolId,
            Roles = new Dictionary<string, string> { ["authenticated"] = AuthRole },
            RoleMappings = new Dictionary<string, object> { [provider] = new { Type = "Token", AmbiguousRoleResolution = "AuthenticatedRole" } },
        });
        var sub = await ConfirmedUser(poolId, clientId, "r@example.com");
        await Idp("CreateGroup", new { UserPoolId = poolId, GroupName = "ops", Precedence = 0, RoleArn = "arn:aws:iam::123456789012:role/ops" });
        await Idp("AdminAddUserToGroup", new { UserPoolId = poolId, Username = sub, GroupName = "ops" });
        var logins = new Dictionary<string, string> { [provider] = (await PasswordSignIn(clientId, "r@example.com"))["IdToken"]!.GetValue<string>() };
        var identityId = (await Identity("GetId", new { IdentityPoolId = identityPoolId, Logins = logins }))["IdentityId"]!.GetValue<string>();

        var credentials = await Identity("GetCredentialsForIdentity", new { IdentityId = identityId, Logins = logins });
        var sessionToken = credentials["Credentials"]!["SessionToken"]!.GetValue<string>();
        Assert.That(sessionToken, Does.Contain(Convert.ToBase64String("arn:aws:iam::123456789012:role/ops"u8.ToArray())));
    }

    [Test]
    public async Task PoolCrud_DescribeListDelete_AndDeveloperTokens()
    {
        var created = await Identity("CreateIdentityPool", new { IdentityPoolName = "devs", AllowUnauthenticatedIdentities = false, DeveloperProviderName = "login.example" });
        var id = created["IdentityPoolId"]!.GetValue<string>();
        Assert.That((await Identity("DescribeIdentityPool", new { IdentityPoolId = id }))["DeveloperProviderName"]!.GetValue<string>(), Is.EqualTo("login.example"));
        Assert.That((await Identity("ListIdentityPools", new { MaxResults = 10 }))["IdentityPools"]![0]!["IdentityPoolName"]!.GetValue<string>(), Is.EqualTo("devs"));

        var token = await Identity("GetOpenIdTokenForDeveloperIdentity", new { IdentityPoolId = id, Logins = new Dictionary<string, string> { ["login.example"] = "user-42" }, TokenDuration = 60 });
        var claims = Claims(token["Token"]!.GetValue<string>());
        Assert.That(claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>(), Is.EqualTo(60));
        var same = await Identity("GetOpenIdTokenForDeveloperIdentity", new { IdentityPoolId = id, Logins = new Dictionary<string, string> { ["login.example"] = "user-42" } });
        Assert.That(same["IdentityId"]!.GetValue<string>(), Is.EqualTo(token["IdentityId"]!.GetValue<string>()));

        await Identity("DeleteIdentityPool", new { IdentityPoolId = id });
        var gone = await IdentityError("DescribeIdentityPool", new { IdentityPoolId = id });
        Assert.That((gone.Code, gone.Message), Is.EqualTo(("ResourceNotFoundException", $"IdentityPool '{id}' not found.")));
    }

    [Test]
    public async Task GetCredentialsForIdentity_UnknownIdentity_NotFound()
    {
        var error = await IdentityError("GetCredentialsForIdentity", new { IdentityId = "us-east-1:00000000-0000-4000-8000-000000000000" });
        Assert.That((error.Code, error.Message), Is.EqualTo(("ResourceNotFoundException", "Identity 'us-east-1:00000000-0000-4000-8000-000000000000' not found.")));
    }

    [Test]
    public async Task Tags_AreThePoolsIdentityPoolTags_ByItsArn()
    {
        var (identityPoolId, _, _, _) = await Setup();
        var arn = $"arn:aws:cognito-identity:us-east-1:{Aws.Options.AccountId}:identitypool/{identityPoolId}";
        await Identity("TagResource", new { ResourceArn = arn, Tags = new Dictionary<string, string> { ["team"] = "web", ["stage"] = "dev" } });
        await Identity("UntagResource", new { ResourceArn = arn, TagKeys = new[] { "stage" } });
        var tags = (await Identity("ListTagsForResource", new { ResourceArn = arn }))["Tags"]!.AsObject();
        Assert.That(tags.Select(t => (t.Key, t.Value!.GetValue<string>())), Is.EqualTo(new[] { ("team", "web") }));
        var described = (await Identity("DescribeIdentityPool", new { IdentityPoolId = identityPoolId }))["IdentityPoolTags"]!.AsObject();
        Assert.That(described.Select(t => t.Key), Is.EqualTo(new[] { "team" }));

        var missing = await IdentityError("ListTagsForResource", new { ResourceArn = arn[..^4] + "0000" });
        Assert.That(missing.Code, Is.EqualTo("ResourceNotFoundException"));
    }

    [Test]
    public async Task DeleteIdentities_ForgetsThem_AndPassesOverUnknownIds()
    {
        var (identityPoolId, _, _, _) = await Setup();
        var guest = (await Identity("GetId", new { IdentityPoolId = identityPoolId, AccountId = Aws.Options.AccountId }))["IdentityId"]!.GetValue<string>();
        var deleted = await Identity("DeleteIdentities", new { IdentityIdsToDelete = new[] { guest, "us-east-1:00000000-0000-4000-8000-000000000000" } });
        Assert.That(deleted["UnprocessedIdentityIds"]!.AsArray(), Is.Empty);
        var gone = await IdentityError("DescribeIdentity", new { IdentityId = guest });
        Assert.That((gone.Code, gone.Message), Is.EqualTo(("ResourceNotFoundException", $"Identity '{guest}' not found.")));
    }
}
