using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>Gateway responses: the management operations and their effect on the errors a deployed REST API raises.</summary>
public class GatewayResponseTests : ApiGatewayTestBase
{
    [Test]
    public async Task GetGatewayResponses_EveryTypeWithItsDefaultStatus()
    {
        var apiId = await CreateRestApi();

        var items = (await Api.Get($"/restapis/{apiId}/gatewayresponses?limit=500")).Json.GetProperty("item").EnumerateArray().ToList();

        var byType = items.ToDictionary(i => i.GetProperty("responseType").GetString()!, i => i);
        Assert.Multiple(() =>
        {
            Assert.That(byType, Has.Count.EqualTo(21));
            Assert.That(byType["MISSING_AUTHENTICATION_TOKEN"].GetProperty("statusCode").GetString(), Is.EqualTo("403"));
            Assert.That(byType["INTEGRATION_TIMEOUT"].GetProperty("statusCode").GetString(), Is.EqualTo("504"));
            Assert.That(byType["UNSUPPORTED_MEDIA_TYPE"].GetProperty("statusCode").GetString(), Is.EqualTo("415"));
            Assert.That(byType["DEFAULT_4XX"].TryGetProperty("statusCode", out _), Is.False);
            Assert.That(byType["THROTTLED"].GetProperty("defaultResponse").GetBoolean(), Is.True);
            Assert.That(byType["ACCESS_DENIED"].GetProperty("responseTemplates").GetProperty("application/json").GetString(), Is.EqualTo("{\"message\":$context.error.messageString}"));
        });
    }

    [Test]
    public async Task PutGetUpdateDelete_RoundTrip()
    {
        var apiId = await CreateRestApi();

        var put = await Api.Put($"/restapis/{apiId}/gatewayresponses/UNAUTHORIZED", new
        {
            statusCode = "401",
            responseParameters = new Dictionary<string, string> { ["gatewayresponse.header.WWW-Authenticate"] = "'Bearer'" },
        });
        var updated = await Api.PatchOperations($"/restapis/{apiId}/gatewayresponses/UNAUTHORIZED",
            new { op = "add", path = "/responseTemplates/application~1json", value = "{\"error\": $context.error.messageString}" },
            new { op = "replace", path = "/statusCode", value = "403" });
        var got = await Api.Get($"/restapis/{apiId}/gatewayresponses/UNAUTHORIZED");
        AssertStatus(await Api.Delete($"/restapis/{apiId}/gatewayresponses/UNAUTHORIZED"), 202);
        var reset = await Api.Get($"/restapis/{apiId}/gatewayresponses/UNAUTHORIZED");
        var badType = await Api.Put($"/restapis/{apiId}/gatewayresponses/NOPE", new { });

        Assert.Multiple(() =>
        {
            AssertStatus(put, 201);
            Assert.That(put.Json.GetProperty("defaultResponse").GetBoolean(), Is.False);
            Assert.That(updated.Json.GetProperty("statusCode").GetString(), Is.EqualTo("403"));
            Assert.That(got.Json.GetProperty("responseTemplates").GetProperty("application/json").GetString(), Is.EqualTo("{\"error\": $context.error.messageString}"));
            Assert.That(got.Json.GetProperty("responseParameters").GetProperty("gatewayresponse.header.WWW-Authenticate").GetString(), Is.EqualTo("'Bearer'"));
            Assert.That(reset.Json.GetProperty("defaultResponse").GetBoolean(), Is.True);
            Assert.That(reset.Json.GetProperty("statusCode").GetString(), Is.EqualTo("401"));
            Assert.That((int)badType.Status, Is.EqualTo(400), badType.ToString());
        });
    }

    [Test]
    public async Task UnknownRoute_CustomisedMissingAuthenticationToken()
    {
        AddEchoFunction();
        var (apiId, _) = await LambdaProxyApi("echo");
        AssertStatus(await Api.Put($"/restapis/{apiId}/gatewayresponses/MISSING_AUTHENTICATION_TOKEN", new
        {
            statusCode = "404",
            responseParameters = new Dictionary<string, string> { ["gatewayresponse.header.X-Request"] = "context.requestId", ["gatewayresponse.header.X-Path"] = "'literal'" },
            responseTemplates = new Dictionary<string, string> { ["application/json"] = "{\"error\": \"not found\", \"type\": \"$context.error.responseType\", \"was\": $context.error.messageString, \"path\": \"$context.path\"}" },
        }), 201);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        var before = await client.GetAsync("nowhere");
        await Deploy(apiId);
        var after = await client.GetAsync("nowhere");

        var body = JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That((int)before.StatusCode, Is.EqualTo(403), "a gateway response takes effect with the next deployment");
            Assert.That((int)after.StatusCode, Is.EqualTo(404));
            Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("not found"));
            Assert.That(body.GetProperty("type").GetString(), Is.EqualTo("MISSING_AUTHENTICATION_TOKEN"));
            Assert.That(body.GetProperty("was").GetString(), Is.EqualTo("Missing Authentication Token"));
            Assert.That(body.GetProperty("path").GetString(), Is.EqualTo("/prod/nowhere"));
            Assert.That(Header(after, "X-Request"), Is.EqualTo(Header(after, "x-amzn-RequestId")));
            Assert.That(Header(after, "X-Path"), Is.EqualTo("literal"));
            Assert.That(Header(after, "x-amzn-ErrorType"), Is.EqualTo("MissingAuthenticationTokenException"));
        });
    }

    [Test]
    public async Task Default4xx_CoversEveryClientErrorWithoutItsOwn()
    {
        var apiId = await CreateRestApi();
        var root = await RootId(apiId);
        await PutMethod(apiId, root, "POST");
        AssertStatus(await Api.Put($"/restapis/{apiId}/resources/{root}/methods/POST/integration", new
        {
            type = "MOCK",
            passthroughBehavior = "NEVER",
        }), 201);
        AssertStatus(await Api.Put($"/restapis/{apiId}/gatewayresponses/DEFAULT_4XX", new
        {
            responseParameters = new Dictionary<string, string> { ["gatewayresponse.header.Access-Control-Allow-Origin"] = "'*'" },
            responseTemplates = new Dictionary<string, string> { ["application/json"] = "{\"problem\": $context.error.messageString}" },
        }), 201);
        await Deploy(apiId);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "prod");

        using var unsupported = await client.PostAsync("", new StringContent("x"));
        using var missing = await client.GetAsync("nope");

        Assert.Multiple(async () =>
        {
            Assert.That((int)unsupported.StatusCode, Is.EqualTo(415));
            Assert.That(await unsupported.Content.ReadAsStringAsync(), Is.EqualTo("{\"problem\": \"Unsupported Media Type\"}"));
            Assert.That(Header(unsupported, "Access-Control-Allow-Origin"), Is.EqualTo("*"));
            Assert.That((int)missing.StatusCode, Is.EqualTo(403));
            Assert.That(await missing.Content.ReadAsStringAsync(), Is.EqualTo("{\"problem\": \"Missing Authentication Token\"}"));
        });
    }
}
