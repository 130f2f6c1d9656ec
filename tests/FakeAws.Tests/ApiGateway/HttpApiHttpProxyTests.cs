using System.Net;
using System.Text;

namespace FakeAws.Tests.ApiGateway;

/// <summary>
/// HTTP APIs' HTTP_PROXY integrations: the request passes to the URL (with the route's path variables
/// and stage variables filled in) and the answer comes back as it is; the backend is an in-memory
/// handler given as <c>aws.ApiGateway.HttpIntegrationHandler</c>.
/// </summary>
public class HttpApiHttpProxyTests : HttpApiTestBase
{
    private readonly List<(string Method, string Url, string Body, string? Header)> _seen = [];

    [SetUp]
    public void FakeBackend()
    {
        _seen.Clear();
        Aws.ApiGateway.HttpIntegrationHandler = new Backend(Answer);
    }

    private async Task<HttpResponseMessage> Answer(HttpRequestMessage request)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync();
        _seen.Add((request.Method.Method, request.RequestUri!.ToString(), body, request.Headers.TryGetValues("x-trace", out var values) ? values.Single() : null));
        if (request.RequestUri!.AbsolutePath.EndsWith("/slow", StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromMinutes(1), Aws.Clock);
        }
        var answer = new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("{\"made\":true}", Encoding.UTF8, "application/json") };
        answer.Headers.Add("x-backend", "pets");
        return answer;
    }

    private async Task<string> ProxyApi(string routeKey, string uri, string method = "ANY", object? stage = null)
    {
        var apiId = await CreateHttpApi();
        var integration = await Api.Post($"/v2/apis/{apiId}/integrations", new { integrationType = "HTTP_PROXY", integrationUri = uri, integrationMethod = method });
        AssertStatus(integration, 201);
        await CreateRoute(apiId, routeKey, integration.Id("integrationId"));
        await CreateAutoDeployedStage(apiId, settings: stage);
        return apiId;
    }

    [Test]
    public async Task GreedyPathVariable_ForwardsTheRequest_AndTheAnswerComesBackAsItIs()
    {
        var apiId = await ProxyApi("ANY /parent/{proxy+}", "https://petstore.example.com/petstore/{proxy}");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");
        using var request = new HttpRequestMessage(HttpMethod.Post, "parent/pets/6?size=large") { Content = new StringContent("{\"name\":\"rex\"}") };
        request.Headers.Add("x-trace", "abc");

        var response = await client.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(201));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{\"made\":true}"));
        Assert.That(response.Headers.GetValues("x-backend").Single(), Is.EqualTo("pets"));
        Assert.That(response.Headers.Contains("apigw-requestid"), Is.True);
        var seen = _seen.Single();
        Assert.That(seen, Is.EqualTo(("POST", "https://petstore.example.com/petstore/pets/6?size=large", "{\"name\":\"rex\"}", (string?)"abc")));
    }

    [Test]
    public async Task IntegrationMethod_OtherThanAny_IsTheMethodSent_AndPathVariablesFillTheUri()
    {
        var apiId = await ProxyApi("GET /pets/{petID}", "https://petstore.example.com/pets/extendedpath/{petID}", method: "PUT");
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        await client.GetAsync("pets/6");

        Assert.That(_seen.Single().Method, Is.EqualTo("PUT"));
        Assert.That(_seen.Single().Url, Is.EqualTo("https://petstore.example.com/pets/extendedpath/6"));
    }

    [Test]
    public async Task StageVariables_FillTheUri()
    {
        var apiId = await ProxyApi("GET /health", "https://${stageVariables.backend}/health", stage: new { stageVariables = new Dictionary<string, string> { ["backend"] = "api.example.com" } });
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        await client.GetAsync("health");

        Assert.That(_seen.Single().Url, Is.EqualTo("https://api.example.com/health"));
    }

    [Test]
    public async Task ABackendSlowerThanTheTimeout_Is503_AndOneThatCannotBeReached_Is500()
    {
        var apiId = await CreateHttpApi();
        var slow = await Api.Post($"/v2/apis/{apiId}/integrations", new { integrationType = "HTTP_PROXY", integrationUri = "https://backend.example.com/slow", integrationMethod = "ANY", timeoutInMillis = 5000 });
        await CreateRoute(apiId, "GET /slow", slow.Id("integrationId"));
        var broken = await Api.Post($"/v2/apis/{apiId}/integrations", new { integrationType = "HTTP_PROXY", integrationUri = "https://backend.example.com/broken", integrationMethod = "ANY" });
        await CreateRoute(apiId, "GET /broken", broken.Id("integrationId"));
        await CreateAutoDeployedStage(apiId);
        Aws.ApiGateway.HttpIntegrationHandler = new Backend(async request =>
        {
            if (request.RequestUri!.AbsolutePath == "/broken")
            {
                throw new HttpRequestException("connection refused");
            }
            await Task.Delay(TimeSpan.FromMinutes(1), Aws.Clock);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        var timedOut = await client.GetAsync("slow");
        var unreachable = await client.GetAsync("broken");

        Assert.That(((int)timedOut.StatusCode, await timedOut.Content.ReadAsStringAsync()), Is.EqualTo((503, "{\"message\":\"Service Unavailable\"}")));
        Assert.That(((int)unreachable.StatusCode, await unreachable.Content.ReadAsStringAsync()), Is.EqualTo((500, "{\"message\":\"Internal Server Error\"}")));
    }

    [Test]
    public async Task CreateIntegration_DescribesTheIntegration_AndRefusesWhatAwsRefuses()
    {
        var apiId = await CreateHttpApi();

        var created = await Api.Post($"/v2/apis/{apiId}/integrations", new { integrationType = "HTTP_PROXY", integrationUri = "https://example.com/{proxy}", integrationMethod = "GET" });

        AssertStatus(created, 201);
        Assert.That(created.Json.GetProperty("connectionType").GetString(), Is.EqualTo("INTERNET"));
        Assert.That(created.Json.GetProperty("integrationMethod").GetString(), Is.EqualTo("GET"));
        Assert.That(created.Json.GetProperty("payloadFormatVersion").GetString(), Is.EqualTo("1.0"));
        Assert.That(created.Json.GetProperty("timeoutInMillis").GetInt32(), Is.EqualTo(30000));
        AssertError(await Api.Post($"/v2/apis/{apiId}/integrations", new { integrationType = "HTTP_PROXY", integrationUri = "not a url", integrationMethod = "GET" }),
            400, "BadRequestException", "Invalid HTTP endpoint specified for URI");
        AssertError(await Api.Post($"/v2/apis/{apiId}/integrations", new { integrationType = "HTTP_PROXY", integrationUri = "https://example.com" }),
            400, "BadRequestException", "Enumeration value for HttpMethod must be non-empty");
        AssertError(await Api.Post($"/v2/apis/{apiId}/integrations", new { integrationType = "HTTP_PROXY", integrationUri = "https://example.com", integrationMethod = "GET", payloadFormatVersion = "2.0" }),
            400, "BadRequestException", "Invalid payload format version specified: 2.0");
    }

    [Test]
    public async Task QuickCreate_WithAUrl_ProxiesEveryRequestToIt()
    {
        var created = await Api.Post("/v2/apis", new { name = "quick", protocolType = "HTTP", target = "https://backend.example.com" });
        AssertStatus(created, 201);
        var apiId = created.Id("apiId");
        var integrations = await Api.Get($"/v2/apis/{apiId}/integrations");
        var integration = integrations.Json.GetProperty("items")[0];
        Assert.That((integration.GetProperty("integrationType").GetString(), integration.GetProperty("integrationMethod").GetString(), integration.GetProperty("payloadFormatVersion").GetString()),
            Is.EqualTo(("HTTP_PROXY", "ANY", "1.0")));
        using var client = Aws.ApiGateway.CreateHttpClient(apiId, "$default");

        var response = await client.DeleteAsync("anything/at/all");

        Assert.That((int)response.StatusCode, Is.EqualTo(201));
        Assert.That(_seen.Single(), Is.EqualTo(("DELETE", "https://backend.example.com/", "", (string?)null)));
    }

    private sealed class Backend(Func<HttpRequestMessage, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request);
    }
}
