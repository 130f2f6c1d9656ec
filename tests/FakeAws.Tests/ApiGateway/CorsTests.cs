namespace FakeAws.Tests.ApiGateway;

/// <summary>An HTTP API's CORS configuration: preflights answered by API Gateway, headers on responses to allowed origins.</summary>
public class CorsTests : HttpApiTestBase
{
    private async Task<string> CorsApi()
    {
        AddFunction("fn", (System.Text.Json.JsonElement _) => new
        {
            statusCode = 200,
            headers = new Dictionary<string, string> { ["access-control-allow-origin"] = "https://ignored.example" },
            body = "ok",
        });
        var apiId = await CreateHttpApi(new
        {
            name = "cors",
            protocolType = "HTTP",
            corsConfiguration = new
            {
                allowOrigins = new[] { "https://app.example.com" },
                allowMethods = new[] { "GET", "POST" },
                allowHeaders = new[] { "content-type", "authorization" },
                exposeHeaders = new[] { "x-request-id" },
                maxAge = 600,
                allowCredentials = true,
            },
        });
        await CreateRoute(apiId, "GET /items", await CreateIntegration(apiId, "fn"));
        await CreateAutoDeployedStage(apiId);
        return apiId;
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "items");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        return request;
    }

    [Test]
    public async Task Preflight_AllowedOrigin_204WithTheConfiguration()
    {
        var apiId = await CorsApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        using var response = await client.SendAsync(Preflight("https://app.example.com"));

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(204));
            Assert.That(Header(response, "access-control-allow-origin"), Is.EqualTo("https://app.example.com"));
            Assert.That(Header(response, "access-control-allow-methods"), Is.EqualTo("GET,POST"));
            Assert.That(Header(response, "access-control-allow-headers"), Is.EqualTo("content-type,authorization"));
            Assert.That(Header(response, "access-control-max-age"), Is.EqualTo("600"));
            Assert.That(Header(response, "access-control-allow-credentials"), Is.EqualTo("true"));
        });
    }

    [Test]
    public async Task Preflight_OtherOrigin_204WithoutCorsHeaders()
    {
        var apiId = await CorsApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        using var response = await client.SendAsync(Preflight("https://evil.example.com"));

        Assert.That((int)response.StatusCode, Is.EqualTo(204));
        Assert.That(Header(response, "access-control-allow-origin"), Is.Null);
    }

    [Test]
    public async Task ActualRequest_ConfigurationReplacesTheIntegrationsHeaders()
    {
        var apiId = await CorsApi();
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");
        using var request = new HttpRequestMessage(HttpMethod.Get, "items");
        request.Headers.Add("Origin", "https://app.example.com");

        using var response = await client.SendAsync(request);

        Assert.That(Header(response, "access-control-allow-origin"), Is.EqualTo("https://app.example.com"));
        Assert.That(Header(response, "access-control-expose-headers"), Is.EqualTo("x-request-id"));
    }

    [Test]
    public async Task DeleteCorsConfiguration_PreflightReachesTheRoutes()
    {
        var apiId = await CorsApi();
        AssertStatus(await Api.Delete($"/v2/apis/{apiId}/cors"), 204);
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        using var response = await client.SendAsync(Preflight("https://app.example.com"));

        Assert.That((int)response.StatusCode, Is.EqualTo(404), "no OPTIONS route, no CORS");
    }
}
