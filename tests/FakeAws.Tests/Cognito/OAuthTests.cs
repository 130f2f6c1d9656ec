using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FakeAws.Cognito;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FakeAws.Tests.Cognito;

/// <summary>
/// The OAuth 2.0 endpoints of a user pool domain, driven as an app drives them: an HttpClient from the
/// cloud on <c>https://{prefix}.auth.us-east-1.amazoncognito.com</c>, redirects read by hand, tokens
/// checked with Microsoft.IdentityModel and ASP.NET Core's JwtBearer handler.
/// </summary>
public sealed class OAuthTests : CognitoTestBase
{
    private const string Callback = "https://app.example.com/callback";
    private const string Api = "https://api.example.com";
    private string _poolId = null!;
    private HttpClient _domain = null!;

    [SetUp]
    public async Task CreatePoolWithDomain()
    {
        (_poolId, _) = await EmailPool();
        await Idp("CreateUserPoolDomain", new { UserPoolId = _poolId, Domain = "my-app" });
        await Idp("CreateResourceServer", new
        {
            UserPoolId = _poolId, Identifier = Api, Name = "api",
            Scopes = new[] { new { ScopeName = "read", ScopeDescription = "Read" }, new { ScopeName = "write", ScopeDescription = "Write" } },
        });
        _domain = Aws.Cognito.CreateDomainHttpClient("my-app");
    }

    [TearDown]
    public void DisposeDomainClient() => _domain.Dispose();

    [Test]
    public async Task ClientCredentials_WithBasicAuth_IssueAnAccessTokenForTheResourceServerScope()
    {
        var (clientId, secret) = await MachineClient();
        var response = await Token(new() { ["grant_type"] = "client_credentials", ["scope"] = $"{Api}/read" }, Basic(clientId, secret));
        Assert.That(response.Status, Is.EqualTo(200), response.Body.ToJsonString());
        Assert.That(response.Body.Select(p => p.Key), Is.EqualTo(new[] { "access_token", "expires_in", "token_type" }));
        Assert.That(response.Body["expires_in"]!.GetValue<int>(), Is.EqualTo(3600));

        var token = response.Body["access_token"]!.GetValue<string>();
        var validated = await Validate(token, audience: null);
        Assert.That(validated.IsValid, Is.True, validated.Exception?.Message);
        var claims = Claims(token);
        Assert.That(claims.Select(c => c.Key), Is.EqualTo(new[] { "sub", "token_use", "scope", "auth_time", "iss", "exp", "iat", "version", "jti", "client_id" }));
        Assert.That((claims["sub"]!.GetValue<string>(), claims["scope"]!.GetValue<string>()), Is.EqualTo((clientId, $"{Api}/read")));

        // client_secret_post, and no scope asked for: every custom scope the client allows.
        var posted = await Token(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret });
        Assert.That(Claims(posted.Body["access_token"]!.GetValue<string>())["scope"]!.GetValue<string>(), Is.EqualTo($"{Api}/read {Api}/write"));
    }

    [Test]
    public async Task TokenEndpoint_AnswersRfc6749Errors()
    {
        var (clientId, secret) = await MachineClient();
        Assert.That(await Error(new() { ["grant_type"] = "client_credentials" }, Basic(clientId, "wrong")), Is.EqualTo("invalid_client"));
        Assert.That(await Error(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId }), Is.EqualTo("invalid_client"));
        Assert.That(await Error(new() { ["grant_type"] = "client_credentials", ["scope"] = "openid" }, Basic(clientId, secret)), Is.EqualTo("invalid_scope"));
        Assert.That(await Error(new() { ["grant_type"] = "password" }, Basic(clientId, secret)), Is.EqualTo("unsupported_grant_type"));
        Assert.That(await Error(new() { ["client_id"] = clientId }, Basic(clientId, secret)), Is.EqualTo("invalid_request"));
        Assert.That(await Error(new() { ["grant_type"] = "authorization_code", ["code"] = "nope" }, Basic(clientId, secret)), Is.EqualTo("unauthorized_client"));
        var webClient = await WebClient();
        Assert.That(await Error(new() { ["grant_type"] = "authorization_code", ["client_id"] = webClient, ["code"] = "nope", ["redirect_uri"] = Callback }),
            Is.EqualTo("invalid_grant"));
    }

    [Test]
    public async Task TokenEndpoint_AcceptsEitherActiveSecret_DuringARotation()
    {
        var (clientId, original) = await MachineClient();
        var originalId = (await Idp("ListUserPoolClientSecrets", new { UserPoolId = _poolId, ClientId = clientId }))["ClientSecrets"]![0]!["ClientSecretId"]!.GetValue<string>();
        var added = (await Idp("AddUserPoolClientSecret", new { UserPoolId = _poolId, ClientId = clientId }))["ClientSecretDescriptor"]!["ClientSecretValue"]!.GetValue<string>();
        foreach (var secret in new[] { original, added })
        {
            var response = await Token(new() { ["grant_type"] = "client_credentials" }, Basic(clientId, secret));
            Assert.That(response.Status, Is.EqualTo(200), response.Body.ToJsonString());
        }

        await Idp("DeleteUserPoolClientSecret", new { UserPoolId = _poolId, ClientId = clientId, ClientSecretId = originalId });
        Assert.That(await Error(new() { ["grant_type"] = "client_credentials" }, Basic(clientId, original)), Is.EqualTo("invalid_client"));
        var posted = await Token(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = added });
        Assert.That(posted.Status, Is.EqualTo(200), posted.Body.ToJsonString());
    }

    [Test]
    public async Task HostedLoginSignIns_AreAuthEvents_WhenThreatProtectionIsOn()
    {
        await Idp("UpdateUserPool", new { UserPoolId = _poolId, AutoVerifiedAttributes = new[] { "email" }, UserPoolTier = "PLUS", UserPoolAddOns = new { AdvancedSecurityMode = "AUDIT" } });
        var clientId = await WebClient();
        await ConfirmedUser(_poolId, clientId, "ada@example.com");
        using var toLogin = await _domain.GetAsync($"oauth2/authorize?response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(Callback)}&state=xyz&scope=openid");
        var login = toLogin.Headers.Location!;
        using var wrong = await _domain.PostAsync(login, Form(new() { ["username"] = "ada@example.com", ["password"] = "nope" }));
        await SignIn(login);

        var events = (await Idp("AdminListUserAuthEvents", new { UserPoolId = _poolId, Username = "ada@example.com" }))["AuthEvents"]!.AsArray();
        Assert.That(events.Select(e => $"{e!["EventType"]}:{e["EventResponse"]}"), Is.EqualTo(new[] { "SignIn:Pass", "SignIn:Fail", "SignUp:Pass" }));
        Assert.That(events[1]!["ChallengeResponses"]!.ToJsonString(), Is.EqualTo("""[{"ChallengeName":"Password","ChallengeResponse":"Failure"}]"""));
    }

    [Test]
    public async Task AuthorizationCodeWithPkce_ThroughTheHostedLogin_ThenRefresh_UserInfo_Revoke()
    {
        var clientId = await WebClient();
        await ConfirmedUser(_poolId, clientId, "ada@example.com");
        var verifier = "a-verifier-of-at-least-forty-three-characters-0123456789";
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"oauth2/authorize?response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(Callback)}&state=xyz"
            + $"&scope=openid+email&nonce=n-0S6&code_challenge={challenge}&code_challenge_method=S256";

        using var toLogin = await _domain.GetAsync(authorize);
        Assert.That(toLogin.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        var login = toLogin.Headers.Location!;
        Assert.That(login.GetLeftPart(UriPartial.Path), Is.EqualTo("https://my-app.auth.us-east-1.amazoncognito.com/login"));
        var page = await _domain.GetStringAsync(login);
        Assert.That(page, Does.Contain("name=\"username\"").And.Contain("name=\"password\""));

        using var wrong = await _domain.PostAsync(login, Form(new() { ["username"] = "ada@example.com", ["password"] = "nope" }));
        Assert.That(await wrong.Content.ReadAsStringAsync(), Does.Contain("Incorrect username or password."));

        var code = await SignIn(login);
        var badVerifier = await Error(new() { ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code, ["redirect_uri"] = Callback, ["code_verifier"] = "wrong" });
        Assert.That(badVerifier, Is.EqualTo("invalid_grant"));

        code = await SignIn(login);
        var exchange = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code, ["redirect_uri"] = Callback, ["code_verifier"] = verifier };
        var tokens = await Token(exchange);
        Assert.That(tokens.Status, Is.EqualTo(200), tokens.Body.ToJsonString());
        Assert.That(tokens.Body.Select(p => p.Key), Is.EqualTo(new[] { "id_token", "access_token", "refresh_token", "expires_in", "token_type" }));
        Assert.That(await Error(exchange), Is.EqualTo("invalid_grant"), "a code is good once");

        var idToken = tokens.Body["id_token"]!.GetValue<string>();
        var accessToken = tokens.Body["access_token"]!.GetValue<string>();
        var idValid = await Validate(idToken, audience: clientId);
        Assert.That(idValid.IsValid, Is.True, idValid.Exception?.Message);
        var id = Claims(idToken);
        Assert.That(id.First().Key, Is.EqualTo("at_hash"));
        Assert.That(id["at_hash"]!.GetValue<string>(), Is.EqualTo(Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16])));
        Assert.That((id["nonce"]!.GetValue<string>(), id["email"]!.GetValue<string>()), Is.EqualTo(("n-0S6", "ada@example.com")));
        var access = Claims(accessToken);
        Assert.That((access["scope"]!.GetValue<string>(), access["version"]!.GetValue<int>()), Is.EqualTo(("openid email", 2)));

        // The access token lacks aws.cognito.signin.user.admin, so the user-pool API refuses it.
        var getUser = await IdpError("GetUser", new { AccessToken = accessToken });
        Assert.That((getUser.Code, getUser.Message), Is.EqualTo(("NotAuthorizedException", "Access Token does not have required scopes")));

        using var info = new HttpRequestMessage(HttpMethod.Get, "oauth2/userInfo");
        info.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var infoResponse = await _domain.SendAsync(info);
        var user = JsonNode.Parse(await infoResponse.Content.ReadAsStringAsync())!.AsObject();
        Assert.That((user["email"]!.GetValue<string>(), user["email_verified"]!.GetValue<string>()), Is.EqualTo(("ada@example.com", "true")));
        Assert.That(user["sub"]!.GetValue<string>(), Is.EqualTo(id["sub"]!.GetValue<string>()));

        var refreshToken = tokens.Body["refresh_token"]!.GetValue<string>();
        var refreshed = await Token(new() { ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["refresh_token"] = refreshToken });
        Assert.That(refreshed.Body.Select(p => p.Key), Is.EqualTo(new[] { "id_token", "access_token", "expires_in", "token_type" }));
        Assert.That(Claims(refreshed.Body["access_token"]!.GetValue<string>())["scope"]!.GetValue<string>(), Is.EqualTo("openid email"));

        using var revoke = await _domain.PostAsync("oauth2/revoke", Form(new() { ["token"] = refreshToken, ["client_id"] = clientId }));
        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await Error(new() { ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["refresh_token"] = refreshToken }), Is.EqualTo("invalid_grant"));
        using var revokedInfo = new HttpRequestMessage(HttpMethod.Get, "oauth2/userInfo");
        revokedInfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var revokedResponse = await _domain.SendAsync(revokedInfo);
        Assert.That(revokedResponse.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        using var logout = await _domain.GetAsync($"logout?client_id={clientId}&logout_uri={Uri.EscapeDataString("https://app.example.com/bye")}");
        Assert.That(logout.Headers.Location, Is.EqualTo(new Uri("https://app.example.com/bye")));
    }

    [Test]
    public async Task Authorize_RefusesAsAws_RedirectMismatchOnTheDomain_TheRestAtTheRedirectUri()
    {
        var clientId = await WebClient();
        using var mismatch = await _domain.GetAsync($"oauth2/authorize?response_type=code&client_id={clientId}&redirect_uri=https://evil.example.com/");
        Assert.That(mismatch.Headers.Location!.ToString(), Is.EqualTo($"https://my-app.auth.us-east-1.amazoncognito.com/error?error=redirect_mismatch&client_id={clientId}"));

        using var scope = await _domain.GetAsync($"oauth2/authorize?response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(Callback)}&state=s1&scope=phone");
        Assert.That(scope.Headers.Location!.ToString(), Is.EqualTo($"{Callback}?error_description=invalid_scope&state=s1&error=invalid_request"));

        using var plain = await _domain.GetAsync($"oauth2/authorize?response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(Callback)}&code_challenge=abc&code_challenge_method=plain");
        Assert.That(plain.Headers.Location!.Query, Does.Contain("error=invalid_request"));
    }

    [Test]
    public async Task JwtBearerMiddleware_WithThePoolAsAuthority_AcceptsTheDomainsTokens()
    {
        var (clientId, secret) = await MachineClient();
        var token = (await Token(new() { ["grant_type"] = "client_credentials" }, Basic(clientId, secret))).Body["access_token"]!.GetValue<string>();
        var services = new ServiceCollection().AddLogging();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = FakeCognito.Issuer(_poolId);
            options.BackchannelHttpHandler = Aws.CreateHttpMessageHandler();
            // Access tokens carry client_id, not aud, as AWS's do.
            options.TokenValidationParameters.ValidateAudience = false;
        });
        await using var provider = services.BuildServiceProvider();
        // One scope per request, as ASP.NET Core makes: the handler remembers its request's result.
        await using var request = provider.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = request.ServiceProvider };
        context.Request.Headers.Authorization = "Bearer " + token;
        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        Assert.That(result.Succeeded, Is.True, result.Failure?.Message);
        Assert.That(result.Principal!.FindFirst("scope")!.Value, Is.EqualTo($"{Api}/read {Api}/write"));

        await using var second = provider.CreateAsyncScope();
        var tampered = new DefaultHttpContext { RequestServices = second.ServiceProvider };
        tampered.Request.Headers.Authorization = "Bearer " + token[..^8] + (token[^8] == 'A' ? "BBBBBBBB" : "AAAAAAAA");
        Assert.That((await tampered.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme)).Succeeded, Is.False);
    }

    private async Task<(string ClientId, string Secret)> MachineClient()
    {
        var client = (await Idp("CreateUserPoolClient", new
        {
            UserPoolId = _poolId, ClientName = "m2m", GenerateSecret = true, AllowedOAuthFlowsUserPoolClient = true,
            AllowedOAuthFlows = new[] { "client_credentials" }, AllowedOAuthScopes = new[] { $"{Api}/read", $"{Api}/write" },
        }))["UserPoolClient"]!;
        return (client["ClientId"]!.GetValue<string>(), client["ClientSecret"]!.GetValue<string>());
    }

    private async Task<string> WebClient() =>
        (await Idp("CreateUserPoolClient", new
        {
            UserPoolId = _poolId, ClientName = "web", AllowedOAuthFlowsUserPoolClient = true, AllowedOAuthFlows = new[] { "code" },
            AllowedOAuthScopes = new[] { "openid", "email", "profile" }, CallbackURLs = new[] { Callback }, LogoutURLs = new[] { "https://app.example.com/bye" },
            SupportedIdentityProviders = new[] { "COGNITO" }, ExplicitAuthFlows = new[] { "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH" },
        }))["UserPoolClient"]!["ClientId"]!.GetValue<string>();

    /// <summary>Posts Ada's password to the login page and returns the code the redirect carries, checking <c>state</c>.</summary>
    private async Task<string> SignIn(Uri login)
    {
        using var signedIn = await _domain.PostAsync(login, Form(new() { ["username"] = "ada@example.com", ["password"] = Password }));
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Found), await signedIn.Content.ReadAsStringAsync());
        var redirect = signedIn.Headers.Location!;
        Assert.That(redirect.GetLeftPart(UriPartial.Path), Is.EqualTo(Callback));
        var query = redirect.Query.TrimStart('?').Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.That(query["state"], Is.EqualTo("xyz"));
        return query["code"];
    }

    private async Task<(int Status, JsonObject Body)> Token(Dictionary<string, string> form, AuthenticationHeaderValue? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth2/token") { Content = Form(form) };
        request.Headers.Authorization = authorization;
        using var response = await _domain.SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private async Task<string> Error(Dictionary<string, string> form, AuthenticationHeaderValue? authorization = null)
    {
        var (status, body) = await Token(form, authorization);
        Assert.That(status, Is.EqualTo(400), body.ToJsonString());
        return body["error"]!.GetValue<string>();
    }

    private async Task<TokenValidationResult> Validate(string token, string? audience)
    {
        var jwks = new JsonWebKeySet(await Get($"/{_poolId}/.well-known/jwks.json"));
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = FakeCognito.Issuer(_poolId),
            ValidAudience = audience,
            ValidateAudience = audience is not null,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            LifetimeValidator = (_, expires, _, _) => expires > Aws.Clock.GetUtcNow().UtcDateTime,
        });
    }

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(fields);

    private static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
}
