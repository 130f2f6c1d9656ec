using System.Net.WebSockets;
using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>WebSocket routes that require an API key, metered against the usage plans of the API's stage.</summary>
public class WebSocketApiKeyTests : WebSocketTestBase
{
    private const string KeyValue = "partner-key-0123456789";
    private readonly List<string> _routes = [];
    private string _apiId = null!;

    [SetUp]
    public async Task CreateApi()
    {
        _routes.Clear();
        AddFunction("record", (JsonElement e) =>
        {
            _routes.Add(e.GetProperty("requestContext").GetProperty("routeKey").GetString()!);
            return new { statusCode = 200 };
        });
        _apiId = await CreateWebSocketApi();
        var integration = (await Api.Post($"/v2/apis/{_apiId}/integrations", new { integrationType = "AWS_PROXY", integrationUri = InvokeUri("record") })).Id("integrationId");
        AssertStatus(await Api.Post($"/v2/apis/{_apiId}/routes", new { routeKey = "$connect", apiKeyRequired = true, target = $"integrations/{integration}" }), 201);
        AssertStatus(await Api.Post($"/v2/apis/{_apiId}/routes", new { routeKey = "paid", apiKeyRequired = true, target = $"integrations/{integration}" }), 201);
        await CreateWebSocketRoute(_apiId, "$default", integration, twoWay: false);
        await CreateStage(_apiId);
    }

    private async Task<string> KeyInPlan(object? quota = null)
    {
        var key = await Api.Post("/apikeys", new { name = "partner", enabled = true, value = KeyValue });
        AssertStatus(key, 201);
        var plan = await Api.Post("/usageplans", new { name = "gold", apiStages = new[] { new { apiId = _apiId, stage = "production" } }, quota });
        AssertStatus(plan, 201);
        AssertStatus(await Api.Post($"/usageplans/{plan.Id()}/keys", new { keyId = key.Id(), keyType = "API_KEY" }), 201);
        return plan.Id();
    }

    [Test]
    public async Task Connect_WithoutKeyOrWithKeyOfNoPlan_403()
    {
        var missing = Assert.ThrowsAsync<WebSocketException>(() => Aws.ApiGateway.ConnectWebSocketAsync(_apiId, "production"));
        AssertStatus(await Api.Post("/apikeys", new { name = "loose", enabled = true, value = "loose-key-0123456789" }), 201);
        var planless = Assert.ThrowsAsync<WebSocketException>(() => Aws.ApiGateway.ConnectWebSocketAsync(_apiId, "production", [new("x-api-key", "loose-key-0123456789")]));

        Assert.That(missing!.Message, Is.EqualTo("The server returned status code '403' when status code '101' was expected."));
        Assert.That(planless!.Message, Does.Contain("'403'"));
        Assert.That(_routes, Is.Empty);
    }

    [Test]
    public async Task KeyOfThePlan_ConnectsAndPaidRouteRuns_QuotaCountsEachRequest()
    {
        var planId = await KeyInPlan(new { limit = 2, period = "DAY" });
        await using var client = await Aws.ApiGateway.ConnectWebSocketAsync(_apiId, "production", [new("x-api-key", KeyValue)]);

        await client.SendAsync("""{"action":"paid"}""");
        await client.SendAsync("""{"action":"paid"}""");
        var refused = Parse(await client.ReceiveAsync());

        Assert.Multiple(() =>
        {
            Assert.That(_routes, Is.EqualTo(new[] { "$connect", "paid" }));
            Assert.That(refused.GetProperty("message").GetString(), Is.EqualTo("Limit Exceeded"));
            Assert.That(refused.GetProperty("connectionId").GetString(), Is.EqualTo(client.ConnectionId));
        });
        var usage = await Api.Get($"/usageplans/{planId}/usage?startDate=2030-06-01&endDate=2030-06-01");
        AssertStatus(usage, 200);
        Assert.That(usage.Json.GetProperty("values").EnumerateObject().Single().Value[0][0].GetInt64(), Is.EqualTo(2));
    }

    [Test]
    public async Task DisabledKey_MessageToKeyedRouteIsForbidden_OtherRoutesRun()
    {
        await KeyInPlan();
        await using var client = await Aws.ApiGateway.ConnectWebSocketAsync(_apiId, "production", [new("x-api-key", KeyValue)]);
        var keyId = (await Api.Get("/apikeys")).Json.GetProperty("item")[0].GetProperty("id").GetString();
        AssertStatus(await Api.PatchOperations($"/apikeys/{keyId}", new { op = "replace", path = "/enabled", value = "false" }), 200);

        await client.SendAsync("""{"action":"paid"}""");
        await client.SendAsync("""{"action":"free"}""");

        Assert.That(Parse(await client.ReceiveAsync()).GetProperty("message").GetString(), Is.EqualTo("Forbidden"));
        Assert.That(_routes, Is.EqualTo(new[] { "$connect", "$default" }));
    }

    [Test]
    public async Task UsagePlan_TakesWebSocketStages_NotHttpApiStages()
    {
        var http = await CreateHttpApi();
        await CreateAutoDeployedStage(http, "prod");

        var webSocket = await Api.Post("/usageplans", new { name = "ws", apiStages = new[] { new { apiId = _apiId, stage = "production" } } });
        var httpApi = await Api.Post("/usageplans", new { name = "http", apiStages = new[] { new { apiId = http, stage = "prod" } } });

        AssertStatus(webSocket, 201);
        AssertError(httpApi, 400, "BadRequestException", $"Invalid API Stage {{api: {http}, stage: prod}} specified for usageplan http");
    }

    [Test]
    public async Task AuthorizerKeySelection_TheAuthorizersUsageIdentifierKeyIsMetered()
    {
        await KeyInPlan();
        AddFunction("authorizer", (JsonElement e) => new
        {
            principalId = "partner",
            policyDocument = new { Version = "2012-10-17", Statement = new[] { new { Action = "execute-api:Invoke", Effect = "Allow", Resource = "*" } } },
            usageIdentifierKey = e.GetProperty("headers").GetProperty("Auth").GetString() == "partner" ? KeyValue : "unknown-key-0123456789",
        });
        var authorizer = await Api.Post($"/v2/apis/{_apiId}/authorizers",
            new { name = "auth", authorizerType = "REQUEST", authorizerUri = InvokeUri("authorizer"), identitySource = new[] { "route.request.header.Auth" } });
        var connectRoute = (await Api.Get($"/v2/apis/{_apiId}/routes")).Json.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("routeKey").GetString() == "$connect");
        AssertStatus(await Api.Patch($"/v2/apis/{_apiId}/routes/{connectRoute.GetProperty("routeId").GetString()}",
            new { authorizationType = "CUSTOM", authorizerId = authorizer.Id("authorizerId") }), 200);
        AssertStatus(await Api.Patch($"/v2/apis/{_apiId}", new { apiKeySelectionExpression = "$context.authorizer.usageIdentifierKey" }), 200);

        var stranger = Assert.ThrowsAsync<WebSocketException>(() => Aws.ApiGateway.ConnectWebSocketAsync(_apiId, "production", [new("Auth", "someone"), new("x-api-key", KeyValue)]));
        await using var partner = await Aws.ApiGateway.ConnectWebSocketAsync(_apiId, "production", [new("Auth", "partner")]);

        Assert.That(stranger!.Message, Does.Contain("'403'"));
        Assert.That(_routes, Is.EqualTo(new[] { "$connect" }));
    }
}
