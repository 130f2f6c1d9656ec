using System.Net;
using System.Text;
using System.Text.Json;
using FakeAws.Lambda;

namespace FakeAws.Tests.ApiGateway;

/// <summary>Calling a deployed HTTP API: routes, payload formats 1.0 and 2.0, response mapping, stages and errors.</summary>
public class HttpApiInvokeTests : HttpApiTestBase
{
    [Test]
    public async Task Format2_EventCarriesRawPathCookiesAndJoinedValues()
    {
        AddEchoFunction();
        var apiId = await HttpProxyApi("echo", "GET /items/{id}");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");
        using var request = new HttpRequestMessage(HttpMethod.Get, "items/42?tag=a&tag=b");
        request.Headers.Add("X-Trace", ["one", "two"]);
        request.Headers.Add("Cookie", "session=abc; theme=dark");
        request.Headers.UserAgent.ParseAdd("tests/2.0");

        var e = await EchoedEvent(await client.SendAsync(request));

        Assert.Multiple(() =>
        {
            Assert.That(e.GetProperty("version").GetString(), Is.EqualTo("2.0"));
            Assert.That(e.GetProperty("routeKey").GetString(), Is.EqualTo("GET /items/{id}"));
            Assert.That(e.GetProperty("rawPath").GetString(), Is.EqualTo("/items/42"));
            Assert.That(e.GetProperty("rawQueryString").GetString(), Is.EqualTo("tag=a&tag=b"));
            Assert.That(e.GetProperty("queryStringParameters").GetProperty("tag").GetString(), Is.EqualTo("a,b"));
            Assert.That(e.GetProperty("cookies").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "session=abc", "theme=dark" }));
            Assert.That(e.GetProperty("headers").GetProperty("x-trace").GetString(), Is.EqualTo("one,two"));
            Assert.That(e.GetProperty("headers").TryGetProperty("cookie", out _), Is.False);
            Assert.That(e.GetProperty("pathParameters").GetProperty("id").GetString(), Is.EqualTo("42"));
            Assert.That(e.GetProperty("isBase64Encoded").GetBoolean(), Is.False);
            Assert.That(e.TryGetProperty("body", out _), Is.False);
            Assert.That(e.TryGetProperty("stageVariables", out _), Is.False);
        });
        var context = e.GetProperty("requestContext");
        Assert.Multiple(() =>
        {
            Assert.That(context.GetProperty("apiId").GetString(), Is.EqualTo(apiId));
            Assert.That(context.GetProperty("stage").GetString(), Is.EqualTo("$default"));
            Assert.That(context.GetProperty("routeKey").GetString(), Is.EqualTo("GET /items/{id}"));
            Assert.That(context.GetProperty("http").GetProperty("method").GetString(), Is.EqualTo("GET"));
            Assert.That(context.GetProperty("http").GetProperty("path").GetString(), Is.EqualTo("/items/42"));
            Assert.That(context.GetProperty("http").GetProperty("sourceIp").GetString(), Is.EqualTo("127.0.0.1"));
            Assert.That(context.GetProperty("http").GetProperty("userAgent").GetString(), Is.EqualTo("tests/2.0"));
            Assert.That(context.GetProperty("time").GetString(), Is.EqualTo("01/Jun/2030:12:00:00 +0000"));
            Assert.That(context.GetProperty("timeEpoch").GetInt64(), Is.EqualTo(Start.ToUnixTimeMilliseconds()));
            Assert.That(context.GetProperty("domainName").GetString(), Is.EqualTo($"{apiId}.execute-api.us-east-1.amazonaws.com"));
        });
    }

    [Test]
    public async Task Format2_BinaryBody_Base64()
    {
        AddEchoFunction();
        var apiId = await HttpProxyApi("echo");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        var e = await EchoedEvent(await client.PostAsync("items/1", new ByteArrayContent([0xff, 0x00])));

        Assert.That(e.GetProperty("body").GetString(), Is.EqualTo("/wA="));
        Assert.That(e.GetProperty("isBase64Encoded").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Format1_EventIsRestShapedWithVersionAndJoinedValues()
    {
        AddEchoFunction();
        var apiId = await HttpProxyApi("echo", "GET /items/{id}", format: "1.0");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        var e = await EchoedEvent(await client.GetAsync("items/7?tag=a&tag=b"));

        Assert.Multiple(() =>
        {
            Assert.That(e.GetProperty("version").GetString(), Is.EqualTo("1.0"));
            Assert.That(e.GetProperty("resource").GetString(), Is.EqualTo("/items/{id}"));
            Assert.That(e.GetProperty("path").GetString(), Is.EqualTo("/items/7"));
            Assert.That(e.GetProperty("httpMethod").GetString(), Is.EqualTo("GET"));
            Assert.That(e.GetProperty("queryStringParameters").GetProperty("tag").GetString(), Is.EqualTo("a,b"));
            Assert.That(e.GetProperty("multiValueQueryStringParameters").GetProperty("tag").GetArrayLength(), Is.EqualTo(2));
            Assert.That(e.GetProperty("pathParameters").GetProperty("id").GetString(), Is.EqualTo("7"));
            Assert.That(e.GetProperty("requestContext").GetProperty("resourceId").GetString(), Is.EqualTo("GET /items/{id}"));
            Assert.That(e.GetProperty("requestContext").GetProperty("stage").GetString(), Is.EqualTo("$default"));
        });
    }

    [TestCase("{\"message\":\"hi\"}", "{\"message\":\"hi\"}")]
    [TestCase("\"plain text\"", "plain text")]
    [TestCase("[1,2]", "[1,2]")]
    public async Task Format2_ResultWithoutStatusCode_200JsonBody(string result, string body)
    {
        AddFunction("fn", (JsonElement _) => JsonDocument.Parse(result).RootElement.Clone());
        var apiId = await HttpProxyApi("fn");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        using var response = await client.GetAsync("items/1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(body));
    }

    [Test]
    public async Task Format2_StructuredResult_StatusHeadersAndCookies()
    {
        AddFunction("fn", (JsonElement _) => new
        {
            statusCode = 201,
            headers = new Dictionary<string, string> { ["content-type"] = "text/plain", ["x-id"] = "7" },
            cookies = new[] { "a=1; Path=/", "b=2" },
            body = "created",
        });
        var apiId = await HttpProxyApi("fn");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        using var response = await client.PostAsync("items/1", new StringContent("{}"));

        Assert.Multiple(async () =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(201));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("created"));
            Assert.That(Header(response, "x-id"), Is.EqualTo("7"));
            Assert.That(response.Headers.GetValues("Set-Cookie"), Is.EqualTo(new[] { "a=1; Path=/", "b=2" }));
            Assert.That(Header(response, "apigw-requestid"), Does.EndWith("="));
            Assert.That(Header(response, "x-amzn-ErrorType"), Is.Null);
        });
    }

    [Test]
    public async Task Routes_MostSpecificWins_DefaultCatchesTheRest()
    {
        AddFunction("fn", (JsonElement e) => new { statusCode = 200, body = e.GetProperty("routeKey").GetString() });
        var apiId = await CreateHttpApi();
        var integration = await CreateIntegration(apiId, "fn");
        foreach (var key in new[] { "GET /items/{id}", "GET /items/special", "ANY /items/{id}", "ANY /{proxy+}", "$default" })
        {
            await CreateRoute(apiId, key, integration);
        }
        await CreateAutoDeployedStage(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        Assert.Multiple(async () =>
        {
            Assert.That(await client.GetStringAsync("items/special"), Is.EqualTo("GET /items/special"));
            Assert.That(await client.GetStringAsync("items/1"), Is.EqualTo("GET /items/{id}"));
            Assert.That(await (await client.DeleteAsync("items/1")).Content.ReadAsStringAsync(), Is.EqualTo("ANY /items/{id}"));
            Assert.That(await client.GetStringAsync("a/b/c"), Is.EqualTo("ANY /{proxy+}"));
            Assert.That(await client.GetStringAsync(""), Is.EqualTo("$default"));
        });
    }

    [Test]
    public async Task NoRoute_404NotFound()
    {
        AddEchoFunction();
        var apiId = await HttpProxyApi("echo", "GET /items/{id}");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        await AssertGatewayError(await client.GetAsync("orders"), 404, """{"message":"Not Found"}""", null);
    }

    [Test]
    public async Task FunctionThrows_500InternalServerError()
    {
        AddFunction("boom", JsonElement (JsonElement _) => throw new InvalidOperationException("boom"));
        var apiId = await HttpProxyApi("boom");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        await AssertGatewayError(await client.GetAsync("items/1"), 500, """{"message":"Internal Server Error"}""", null);
    }

    [Test]
    public async Task FunctionRunsPast30Seconds_503ServiceUnavailable()
    {
        AddFunction("slow", async (JsonElement _, LambdaContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(45), context.Clock);
            return "late";
        }, o => o.Timeout = 60);
        var apiId = await HttpProxyApi("slow");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        await AssertGatewayError(await client.GetAsync("items/1"), 503, """{"message":"Service Unavailable"}""", null);
        Assert.That(Aws.Clock.GetUtcNow() - Start, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task NamedStage_NeedsADeployment_PathCarriesTheStage()
    {
        AddEchoFunction();
        var apiId = await CreateHttpApi();
        await CreateRoute(apiId, "GET /items", await CreateIntegration(apiId, "echo"));
        AssertStatus(await Api.Post($"/v2/apis/{apiId}/stages", new { stageName = "dev", stageVariables = new { color = "blue" } }), 201);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "dev");

        await AssertGatewayError(await client.GetAsync("items"), 404, """{"message":"Not Found"}""", null);
        AssertStatus(await Api.Post($"/v2/apis/{apiId}/deployments", new { stageName = "dev" }), 201);
        var e = await EchoedEvent(await client.GetAsync("items"));

        Assert.Multiple(() =>
        {
            Assert.That(e.GetProperty("rawPath").GetString(), Is.EqualTo("/dev/items"));
            Assert.That(e.GetProperty("requestContext").GetProperty("stage").GetString(), Is.EqualTo("dev"));
            Assert.That(e.GetProperty("stageVariables").GetProperty("color").GetString(), Is.EqualTo("blue"));
        });
    }

    [Test]
    public async Task AutoDeploy_LaterRoutesServedAtOnce()
    {
        AddEchoFunction();
        var apiId = await HttpProxyApi("echo", "GET /items/{id}");
        var integration = (await Api.Get($"/v2/apis/{apiId}/integrations")).Json.GetProperty("items")[0].GetProperty("integrationId").GetString()!;
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        await CreateRoute(apiId, "GET /orders", integration);

        Assert.That((int)(await client.GetAsync("orders")).StatusCode, Is.EqualTo(200));
        Assert.That((await Api.Get($"/v2/apis/{apiId}/deployments")).Json.GetProperty("items").GetArrayLength(), Is.GreaterThan(1));
    }

    [Test]
    public async Task QuickCreate_TargetMakesARouteAndAnAutoDeployedDefaultStage()
    {
        AddFunction("fn", (JsonElement e) => new { statusCode = 200, body = e.GetProperty("version").GetString() });
        var created = await Api.Post("/v2/apis", new { name = "quick", protocolType = "HTTP", target = FunctionArn("fn") });
        var apiId = created.Id("apiId");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        Assert.That(await client.GetStringAsync("anything/at/all"), Is.EqualTo("2.0"));
        var stage = (await Api.Get($"/v2/apis/{apiId}/stages/$default")).Json;
        Assert.That(stage.GetProperty("autoDeploy").GetBoolean(), Is.True);
        Assert.That(stage.GetProperty("apiGatewayManaged").GetBoolean(), Is.True);
    }

    [Test]
    public async Task DefaultRouteThrottle_429TooManyRequests()
    {
        AddEchoFunction();
        var apiId = await CreateHttpApi();
        await CreateRoute(apiId, "GET /items", await CreateIntegration(apiId, "echo"));
        await CreateAutoDeployedStage(apiId, settings: new { defaultRouteSettings = new { throttlingBurstLimit = 1, throttlingRateLimit = 0.5 } });
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        Assert.That((int)(await client.GetAsync("items")).StatusCode, Is.EqualTo(200));
        await AssertGatewayError(await client.GetAsync("items"), 429, """{"message":"Too Many Requests"}""", null);
        Aws.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.That((int)(await client.GetAsync("items")).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task AwsIam_Unsigned403Forbidden()
    {
        AddEchoFunction();
        var apiId = await CreateHttpApi();
        await CreateRoute(apiId, "GET /items", await CreateIntegration(apiId, "echo"), new { authorizationType = "AWS_IAM" });
        await CreateAutoDeployedStage(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        await AssertGatewayError(await client.GetAsync("items"), 403, """{"message":"Forbidden"}""", null);
    }

    [Test]
    public async Task RequestBody_Utf8Text_AsAString()
    {
        AddEchoFunction();
        var apiId = await HttpProxyApi("echo");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        var e = await EchoedEvent(await client.PutAsync("items/1", new StringContent("héllo", Encoding.UTF8, "text/plain")));

        Assert.That(e.GetProperty("body").GetString(), Is.EqualTo("héllo"));
        Assert.That(e.GetProperty("headers").GetProperty("content-type").GetString(), Is.EqualTo("text/plain; charset=utf-8"));
    }
}
