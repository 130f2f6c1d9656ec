using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>HTTP API authorization: JWT authorizers against a trusted issuer's keys, Lambda authorizers with simple responses and IAM policies.</summary>
public class HttpAuthorizerTests : HttpApiTestBase
{
    private const string Issuer = "https://issuer.example.com";
    private const string Audience = "my-api";
    private TestTokens _tokens = null!;

    [OneTimeSetUp]
    public void CreateTokens() => _tokens = new TestTokens();

    [OneTimeTearDown]
    public void DisposeTokens() => _tokens.Dispose();

    [SetUp]
    public void TrustTheIssuer()
    {
        Aws.ApiGateway.TrustIssuer(Issuer, _tokens.Key, TestTokens.KeyId);
        AddEchoFunction();
    }

    private async Task<string> JwtApi(string format = "2.0", string[]? scopes = null)
    {
        var apiId = await CreateHttpApi();
        var authorizer = await Api.Post($"/v2/apis/{apiId}/authorizers", new
        {
            name = "jwt",
            authorizerType = "JWT",
            identitySource = new[] { "$request.header.Authorization" },
            jwtConfiguration = new { issuer = Issuer, audience = new[] { Audience } },
        });
        AssertStatus(authorizer, 201);
        await CreateRoute(apiId, "GET /items", await CreateIntegration(apiId, "echo", format),
            new { authorizationType = "JWT", authorizerId = authorizer.Id("authorizerId"), authorizationScopes = scopes });
        await CreateAutoDeployedStage(apiId);
        return apiId;
    }

    private string Token(object? extra = null, long? exp = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["sub"] = "user-1",
            ["exp"] = exp ?? Start.AddMinutes(5).ToUnixTimeSeconds(),
            ["groups"] = new[] { "admins", "users" },
            ["email_verified"] = true,
            ["scope"] = "read write",
        };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            claims[property.Name] = property.GetValue(extra)!;
        }
        return _tokens.Sign(claims);
    }

    private static async Task<HttpResponseMessage> Get(HttpClient client, string? token, string path = "items")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }
        return await client.SendAsync(request);
    }

    [Test]
    public async Task Jwt_ValidToken_ClaimsAsStringsArraysAsGoPrintsThem()
    {
        var apiId = await JwtApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        var e = await EchoedEvent(await Get(client, Token()));

        var jwt = e.GetProperty("requestContext").GetProperty("authorizer").GetProperty("jwt");
        Assert.Multiple(() =>
        {
            Assert.That(jwt.GetProperty("claims").GetProperty("sub").GetString(), Is.EqualTo("user-1"));
            Assert.That(jwt.GetProperty("claims").GetProperty("groups").GetString(), Is.EqualTo("[admins users]"));
            Assert.That(jwt.GetProperty("claims").GetProperty("email_verified").GetString(), Is.EqualTo("true"));
            Assert.That(jwt.GetProperty("claims").GetProperty("exp").GetString(), Is.EqualTo(Start.AddMinutes(5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(jwt.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "read", "write" }));
        });
    }

    [Test]
    public async Task Jwt_Format1_ClaimsDirectlyUnderTheAuthorizer()
    {
        var apiId = await JwtApi(format: "1.0");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        var e = await EchoedEvent(await Get(client, Token()));

        Assert.That(e.GetProperty("requestContext").GetProperty("authorizer").GetProperty("claims").GetProperty("sub").GetString(), Is.EqualTo("user-1"));
    }

    [Test]
    public async Task Jwt_MissingToken_401()
    {
        var apiId = await JwtApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        await AssertGatewayError(await Get(client, null), 401, """{"message":"Unauthorized"}""", null);
    }

    [Test]
    public async Task Jwt_ExpiredAfterClockAdvance_401WithWwwAuthenticate()
    {
        var apiId = await JwtApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");
        var token = Token();
        Aws.Clock.Advance(TimeSpan.FromMinutes(5));

        using var response = await Get(client, token);

        await AssertGatewayError(response, 401, """{"message":"Unauthorized"}""", null);
        Assert.That(Header(response, "www-authenticate"), Is.EqualTo("Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token has expired\""));
    }

    [Test]
    public async Task Jwt_WrongAudience_401AsAwsDocumentsIt()
    {
        var apiId = await JwtApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        using var response = await Get(client, Token(new { aud = "someone-else" }));

        Assert.That((int)response.StatusCode, Is.EqualTo(401));
        Assert.That(Header(response, "www-authenticate"), Is.EqualTo("Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token does not have a valid audience\""));
    }

    [Test]
    public async Task Jwt_ClientIdInsteadOfAud_Accepted()
    {
        var apiId = await JwtApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");
        var token = _tokens.Sign(new { iss = Issuer, client_id = Audience, exp = Start.AddMinutes(5).ToUnixTimeSeconds() });

        Assert.That((int)(await Get(client, token)).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Jwt_RouteScopeMissingFromTheToken_403()
    {
        var apiId = await JwtApi(scopes: ["admin"]);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        await AssertGatewayError(await Get(client, Token()), 403, """{"message":"Forbidden"}""", null);
        Assert.That((int)(await Get(client, Token(new { scope = "admin" }))).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Jwt_UntrustedIssuer_401()
    {
        var apiId = await JwtApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        Assert.That((int)(await Get(client, Token(new { iss = "https://elsewhere.example.com" }))).StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task Jwt_IssuerTrustedAsJwksDocument_Accepted()
    {
        const string other = "https://jwks.example.com";
        var key = _tokens.Key.ExportParameters(false);
        Aws.ApiGateway.TrustIssuer(other, JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = "RSA", kid = "k2", alg = "RS256", use = "sig", n = Base64Url(key.Modulus!), e = Base64Url(key.Exponent!) } },
        }));
        var apiId = await CreateHttpApi();
        var authorizer = await Api.Post($"/v2/apis/{apiId}/authorizers", new
        {
            name = "jwt",
            authorizerType = "JWT",
            identitySource = new[] { "$request.header.Authorization" },
            jwtConfiguration = new { issuer = other, audience = new[] { Audience } },
        });
        await CreateRoute(apiId, "GET /items", await CreateIntegration(apiId, "echo"), new { authorizationType = "JWT", authorizerId = authorizer.Id("authorizerId") });
        await CreateAutoDeployedStage(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        var token = _tokens.Sign(new { iss = other, aud = Audience, exp = Start.AddMinutes(5).ToUnixTimeSeconds() }, keyId: "k2");

        Assert.That((int)(await Get(client, token)).StatusCode, Is.EqualTo(200));
    }

    private async Task<string> LambdaAuthorizedApi(bool simple, int ttl = 0)
    {
        var apiId = await CreateHttpApi();
        var authorizer = await Api.Post($"/v2/apis/{apiId}/authorizers", new
        {
            name = "lambda",
            authorizerType = "REQUEST",
            authorizerUri = InvokeUri("authz"),
            authorizerPayloadFormatVersion = "2.0",
            enableSimpleResponses = simple,
            identitySource = new[] { "$request.header.X-Token" },
            authorizerResultTtlInSeconds = ttl,
        });
        AssertStatus(authorizer, 201);
        await CreateRoute(apiId, "GET /items", await CreateIntegration(apiId, "echo"), new { authorizationType = "CUSTOM", authorizerId = authorizer.Id("authorizerId") });
        await CreateAutoDeployedStage(apiId);
        return apiId;
    }

    private static async Task<HttpResponseMessage> WithToken(HttpClient client, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "items");
        if (token is not null)
        {
            request.Headers.Add("X-Token", token);
        }
        return await client.SendAsync(request);
    }

    [Test]
    public async Task LambdaSimple_AuthorizedWithContext_DeniedForbidden()
    {
        JsonElement received = default;
        AddFunction("authz", (JsonElement e) =>
        {
            received = e.Clone();
            return new { isAuthorized = e.GetProperty("identitySource")[0].GetString() == "good", context = new { tenant = "acme", level = 2 } };
        });
        var apiId = await LambdaAuthorizedApi(simple: true);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        var e = await EchoedEvent(await WithToken(client, "good"));
        using var denied = await WithToken(client, "bad");
        using var missing = await WithToken(client, null);

        var lambda = e.GetProperty("requestContext").GetProperty("authorizer").GetProperty("lambda");
        Assert.Multiple(async () =>
        {
            Assert.That(lambda.GetProperty("tenant").GetString(), Is.EqualTo("acme"));
            Assert.That(lambda.GetProperty("level").GetInt32(), Is.EqualTo(2));
            Assert.That(received.GetProperty("type").GetString(), Is.EqualTo("REQUEST"));
            Assert.That(received.GetProperty("routeArn").GetString(), Is.EqualTo($"arn:aws:execute-api:us-east-1:123456789012:{apiId}/$default/GET/items"));
            Assert.That(received.GetProperty("routeKey").GetString(), Is.EqualTo("GET /items"));
            Assert.That((int)denied.StatusCode, Is.EqualTo(403));
            Assert.That(await denied.Content.ReadAsStringAsync(), Is.EqualTo("""{"message":"Forbidden"}"""));
            Assert.That((int)missing.StatusCode, Is.EqualTo(401));
        });
    }

    [Test]
    public async Task LambdaPolicy_DenyStatement_403()
    {
        AddFunction("authz", (JsonElement e) => new
        {
            principalId = "u",
            policyDocument = new { Version = "2012-10-17", Statement = new[] { new { Action = "execute-api:Invoke", Effect = "Deny", Resource = e.GetProperty("routeArn").GetString() } } },
        });
        var apiId = await LambdaAuthorizedApi(simple: false);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        await AssertGatewayError(await WithToken(client, "t"), 403, """{"message":"Forbidden"}""", null);
    }

    [Test]
    public async Task LambdaAuthorizerFails_500()
    {
        AddFunction("authz", JsonElement (JsonElement _) => throw new InvalidOperationException("broken"));
        var apiId = await LambdaAuthorizedApi(simple: true);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        await AssertGatewayError(await WithToken(client, "t"), 500, """{"message":"Internal Server Error"}""", null);
    }

    [Test]
    public async Task LambdaSimple_CachedForItsTtl()
    {
        var calls = 0;
        AddFunction("authz", (JsonElement _) => { calls++; return new { isAuthorized = true }; });
        var apiId = await LambdaAuthorizedApi(simple: true, ttl: 30);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        await WithToken(client, "t");
        await WithToken(client, "t");
        Aws.Clock.Advance(TimeSpan.FromSeconds(30));
        await WithToken(client, "t");

        Assert.That(calls, Is.EqualTo(2));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
