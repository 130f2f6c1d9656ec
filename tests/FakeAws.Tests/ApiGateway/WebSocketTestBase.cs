using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FakeAws.Tests.ApiGateway;

/// <summary>Builders for WebSocket APIs (v2, ProtocolType WEBSOCKET) over the wire, and the @connections API over the cloud's handler.</summary>
public abstract class WebSocketTestBase : HttpApiTestBase
{
    protected async Task<string> CreateWebSocketApi(string routeSelection = "$request.body.action")
    {
        var reply = await Api.Post("/v2/apis", new { name = "chat", protocolType = "WEBSOCKET", routeSelectionExpression = routeSelection });
        AssertStatus(reply, 201);
        return reply.Id("apiId");
    }

    /// <summary>A route to <paramref name="function"/>; a two-way route also gets its <c>$default</c> route response.</summary>
    protected async Task<string> CreateLambdaRoute(string apiId, string routeKey, string function, bool twoWay = false)
    {
        var integration = await Api.Post($"/v2/apis/{apiId}/integrations", new { integrationType = "AWS_PROXY", integrationUri = InvokeUri(function) });
        AssertStatus(integration, 201);
        return await CreateWebSocketRoute(apiId, routeKey, integration.Id("integrationId"), twoWay);
    }

    protected async Task<string> CreateWebSocketRoute(string apiId, string routeKey, string integrationId, bool twoWay)
    {
        var route = await Api.Post($"/v2/apis/{apiId}/routes", twoWay
            ? new { routeKey, target = $"integrations/{integrationId}", routeResponseSelectionExpression = "$default" }
            : (object)new { routeKey, target = $"integrations/{integrationId}" });
        AssertStatus(route, 201);
        var routeId = route.Id("routeId");
        if (twoWay)
        {
            AssertStatus(await Api.Post($"/v2/apis/{apiId}/routes/{routeId}/routeresponses", new { routeResponseKey = "$default" }), 201);
        }
        return routeId;
    }

    protected async Task CreateStage(string apiId, string stage = "production") => await CreateAutoDeployedStage(apiId, stage);

    /// <summary>
    /// Calls <c>https://{apiId}.execute-api.us-east-1.amazonaws.com/{stage}/@connections/{id}</c> through the
    /// cloud's router, as an SDK client with that endpoint does; or, with <paramref name="atCloudEndpoint"/>,
    /// the same path at the cloud's own endpoint, which only the signature names as execute-api.
    /// </summary>
    protected async Task<(int Status, string Body, string? ErrorType)> Connections(
        HttpMethod method, string apiId, string stage, string connectionId, string? data = null, bool atCloudEndpoint = false)
    {
        using var http = new HttpClient(Aws.CreateHttpMessageHandler());
        var endpoint = atCloudEndpoint ? Aws.ServiceUrl.TrimEnd('/') : $"https://{apiId}.execute-api.us-east-1.amazonaws.com";
        using var request = new HttpRequestMessage(method, $"{endpoint}/{stage}/@connections/{Uri.EscapeDataString(connectionId)}");
        if (data is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(data));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        }
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20300101/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        var errorType = response.Headers.TryGetValues("X-Amzn-ErrorType", out var values) ? values.First() : null;
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), errorType);
    }

    protected static JsonElement Parse(string? json) => JsonDocument.Parse(json!).RootElement.Clone();
}
