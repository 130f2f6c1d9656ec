using System.Net;
using System.Text.Json.Nodes;

namespace FakeAws.Tests.Cognito;

/// <summary>Identity providers, and a federated OIDC sign-in through the domain against a provider in process.</summary>
public sealed class FederationTests : CognitoTestBase
{
    private const string Callback = "https://app.example.com/callback";

    [Test]
    public async Task OidcSignIn_ThroughIdpResponse_MapsAttributes_AndCarriesIdentities()
    {
        var provider = new FakeOidcProvider();
        Aws.Cognito.UpstreamHttpHandler = provider;
        var (poolId, clientId) = await FederatedPool();
        using var domain = Aws.Cognito.CreateDomainHttpClient("fed-app");

        using var toUpstream = await domain.GetAsync($"oauth2/authorize?identity_provider=Corp&response_type=code&client_id={clientId}"
            + $"&redirect_uri={Uri.EscapeDataString(Callback)}&state=app-state&scope=openid+email+profile&nonce=app-nonce");
        Assert.That(toUpstream.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        var upstream = toUpstream.Headers.Location!;
        Assert.That(upstream.GetLeftPart(UriPartial.Path), Is.EqualTo(FakeOidcProvider.Issuer + "/authorize"));
        Assert.That(upstream.Query, Does.Contain("redirect_uri=" + Uri.EscapeDataString("https://fed-app.auth.us-east-1.amazoncognito.com/oauth2/idpresponse")));

        // The "browser": the provider signs its user in and sends it back to Cognito's idpresponse.
        using var providerClient = new HttpClient(provider);
        using var back = await providerClient.GetAsync(upstream);
        using var toApp = await domain.GetAsync(back.Headers.Location!);
        var app = toApp.Headers.Location!;
        Assert.That(app.GetLeftPart(UriPartial.Path), Is.EqualTo(Callback), toApp.Headers.Location?.ToString());
        var query = app.Query.TrimStart('?').Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.That(query["state"], Is.EqualTo("app-state"));
        Assert.That(provider.TokenRequests.Single()["client_id"], Is.EqualTo(FakeOidcProvider.ClientId));

        using var tokenResponse = await domain.PostAsync("oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = query["code"], ["redirect_uri"] = Callback,
        }));
        var tokens = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!.AsObject();
        var id = Claims(tokens["id_token"]!.GetValue<string>());
        Assert.That(id["cognito:username"]!.GetValue<string>(), Is.EqualTo("Corp_upstream-user-1"));
        Assert.That((id["email"]!.GetValue<string>(), id["name"]!.GetValue<string>(), id["nonce"]!.GetValue<string>()), Is.EqualTo(("fed@example.com", "Fed Eral", "app-nonce")));
        var identity = id["identities"]!.AsArray().Single()!;
        Assert.That((identity["providerName"]!.GetValue<string>(), identity["providerType"]!.GetValue<string>(), identity["userId"]!.GetValue<string>()),
            Is.EqualTo(("Corp", "OIDC", "upstream-user-1")));
        var user = await Idp("AdminGetUser", new { UserPoolId = poolId, Username = "Corp_upstream-user-1" });
        Assert.That(user["UserStatus"]!.GetValue<string>(), Is.EqualTo("EXTERNAL_PROVIDER"));
    }

    [Test]
    public async Task LinkedIdentity_SignsInAsTheExistingUser_UntilDisabled()
    {
        var provider = new FakeOidcProvider();
        Aws.Cognito.UpstreamHttpHandler = provider;
        var (poolId, clientId) = await FederatedPool();
        await Idp("AdminCreateUser", new { UserPoolId = poolId, Username = "ada", MessageAction = "SUPPRESS" });
        await Idp("AdminLinkProviderForUser", new
        {
            UserPoolId = poolId,
            DestinationUser = new { ProviderName = "Cognito", ProviderAttributeValue = "ada" },
            SourceUser = new { ProviderName = "Corp", ProviderAttributeName = "Cognito_Subject", ProviderAttributeValue = "upstream-user-1" },
        });
        using var domain = Aws.Cognito.CreateDomainHttpClient("fed-app");
        Assert.That(await FederatedUsername(domain, provider, clientId), Is.EqualTo("ada"));

        await Idp("AdminDisableProviderForUser", new { UserPoolId = poolId, User = new { ProviderName = "Corp", ProviderAttributeName = "Cognito_Subject", ProviderAttributeValue = "upstream-user-1" } });
        Assert.That(await FederatedUsername(domain, provider, clientId), Is.EqualTo("Corp_upstream-user-1"), "unlinked, the identity signs in as its own user");
    }

    [Test]
    public async Task IdentityProviders_AreStored_Described_Listed_AndFoundByIdentifier()
    {
        var (poolId, _) = await FederatedPool();
        await Idp("CreateIdentityProvider", new
        {
            UserPoolId = poolId, ProviderName = "Okta", ProviderType = "SAML",
            ProviderDetails = new Dictionary<string, string> { ["MetadataURL"] = "https://okta.example.com/metadata" }, IdpIdentifiers = new[] { "example.com" },
        });
        var duplicate = await IdpError("CreateIdentityProvider", new { UserPoolId = poolId, ProviderName = "Okta", ProviderType = "SAML", ProviderDetails = new Dictionary<string, string> { ["MetadataURL"] = "x" } });
        Assert.That(duplicate.Code, Is.EqualTo("DuplicateProviderException"));
        var missing = await IdpError("CreateIdentityProvider", new { UserPoolId = poolId, ProviderName = "Other", ProviderType = "OIDC", ProviderDetails = new Dictionary<string, string> { ["client_id"] = "c" } });
        Assert.That(missing.Code, Is.EqualTo("InvalidParameterException"));

        var found = (await Idp("GetIdentityProviderByIdentifier", new { UserPoolId = poolId, IdpIdentifier = "example.com" }))["IdentityProvider"]!;
        Assert.That(found["ProviderName"]!.GetValue<string>(), Is.EqualTo("Okta"));
        await Idp("UpdateIdentityProvider", new { UserPoolId = poolId, ProviderName = "Corp", AttributeMapping = new Dictionary<string, string> { ["email"] = "mail" } });
        var corp = (await Idp("DescribeIdentityProvider", new { UserPoolId = poolId, ProviderName = "Corp" }))["IdentityProvider"]!;
        Assert.That(corp["AttributeMapping"]!["email"]!.GetValue<string>(), Is.EqualTo("mail"));
        Assert.That(corp["ProviderDetails"]!["client_id"]!.GetValue<string>(), Is.EqualTo(FakeOidcProvider.ClientId), "Update keeps what it leaves out");
        var listed = (await Idp("ListIdentityProviders", new { UserPoolId = poolId, MaxResults = 10 }))["Providers"]!.AsArray();
        Assert.That(listed.Select(p => p!["ProviderName"]!.GetValue<string>()), Is.EqualTo(new[] { "Corp", "Okta" }));
        await Idp("DeleteIdentityProvider", new { UserPoolId = poolId, ProviderName = "Okta" });
        var gone = await IdpError("DescribeIdentityProvider", new { UserPoolId = poolId, ProviderName = "Okta" });
        Assert.That(gone.Code, Is.EqualTo("ResourceNotFoundException"));
    }

    private async Task<(string PoolId, string ClientId)> FederatedPool()
    {
        var poolId = (await Idp("CreateUserPool", new { PoolName = "federated" }))["UserPool"]!["Id"]!.GetValue<string>();
        await Idp("CreateUserPoolDomain", new { UserPoolId = poolId, Domain = "fed-app" });
        await Idp("CreateIdentityProvider", new
        {
            UserPoolId = poolId, ProviderName = "Corp", ProviderType = "OIDC",
            ProviderDetails = new Dictionary<string, string>
            {
                ["client_id"] = FakeOidcProvider.ClientId, ["client_secret"] = FakeOidcProvider.ClientSecret, ["authorize_scopes"] = "openid email profile",
                ["oidc_issuer"] = FakeOidcProvider.Issuer, ["attributes_request_method"] = "GET",
            },
            AttributeMapping = new Dictionary<string, string> { ["email"] = "email", ["name"] = "name", ["username"] = "sub" },
        });
        var clientId = (await Idp("CreateUserPoolClient", new
        {
            UserPoolId = poolId, ClientName = "web", AllowedOAuthFlowsUserPoolClient = true, AllowedOAuthFlows = new[] { "code" },
            AllowedOAuthScopes = new[] { "openid", "email", "profile" }, CallbackURLs = new[] { Callback }, SupportedIdentityProviders = new[] { "COGNITO", "Corp" },
        }))["UserPoolClient"]!["ClientId"]!.GetValue<string>();
        return (poolId, clientId);
    }

    /// <summary>Signs in through the provider and returns the user name the Cognito ID token names.</summary>
    private static async Task<string> FederatedUsername(HttpClient domain, FakeOidcProvider provider, string clientId)
    {
        using var toUpstream = await domain.GetAsync($"oauth2/authorize?identity_provider=Corp&response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(Callback)}&scope=openid");
        using var providerClient = new HttpClient(provider, disposeHandler: false);
        using var back = await providerClient.GetAsync(toUpstream.Headers.Location!);
        using var toApp = await domain.GetAsync(back.Headers.Location!);
        var code = toApp.Headers.Location!.Query.TrimStart('?').Split('&').Select(p => p.Split('=')).First(p => p[0] == "code")[1];
        using var tokenResponse = await domain.PostAsync("oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code, ["redirect_uri"] = Callback,
        }));
        var tokens = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!.AsObject();
        return Claims(tokens["id_token"]!.GetValue<string>())["cognito:username"]!.GetValue<string>();
    }
}
