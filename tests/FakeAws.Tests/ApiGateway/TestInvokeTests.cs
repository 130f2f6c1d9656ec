using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>TestInvokeMethod and TestInvokeAuthorizer: the API as it is now, without a deployment.</summary>
public class TestInvokeTests : ApiGatewayTestBase
{
    private TestTokens _tokens = null!;

    [OneTimeSetUp]
    public void CreateTokens() => _tokens = new TestTokens();

    [OneTimeTearDown]
    public void DisposeTokens() => _tokens.Dispose();

    private static readonly object AllowAll = new
    {
        principalId = "user-1",
        policyDocument = new { Version = "2012-10-17", Statement = new[] { new { Action = "execute-api:Invoke", Effect = "Allow", Resource = "*" } } },
    };

    [Test]
    public async Task Method_LambdaProxy_RunsUndeployed_WithPathQueryHeadersBodyAndStageVariables()
    {
        AddEchoFunction();
        var apiId = await CreateRestApi();
        var items = await CreateResource(apiId, await RootId(apiId), "items");
        var id = await CreateResource(apiId, items, "{id}");
        await PutMethod(apiId, id, "POST");
        await PutLambdaIntegration(apiId, id, "POST", "echo");

        var reply = await Api.Post($"/restapis/{apiId}/resources/{id}/methods/POST", new
        {
            pathWithQueryString = "/items/42?color=red&color=blue",
            body = """{"n":1}""",
            headers = new Dictionary<string, string> { ["X-Test"] = "yes" },
            stageVariables = new Dictionary<string, string> { ["env"] = "test" },
        });

        AssertStatus(reply, 200);
        var json = reply.Json;
        var echoed = JsonDocument.Parse(json.GetProperty("body").GetString()!).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("status").GetInt32(), Is.EqualTo(200));
            Assert.That(echoed.GetProperty("resource").GetString(), Is.EqualTo("/items/{id}"));
            Assert.That(echoed.GetProperty("pathParameters").GetProperty("id").GetString(), Is.EqualTo("42"));
            Assert.That(echoed.GetProperty("queryStringParameters").GetProperty("color").GetString(), Is.EqualTo("blue"));
            Assert.That(echoed.GetProperty("headers").GetProperty("X-Test").GetString(), Is.EqualTo("yes"));
            Assert.That(echoed.GetProperty("body").GetString(), Is.EqualTo("""{"n":1}"""));
            Assert.That(echoed.GetProperty("stageVariables").GetProperty("env").GetString(), Is.EqualTo("test"));
            Assert.That(echoed.GetProperty("requestContext").GetProperty("stage").GetString(), Is.EqualTo("test-invoke-stage"));
            Assert.That(echoed.GetProperty("requestContext").GetProperty("identity").GetProperty("sourceIp").GetString(), Is.EqualTo("test-invoke-source-ip"));
            Assert.That(json.GetProperty("headers").EnumerateObject().First().Name, Is.EqualTo("X-Amzn-Trace-Id"));
            Assert.That(json.GetProperty("multiValueHeaders").GetProperty("X-Amzn-Trace-Id").GetArrayLength(), Is.EqualTo(1));
            Assert.That(json.GetProperty("latency").GetInt64(), Is.EqualTo(0), "no virtual time passes");
            var log = json.GetProperty("log").GetString()!;
            Assert.That(log, Does.StartWith("Execution log for request "));
            Assert.That(log, Does.Contain(" : HTTP Method: POST, Resource Path: /items/42\n"));
            Assert.That(log, Does.Contain(" : Method request path: {id=42}\n"));
            Assert.That(log, Does.Contain(" : Method request query string: {color=blue}\n"));
            Assert.That(log, Does.Contain("Sat Jun 01 12:00:00 UTC 2030 : Method completed with status: 200\n"));
        });
    }

    [Test]
    public async Task Method_Mock_ValidationAndGatewayResponses_AndItsErrors()
    {
        var (apiId, rootId) = await MockRootApi();
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{rootId}/methods/GET/responses/200", new { }), 201);
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{rootId}/methods/GET/integration/responses/200", new
        {
            responseTemplates = new Dictionary<string, string> { ["application/json"] = """{"stage": "$context.stage", "v": "$stageVariables.v"}""" },
        }), 201);
        var validator = (await Api.Post($"/restapis/{apiId}/requestvalidators", new { name = "params", validateRequestParameters = true })).Id();
        var bare = await CreateResource(apiId, rootId, "bare");
        await PutMethod(apiId, bare, "GET");

        var mock = await Api.Post($"/restapis/{apiId}/resources/{rootId}/methods/GET", new { stageVariables = new Dictionary<string, string> { ["v"] = "1" } });
        AssertStatus(await Api.PatchOperations($"/restapis/{apiId}/resources/{rootId}/methods/GET",
            new { op = "add", path = "/requestParameters/method.request.querystring.q", value = "true" },
            new { op = "replace", path = "/requestValidatorId", value = validator }), 200);
        var invalid = await Api.Post($"/restapis/{apiId}/resources/{rootId}/methods/GET", new { });

        Assert.Multiple(async () =>
        {
            AssertStatus(mock, 200);
            Assert.That(mock.Json.GetProperty("body").GetString(), Is.EqualTo("""{"stage": "test-invoke-stage", "v": "1"}"""));
            Assert.That(mock.Json.GetProperty("headers").TryGetProperty("X-Amzn-Trace-Id", out _), Is.False, "MOCK answers carry no trace id");
            Assert.That(mock.Json.GetProperty("headers").GetProperty("Content-Type").GetString(), Is.EqualTo("application/json"));
            Assert.That(invalid.Json.GetProperty("status").GetInt32(), Is.EqualTo(400));
            Assert.That(invalid.Json.GetProperty("body").GetString(), Is.EqualTo("""{"message": "Missing required request parameters: [q]"}"""));
            AssertError(await Api.Post($"/restapis/{apiId}/resources/{bare}/methods/GET", new { }), 400, "BadRequestException", "No integration defined for method");
            AssertError(await Api.Post($"/restapis/{apiId}/resources/{rootId}/methods/PUT", new { }), 404, "NotFoundException", "Invalid Method identifier specified");
            AssertError(await Api.Post($"/restapis/{apiId}/resources/nope/methods/GET", new { }), 404, "NotFoundException", "Invalid Resource identifier specified");
        });
    }

    [Test]
    public async Task Authorizer_Token_AllowDenyUnauthorizedAndMissingToken()
    {
        JsonElement received = default;
        AddFunction("authz", (JsonElement e) =>
        {
            received = e.Clone();
            return e.GetProperty("authorizationToken").GetString() switch
            {
                "deny" => new { principalId = "user-1", policyDocument = new { Version = "2012-10-17", Statement = new[] { new { Action = "execute-api:Invoke", Effect = "Deny", Resource = "*" } } } },
                "bad" => throw new InvalidOperationException("Unauthorized"),
                _ => AllowAll,
            };
        });
        var apiId = await CreateRestApi();
        var authorizerId = (await Api.Post($"/restapis/{apiId}/authorizers", new
        {
            name = "token",
            type = "TOKEN",
            authorizerUri = InvokeUri("authz"),
            identitySource = "method.request.header.Authorization",
        })).Id();
        Task<ApiReply> Test(string? token) => Api.Post($"/restapis/{apiId}/authorizers/{authorizerId}",
            new { headers = token is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Authorization"] = token } });

        var allowed = await Test("allow");
        var denied = await Test("deny");
        var unauthorized = await Test("bad");
        var missing = await Test(null);

        Assert.Multiple(async () =>
        {
            AssertStatus(allowed, 200);
            Assert.That(allowed.Json.GetProperty("clientStatus").GetInt32(), Is.EqualTo(200));
            Assert.That(allowed.Json.GetProperty("principalId").GetString(), Is.EqualTo("user-1"));
            Assert.That(JsonDocument.Parse(allowed.Json.GetProperty("policy").GetString()!).RootElement.GetProperty("Statement")[0].GetProperty("Effect").GetString(),
                Is.EqualTo("Allow"));
            Assert.That(received.GetProperty("methodArn").GetString(), Is.EqualTo($"arn:aws:execute-api:us-east-1:123456789012:{apiId}/ESTestInvoke-stage/GET/"));
            Assert.That(denied.Json.GetProperty("clientStatus").GetInt32(), Is.EqualTo(403));
            Assert.That(unauthorized.Json.GetProperty("clientStatus").GetInt32(), Is.EqualTo(401));
            Assert.That(missing.Json.GetProperty("clientStatus").GetInt32(), Is.EqualTo(401));
            Assert.That(allowed.Json.GetProperty("log").GetString(), Does.Contain($"Starting authorizer: {authorizerId} for request: "));
            AssertError(await Api.Post($"/restapis/{apiId}/authorizers/nope", new { }), 404, "NotFoundException", "Invalid Authorizer identifier specified");
        });
    }

    [Test]
    public async Task Authorizer_Cognito_AnswersTheClaims()
    {
        Aws.ApiGateway.TrustIssuer(TestTokens.PoolIssuer, _tokens.Key, TestTokens.KeyId);
        var apiId = await CreateRestApi();
        var authorizerId = (await Api.Post($"/restapis/{apiId}/authorizers", new
        {
            name = "pool",
            type = "COGNITO_USER_POOLS",
            providerARNs = new[] { TestTokens.PoolArn },
            identitySource = "method.request.header.Authorization",
        })).Id();

        var valid = await Api.Post($"/restapis/{apiId}/authorizers/{authorizerId}",
            new { headers = new Dictionary<string, string> { ["Authorization"] = _tokens.IdToken(Start) } });
        var invalid = await Api.Post($"/restapis/{apiId}/authorizers/{authorizerId}",
            new { headers = new Dictionary<string, string> { ["Authorization"] = "not-a-token" } });

        Assert.Multiple(() =>
        {
            Assert.That(valid.Json.GetProperty("clientStatus").GetInt32(), Is.EqualTo(200), valid.Text);
            Assert.That(valid.Json.GetProperty("claims").GetProperty("cognito:username").GetString(), Is.EqualTo("alice"));
            Assert.That(invalid.Json.GetProperty("clientStatus").GetInt32(), Is.EqualTo(401));
        });
    }
}
