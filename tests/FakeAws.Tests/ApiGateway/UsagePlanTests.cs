namespace FakeAws.Tests.ApiGateway;

/// <summary>Methods that require an API key: keys, usage plans, throttles (rate and burst) and quotas on the virtual clock.</summary>
public partial class UsagePlanTests : ApiGatewayTestBase
{
    private string _apiId = null!;
    private string _keyValue = null!;
    private string _keyId = null!;

    [SetUp]
    public async Task MeteredApi()
    {
        AddEchoFunction();
        (_apiId, _) = await LambdaProxyApi("echo", path: "/items", method: "GET", methodSettings: new { authorizationType = "NONE", apiKeyRequired = true });
        var key = await Api.Post("/apikeys", new { name = "partner", enabled = true, value = "partner-key-0123456789" });
        AssertStatus(key, 201);
        (_keyValue, _keyId) = (key.Json.GetProperty("value").GetString()!, key.Id());
    }

    private async Task<string> Plan(object? throttle = null, object? quota = null)
    {
        var plan = await Api.Post("/usageplans", new { name = "gold", apiStages = new[] { new { apiId = _apiId, stage = "prod" } }, throttle, quota });
        AssertStatus(plan, 201);
        AssertStatus(await Api.Post($"/usageplans/{plan.Id()}/keys", new { keyId = _keyId, keyType = "API_KEY" }), 201);
        return plan.Id();
    }

    private async Task<HttpResponseMessage> Call(string? key)
    {
        using var client = Aws.ApiGateway.CreateHttpClient(_apiId, "prod");
        var request = new HttpRequestMessage(HttpMethod.Get, "items");
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }
        return await client.SendAsync(request);
    }

    [Test]
    public async Task MissingKey_403Forbidden()
    {
        await Plan();
        await AssertGatewayError(await Call(null), 403, """{"message":"Forbidden"}""", "ForbiddenException");
    }

    [Test]
    public async Task KeyOutsideAnyPlanOfTheStage_403Forbidden()
    {
        await AssertGatewayError(await Call(_keyValue), 403, """{"message":"Forbidden"}""", "ForbiddenException");
    }

    [Test]
    public async Task DisabledKey_403Forbidden()
    {
        await Plan();
        AssertStatus(await Api.PatchOperations($"/apikeys/{_keyId}", new { op = "replace", path = "/enabled", value = "false" }), 200);

        await AssertGatewayError(await Call(_keyValue), 403, """{"message":"Forbidden"}""", "ForbiddenException");
    }

    [Test]
    public async Task ValidKey_TheEventNamesIt()
    {
        await Plan();

        var e = await EchoedEvent(await Call(_keyValue));

        var identity = e.GetProperty("requestContext").GetProperty("identity");
        Assert.That(identity.GetProperty("apiKey").GetString(), Is.EqualTo(_keyValue));
        Assert.That(identity.GetProperty("apiKeyId").GetString(), Is.EqualTo(_keyId));
    }

    [Test]
    public async Task Throttle_BurstThen429_RefillsWithVirtualTime()
    {
        await Plan(throttle: new { rateLimit = 1.0, burstLimit = 2 });

        Assert.That((int)(await Call(_keyValue)).StatusCode, Is.EqualTo(200));
        Assert.That((int)(await Call(_keyValue)).StatusCode, Is.EqualTo(200));
        await AssertGatewayError(await Call(_keyValue), 429, """{"message":"Too Many Requests"}""", "TooManyRequestsException");

        Aws.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That((int)(await Call(_keyValue)).StatusCode, Is.EqualTo(200));
        Assert.That((int)(await Call(_keyValue)).StatusCode, Is.EqualTo(429));
    }

    [Test]
    public async Task Quota_LimitThen429LimitExceeded_ResetsTheNextDay()
    {
        await Plan(quota: new { limit = 2, period = "DAY" });

        Assert.That((int)(await Call(_keyValue)).StatusCode, Is.EqualTo(200));
        Assert.That((int)(await Call(_keyValue)).StatusCode, Is.EqualTo(200));
        await AssertGatewayError(await Call(_keyValue), 429, """{"message":"Limit Exceeded"}""", "LimitExceededException");

        Aws.Clock.Advance(TimeSpan.FromHours(12));
        Assert.That((int)(await Call(_keyValue)).StatusCode, Is.EqualTo(200), "midnight UTC starts a new day");
    }

    [Test]
    public async Task StageThrottle_StarStarMethodSetting_429()
    {
        await Plan();
        AssertStatus(await Api.PatchOperations($"/restapis/{_apiId}/stages/prod",
            new { op = "replace", path = "/*/*/throttling/rateLimit", value = "1" },
            new { op = "replace", path = "/*/*/throttling/burstLimit", value = "1" }), 200);

        Assert.That((int)(await Call(_keyValue)).StatusCode, Is.EqualTo(200));
        await AssertGatewayError(await Call(_keyValue), 429, """{"message":"Too Many Requests"}""", "TooManyRequestsException");
    }

    [Test]
    public async Task ApiKeySourceAuthorizer_TheAuthorizersUsageIdentifierKeyCounts()
    {
        AddFunction("authz", (System.Text.Json.JsonElement _) => new
        {
            principalId = "u",
            usageIdentifierKey = "partner-key-0123456789",
            policyDocument = new { Statement = new[] { new { Action = "execute-api:Invoke", Effect = "Allow", Resource = "*" } } },
        });
        var apiId = await CreateRestApi(new { name = "keyed", apiKeySource = "AUTHORIZER" });
        var authorizer = await Api.Post($"/restapis/{apiId}/authorizers", new { name = "a", type = "TOKEN", authorizerUri = InvokeUri("authz"), identitySource = "method.request.header.Authorization" });
        var root = await RootId(apiId);
        await PutMethod(apiId, root, "GET", new { authorizationType = "CUSTOM", authorizerId = authorizer.Id(), apiKeyRequired = true });
        await PutLambdaIntegration(apiId, root, "GET", "echo");
        await Deploy(apiId);
        var plan = await Api.Post("/usageplans", new { name = "p", apiStages = new[] { new { apiId, stage = "prod" } } });
        await Api.Post($"/usageplans/{plan.Id()}/keys", new { keyId = _keyId, keyType = "API_KEY" });
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");
        using var request = new HttpRequestMessage(HttpMethod.Get, "");
        request.Headers.TryAddWithoutValidation("Authorization", "anything");

        var e = await EchoedEvent(await client.SendAsync(request));

        Assert.That(e.GetProperty("requestContext").GetProperty("identity").GetProperty("apiKeyId").GetString(), Is.EqualTo(_keyId));
    }
}
