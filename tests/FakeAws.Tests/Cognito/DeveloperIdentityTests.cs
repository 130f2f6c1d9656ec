namespace FakeAws.Tests.Cognito;

/// <summary>Developer-authenticated identities: LookupDeveloperIdentity, MergeDeveloperIdentities, UnlinkDeveloperIdentity; and UnlinkIdentity.</summary>
public sealed class DeveloperIdentityTests : CognitoTestBase
{
    private const string Developer = "login.example";

    [Test]
    public async Task Lookup_FindsTheIdentityByIdentifier_AndTheIdentifiersByIdentity()
    {
        var poolId = await DeveloperPool();
        var identityId = await DeveloperIdentity(poolId, "user-42");

        var byUser = await Identity("LookupDeveloperIdentity", new { IdentityPoolId = poolId, DeveloperUserIdentifier = "user-42" });
        Assert.That(byUser["IdentityId"]!.GetValue<string>(), Is.EqualTo(identityId));
        var byIdentity = await Identity("LookupDeveloperIdentity", new { IdentityPoolId = poolId, IdentityId = identityId, MaxResults = 10 });
        Assert.That(byIdentity["DeveloperUserIdentifierList"]!.AsArray().Select(u => u!.GetValue<string>()), Is.EqualTo(new[] { "user-42" }));

        var unknown = await IdentityError("LookupDeveloperIdentity", new { IdentityPoolId = poolId, DeveloperUserIdentifier = "nobody" });
        Assert.That(unknown.Code, Is.EqualTo("ResourceNotFoundException"));
        var other = await DeveloperIdentity(poolId, "user-7");
        var conflict = await IdentityError("LookupDeveloperIdentity", new { IdentityPoolId = poolId, IdentityId = other, DeveloperUserIdentifier = "user-42" });
        Assert.That(conflict.Code, Is.EqualTo("ResourceConflictException"));
        var neither = await IdentityError("LookupDeveloperIdentity", new { IdentityPoolId = poolId });
        Assert.That(neither.Code, Is.EqualTo("InvalidParameterException"));
    }

    [Test]
    public async Task Merge_MovesTheSourceUserToTheDestinationsIdentity()
    {
        var poolId = await DeveloperPool();
        var source = await DeveloperIdentity(poolId, "old-account");
        var destination = await DeveloperIdentity(poolId, "new-account");

        var wrongProvider = await IdentityError("MergeDeveloperIdentities", new
        {
            IdentityPoolId = poolId, DeveloperProviderName = "other.example", SourceUserIdentifier = "old-account", DestinationUserIdentifier = "new-account",
        });
        Assert.That(wrongProvider.Code, Is.EqualTo("NotAuthorizedException"));

        var merged = await Identity("MergeDeveloperIdentities", new
        {
            IdentityPoolId = poolId, DeveloperProviderName = Developer, SourceUserIdentifier = "old-account", DestinationUserIdentifier = "new-account",
        });
        Assert.That(merged["IdentityId"]!.GetValue<string>(), Is.EqualTo(destination));
        var found = await Identity("LookupDeveloperIdentity", new { IdentityPoolId = poolId, DeveloperUserIdentifier = "old-account" });
        Assert.That(found["IdentityId"]!.GetValue<string>(), Is.EqualTo(destination));
        Assert.That(found["DeveloperUserIdentifierList"]!.AsArray().Select(u => u!.GetValue<string>()), Is.EqualTo(new[] { "new-account", "old-account" }));
        var gone = await IdentityError("DescribeIdentity", new { IdentityId = source });
        Assert.That(gone.Code, Is.EqualTo("ResourceNotFoundException"));
        var token = await Identity("GetOpenIdTokenForDeveloperIdentity", new { IdentityPoolId = poolId, Logins = new Dictionary<string, string> { [Developer] = "old-account" } });
        Assert.That(token["IdentityId"]!.GetValue<string>(), Is.EqualTo(destination));
    }

    [Test]
    public async Task UnlinkDeveloperIdentity_TakesTheIdentifierOff_AndLinkingElsewhereConflicts()
    {
        var poolId = await DeveloperPool();
        var identityId = await DeveloperIdentity(poolId, "user-42");
        var other = await DeveloperIdentity(poolId, "user-7");

        var taken = await IdentityError("GetOpenIdTokenForDeveloperIdentity", new
        {
            IdentityPoolId = poolId, IdentityId = other, Logins = new Dictionary<string, string> { [Developer] = "user-42" },
        });
        Assert.That(taken.Code, Is.EqualTo("ResourceConflictException"));

        await Identity("UnlinkDeveloperIdentity", new { IdentityPoolId = poolId, IdentityId = identityId, DeveloperProviderName = Developer, DeveloperUserIdentifier = "user-42" });
        Assert.That((await Identity("DescribeIdentity", new { IdentityId = identityId }))["Logins"]!.AsArray(), Is.Empty);
        var again = await IdentityError("UnlinkDeveloperIdentity", new { IdentityPoolId = poolId, IdentityId = identityId, DeveloperProviderName = Developer, DeveloperUserIdentifier = "user-42" });
        Assert.That(again.Code, Is.EqualTo("ResourceNotFoundException"));

        // Unlinked, the identifier is free to join another identity.
        var linked = await Identity("GetOpenIdTokenForDeveloperIdentity", new { IdentityPoolId = poolId, IdentityId = other, Logins = new Dictionary<string, string> { [Developer] = "user-42" } });
        Assert.That(linked["IdentityId"]!.GetValue<string>(), Is.EqualTo(other));
    }

    [Test]
    public async Task UnlinkIdentity_RemovesAProvider_WhenALoginOfTheIdentityProvesTheCaller()
    {
        var (userPoolId, clientId) = await EmailPool();
        var provider = $"cognito-idp.us-east-1.amazonaws.com/{userPoolId}";
        var poolId = (await Identity("CreateIdentityPool", new
        {
            IdentityPoolName = "linked", AllowUnauthenticatedIdentities = false, DeveloperProviderName = Developer,
            CognitoIdentityProviders = new[] { new { ProviderName = provider, ClientId = clientId } },
        }))["IdentityPoolId"]!.GetValue<string>();
        await ConfirmedUser(userPoolId, clientId, "ada@example.com");
        var idToken = (await PasswordSignIn(clientId, "ada@example.com"))["IdToken"]!.GetValue<string>();
        var identityId = (await Identity("GetOpenIdTokenForDeveloperIdentity", new
        {
            IdentityPoolId = poolId, Logins = new Dictionary<string, string> { [Developer] = "user-42", [provider] = idToken },
        }))["IdentityId"]!.GetValue<string>();
        Assert.That((await Identity("DescribeIdentity", new { IdentityId = identityId }))["Logins"]!.AsArray().Select(l => l!.GetValue<string>()),
            Is.EquivalentTo(new[] { Developer, provider }));

        var stranger = await IdentityError("UnlinkIdentity", new { IdentityId = await DeveloperIdentity(poolId, "user-7"), Logins = new Dictionary<string, string> { [provider] = idToken }, LoginsToRemove = new[] { provider } });
        Assert.That(stranger.Code, Is.EqualTo("NotAuthorizedException"));

        await Identity("UnlinkIdentity", new { IdentityId = identityId, Logins = new Dictionary<string, string> { [provider] = idToken }, LoginsToRemove = new[] { provider } });
        Assert.That((await Identity("DescribeIdentity", new { IdentityId = identityId }))["Logins"]!.AsArray().Select(l => l!.GetValue<string>()),
            Is.EqualTo(new[] { Developer }));
    }

    [Test]
    public async Task MergedDeveloperUsers_SurviveASnapshot()
    {
        var poolId = await DeveloperPool();
        await DeveloperIdentity(poolId, "a");
        var destination = await DeveloperIdentity(poolId, "b");
        await Identity("MergeDeveloperIdentities", new { IdentityPoolId = poolId, DeveloperProviderName = Developer, SourceUserIdentifier = "a", DestinationUserIdentifier = "b" });
        using var fresh = new FakeAwsCloud();
        fresh.Restore(Aws.Snapshot());

        var found = await fresh.CallAsync("cognito-identity", "LookupDeveloperIdentity", new System.Text.Json.Nodes.JsonObject { ["IdentityPoolId"] = poolId, ["IdentityId"] = destination });
        Assert.That(found!["DeveloperUserIdentifierList"]!.AsArray().Select(u => u!.GetValue<string>()), Is.EqualTo(new[] { "b", "a" }));
    }

    private async Task<string> DeveloperPool() =>
        (await Identity("CreateIdentityPool", new { IdentityPoolName = "devs", AllowUnauthenticatedIdentities = false, DeveloperProviderName = Developer }))
            ["IdentityPoolId"]!.GetValue<string>();

    private async Task<string> DeveloperIdentity(string poolId, string user) =>
        (await Identity("GetOpenIdTokenForDeveloperIdentity", new { IdentityPoolId = poolId, Logins = new Dictionary<string, string> { [Developer] = user } }))
            ["IdentityId"]!.GetValue<string>();
}
