using System.Net;
using System.Text;
using System.Text.Json;
using FakeAws.Lambda;

namespace FakeAws.Tests.ApiGateway;

/// <summary>Calling a deployed REST API through aws.ApiGateway.CreateHttpClient: the proxy event, the response mapping, the gateway's errors.</summary>
public class RestApiInvokeTests : ApiGatewayTestBase
{
    [Test]
    public async Task LambdaProxy_GetWithPathAndQuery_EventCarriesEveryMember()
    {
        AddEchoFunction();
        var (apiId, resourceId) = await LambdaProxyApi("echo", variables: new { table = "orders" });
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");
        using var request = new HttpRequestMessage(HttpMethod.Get, "items/42?color=red&color=blue&size=L");
        request.Headers.Add("X-Trace", ["one", "two"]);
        request.Headers.UserAgent.ParseAdd("tests/1.0");

        var e = await EchoedEvent(await client.SendAsync(request));

        Assert.Multiple(() =>
        {
            Assert.That(e.GetProperty("resource").GetString(), Is.EqualTo("/items/{id}"));
            Assert.That(e.GetProperty("path").GetString(), Is.EqualTo("/items/42"));
            Assert.That(e.GetProperty("httpMethod").GetString(), Is.EqualTo("GET"));
            Assert.That(e.GetProperty("pathParameters").GetProperty("id").GetString(), Is.EqualTo("42"));
            Assert.That(e.GetProperty("queryStringParameters").GetProperty("color").GetString(), Is.EqualTo("blue"), "the last value");
            Assert.That(e.GetProperty("multiValueQueryStringParameters").GetProperty("color").EnumerateArray().Select(v => v.GetString()), Is.EqualTo(new[] { "red", "blue" }));
            Assert.That(e.GetProperty("headers").GetProperty("X-Trace").GetString(), Is.EqualTo("two"));
            Assert.That(e.GetProperty("multiValueHeaders").GetProperty("X-Trace").GetArrayLength(), Is.EqualTo(2));
            Assert.That(e.GetProperty("headers").GetProperty("Host").GetString(), Is.EqualTo($"{apiId}.execute-api.us-east-1.amazonaws.com"));
            Assert.That(e.GetProperty("headers").GetProperty("X-Forwarded-Proto").GetString(), Is.EqualTo("https"));
            Assert.That(e.GetProperty("stageVariables").GetProperty("table").GetString(), Is.EqualTo("orders"));
            Assert.That(e.GetProperty("body").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(e.GetProperty("isBase64Encoded").GetBoolean(), Is.False);
        });
        var context = e.GetProperty("requestContext");
        Assert.Multiple(() =>
        {
            Assert.That(context.GetProperty("resourceId").GetString(), Is.EqualTo(resourceId));
            Assert.That(context.GetProperty("resourcePath").GetString(), Is.EqualTo("/items/{id}"));
            Assert.That(context.GetProperty("path").GetString(), Is.EqualTo("/prod/items/42"));
            Assert.That(context.GetProperty("stage").GetString(), Is.EqualTo("prod"));
            Assert.That(context.GetProperty("accountId").GetString(), Is.EqualTo("123456789012"));
            Assert.That(context.GetProperty("apiId").GetString(), Is.EqualTo(apiId));
            Assert.That(context.GetProperty("domainPrefix").GetString(), Is.EqualTo(apiId));
            Assert.That(context.GetProperty("requestTime").GetString(), Is.EqualTo("01/Jun/2030:12:00:00 +0000"));
            Assert.That(context.GetProperty("requestTimeEpoch").GetInt64(), Is.EqualTo(Start.ToUnixTimeMilliseconds()));
            Assert.That(context.GetProperty("protocol").GetString(), Is.EqualTo("HTTP/1.1"));
            Assert.That(context.GetProperty("identity").GetProperty("sourceIp").GetString(), Is.EqualTo("127.0.0.1"));
            Assert.That(context.GetProperty("identity").GetProperty("userAgent").GetString(), Is.EqualTo("tests/1.0"));
            Assert.That(context.GetProperty("identity").GetProperty("accessKey").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(context.TryGetProperty("authorizer", out _), Is.False);
        });
    }

    [Test]
    public async Task LambdaProxy_BinaryBody_Base64InTheEvent()
    {
        AddEchoFunction();
        var (apiId, _) = await LambdaProxyApi("echo");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        var text = await EchoedEvent(await client.PostAsync("items/1", new StringContent("{\"a\":1}", Encoding.UTF8, "application/json")));
        var binary = await EchoedEvent(await client.PostAsync("items/1", new ByteArrayContent([0xff, 0xfe, 0x00])));

        Assert.Multiple(() =>
        {
            Assert.That(text.GetProperty("body").GetString(), Is.EqualTo("{\"a\":1}"));
            Assert.That(text.GetProperty("isBase64Encoded").GetBoolean(), Is.False);
            Assert.That(binary.GetProperty("body").GetString(), Is.EqualTo("//4A"));
            Assert.That(binary.GetProperty("isBase64Encoded").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task LambdaProxy_ResponseWithHeadersAndBase64Body_MappedToTheCaller()
    {
        AddFunction("teapot", (JsonElement _) => new Dictionary<string, object>
        {
            ["statusCode"] = "418",
            ["headers"] = new Dictionary<string, object> { ["Content-Type"] = "image/png", ["X-Cached"] = true },
            ["multiValueHeaders"] = new Dictionary<string, object> { ["Set-Cookie"] = new[] { "a=1", "b=2" } },
            ["body"] = Convert.ToBase64String([1, 2, 3]),
            ["isBase64Encoded"] = true,
        });
        var (apiId, _) = await LambdaProxyApi("teapot");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        using var response = await client.GetAsync("items/1");

        Assert.Multiple(async () =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(418));
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
            Assert.That(Header(response, "X-Cached"), Is.EqualTo("true"));
            Assert.That(response.Headers.GetValues("Set-Cookie"), Is.EqualTo(new[] { "a=1", "b=2" }));
            Assert.That(Header(response, "x-amzn-RequestId"), Is.Not.Null);
            Assert.That(Header(response, "x-amz-apigw-id"), Does.EndWith("="));
        });
    }

    [Test]
    public async Task LambdaProxy_NoStatusCode_200WithJsonContentType()
    {
        AddFunction("plain", (JsonElement _) => new { body = "hi" });
        var (apiId, _) = await LambdaProxyApi("plain");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        using var response = await client.GetAsync("items/1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("hi"));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
    }

    [TestCase("{\"statusCode\":200,\"body\":{\"not\":\"a string\"}}")]
    [TestCase("{\"statusCode\":200,\"extra\":1}")]
    [TestCase("\"just a string\"")]
    [TestCase("{\"statusCode\":\"two hundred\"}")]
    public async Task LambdaProxy_MalformedProxyResponse_502InternalServerError(string result)
    {
        AddFunction("bad", (JsonElement _) => JsonDocument.Parse(result).RootElement.Clone());
        var (apiId, _) = await LambdaProxyApi("bad");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        await AssertGatewayError(await client.GetAsync("items/1"), 502, """{"message": "Internal server error"}""", "InternalServerErrorException");
    }

    [Test]
    public async Task LambdaProxy_FunctionThrows_502InternalServerError()
    {
        AddFunction("boom", JsonElement (JsonElement _) => throw new InvalidOperationException("boom"));
        var (apiId, _) = await LambdaProxyApi("boom");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        await AssertGatewayError(await client.GetAsync("items/1"), 502, """{"message": "Internal server error"}""", "InternalServerErrorException");
    }

    [Test]
    public async Task LambdaProxy_FunctionMissing_500InternalServerError()
    {
        var (apiId, _) = await LambdaProxyApi("never-created");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        await AssertGatewayError(await client.GetAsync("items/1"), 500, """{"message": "Internal server error"}""", "InternalServerErrorException");
    }

    [Test]
    public async Task LambdaProxy_FunctionRunsPast29Seconds_504AtTheIntegrationTimeoutOnTheVirtualClock()
    {
        var finished = false;
        AddFunction("slow", async (JsonElement _, LambdaContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(40), context.Clock);
            finished = true;
            return new { statusCode = 200 };
        }, o => o.Timeout = 60);
        var (apiId, _) = await LambdaProxyApi("slow");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        await AssertGatewayError(await client.GetAsync("items/1"), 504, """{"message": "Endpoint request timed out"}""", "InternalServerErrorException");

        Assert.That(Aws.Clock.GetUtcNow() - Start, Is.EqualTo(TimeSpan.FromSeconds(29)));
        Assert.That(finished, Is.False, "the function runs on after the gateway gives up");
        Aws.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.That(finished, Is.True);
    }

    [Test]
    public async Task LambdaProxy_ShorterIntegrationTimeout_504WhenItPasses()
    {
        AddFunction("slow", async (JsonElement _, LambdaContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3), context.Clock);
            return new { statusCode = 200 };
        });
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);
        await PutMethod(apiId, root, "GET");
        await PutLambdaIntegration(apiId, root, "GET", "slow", timeoutInMillis: 2000);
        await Deploy(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        using var response = await client.GetAsync("");

        Assert.That((int)response.StatusCode, Is.EqualTo(504));
        Assert.That(Aws.Clock.GetUtcNow() - Start, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [TestCase("nothing/here")]
    [TestCase("items")]
    public async Task UnknownResource_403MissingAuthenticationToken(string path)
    {
        AddEchoFunction();
        var (apiId, _) = await LambdaProxyApi("echo", method: "GET");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        await AssertGatewayError(await client.GetAsync(path), 403, """{"message":"Missing Authentication Token"}""", "MissingAuthenticationTokenException");
    }

    [Test]
    public async Task UnknownMethod_403MissingAuthenticationToken()
    {
        AddEchoFunction();
        var (apiId, _) = await LambdaProxyApi("echo", method: "GET");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        await AssertGatewayError(await client.DeleteAsync("items/1"), 403, """{"message":"Missing Authentication Token"}""", "MissingAuthenticationTokenException");
    }

    [Test]
    public async Task UnknownStage_403Forbidden()
    {
        AddEchoFunction();
        var (apiId, _) = await LambdaProxyApi("echo");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "staging");

        await AssertGatewayError(await client.GetAsync("items/1"), 403, """{"message":"Forbidden"}""", "ForbiddenException");
    }

    [Test]
    public async Task GreedyProxy_TakesTheRestOfThePath_LiteralSiblingWinsFirst()
    {
        AddEchoFunction();
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);
        var proxy = await CreateResource(apiId, root, "{proxy+}");
        var health = await CreateResource(apiId, root, "health");
        foreach (var resource in new[] { proxy, health })
        {
            await PutMethod(apiId, resource, "ANY");
            await PutLambdaIntegration(apiId, resource, "ANY", "echo");
        }
        await Deploy(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        var deep = await EchoedEvent(await client.GetAsync("a/b%20c/d"));
        var literal = await EchoedEvent(await client.GetAsync("health"));

        Assert.Multiple(() =>
        {
            Assert.That(deep.GetProperty("resource").GetString(), Is.EqualTo("/{proxy+}"));
            Assert.That(deep.GetProperty("pathParameters").GetProperty("proxy").GetString(), Is.EqualTo("a/b c/d"));
            Assert.That(literal.GetProperty("resource").GetString(), Is.EqualTo("/health"));
        });
    }

    [Test]
    public async Task StageVariables_InTheIntegrationUri_PickTheFunction()
    {
        AddFunction("blue", (JsonElement _) => new { statusCode = 200, body = "blue" });
        AddFunction("green", (JsonElement _) => new { statusCode = 200, body = "green" });
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);
        await PutMethod(apiId, root, "GET");
        await PutLambdaIntegration(apiId, root, "GET", InvokeUri("${stageVariables.color}"));
        await Deploy(apiId, "prod", new { color = "blue" });
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");
        Assert.That(await client.GetStringAsync(""), Is.EqualTo("blue"));

        AssertStatus(await Api.PatchOperations($"/restapis/{apiId}/stages/prod", new { op = "replace", path = "/variables/color", value = "green" }), 200);

        Assert.That(await client.GetStringAsync(""), Is.EqualTo("green"), "stage variables apply without a deployment");
    }

    [Test]
    public async Task Deployment_LaterChanges_ReachCallersOnlyWhenDeployed()
    {
        AddEchoFunction();
        var (apiId, _) = await LambdaProxyApi("echo", method: "GET");
        var root = await RootId(apiId);
        await CreateResource(apiId, root, "later");
        var later = (await Api.Get($"/restapis/{apiId}/resources")).Json.GetProperty("item").EnumerateArray().First(r => r.GetProperty("path").GetString() == "/later").GetProperty("id").GetString()!;
        await PutMethod(apiId, later, "GET");
        await PutLambdaIntegration(apiId, later, "GET", "echo");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        Assert.That((int)(await client.GetAsync("later")).StatusCode, Is.EqualTo(403));
        await Deploy(apiId);
        Assert.That((int)(await client.GetAsync("later")).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task MockIntegration_AnswersWithTheIntegrationResponse()
    {
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);
        await PutMethod(apiId, root, "OPTIONS");
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{root}/methods/OPTIONS/integration",
            new { type = "MOCK", requestTemplates = new Dictionary<string, string> { ["application/json"] = "{\"statusCode\": 200}" } }), 201);
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{root}/methods/OPTIONS/responses/200",
            new { responseParameters = new Dictionary<string, bool> { ["method.response.header.Access-Control-Allow-Origin"] = true } }), 201);
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{root}/methods/OPTIONS/integration/responses/200", new
        {
            responseParameters = new Dictionary<string, string> { ["method.response.header.Access-Control-Allow-Origin"] = "'*'" },
            responseTemplates = new Dictionary<string, string> { ["application/json"] = "{\"ok\": true}" },
        }), 201);
        await Deploy(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, ""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo("*"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{\"ok\": true}"));
    }

    [Test]
    public async Task PathForm_ThroughTheCloudsRouter_ReachesTheSameChain()
    {
        AddEchoFunction();
        var (apiId, _) = await LambdaProxyApi("echo");
        using var raw = new HttpClient(Aws.CreateHttpMessageHandler()) { BaseAddress = new Uri(Aws.ServiceUrl) };

        var e = await EchoedEvent(await raw.GetAsync($"/restapis/{apiId}/prod/_user_request_/items/7?x=1"));
        using var missing = await raw.GetAsync($"/restapis/{apiId}/prod/_user_request_/nope");

        Assert.That(e.GetProperty("pathParameters").GetProperty("id").GetString(), Is.EqualTo("7"));
        Assert.That(e.GetProperty("queryStringParameters").GetProperty("x").GetString(), Is.EqualTo("1"));
        await AssertGatewayError(missing, 403, """{"message":"Missing Authentication Token"}""", "MissingAuthenticationTokenException");
    }

    [Test]
    public void CreateHttpClient_UnknownApi_ArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => Aws.ApiGateway.CreateHttpClient("abcdefghij", "prod"));
        Assert.That(error!.Message, Does.StartWith("This cloud has no REST or HTTP API with id 'abcdefghij'."));
    }
}
