namespace FakeAws.Tests.ApiGateway;

/// <summary>Building WebSocket APIs: what CreateApi, routes and integrations accept, route and integration responses.</summary>
public class WebSocketManagementTests : WebSocketTestBase
{
    [Test]
    public async Task CreateApi_WebSocket_WssEndpointAndExpressions()
    {
        var reply = await Api.Post("/v2/apis", new { name = "chat", protocolType = "WEBSOCKET", routeSelectionExpression = "$request.body.action" });

        AssertStatus(reply, 201);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Json.GetProperty("apiEndpoint").GetString(), Is.EqualTo($"wss://{reply.Id("apiId")}.execute-api.us-east-1.amazonaws.com"));
            Assert.That(reply.Json.GetProperty("protocolType").GetString(), Is.EqualTo("WEBSOCKET"));
            Assert.That(reply.Json.GetProperty("routeSelectionExpression").GetString(), Is.EqualTo("$request.body.action"));
            Assert.That(reply.Json.GetProperty("apiKeySelectionExpression").GetString(), Is.EqualTo("$request.header.x-api-key"));
        });
    }

    [Test]
    public async Task CreateApi_WebSocketWithoutRouteSelectionExpression_BadRequest()
    {
        var reply = await Api.Post("/v2/apis", new { name = "chat", protocolType = "WEBSOCKET" });

        AssertStatus(reply, 400);
        Assert.That(reply.ErrorType, Is.EqualTo("BadRequestException"));
        Assert.That(reply.Message, Does.Contain("RouteSelectionExpression"));
    }

    [TestCase("{\"name\":\"c\",\"protocolType\":\"WEBSOCKET\",\"routeSelectionExpression\":\"$request.body.action\",\"corsConfiguration\":{\"allowOrigins\":[\"*\"]}}")]
    [TestCase("{\"name\":\"c\",\"protocolType\":\"WEBSOCKET\",\"routeSelectionExpression\":\"$request.body.action\",\"target\":\"arn:aws:lambda:us-east-1:123456789012:function:f\"}")]
    [TestCase("{\"name\":\"c\",\"protocolType\":\"WEBSOCKET\",\"routeSelectionExpression\":\"$request.method\"}")]
    [TestCase("{\"name\":\"c\",\"protocolType\":\"WEBSOCKET\",\"routeSelectionExpression\":\"$request.body.action\",\"apiKeySelectionExpression\":\"$request.header.key\"}")]
    public async Task CreateApi_WebSocketWithHttpOnlyOrInvalidSettings_BadRequest(string body)
    {
        var reply = await Api.Post("/v2/apis", body);

        AssertStatus(reply, 400);
        Assert.That(reply.ErrorType, Is.EqualTo("BadRequestException"));
    }

    [Test]
    public async Task CreateRoute_WebSocketKeys()
    {
        var apiId = await CreateWebSocketApi();

        foreach (var key in new[] { "$connect", "$disconnect", "$default", "sendmessage" })
        {
            AssertStatus(await Api.Post($"/v2/apis/{apiId}/routes", new { routeKey = key }), 201);
        }
        var invalid = await Api.Post($"/v2/apis/{apiId}/routes", new { routeKey = "$getauthorized" });
        AssertStatus(invalid, 400);
        Assert.That(invalid.Message, Is.EqualTo("The provided route key is not formatted properly"));
    }

    [Test]
    public async Task RouteResponseSelectionExpression_OnlyDefaultOnWebSocket_RefusedOnHttp()
    {
        var apiId = await CreateWebSocketApi();
        AssertStatus(await Api.Post($"/v2/apis/{apiId}/routes", new { routeKey = "echo", routeResponseSelectionExpression = "$default" }), 201);
        AssertStatus(await Api.Post($"/v2/apis/{apiId}/routes", new { routeKey = "other", routeResponseSelectionExpression = "$request.body.x" }), 400);

        var httpApi = await CreateHttpApi();
        AssertStatus(await Api.Post($"/v2/apis/{httpApi}/routes", new { routeKey = "GET /a", routeResponseSelectionExpression = "$default" }), 400);
    }

    [Test]
    public async Task RouteResponses_CreateGetListUpdateDelete()
    {
        var apiId = await CreateWebSocketApi();
        var routeId = (await Api.Post($"/v2/apis/{apiId}/routes", new { routeKey = "echo", routeResponseSelectionExpression = "$default" })).Id("routeId");

        var created = await Api.Post($"/v2/apis/{apiId}/routes/{routeId}/routeresponses", new { routeResponseKey = "$default" });
        AssertStatus(created, 201);
        var id = created.Id("routeResponseId");
        var again = await Api.Post($"/v2/apis/{apiId}/routes/{routeId}/routeresponses", new { routeResponseKey = "$default" });
        AssertStatus(again, 409);
        AssertStatus(await Api.Post($"/v2/apis/{apiId}/routes/{routeId}/routeresponses", new { routeResponseKey = "ok" }), 400);

        var got = await Api.Get($"/v2/apis/{apiId}/routes/{routeId}/routeresponses/{id}");
        AssertStatus(got, 200);
        Assert.That(got.Json.GetProperty("routeResponseKey").GetString(), Is.EqualTo("$default"));
        var list = await Api.Get($"/v2/apis/{apiId}/routes/{routeId}/routeresponses");
        Assert.That(list.Json.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
        var updated = await Api.Patch($"/v2/apis/{apiId}/routes/{routeId}/routeresponses/{id}", new { modelSelectionExpression = "$request.body.type" });
        Assert.That(updated.Json.GetProperty("modelSelectionExpression").GetString(), Is.EqualTo("$request.body.type"));

        AssertStatus(await Api.Delete($"/v2/apis/{apiId}/routes/{routeId}/routeresponses/{id}"), 204);
        var gone = await Api.Get($"/v2/apis/{apiId}/routes/{routeId}/routeresponses/{id}");
        AssertStatus(gone, 404);
        Assert.That(gone.Json.GetProperty("resourceType").GetString(), Is.EqualTo("RouteResponse"));
    }

    [Test]
    public async Task IntegrationResponses_CreateGetListUpdateDelete_KeysChecked()
    {
        var apiId = await CreateWebSocketApi();
        var integrationId = (await Api.Post($"/v2/apis/{apiId}/integrations", new { integrationType = "MOCK", requestTemplates = new Dictionary<string, string> { ["$default"] = "{\"statusCode\": 200}" } })).Id("integrationId");

        var created = await Api.Post($"/v2/apis/{apiId}/integrations/{integrationId}/integrationresponses", new { integrationResponseKey = "/2\\d\\d/", responseTemplates = new Dictionary<string, string> { ["$default"] = "ok" } });
        AssertStatus(created, 201);
        var id = created.Id("integrationResponseId");
        AssertStatus(await Api.Post($"/v2/apis/{apiId}/integrations/{integrationId}/integrationresponses", new { integrationResponseKey = "200" }), 400);

        Assert.That((await Api.Get($"/v2/apis/{apiId}/integrations/{integrationId}/integrationresponses/{id}")).Json.GetProperty("integrationResponseKey").GetString(), Is.EqualTo("/2\\d\\d/"));
        Assert.That((await Api.Get($"/v2/apis/{apiId}/integrations/{integrationId}/integrationresponses")).Json.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
        var updated = await Api.Patch($"/v2/apis/{apiId}/integrations/{integrationId}/integrationresponses/{id}", new { integrationResponseKey = "$default" });
        Assert.That(updated.Json.GetProperty("integrationResponseKey").GetString(), Is.EqualTo("$default"));
        AssertStatus(await Api.Delete($"/v2/apis/{apiId}/integrations/{integrationId}/integrationresponses/{id}"), 204);
        AssertStatus(await Api.Get($"/v2/apis/{apiId}/integrations/{integrationId}/integrationresponses/{id}"), 404);
    }

    [Test]
    public async Task Integrations_WebSocketTakesLambdaAndMock_RefusesPayload2()
    {
        var apiId = await CreateWebSocketApi();

        var mock = await Api.Post($"/v2/apis/{apiId}/integrations", new { integrationType = "MOCK" });
        AssertStatus(mock, 201);
        Assert.That(mock.Json.GetProperty("timeoutInMillis").GetInt32(), Is.EqualTo(29000));
        var lambda = await Api.Post($"/v2/apis/{apiId}/integrations", new { integrationType = "AWS_PROXY", integrationUri = InvokeUri("f") });
        AssertStatus(lambda, 201);
        Assert.That(lambda.Json.GetProperty("payloadFormatVersion").GetString(), Is.EqualTo("1.0"));
        AssertStatus(await Api.Post($"/v2/apis/{apiId}/integrations", new { integrationType = "AWS_PROXY", integrationUri = InvokeUri("f"), payloadFormatVersion = "2.0" }), 400);
    }

    [Test]
    public async Task Snapshot_KeepsRouteResponses()
    {
        var apiId = await CreateWebSocketApi();
        var routeId = (await Api.Post($"/v2/apis/{apiId}/routes", new { routeKey = "echo", routeResponseSelectionExpression = "$default" })).Id("routeId");
        AssertStatus(await Api.Post($"/v2/apis/{apiId}/routes/{routeId}/routeresponses", new { routeResponseKey = "$default" }), 201);
        var snapshot = Aws.Snapshot();

        using var other = new FakeAwsCloud();
        other.Restore(snapshot);
        using var api = new ApiGatewayWire(other);
        var list = await api.Get($"/v2/apis/{apiId}/routes/{routeId}/routeresponses");

        Assert.That(list.Json.GetProperty("items")[0].GetProperty("routeResponseKey").GetString(), Is.EqualTo("$default"));
    }
}
