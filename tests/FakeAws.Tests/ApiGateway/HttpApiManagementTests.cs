namespace FakeAws.Tests.ApiGateway;

/// <summary>The HTTP API (v2) management API: shapes, ISO 8601 timestamps, and the errors.</summary>
public class HttpApiManagementTests : HttpApiTestBase
{
    [Test]
    public async Task CreateApi_Defaults()
    {
        var api = (await Api.Post("/v2/apis", new { name = "http", protocolType = "HTTP" })).Json;

        Assert.Multiple(() =>
        {
            Assert.That(api.GetProperty("apiId").GetString(), Does.Match("^[a-z0-9]{10}$"));
            Assert.That(api.GetProperty("apiEndpoint").GetString(), Is.EqualTo($"https://{api.GetProperty("apiId").GetString()}.execute-api.us-east-1.amazonaws.com"));
            Assert.That(api.GetProperty("routeSelectionExpression").GetString(), Is.EqualTo("$request.method $request.path"));
            Assert.That(api.GetProperty("apiKeySelectionExpression").GetString(), Is.EqualTo("$request.header.x-api-key"));
            Assert.That(api.GetProperty("createdDate").GetString(), Is.EqualTo("2030-06-01T12:00:00Z"));
        });
    }

    [Test]
    public async Task CreateApi_NoName_BadRequest() =>
        AssertError(await Api.Post("/v2/apis", new { protocolType = "HTTP" }), 400, "BadRequestException",
            "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");

    [Test]
    public async Task GetApi_Unknown_NotFoundWithResourceType()
    {
        var reply = await Api.Get("/v2/apis/abcdefghij");

        AssertError(reply, 404, "NotFoundException", "Invalid API identifier specified abcdefghij");
        Assert.That(reply.Json.GetProperty("resourceType").GetString(), Is.EqualTo("Api"));
    }

    [Test]
    public async Task CreateIntegration_NotAProxy_BadRequest()
    {
        var apiId = await CreateHttpApi();

        AssertError(await Api.Post($"/v2/apis/{apiId}/integrations", new { integrationType = "MOCK" }), 400, "BadRequestException",
            "Currently, an API with a protocol type of HTTP may only be associated with proxy integrations (AWS_PROXY, HTTP_PROXY)");
    }

    [Test]
    public async Task CreateIntegration_Defaults()
    {
        var apiId = await CreateHttpApi();

        var integration = (await Api.Post($"/v2/apis/{apiId}/integrations", new { integrationType = "AWS_PROXY", integrationUri = FunctionArn("fn") })).Json;

        Assert.Multiple(() =>
        {
            Assert.That(integration.GetProperty("payloadFormatVersion").GetString(), Is.EqualTo("1.0"));
            Assert.That(integration.GetProperty("timeoutInMillis").GetInt32(), Is.EqualTo(30000));
            Assert.That(integration.GetProperty("integrationMethod").GetString(), Is.EqualTo("POST"));
            Assert.That(integration.GetProperty("connectionType").GetString(), Is.EqualTo("INTERNET"));
        });
    }

    [Test]
    public async Task CreateIntegration_TimeoutOverThirtySeconds_BadRequest()
    {
        var apiId = await CreateHttpApi();

        AssertError(await Api.Post($"/v2/apis/{apiId}/integrations", new { integrationType = "AWS_PROXY", integrationUri = FunctionArn("fn"), timeoutInMillis = 30001 }),
            400, "BadRequestException", "1 validation error detected: Value '30001' at 'timeoutInMillis' failed to satisfy constraint: Member must have value less than or equal to 30000");
    }

    [Test]
    public async Task Routes_CreateGetUpdateDelete_UnknownNotFound()
    {
        var apiId = await CreateHttpApi();
        var integration = await CreateIntegration(apiId, "fn");
        var routeId = await CreateRoute(apiId, "GET /items/{id}", integration);

        var updated = await Api.Patch($"/v2/apis/{apiId}/routes/{routeId}", new { routeKey = "GET /orders/{id}" });
        Assert.That(updated.Json.GetProperty("routeKey").GetString(), Is.EqualTo("GET /orders/{id}"));
        Assert.That((await Api.Get($"/v2/apis/{apiId}/routes")).Json.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
        AssertStatus(await Api.Delete($"/v2/apis/{apiId}/routes/{routeId}"), 204);
        var missing = await Api.Get($"/v2/apis/{apiId}/routes/{routeId}");
        AssertError(missing, 404, "NotFoundException", $"Invalid Route identifier specified {routeId}");
        Assert.That(missing.Json.GetProperty("resourceType").GetString(), Is.EqualTo("Route"));
    }

    [Test]
    public async Task Stages_Unknown_NotFound_Twice_Conflict()
    {
        var apiId = await CreateHttpApi();
        await CreateAutoDeployedStage(apiId);

        AssertError(await Api.Get($"/v2/apis/{apiId}/stages/dev"), 404, "NotFoundException", "Invalid stage identifier specified dev");
        AssertError(await Api.Post($"/v2/apis/{apiId}/stages", new { stageName = "$default" }), 409, "ConflictException", "Stage $default already exists");
    }

    [Test]
    public async Task CreateAuthorizer_JwtWithoutIssuer_BadRequest()
    {
        var apiId = await CreateHttpApi();

        var reply = await Api.Post($"/v2/apis/{apiId}/authorizers", new { name = "jwt", authorizerType = "JWT", identitySource = new[] { "$request.header.Authorization" } });

        AssertStatus(reply, 400);
        Assert.That(reply.ErrorType, Is.EqualTo("BadRequestException"));
    }

    [Test]
    public async Task UpdateApi_CorsConfiguration_Kept()
    {
        var apiId = await CreateHttpApi();

        var updated = await Api.Patch($"/v2/apis/{apiId}", new { corsConfiguration = new { allowOrigins = new[] { "*" } } });

        Assert.That(updated.Json.GetProperty("corsConfiguration").GetProperty("allowOrigins")[0].GetString(), Is.EqualTo("*"));
    }

    [Test]
    public async Task DeleteApi_ThenGet_NotFound()
    {
        var apiId = await CreateHttpApi();

        AssertStatus(await Api.Delete($"/v2/apis/{apiId}"), 204);
        AssertStatus(await Api.Get($"/v2/apis/{apiId}"), 404);
    }
}
