using System.Globalization;
using System.Text;
using System.Text.Json;
using FakeAws.Engine.ApiGateway.Invoke;
using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.ApiGateway.Velocity;

namespace FakeAws.Engine.ApiGateway.V2.WebSocket;

/// <summary>
/// A WebSocket route's MOCK integration: the request template (chosen by the integration's template
/// selection expression, else <c>$default</c>) renders the message and its <c>statusCode</c> is the
/// answer's status (200 when it names none); the integration response whose key matches the status
/// (<c>/2\d\d/</c>, else <c>$default</c>) renders the answer for a two-way route.
/// </summary>
internal static class WebSocketMocks
{
    /// <summary>The mock's status and the answer for the client (null when no integration response renders one).</summary>
    public sealed record MockAnswer(int Status, byte[]? Body);

    /// <summary>The mock's answer; null when a template fails, which the client sees as an internal server error.</summary>
    public static MockAnswer? Answer(InvocationContext context, WebSocketConnection connection, Integration integration, IReadOnlyList<IntegrationResponse> responses, WebSocketMessage? message)
    {
        var body = message is null ? "" : SelectionExpressions.Text(message) ?? "";
        var template = new MappingTemplate(context);
        template.Context["connectionId"] = connection.ConnectionId;
        template.Context["routeKey"] = context.RouteKey;
        template.Context["messageId"] = context.RequestId;
        template.Context["connectedAt"] = connection.ConnectedAt.ToUnixTimeMilliseconds();
        try
        {
            var requestTemplate = Choose(integration.RequestTemplates, integration.TemplateSelectionExpression, body);
            var rendered = requestTemplate is null ? body : template.Render(requestTemplate, body);
            var status = StatusCode(rendered);
            var response = responses.FirstOrDefault(r => SelectionExpressions.KeyMatches(r.IntegrationResponseKey!, status.ToString(CultureInfo.InvariantCulture)))
                ?? responses.FirstOrDefault(r => r.IntegrationResponseKey == "$default");
            var responseTemplate = response is null ? null : Choose(response.ResponseTemplates, response.TemplateSelectionExpression, "");
            return new MockAnswer(status, responseTemplate is null ? null : Encoding.UTF8.GetBytes(template.Render(responseTemplate, "")));
        }
        catch (VtlException)
        {
            return null;
        }
    }

    /// <summary>The template the selection expression picks, else the <c>$default</c> one.</summary>
    private static string? Choose(Dictionary<string, string>? templates, string? expression, string body)
    {
        if (templates is not { Count: > 0 })
        {
            return null;
        }
        var key = expression is null ? null : SelectionExpressions.Evaluate(expression, body);
        return key is not null && templates.TryGetValue(key, out var chosen) ? chosen : templates.GetValueOrDefault("$default");
    }

    private static int StatusCode(string rendered)
    {
        try
        {
            using var document = JsonDocument.Parse(rendered);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("statusCode", out var status) && status.TryGetInt32(out var code) ? code : 200;
        }
        catch (JsonException)
        {
            return 200;
        }
    }
}
