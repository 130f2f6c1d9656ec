using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>Connecting to a deployed WebSocket API in memory: routes, events, two-way answers, @connections and the connection limits.</summary>
public class WebSocketInvokeTests : WebSocketTestBase
{
    /// <summary>The chat of AWS's tutorial: $connect and $disconnect keep the connection ids, sendmessage posts to every one.</summary>
    [Test]
    public async Task Chat_TwoClients_SendMessageReachesBoth()
    {
        var connections = new ConcurrentDictionary<string, bool>();
        AddFunction("connect", (JsonElement e) =>
        {
            connections[e.GetProperty("requestContext").GetProperty("connectionId").GetString()!] = true;
            return new { statusCode = 200 };
        });
        AddFunction("disconnect", (JsonElement e) =>
        {
            connections.TryRemove(e.GetProperty("requestContext").GetProperty("connectionId").GetString()!, out _);
            return new { statusCode = 200 };
        });
        string? apiId = null;
        AddFunction("sendmessage", async (JsonElement e) =>
        {
            var context = e.GetProperty("requestContext");
            var text = Parse(e.GetProperty("body").GetString()).GetProperty("data").GetString();
            foreach (var id in connections.Keys)
            {
                var (status, body, _) = await Connections(HttpMethod.Post, apiId!, context.GetProperty("stage").GetString()!, id, text);
                Assert.That(status, Is.EqualTo(200), body);
            }
            return new { statusCode = 200 };
        });
        apiId = await CreateWebSocketApi();
        await CreateLambdaRoute(apiId, "$connect", "connect");
        await CreateLambdaRoute(apiId, "$disconnect", "disconnect");
        await CreateLambdaRoute(apiId, "sendmessage", "sendmessage");
        await CreateStage(apiId);

        await using var alice = await Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production");
        await using var bob = await Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production");
        await alice.SendAsync("""{"action":"sendmessage","data":"hello"}""");

        Assert.Multiple(async () =>
        {
            Assert.That(await alice.ReceiveAsync(), Is.EqualTo("hello"));
            Assert.That(await bob.ReceiveAsync(), Is.EqualTo("hello"));
            Assert.That(connections.Keys, Is.EquivalentTo(new[] { alice.ConnectionId, bob.ConnectionId }));
        });
        await bob.CloseAsync();
        Assert.That(connections.Keys, Is.EqualTo(new[] { alice.ConnectionId }));
    }

    [Test]
    public async Task ConnectEvent_HeadersQueryAndRequestContext()
    {
        var events = new List<JsonElement>();
        AddFunction("record", (JsonElement e) =>
        {
            events.Add(e.Clone());
            return new { statusCode = 200 };
        });
        var apiId = await CreateWebSocketApi();
        await CreateLambdaRoute(apiId, "$connect", "record");
        await CreateLambdaRoute(apiId, "$default", "record");
        await CreateStage(apiId);

        await using var client = await Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production", [new("User-Agent", "tests/1.0"), new("X-Room", "blue")], "token=abc&tag=a&tag=b");
        Aws.Clock.Advance(TimeSpan.FromSeconds(5));
        await client.SendAsync("not json");

        var connect = events[0];
        var context = connect.GetProperty("requestContext");
        Assert.Multiple(() =>
        {
            Assert.That(connect.GetProperty("headers").GetProperty("X-Room").GetString(), Is.EqualTo("blue"));
            Assert.That(connect.GetProperty("headers").GetProperty("Host").GetString(), Is.EqualTo($"{apiId}.execute-api.us-east-1.amazonaws.com"));
            Assert.That(connect.GetProperty("multiValueHeaders").GetProperty("X-Room")[0].GetString(), Is.EqualTo("blue"));
            Assert.That(connect.GetProperty("queryStringParameters").GetProperty("token").GetString(), Is.EqualTo("abc"));
            Assert.That(connect.GetProperty("multiValueQueryStringParameters").GetProperty("tag").GetArrayLength(), Is.EqualTo(2));
            Assert.That(connect.GetProperty("isBase64Encoded").GetBoolean(), Is.False);
            Assert.That(context.GetProperty("routeKey").GetString(), Is.EqualTo("$connect"));
            Assert.That(context.GetProperty("eventType").GetString(), Is.EqualTo("CONNECT"));
            Assert.That(context.GetProperty("messageDirection").GetString(), Is.EqualTo("IN"));
            Assert.That(context.GetProperty("connectionId").GetString(), Is.EqualTo(client.ConnectionId));
            Assert.That(context.GetProperty("connectedAt").GetInt64(), Is.EqualTo(Start.ToUnixTimeMilliseconds()));
            Assert.That(context.GetProperty("requestTimeEpoch").GetInt64(), Is.EqualTo(Start.ToUnixTimeMilliseconds()));
            Assert.That(context.GetProperty("requestTime").GetString(), Is.EqualTo("01/Jun/2030:12:00:00 +0000"));
            Assert.That(context.GetProperty("domainName").GetString(), Is.EqualTo($"{apiId}.execute-api.us-east-1.amazonaws.com"));
            Assert.That(context.GetProperty("stage").GetString(), Is.EqualTo("production"));
            Assert.That(context.GetProperty("apiId").GetString(), Is.EqualTo(apiId));
            Assert.That(context.GetProperty("identity").GetProperty("sourceIp").GetString(), Is.EqualTo("127.0.0.1"));
            Assert.That(context.GetProperty("identity").GetProperty("userAgent").GetString(), Is.EqualTo("tests/1.0"));
            Assert.That(context.GetProperty("extendedRequestId").GetString(), Does.EndWith("="));
        });
        var message = events[1];
        var messageContext = message.GetProperty("requestContext");
        Assert.Multiple(() =>
        {
            Assert.That(message.GetProperty("body").GetString(), Is.EqualTo("not json"));
            Assert.That(message.GetProperty("isBase64Encoded").GetBoolean(), Is.False);
            Assert.That(message.TryGetProperty("headers", out _), Is.False);
            Assert.That(messageContext.GetProperty("routeKey").GetString(), Is.EqualTo("$default"));
            Assert.That(messageContext.GetProperty("eventType").GetString(), Is.EqualTo("MESSAGE"));
            Assert.That(messageContext.GetProperty("messageId").GetString(), Is.Not.Empty);
            Assert.That(messageContext.GetProperty("connectedAt").GetInt64(), Is.EqualTo(Start.ToUnixTimeMilliseconds()));
            Assert.That(messageContext.GetProperty("requestTimeEpoch").GetInt64(), Is.EqualTo(Start.AddSeconds(5).ToUnixTimeMilliseconds()));
        });
    }

    [Test]
    public async Task BinaryMessage_Base64InEventAndDefaultRoute()
    {
        var bodies = new List<(string Body, bool Base64, string Route)>();
        AddFunction("record", (JsonElement e) =>
        {
            bodies.Add((e.GetProperty("body").GetString()!, e.GetProperty("isBase64Encoded").GetBoolean(), e.GetProperty("requestContext").GetProperty("routeKey").GetString()!));
            return new { statusCode = 200 };
        });
        var apiId = await CreateWebSocketApi();
        await CreateLambdaRoute(apiId, "$default", "record");
        await CreateStage(apiId);
        await using var client = await Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production");

        await client.SendBinaryAsync(new byte[] { 0, 1, 255 });

        Assert.That(bodies, Is.EqualTo(new[] { (Convert.ToBase64String(new byte[] { 0, 1, 255 }), true, "$default") }));
    }

    [Test]
    public async Task Connect_Non2xx_RefusesWithThatStatus()
    {
        AddFunction("deny", (JsonElement e) => new { statusCode = 401, body = "no" });
        var apiId = await CreateWebSocketApi();
        await CreateLambdaRoute(apiId, "$connect", "deny");
        await CreateStage(apiId);

        var refused = Assert.ThrowsAsync<WebSocketException>(() => Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production"));
        var unknownStage = Assert.ThrowsAsync<WebSocketException>(() => Aws.ApiGateway.ConnectWebSocketAsync(apiId, "nope"));

        Assert.That(refused!.Message, Is.EqualTo("The server returned status code '401' when status code '101' was expected."));
        Assert.That(unknownStage!.Message, Does.Contain("'403'"));
    }

    [Test]
    public async Task PlainHttpRequest_Forbidden_FunctionNotCalled()
    {
        var calls = 0;
        AddFunction("count", (JsonElement e) => new { statusCode = 200, body = (++calls).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var apiId = await CreateWebSocketApi();
        await CreateLambdaRoute(apiId, "$default", "count");
        await CreateStage(apiId);
        using var http = Aws.ApiGateway.CreateHttpClient(apiId, "production");

        var response = await http.GetAsync("");

        Assert.That((int)response.StatusCode, Is.EqualTo(403));
        Assert.That(calls, Is.Zero);
    }

    [Test]
    public async Task RouteSelection_CustomRouteElseDefaultElseForbidden()
    {
        var routes = new List<string>();
        AddFunction("record", (JsonElement e) =>
        {
            routes.Add(e.GetProperty("requestContext").GetProperty("routeKey").GetString()!);
            return new { statusCode = 200 };
        });
        var apiId = await CreateWebSocketApi();
        await CreateLambdaRoute(apiId, "join", "record");
        await CreateStage(apiId);
        await using var client = await Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production");

        await client.SendAsync("""{"action":"join"}""");
        await client.SendAsync("""{"action":"leave"}""");

        Assert.That(routes, Is.EqualTo(new[] { "join" }));
        var error = Parse(await client.ReceiveAsync());
        Assert.Multiple(() =>
        {
            Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("Forbidden"));
            Assert.That(error.GetProperty("connectionId").GetString(), Is.EqualTo(client.ConnectionId));
            Assert.That(error.GetProperty("requestId").GetString(), Does.EndWith("="));
        });

        await CreateLambdaRoute(apiId, "$default", "record");
        await client.SendAsync("""{"action":"leave"}""");
        Assert.That(routes, Is.EqualTo(new[] { "join", "$default" }));
    }

    [Test]
    public async Task TwoWayRoute_AnswersBody_OneWayRouteDoesNot()
    {
        AddFunction("echo", (JsonElement e) => new { statusCode = 200, body = "echo: " + e.GetProperty("body").GetString() });
        var apiId = await CreateWebSocketApi();
        await CreateLambdaRoute(apiId, "twoway", "echo", twoWay: true);
        await CreateLambdaRoute(apiId, "oneway", "echo");
        await CreateStage(apiId);
        await using var client = await Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production");

        await client.SendAsync("""{"action":"oneway"}""");
        Assert.That(client.TryReceive(out _), Is.False);
        await client.SendAsync("""{"action":"twoway"}""");

        Assert.That(await client.ReceiveAsync(), Is.EqualTo("""echo: {"action":"twoway"}"""));
    }

    [Test]
    public async Task MockIntegration_TwoWayAnswersItsTemplate()
    {
        var apiId = await CreateWebSocketApi();
        var integration = await Api.Post($"/v2/apis/{apiId}/integrations", new
        {
            integrationType = "MOCK",
            templateSelectionExpression = "\\$default",
            requestTemplates = new Dictionary<string, string> { ["$default"] = "{\"statusCode\": 200}" },
        });
        var integrationId = integration.Id("integrationId");
        AssertStatus(await Api.Post($"/v2/apis/{apiId}/integrations/{integrationId}/integrationresponses", new
        {
            integrationResponseKey = "$default",
            responseTemplates = new Dictionary<string, string> { ["$default"] = "{\"connection\": \"$context.connectionId\", \"route\": \"$context.routeKey\"}" },
        }), 201);
        await CreateWebSocketRoute(apiId, "$default", integrationId, twoWay: true);
        await CreateStage(apiId);
        await using var client = await Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production");

        await client.SendAsync("hi");

        var answer = Parse(await client.ReceiveAsync());
        Assert.That(answer.GetProperty("connection").GetString(), Is.EqualTo(client.ConnectionId));
        Assert.That(answer.GetProperty("route").GetString(), Is.EqualTo("$default"));
    }

    [Test]
    public async Task FunctionWithoutPermission_InternalServerErrorMessage_ConnectRefused500()
    {
        Aws.Lambda.AddFunction("private", (JsonElement e) => new { statusCode = 200 });
        var apiId = await CreateWebSocketApi();
        await CreateLambdaRoute(apiId, "$default", "private");
        await CreateStage(apiId);
        await using var client = await Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production");

        await client.SendAsync("hello");

        var error = Parse(await client.ReceiveAsync());
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("Internal server error"));
        await CreateLambdaRoute(apiId, "$connect", "private");
        var refused = Assert.ThrowsAsync<WebSocketException>(() => Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production"));
        Assert.That(refused!.Message, Does.Contain("'500'"));
    }

    [Test]
    public async Task Connections_GetPostDelete_GoneAfterwards()
    {
        var disconnects = new List<JsonElement>();
        AddFunction("disconnect", (JsonElement e) =>
        {
            disconnects.Add(e.Clone());
            return new { statusCode = 200 };
        });
        var apiId = await CreateWebSocketApi();
        await CreateLambdaRoute(apiId, "$disconnect", "disconnect");
        await CreateStage(apiId);
        var client = await Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production", [new("User-Agent", "tests/1.0")]);
        Aws.Clock.Advance(TimeSpan.FromSeconds(30));

        var (getStatus, getBody, _) = await Connections(HttpMethod.Get, apiId, "production", client.ConnectionId);
        var (postStatus, _, _) = await Connections(HttpMethod.Post, apiId, "production", client.ConnectionId, "pushed");
        var (deleteStatus, _, _) = await Connections(HttpMethod.Delete, apiId, "production", client.ConnectionId);
        var (goneStatus, goneBody, goneType) = await Connections(HttpMethod.Post, apiId, "production", client.ConnectionId, "late");

        var connection = Parse(getBody);
        Assert.Multiple(async () =>
        {
            Assert.That(getStatus, Is.EqualTo(200));
            Assert.That(connection.GetProperty("connectedAt").GetString(), Is.EqualTo("2030-06-01T12:00:00Z"));
            Assert.That(connection.GetProperty("lastActiveAt").GetString(), Is.EqualTo("2030-06-01T12:00:00Z"));
            Assert.That(connection.GetProperty("identity").GetProperty("sourceIp").GetString(), Is.EqualTo("127.0.0.1"));
            Assert.That(connection.GetProperty("identity").GetProperty("userAgent").GetString(), Is.EqualTo("tests/1.0"));
            Assert.That(postStatus, Is.EqualTo(200));
            Assert.That(deleteStatus, Is.EqualTo(204));
            Assert.That((goneStatus, goneType, goneBody), Is.EqualTo((410, "GoneException", "{}")));
            Assert.That(await client.ReceiveAsync(), Is.EqualTo("pushed"));
            Assert.That(await client.ReceiveAsync(), Is.Null);
            Assert.That(client.IsOpen, Is.False);
            Assert.That(disconnects, Has.Count.EqualTo(1));
            Assert.That(disconnects[0].GetProperty("requestContext").GetProperty("eventType").GetString(), Is.EqualTo("DISCONNECT"));
            Assert.That(disconnects[0].GetProperty("requestContext").GetProperty("routeKey").GetString(), Is.EqualTo("$disconnect"));
        });
        Assert.ThrowsAsync<WebSocketException>(() => client.SendAsync("after"));
    }

    [Test]
    public async Task Connections_AtTheCloudEndpoint_SignedForExecuteApi()
    {
        var apiId = await CreateWebSocketApi();
        await CreateStage(apiId);
        await using var client = await Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production");

        var (status, body, _) = await Connections(HttpMethod.Post, apiId, "production", client.ConnectionId, "pushed", atCloudEndpoint: true);

        Assert.That(status, Is.EqualTo(200), body);
        Assert.That(await client.ReceiveAsync(), Is.EqualTo("pushed"));
    }

    [Test]
    public async Task Connections_UnknownId_Gone()
    {
        var apiId = await CreateWebSocketApi();
        await CreateStage(apiId);

        var (status, _, type) = await Connections(HttpMethod.Get, apiId, "production", "AAAAAAAAAAAAAAA=");

        Assert.That((status, type), Is.EqualTo((410, "GoneException")));
    }

    [Test]
    public async Task IdleTenMinutes_ClosesGoingAway_RunsDisconnect()
    {
        var disconnected = new List<(int Status, string Reason)>();
        AddFunction("disconnect", (JsonElement e) =>
        {
            var context = e.GetProperty("requestContext");
            disconnected.Add((context.GetProperty("disconnectStatusCode").GetInt32(), context.GetProperty("disconnectReason").GetString()!));
            return new { statusCode = 200 };
        });
        AddFunction("noop", (JsonElement e) => new { statusCode = 200 });
        var apiId = await CreateWebSocketApi();
        await CreateLambdaRoute(apiId, "$disconnect", "disconnect");
        await CreateLambdaRoute(apiId, "$default", "noop");
        await CreateStage(apiId);
        await using var client = await Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production");

        Aws.Clock.Advance(TimeSpan.FromMinutes(9));
        await client.SendAsync("still here");
        Aws.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.That(client.IsOpen, Is.True);
        Aws.Clock.Advance(TimeSpan.FromMinutes(1));
        await Aws.RunUntilIdleAsync();

        Assert.That(client.IsOpen, Is.False);
        Assert.That(client.CloseStatus, Is.EqualTo(WebSocketCloseStatus.EndpointUnavailable));
        Assert.That(disconnected, Is.EqualTo(new[] { (1001, "Going away") }));
    }

    [Test]
    public async Task TwoHours_ClosesEvenAnActiveConnection()
    {
        AddFunction("noop", (JsonElement e) => new { statusCode = 200 });
        var apiId = await CreateWebSocketApi();
        await CreateLambdaRoute(apiId, "$default", "noop");
        await CreateStage(apiId);
        await using var client = await Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production");

        for (var minutes = 0; minutes < 117; minutes += 9)
        {
            Aws.Clock.Advance(TimeSpan.FromMinutes(9));
            await client.SendAsync("ping");
        }
        Assert.That(client.IsOpen, Is.True);
        Aws.Clock.Advance(TimeSpan.FromMinutes(3));

        Assert.That(client.IsOpen, Is.False);
        Assert.That(client.CloseStatus, Is.EqualTo(WebSocketCloseStatus.EndpointUnavailable));
    }

    [Test]
    public async Task RunUntilIdle_DoesNotMoveTheClockToTheIdleTimeout()
    {
        var apiId = await CreateWebSocketApi();
        await CreateStage(apiId);
        await using var client = await Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production");

        await Aws.RunUntilIdleAsync();

        Assert.That(client.IsOpen, Is.True);
        Assert.That(Aws.Clock.GetUtcNow(), Is.EqualTo(Start));
    }

    [Test]
    public async Task MessageOver128KB_ClosesMessageTooBig_PostOver128KBRefused()
    {
        AddFunction("noop", (JsonElement e) => new { statusCode = 200 });
        var apiId = await CreateWebSocketApi();
        await CreateLambdaRoute(apiId, "$default", "noop");
        await CreateStage(apiId);
        await using var first = await Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production");
        await using var second = await Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production");

        await first.SendAsync(new string('a', 128 * 1024));
        Assert.That(first.IsOpen, Is.True);
        await first.SendAsync(new string('a', 128 * 1024 + 1));
        var (status, _, type) = await Connections(HttpMethod.Post, apiId, "production", second.ConnectionId, new string('b', 128 * 1024 + 1));

        Assert.That(first.CloseStatus, Is.EqualTo(WebSocketCloseStatus.MessageTooBig));
        Assert.That((status, type), Is.EqualTo((413, "PayloadTooLargeException")));
    }
}
