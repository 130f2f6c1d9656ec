using System.Net.WebSockets;
using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>Authorizing a WebSocket API's <c>$connect</c> route: Lambda REQUEST authorizers and AWS_IAM.</summary>
public class WebSocketAuthorizerTests : WebSocketTestBase
{
    private readonly List<JsonElement> _authorizerEvents = [];
    private readonly List<JsonElement> _routeEvents = [];

    [SetUp]
    public void AddRecordingRoute()
    {
        _authorizerEvents.Clear();
        _routeEvents.Clear();
        AddFunction("record", (JsonElement e) =>
        {
            _routeEvents.Add(e.Clone());
            return new { statusCode = 200 };
        });
    }

    /// <summary>An authorizer that allows the connection when the Auth header is "let-me-in", else denies it.</summary>
    private void AddPolicyAuthorizer(string name = "authorizer", bool grant = true)
    {
        object Handler(JsonElement e)
        {
            _authorizerEvents.Add(e.Clone());
            var allowed = e.GetProperty("headers").GetProperty("Auth").GetString() == "let-me-in";
            return new
            {
                principalId = "user-7",
                policyDocument = new
                {
                    Version = "2012-10-17",
                    Statement = new[] { new { Action = "execute-api:Invoke", Effect = allowed ? "Allow" : "Deny", Resource = e.GetProperty("methodArn").GetString() } },
                },
                context = new { tier = "gold", level = 3, admin = true },
            };
        }
        if (grant)
        {
            AddFunction(name, Handler);
        }
        else
        {
            Aws.Lambda.AddFunction(name, Handler);
        }
    }

    private async Task<string> AuthorizedApi(string authorizer = "authorizer", string identitySource = "route.request.header.Auth")
    {
        var apiId = await CreateWebSocketApi();
        var created = await Api.Post($"/v2/apis/{apiId}/authorizers",
            new { name = "auth", authorizerType = "REQUEST", authorizerUri = InvokeUri(authorizer), identitySource = new[] { identitySource } });
        AssertStatus(created, 201);
        var integration = await Api.Post($"/v2/apis/{apiId}/integrations", new { integrationType = "AWS_PROXY", integrationUri = InvokeUri("record") });
        AssertStatus(integration, 201);
        var route = await Api.Post($"/v2/apis/{apiId}/routes", new
        {
            routeKey = "$connect",
            authorizationType = "CUSTOM",
            authorizerId = created.Id("authorizerId"),
            target = $"integrations/{integration.Id("integrationId")}",
        });
        AssertStatus(route, 201);
        await CreateWebSocketRoute(apiId, "$default", integration.Id("integrationId"), twoWay: false);
        await CreateStage(apiId);
        return apiId;
    }

    [Test]
    public async Task Allow_ConnectsAndEveryEventCarriesThePrincipalAndContext()
    {
        AddPolicyAuthorizer();
        var apiId = await AuthorizedApi();

        await using var client = await Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production", [new("Auth", "let-me-in")], "room=blue");
        await client.SendAsync("hello");

        var authorizerEvent = _authorizerEvents.Single();
        var context = authorizerEvent.GetProperty("requestContext");
        Assert.Multiple(() =>
        {
            Assert.That(authorizerEvent.GetProperty("type").GetString(), Is.EqualTo("REQUEST"));
            Assert.That(authorizerEvent.GetProperty("methodArn").GetString(), Is.EqualTo($"arn:aws:execute-api:us-east-1:123456789012:{apiId}/production/$connect"));
            Assert.That(authorizerEvent.GetProperty("headers").GetProperty("Auth").GetString(), Is.EqualTo("let-me-in"));
            Assert.That(authorizerEvent.GetProperty("queryStringParameters").GetProperty("room").GetString(), Is.EqualTo("blue"));
            Assert.That(authorizerEvent.GetProperty("stageVariables").EnumerateObject().Count(), Is.Zero);
            Assert.That(context.GetProperty("routeKey").GetString(), Is.EqualTo("$connect"));
            Assert.That(context.GetProperty("eventType").GetString(), Is.EqualTo("CONNECT"));
            Assert.That(context.GetProperty("connectionId").GetString(), Is.EqualTo(client.ConnectionId));
            Assert.That(authorizerEvent.TryGetProperty("isBase64Encoded", out _), Is.False);
            Assert.That(_routeEvents, Has.Count.EqualTo(2));
        });
        foreach (var routeEvent in _routeEvents)
        {
            var authorizer = routeEvent.GetProperty("requestContext").GetProperty("authorizer");
            Assert.Multiple(() =>
            {
                Assert.That(authorizer.GetProperty("principalId").GetString(), Is.EqualTo("user-7"));
                Assert.That(authorizer.GetProperty("tier").GetString(), Is.EqualTo("gold"));
                Assert.That(authorizer.GetProperty("level").GetString(), Is.EqualTo("3"));
                Assert.That(authorizer.GetProperty("admin").GetString(), Is.EqualTo("true"));
            });
        }
    }

    [Test]
    public async Task Deny_RefusesTheHandshakeWith403_RouteNotCalled()
    {
        AddPolicyAuthorizer();
        var apiId = await AuthorizedApi();

        var refused = Assert.ThrowsAsync<WebSocketException>(() => Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production", [new("Auth", "wrong")]));

        Assert.That(refused!.Message, Is.EqualTo("The server returned status code '403' when status code '101' was expected."));
        Assert.That(_routeEvents, Is.Empty);
    }

    [Test]
    public async Task MissingIdentitySource_401_AuthorizerNotCalled()
    {
        AddPolicyAuthorizer();
        var apiId = await AuthorizedApi(identitySource: "route.request.querystring.token");

        var refused = Assert.ThrowsAsync<WebSocketException>(() => Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production", [new("Auth", "let-me-in")]));
        await using var client = await Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production", [new("Auth", "let-me-in")], "token=t1");

        Assert.That(refused!.Message, Does.Contain("'401'"));
        Assert.That(_authorizerEvents, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AuthorizerThrowsUnauthorized_401_FailsOtherwise_500()
    {
        AddFunction("unauthorized", new Func<JsonElement, object>(_ => throw new InvalidOperationException("Unauthorized")));
        AddFunction("broken", (JsonElement _) => new { nothing = "here" });
        var unauthorized = await AuthorizedApi("unauthorized");
        var broken = await AuthorizedApi("broken");

        var first = Assert.ThrowsAsync<WebSocketException>(() => Aws.ApiGateway.ConnectWebSocketAsync(unauthorized, "production", [new("Auth", "x")]));
        var second = Assert.ThrowsAsync<WebSocketException>(() => Aws.ApiGateway.ConnectWebSocketAsync(broken, "production", [new("Auth", "x")]));

        Assert.That(first!.Message, Does.Contain("'401'"));
        Assert.That(second!.Message, Does.Contain("'500'"));
    }

    [Test]
    public async Task AuthorizerWithoutInvokePermission_500()
    {
        AddPolicyAuthorizer(grant: false);
        var apiId = await AuthorizedApi();

        var refused = Assert.ThrowsAsync<WebSocketException>(() => Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production", [new("Auth", "let-me-in")]));

        Assert.That(refused!.Message, Does.Contain("'500'"));
        Assert.That(_authorizerEvents, Is.Empty);
    }

    [Test]
    public async Task AwsIam_SignedHandshakeConnects_UnsignedIs403()
    {
        var apiId = await CreateWebSocketApi();
        var integration = await Api.Post($"/v2/apis/{apiId}/integrations", new { integrationType = "AWS_PROXY", integrationUri = InvokeUri("record") });
        AssertStatus(await Api.Post($"/v2/apis/{apiId}/routes",
            new { routeKey = "$connect", authorizationType = "AWS_IAM", target = $"integrations/{integration.Id("integrationId")}" }), 201);
        await CreateStage(apiId);

        var unsigned = Assert.ThrowsAsync<WebSocketException>(() => Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production"));
        await using var client = await Aws.ApiGateway.ConnectWebSocketAsync(apiId, "production",
            [new("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20300601/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=0")]);

        Assert.That(unsigned!.Message, Does.Contain("'403'"));
        Assert.That(_routeEvents.Single().GetProperty("requestContext").GetProperty("identity").GetProperty("accessKey").GetString(), Is.EqualTo("AKIDEXAMPLE"));
    }

    [Test]
    public async Task Management_AuthorizationOnlyOnConnect_RequestAuthorizersOnly()
    {
        AddPolicyAuthorizer();
        var apiId = await CreateWebSocketApi();
        var jwt = await Api.Post($"/v2/apis/{apiId}/authorizers", new
        {
            name = "jwt",
            authorizerType = "JWT",
            identitySource = new[] { "route.request.header.Authorization" },
            jwtConfiguration = new { issuer = "https://issuer.example.com", audience = new[] { "a" } },
        });
        var created = await Api.Post($"/v2/apis/{apiId}/authorizers",
            new { name = "auth", authorizerType = "REQUEST", authorizerUri = InvokeUri("authorizer"), identitySource = new[] { "route.request.header.Auth" } });
        var onMessage = await Api.Post($"/v2/apis/{apiId}/routes", new { routeKey = "sendmessage", authorizationType = "CUSTOM", authorizerId = created.Id("authorizerId") });
        var iamOnDisconnect = await Api.Post($"/v2/apis/{apiId}/routes", new { routeKey = "$disconnect", authorizationType = "AWS_IAM" });

        AssertError(jwt, 400, "BadRequestException", "Authorizer type JWT is not supported for WebSocket APIs");
        AssertStatus(created, 201);
        Assert.That(created.Json.TryGetProperty("authorizerPayloadFormatVersion", out _), Is.False);
        AssertError(onMessage, 400, "BadRequestException", "Currently, authorization is restricted to the $connect route only");
        AssertError(iamOnDisconnect, 400, "BadRequestException", "Currently, authorization is restricted to the $connect route only");
    }
}
