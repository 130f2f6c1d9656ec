using System.Text.Json.Nodes;

namespace FakeAws.Tests.Cognito;

/// <summary>SetPrincipalTagAttributeMap and GetPrincipalTagAttributeMap: an identity pool's attribute maps for access control, per provider.</summary>
public sealed class PrincipalTagAttributeMapTests : CognitoTestBase
{
    private const string Provider = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Example";

    private async Task<string> NewPool() =>
        (await Identity("CreateIdentityPool", new { IdentityPoolName = "tags", AllowUnauthenticatedIdentities = false }))["IdentityPoolId"]!.GetValue<string>();

    private static Dictionary<string, string> Tags(JsonObject response) =>
        response["PrincipalTags"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());

    [Test]
    public async Task AProviderNeverSet_MapsByTheDefaults_WithNoTags()
    {
        var poolId = await NewPool();

        var map = await Identity("GetPrincipalTagAttributeMap", new { IdentityPoolId = poolId, IdentityProviderName = Provider });

        Assert.That(map["IdentityPoolId"]!.GetValue<string>(), Is.EqualTo(poolId));
        Assert.That(map["IdentityProviderName"]!.GetValue<string>(), Is.EqualTo(Provider));
        Assert.That(map["UseDefaults"]!.GetValue<bool>(), Is.True);
        Assert.That(Tags(map), Is.Empty);
    }

    [Test]
    public async Task ASetMap_IsReadBack_PerProvider_AndWhatASetLeavesOutStays()
    {
        var poolId = await NewPool();

        var set = await Identity("SetPrincipalTagAttributeMap", new
        {
            IdentityPoolId = poolId, IdentityProviderName = Provider, UseDefaults = false,
            PrincipalTags = new Dictionary<string, string> { ["department"] = "custom:dept", ["team"] = "custom:team" },
        });
        Assert.That((set["UseDefaults"]!.GetValue<bool>(), Tags(set).Count), Is.EqualTo((false, 2)));

        var read = await Identity("GetPrincipalTagAttributeMap", new { IdentityPoolId = poolId, IdentityProviderName = Provider });
        Assert.That(read["UseDefaults"]!.GetValue<bool>(), Is.False);
        Assert.That(Tags(read), Is.EqualTo(new Dictionary<string, string> { ["department"] = "custom:dept", ["team"] = "custom:team" }));
        var other = await Identity("GetPrincipalTagAttributeMap", new { IdentityPoolId = poolId, IdentityProviderName = "accounts.google.com" });
        Assert.That(other["UseDefaults"]!.GetValue<bool>(), Is.True, "each provider has its own map");

        await Identity("SetPrincipalTagAttributeMap", new { IdentityPoolId = poolId, IdentityProviderName = Provider, UseDefaults = true });
        var kept = await Identity("GetPrincipalTagAttributeMap", new { IdentityPoolId = poolId, IdentityProviderName = Provider });
        Assert.That((kept["UseDefaults"]!.GetValue<bool>(), Tags(kept).Count), Is.EqualTo((true, 2)), "tags left out of a set stay");
    }

    [Test]
    public async Task AMissingPool_IsNotFound_AndBadTagsAreRefused()
    {
        var missing = await IdentityError("GetPrincipalTagAttributeMap", new { IdentityPoolId = "us-east-1:00000000-0000-0000-0000-000000000000", IdentityProviderName = Provider });
        Assert.That((missing.Code, missing.Message), Is.EqualTo(("ResourceNotFoundException", "IdentityPool 'us-east-1:00000000-0000-0000-0000-000000000000' not found.")));

        var poolId = await NewPool();
        var tooMany = await IdentityError("SetPrincipalTagAttributeMap", new
        {
            IdentityPoolId = poolId, IdentityProviderName = Provider,
            PrincipalTags = Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", i => $"v{i}"),
        });
        Assert.That(tooMany.Code, Is.EqualTo("com.amazon.coral.validate#ValidationException"), "the type AWS JSON services answer for a constraint violation");
        var noProvider = await IdentityError("SetPrincipalTagAttributeMap", new { IdentityPoolId = poolId, IdentityProviderName = "" });
        Assert.That(noProvider.Code, Is.EqualTo("com.amazon.coral.validate#ValidationException"));
    }

    [Test]
    public async Task Maps_SurviveASnapshot_AndGoWithTheirPool()
    {
        var poolId = await NewPool();
        await Identity("SetPrincipalTagAttributeMap", new
        {
            IdentityPoolId = poolId, IdentityProviderName = Provider, UseDefaults = false, PrincipalTags = new Dictionary<string, string> { ["t"] = "sub" },
        });
        using var fresh = new FakeAwsCloud();
        fresh.Restore(Aws.Snapshot());

        var restored = await fresh.CallAsync("cognito-identity", "GetPrincipalTagAttributeMap", new JsonObject { ["IdentityPoolId"] = poolId, ["IdentityProviderName"] = Provider });
        Assert.That(restored!["UseDefaults"]!.GetValue<bool>(), Is.False);
        Assert.That(restored["PrincipalTags"]!["t"]!.GetValue<string>(), Is.EqualTo("sub"));

        await Identity("DeleteIdentityPool", new { IdentityPoolId = poolId });
        var gone = await IdentityError("GetPrincipalTagAttributeMap", new { IdentityPoolId = poolId, IdentityProviderName = Provider });
        Assert.That(gone.Code, Is.EqualTo("ResourceNotFoundException"));
    }
}
