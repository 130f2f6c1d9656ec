using System.Text;
using System.Text.Json;
using FakeAws.Engine.ApiGateway.Invoke;

namespace FakeAws.Engine.ApiGateway.V2.WebSocket;

/// <summary>What an event is about: a connection opening, a message from the client, or the connection closing.</summary>
internal enum WebSocketEventType
{
    Connect,
    Message,
    Disconnect,
}

/// <summary>
/// The event a Lambda proxy integration of a WebSocket API receives, member for member as AWS sends
/// it: on <c>$connect</c> the upgrade request's <c>headers</c>, <c>multiValueHeaders</c> and query
/// string; on a message its <c>body</c> (base64 with <c>isBase64Encoded</c> when binary); on
/// <c>$disconnect</c> API Gateway's own headers and the close status and reason. The
/// <c>requestContext</c> names the route, the event type, the connection and the message.
/// </summary>
internal static class WebSocketEvents
{
    public static byte[] Write(InvocationContext context, WebSocketConnection connection, WebSocketEventType type, WebSocketMessage? message, WebSocketClosure? closure) =>
        ProxyEvents.Write(writer =>
        {
            WriteRequest(writer, context, connection, type, closure);
            if (message is not null)
            {
                var text = SelectionExpressions.Text(message);
                writer.WriteString("body", text ?? Convert.ToBase64String(message.Data));
                writer.WriteBoolean("isBase64Encoded", text is null);
            }
            else
            {
                writer.WriteBoolean("isBase64Encoded", false);
            }
        });

    /// <summary>
    /// The event of a <c>$connect</c> route's Lambda REQUEST authorizer: <c>type</c>, the
    /// <c>methodArn</c>, the <c>$connect</c> event's headers, query string and request context, and
    /// <c>stageVariables</c> (empty, as AWS sends it).
    /// </summary>
    public static byte[] WriteAuthorizerEvent(InvocationContext context, WebSocketConnection connection, string methodArn) =>
        ProxyEvents.Write(writer =>
        {
            writer.WriteString("type", "REQUEST");
            writer.WriteString("methodArn", methodArn);
            WriteRequest(writer, context, connection, WebSocketEventType.Connect, null, writeStageVariables: true);
        });

    /// <summary>What the proxy and authorizer events share: the request's headers and query string, and the <c>requestContext</c>.</summary>
    private static void WriteRequest(Utf8JsonWriter writer, InvocationContext context, WebSocketConnection connection, WebSocketEventType type,
        WebSocketClosure? closure, bool writeStageVariables = false)
    {
        switch (type)
        {
            case WebSocketEventType.Connect:
                var headers = ProxyEvents.RestHeaders(context);
                ProxyEvents.WriteSingleValues(writer, "headers", headers, StringComparer.OrdinalIgnoreCase);
                ProxyEvents.WriteMultiValues(writer, "multiValueHeaders", headers, StringComparer.OrdinalIgnoreCase);
                var query = RequestParts.Query(connection.Request.RawQuery);
                if (query.Count > 0)
                {
                    ProxyEvents.WriteSingleValues(writer, "queryStringParameters", query, StringComparer.Ordinal);
                    ProxyEvents.WriteMultiValues(writer, "multiValueQueryStringParameters", query, StringComparer.Ordinal);
                }
                break;
            case WebSocketEventType.Disconnect:
                List<KeyValuePair<string, string>> own =
                [
                    new("Host", context.DomainName),
                    new("x-api-key", ""),
                    new("X-Forwarded-For", ""),
                    new("x-restapi", ""),
                ];
                ProxyEvents.WriteSingleValues(writer, "headers", own, StringComparer.OrdinalIgnoreCase);
                ProxyEvents.WriteMultiValues(writer, "multiValueHeaders", own, StringComparer.OrdinalIgnoreCase);
                break;
        }
        if (writeStageVariables)
        {
            writer.WriteStartObject("stageVariables");
            writer.WriteEndObject();
        }
        writer.WriteStartObject("requestContext");
        writer.WriteString("routeKey", context.RouteKey);
        if (context.Authorizer is { } authorizer)
        {
            writer.WritePropertyName("authorizer");
            authorizer(writer);
        }
        if (type == WebSocketEventType.Message)
        {
            writer.WriteString("messageId", context.RequestId);
        }
        if (type == WebSocketEventType.Disconnect)
        {
            writer.WriteNumber("disconnectStatusCode", closure!.Status);
        }
        writer.WriteString("eventType", type.ToString().ToUpperInvariant());
        writer.WriteString("extendedRequestId", context.ExtendedRequestId);
        writer.WriteString("requestTime", context.RequestTime);
        writer.WriteString("messageDirection", "IN");
        if (type == WebSocketEventType.Disconnect)
        {
            writer.WriteString("disconnectReason", closure!.Reason);
        }
        writer.WriteString("stage", context.Stage);
        writer.WriteNumber("connectedAt", connection.ConnectedAt.ToUnixTimeMilliseconds());
        writer.WriteNumber("requestTimeEpoch", context.TimeEpochMilliseconds);
        writer.WriteStartObject("identity");
        if (connection.Request.Header("User-Agent") is { } userAgent)
        {
            writer.WriteString("userAgent", userAgent);
        }
        writer.WriteString("sourceIp", connection.Request.SourceIp);
        if (context.IamAccessKey is { } accessKey)
        {
            writer.WriteString("accessKey", accessKey);
        }
        writer.WriteEndObject();
        writer.WriteString("requestId", context.ExtendedRequestId);
        writer.WriteString("domainName", context.DomainName);
        writer.WriteString("connectionId", connection.ConnectionId);
        writer.WriteString("apiId", context.ApiId);
        writer.WriteEndObject();
    }

    /// <summary>
    /// The error API Gateway sends the client when no route takes a message (<c>Forbidden</c>) or its
    /// integration fails (<c>Internal server error</c>), spaced as AWS writes it.
    /// </summary>
    public static WebSocketMessage Error(string message, string connectionId, string requestId) =>
        new(Encoding.UTF8.GetBytes($"{{\"message\": \"{message}\", \"connectionId\":\"{connectionId}\", \"requestId\":\"{requestId}\"}}"), Binary: false);
}
