using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>Builders for HTTP APIs (v2) over the wire.</summary>
public abstract class HttpApiTestBase : ApiGatewayTestBase
{
    protected async Task<string> CreateHttpApi(object? settings = null)
    {
        var reply = await Api.Post("/v2/apis", settings ?? new { name = "http", protocolType = "HTTP" });
        AssertStatus(reply, 201);
        return reply.Id("apiId");
    }

    protected async Task<string> CreateIntegration(string apiId, string function, string format = "2.0", int? timeoutInMillis = null)
    {
        var reply = await Api.Post($"/v2/apis/{apiId}/integrations", new
        {
            integrationType = "AWS_PROXY",
            integrationUri = FunctionArn(function),
            payloadFormatVersion = format,
            timeoutInMillis,
        });
        AssertStatus(reply, 201);
        return reply.Id("integrationId");
    }

    protected async Task<string> CreateRoute(string apiId, string routeKey, string integrationId, object? auth = null)
    {
        var body = new Dictionary<string, object?> { ["routeKey"] = routeKey, ["target"] = $"integrations/{integrationId}" };
        foreach (var property in auth?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(auth);
        }
        var reply = await Api.Post($"/v2/apis/{apiId}/routes", body);
        AssertStatus(reply, 201);
        return reply.Id("routeId");
    }

    protected async Task CreateAutoDeployedStage(string apiId, string stage = "$default", object? settings = null)
    {
        var body = new Dictionary<string, object?> { ["stageName"] = stage, ["autoDeploy"] = true };
        foreach (var property in settings?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(settings);
        }
        AssertStatus(await Api.Post($"/v2/apis/{apiId}/stages", body), 201);
    }

    /// <summary>An HTTP API with one route to <paramref name="function"/> on an auto-deployed <c>$default</c> stage.</summary>
    protected async Task<string> HttpProxyApi(string function, string routeKey = "ANY /items/{id}", string format = "2.0")
    {
        var apiId = await CreateHttpApi();
        await CreateRoute(apiId, routeKey, await CreateIntegration(apiId, function, format));
        await CreateAutoDeployedStage(apiId);
        return apiId;
    }

    protected static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
