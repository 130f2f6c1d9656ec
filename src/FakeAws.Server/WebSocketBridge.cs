using System.Net.WebSockets;
using FakeAws.ApiGateway;
using FakeAws.Engine.ApiGateway.Invoke;
using FakeAws.Engine.ApiGateway.V2.WebSocket;

namespace FakeAws.Server;

/// <summary>
/// Serves WebSocket APIs over real WebSocket connections: an upgrade request to a WebSocket API's
/// stage (<c>ws://{apiId}.execute-api.localhost:PORT/{stage}</c>, or the path form
/// <c>/restapis/{apiId}/{stage}/_user_request_/</c>) runs <c>$connect</c>; when it is let in, each
/// message the client sends is served by the gateway in turn, and what the gateway sends the
/// connection (two-way answers, PostToConnection) is written back, until either end closes.
/// </summary>
internal static class WebSocketBridge
{
    /// <summary>Serves the upgrade when it is for a WebSocket API; false when the request is for another handler.</summary>
    public static async Task<bool> TryServeAsync(FakeAwsCloud cloud, HttpContext context, ExecuteApiTarget target, GatewayRequest upgrade)
    {
        var gateway = cloud.ApiGateway.WebSockets;
        var accountId = cloud.Context.AccountId;
        if (!context.WebSockets.IsWebSocketRequest || !gateway.IsWebSocketApi(accountId, target.ApiId))
        {
            return false;
        }
        var stage = target.Stage ?? target.Path.Trim('/').Split('/')[0];
        var result = await gateway.ConnectAsync(accountId, target.ApiId, Uri.UnescapeDataString(stage), upgrade, context.RequestAborted);
        if (result.Connection is not { } connection)
        {
            context.Response.StatusCode = result.Refusal!.Status;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(result.Refusal.Body, context.RequestAborted);
            return true;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var sending = SendAsync(socket, connection);
        await ReceiveAsync(socket, gateway, connection);
        await sending;
        return true;
    }

    /// <summary>Writes what the gateway sends the connection; once the gateway closes it, sends the close frame.</summary>
    private static async Task SendAsync(WebSocket socket, WebSocketConnection connection)
    {
        try
        {
            await foreach (var message in connection.Outbound.ReadAllAsync())
            {
                await socket.SendAsync(message.Data, message.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            var closure = await connection.Closed;
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                // 1005 means "no status": the close frame then carries none.
                await socket.CloseOutputAsync(
                    closure.Status == 1005 ? WebSocketCloseStatus.Empty : (WebSocketCloseStatus)closure.Status,
                    closure.Status == 1005 ? null : closure.Reason,
                    CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // The client went away; the receiving side reports the disconnect.
        }
    }

    /// <summary>Reads the client's messages (up to 128 KB each; a larger one closes the connection) until it closes or goes away.</summary>
    private static async Task ReceiveAsync(WebSocket socket, WebSocketGateway gateway, WebSocketConnection connection)
    {
        var buffer = new byte[WebSocketGateway.MaximumFrameBytes];
        using var message = new MemoryStream();
        try
        {
            while (connection.IsOpen)
            {
                var read = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (read.MessageType == WebSocketMessageType.Close)
                {
                    await gateway.DisconnectAsync(connection, new WebSocketClosure((int)(read.CloseStatus ?? WebSocketCloseStatus.Empty), read.CloseStatusDescription ?? ""), CancellationToken.None);
                    return;
                }
                // Past the limit the rest is not kept: the gateway only needs to see the message is too big.
                if (message.Length <= WebSocketGateway.MaximumMessageBytes)
                {
                    message.Write(buffer, 0, read.Count);
                }
                if (read.EndOfMessage)
                {
                    await gateway.ReceiveAsync(connection, new WebSocketMessage(message.ToArray(), read.MessageType == WebSocketMessageType.Binary), CancellationToken.None);
                    message.SetLength(0);
                }
            }
        }
        catch (WebSocketException)
        {
            await gateway.DisconnectAsync(connection, new WebSocketClosure(1006, "Connection closed abnormally"), CancellationToken.None);
        }
    }
}
