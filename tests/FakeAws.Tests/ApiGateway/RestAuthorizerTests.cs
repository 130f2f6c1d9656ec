using System.Net.Http.Headers;
using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>REST API authorization: Cognito user pool authorizers, Lambda TOKEN and REQUEST authorizers with their cache, AWS_IAM.</summary>
public class RestAuthorizerTests : ApiGatewayTestBase
{
    private TestTokens _tokens = null!;

    [OneTimeSetUp]
    public void CreateTokens() => _tokens = new TestTokens();

    [OneTimeTearDown]
    public void DisposeTokens() => _tokens.Dispose();

    [SetUp]
    public void TrustThePool()
    {
        Aws.ApiGateway.TrustIssuer(TestTokens.PoolIssuer, _tokens.Key, TestTokens.KeyId);
        AddEchoFunction();
    }

    private async Task<string> AuthorizedApi(object authorizer, object? method = null)
    {
        var apiId = await CreateRestApi();
        var created = await Api.Post($"/restapis/{apiId}/authorizers", authorizer);
        AssertStatus(created, 201);
        var root = await RootId(apiId);
        var items = await CreateResource(apiId, root, "items");
        var type = created.Json.GetProperty("type").GetString() == "COGNITO_USER_POOLS" ? "COGNITO_USER_POOLS" : "CUSTOM";
        await PutMethod(apiId, items, "GET", method ?? new { authorizationType = type, authorizerId = created.Id() });
        await PutLambdaIntegration(apiId, items, "GET", "echo");
        await Deploy(apiId);
        return apiId;
    }

    private Task<string> CognitoApi(object? method = null) => AuthorizedApi(new
    {
        name = "pool",
        type = "COGNITO_USER_POOLS",
        providerARNs = new[] { TestTokens.PoolArn },
        identitySource = "method.request.header.Authorization",
    }, method);

    private static Task<HttpResponseMessage> Get(HttpClient client, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "items");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return client.SendAsync(request);
    }

    [Test]
    public async Task Cognito_ValidIdToken_ClaimsReachTheFunctionAsStrings()
    {
        var apiId = await CognitoApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        var e = await EchoedEvent(await Get(client, _tokens.IdToken(Start)));

        var claims = e.GetProperty("requestContext").GetProperty("authorizer").GetProperty("claims");
        Assert.Multiple(() =>
        {
            Assert.That(claims.GetProperty("cognito:username").GetString(), Is.EqualTo("alice"));
            Assert.That(claims.GetProperty("email_verified").GetString(), Is.EqualTo("true"));
            Assert.That(claims.GetProperty("auth_time").GetString(), Is.EqualTo(Start.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(claims.GetProperty("exp").GetString(), Is.EqualTo("Sat Jun 01 13:00:00 UTC 2030"));
            Assert.That(claims.GetProperty("iat").GetString(), Is.EqualTo("Sat Jun 01 12:00:00 UTC 2030"));
            Assert.That(claims.GetProperty("cognito:groups").GetString(), Is.EqualTo("admins,users"));
        });
    }

    [Test]
    public async Task Cognito_BearerPrefix_Accepted()
    {
        var apiId = await CognitoApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        using var response = await Get(client, "Bearer " + _tokens.IdToken(Start));

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Cognito_ExpiredAfterClockAdvance_401TheIncomingTokenHasExpired()
    {
        var apiId = await CognitoApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");
        var token = _tokens.IdToken(Start);

        Aws.Clock.Advance(TimeSpan.FromHours(1));

        await AssertGatewayError(await Get(client, token), 401, """{"message":"The incoming token has expired"}""", "UnauthorizedException");
    }

    [Test]
    public async Task Cognito_MissingToken_401Unauthorized()
    {
        var apiId = await CognitoApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        await AssertGatewayError(await Get(client, null), 401, """{"message":"Unauthorized"}""", "UnauthorizedException");
    }

    [Test]
    public async Task Cognito_SignedByAnotherKey_401Unauthorized()
    {
        var apiId = await CognitoApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");
        using var other = System.Security.Cryptography.RSA.Create(2048);
        var forged = _tokens.Sign(new { iss = TestTokens.PoolIssuer, token_use = "id", exp = Start.AddHours(1).ToUnixTimeSeconds() }, other);

        await AssertGatewayError(await Get(client, forged), 401, """{"message":"Unauthorized"}""", "UnauthorizedException");
    }

    [Test]
    public async Task Cognito_TokenOfAnotherPool_401Unauthorized()
    {
        var apiId = await CognitoApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");
        const string otherIssuer = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other";
        Aws.ApiGateway.TrustIssuer(otherIssuer, _tokens.Key, TestTokens.KeyId);
        var token = _tokens.Sign(new { iss = otherIssuer, token_use = "id", exp = Start.AddHours(1).ToUnixTimeSeconds() });

        await AssertGatewayError(await Get(client, token), 401, """{"message":"Unauthorized"}""", "UnauthorizedException");
    }

    [Test]
    public async Task Cognito_MethodWithScopes_AccessTokenWithTheScopeOnly()
    {
        var apiId = await CognitoApi();
        var authorizerId = (await Api.Get($"/restapis/{apiId}/authorizers")).Json.GetProperty("item")[0].GetProperty("id").GetString();
        var admin = await CreateResource(apiId, await RootId(apiId), "admin");
        await PutMethod(apiId, admin, "GET", new { authorizationType = "COGNITO_USER_POOLS", authorizerId, authorizationScopes = new[] { "api/admin" } });
        await PutLambdaIntegration(apiId, admin, "GET", "echo");
        await Deploy(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");
        var exp = Start.AddHours(1).ToUnixTimeSeconds();
        var scoped = _tokens.Sign(new { iss = TestTokens.PoolIssuer, token_use = "access", scope = "openid api/admin", client_id = TestTokens.ClientId, exp });
        var unscoped = _tokens.Sign(new { iss = TestTokens.PoolIssuer, token_use = "access", scope = "openid", client_id = TestTokens.ClientId, exp });

        async Task<int> Status(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "admin");
            request.Headers.TryAddWithoutValidation("Authorization", token);
            using var response = await client.SendAsync(request);
            return (int)response.StatusCode;
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await Status(scoped), Is.EqualTo(200));
            Assert.That(await Status(_tokens.IdToken(Start)), Is.EqualTo(401), "an ID token on a method with scopes");
            Assert.That(await Status(unscoped), Is.EqualTo(401));
        });
    }

    private void AddTokenAuthorizer(string name = "authz")
    {
        AddFunction(name, (JsonElement e) =>
        {
            var token = e.GetProperty("authorizationToken").GetString();
            if (token == "fail")
            {
                throw new InvalidOperationException("Unauthorized");
            }
            if (token == "broken")
            {
                return (object)new { nothing = true };
            }
            return new
            {
                principalId = "user-1",
                policyDocument = new
                {
                    Version = "2012-10-17",
                    Statement = new[]
                    {
                        new { Action = "execute-api:Invoke", Effect = token == "deny" ? "Deny" : "Allow", Resource = token == "other" ? "arn:aws:execute-api:*:*:*/*/POST/*" : e.GetProperty("methodArn").GetString() },
                    },
                },
                context = new { tier = "gold", level = 3, admin = true },
            };
        });
    }

    private Task<string> TokenApi(int ttl = 300) => AuthorizedApi(new
    {
        name = "token",
        type = "TOKEN",
        authorizerUri = InvokeUri("authz"),
        identitySource = "method.request.header.Authorization",
        authorizerResultTtlInSeconds = ttl,
    });

    [Test]
    public async Task LambdaToken_Allow_PrincipalAndContextAsStrings()
    {
        AddTokenAuthorizer();
        var apiId = await TokenApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        var e = await EchoedEvent(await Get(client, "allow"));

        var authorizer = e.GetProperty("requestContext").GetProperty("authorizer");
        Assert.Multiple(() =>
        {
            Assert.That(authorizer.GetProperty("principalId").GetString(), Is.EqualTo("user-1"));
            Assert.That(authorizer.GetProperty("tier").GetString(), Is.EqualTo("gold"));
            Assert.That(authorizer.GetProperty("level").GetString(), Is.EqualTo("3"));
            Assert.That(authorizer.GetProperty("admin").GetString(), Is.EqualTo("true"));
            Assert.That(authorizer.GetProperty("integrationLatency").GetInt32(), Is.Zero);
        });
    }

    [Test]
    public async Task LambdaToken_ExplicitDeny_403WithCapitalMessage()
    {
        AddTokenAuthorizer();
        var apiId = await TokenApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        await AssertGatewayError(await Get(client, "deny"), 403,
            """{"Message":"User is not authorized to access this resource with an explicit deny"}""", "AccessDeniedException");
    }

    [Test]
    public async Task LambdaToken_PolicyForOtherMethods_403NotAuthorized()
    {
        AddTokenAuthorizer();
        var apiId = await TokenApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        await AssertGatewayError(await Get(client, "other"), 403, """{"Message":"User is not authorized to access this resource"}""", "AccessDeniedException");
    }

    [Test]
    public async Task LambdaToken_AuthorizerThrowsUnauthorized_401()
    {
        AddTokenAuthorizer();
        var apiId = await TokenApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        await AssertGatewayError(await Get(client, "fail"), 401, """{"message":"Unauthorized"}""", "UnauthorizedException");
    }

    [Test]
    public async Task LambdaToken_AnswerWithoutPolicy_500AuthorizerConfiguration()
    {
        AddTokenAuthorizer();
        var apiId = await TokenApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        await AssertGatewayError(await Get(client, "broken"), 500, """{"message":null}""", "AuthorizerConfigurationException");
    }

    [Test]
    public async Task LambdaToken_MissingHeader_401WithoutCallingTheAuthorizer()
    {
        var calls = 0;
        AddFunction("authz", (JsonElement _) => { calls++; return new { }; });
        var apiId = await TokenApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        await AssertGatewayError(await Get(client, null), 401, """{"message":"Unauthorized"}""", "UnauthorizedException");
        Assert.That(calls, Is.Zero);
    }

    [Test]
    public async Task LambdaToken_ResultCachedForItsTtlOnTheVirtualClock()
    {
        var calls = 0;
        AddFunction("authz", (JsonElement e) =>
        {
            calls++;
            return new
            {
                principalId = "u",
                policyDocument = new { Version = "2012-10-17", Statement = new[] { new { Action = "execute-api:Invoke", Effect = "Allow", Resource = e.GetProperty("methodArn").GetString() } } },
            };
        });
        var apiId = await TokenApi(ttl: 60);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        await Get(client, "t1");
        await Get(client, "t1");
        Assert.That(calls, Is.EqualTo(1));
        await Get(client, "t2");
        Assert.That(calls, Is.EqualTo(2), "another token is another cache entry");

        Aws.Clock.Advance(TimeSpan.FromSeconds(60));
        await Get(client, "t1");
        Assert.That(calls, Is.EqualTo(3), "the entry expired");

        AssertStatus(await Api.Delete($"/restapis/{apiId}/stages/prod/cache/authorizers"), 202);
        await Get(client, "t1");
        Assert.That(calls, Is.EqualTo(4), "FlushStageAuthorizersCache");
    }

    [Test]
    public async Task LambdaToken_EventHasTypeTokenAndMethodArn()
    {
        JsonElement received = default;
        AddFunction("authz", (JsonElement e) =>
        {
            received = e.Clone();
            return new { principalId = "u", policyDocument = new { Statement = new[] { new { Action = "execute-api:*", Effect = "Allow", Resource = "*" } } } };
        });
        var apiId = await TokenApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        await Get(client, "tok");

        Assert.That(received.GetProperty("type").GetString(), Is.EqualTo("TOKEN"));
        Assert.That(received.GetProperty("authorizationToken").GetString(), Is.EqualTo("tok"));
        Assert.That(received.GetProperty("methodArn").GetString(), Is.EqualTo($"arn:aws:execute-api:us-east-1:123456789012:{apiId}/prod/GET/items"));
    }

    [Test]
    public async Task LambdaRequest_IdentitySources_MissingOne401_EventCarriesTheRequest()
    {
        JsonElement received = default;
        AddFunction("authz", (JsonElement e) =>
        {
            received = e.Clone();
            return new { principalId = "u", policyDocument = new { Statement = new[] { new { Action = "execute-api:Invoke", Effect = "Allow", Resource = "*" } } } };
        });
        var apiId = await AuthorizedApi(new
        {
            name = "request",
            type = "REQUEST",
            authorizerUri = InvokeUri("authz"),
            identitySource = "method.request.header.X-Tenant, method.request.querystring.key",
        });
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        using var missing = await client.GetAsync("items?key=k1");
        using var request = new HttpRequestMessage(HttpMethod.Get, "items?key=k1");
        request.Headers.Add("X-Tenant", "acme");
        using var allowed = await client.SendAsync(request);

        await AssertGatewayError(missing, 401, """{"message":"Unauthorized"}""", "UnauthorizedException");
        Assert.That((int)allowed.StatusCode, Is.EqualTo(200));
        Assert.Multiple(() =>
        {
            Assert.That(received.GetProperty("type").GetString(), Is.EqualTo("REQUEST"));
            Assert.That(received.GetProperty("headers").GetProperty("X-Tenant").GetString(), Is.EqualTo("acme"));
            Assert.That(received.GetProperty("queryStringParameters").GetProperty("key").GetString(), Is.EqualTo("k1"));
            Assert.That(received.GetProperty("resource").GetString(), Is.EqualTo("/items"));
            Assert.That(received.GetProperty("requestContext").GetProperty("stage").GetString(), Is.EqualTo("prod"));
        });
    }

    [Test]
    public async Task AwsIam_Unsigned403MissingAuthenticationToken_SignedCarriesTheCaller()
    {
        var apiId = await AuthorizedApi(new { name = "unused", type = "TOKEN", authorizerUri = InvokeUri("echo") }, new { authorizationType = "AWS_IAM" });
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        using var unsigned = await Get(client, null);
        var e = await EchoedEvent(await Get(client, "AWS4-HMAC-SHA256 Credential=AKIDCALLER/20300601/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=abc"));

        await AssertGatewayError(unsigned, 403, """{"message":"Missing Authentication Token"}""", "MissingAuthenticationTokenException");
        var identity = e.GetProperty("requestContext").GetProperty("identity");
        Assert.That(identity.GetProperty("accessKey").GetString(), Is.EqualTo("AKIDCALLER"));
        Assert.That(identity.GetProperty("accountId").GetString(), Is.EqualTo("123456789012"));
    }
}
