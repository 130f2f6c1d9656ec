using System.Net.WebSockets;
using System.Text;
using FakeAws.Engine.ApiGateway.V2.WebSocket;

namespace FakeAws.ApiGateway;

/// <summary>
/// A client connected to a WebSocket API of the cloud, in memory
/// (<see cref="ApiGatewayHelper.ConnectWebSocketAsync"/>): what it sends goes through the API's route
/// selection and integrations, and it receives what two-way routes answer and what
/// <c>@connections</c> PostToConnection sends it.
/// </summary>
/// <remarks>
/// <see cref="SendAsync(string, CancellationToken)"/> returns once the route's integration has run
/// (in virtual time), so messages it caused are already waiting for <see cref="ReceiveAsync"/>.
/// Disposing the connection closes it, as the client would.
/// </remarks>
public sealed class FakeWebSocketConnection : IAsyncDisposable
{
    private readonly WebSocketGateway _gateway;
    private readonly WebSocketConnection _connection;

    internal FakeWebSocketConnection(WebSocketGateway gateway, WebSocketConnection connection)
    {
        _gateway = gateway;
        _connection = connection;
    }

    /// <summary>The connection's id, as the integrations see it (<c>requestContext.connectionId</c>) and <c>@connections/{connectionId}</c> takes it.</summary>
    public string ConnectionId => _connection.ConnectionId;

    /// <summary>Whether the connection is still open: neither end closed it and no limit (idle 10 minutes, 2 hours in all) ended it.</summary>
    public bool IsOpen => _connection.IsOpen;

    /// <summary>The status the connection closed with (such as 1001, going away, at a limit); null while it is open.</summary>
    public WebSocketCloseStatus? CloseStatus => _connection.Closed.IsCompleted ? (WebSocketCloseStatus)_connection.Closed.Result.Status : null;

    /// <summary>The reason the connection closed with; null while it is open.</summary>
    public string? CloseStatusDescription => _connection.Closed.IsCompleted ? _connection.Closed.Result.Reason : null;

    /// <summary>Sends a text message, and waits until API Gateway has served it.</summary>
    /// <exception cref="WebSocketException">The connection is closed.</exception>
    public Task SendAsync(string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync(new WebSocketMessage(Encoding.UTF8.GetBytes(message), Binary: false), cancellationToken);
    }

    /// <summary>Sends a binary message (its integration sees it base64-encoded), and waits until API Gateway has served it.</summary>
    /// <exception cref="WebSocketException">The connection is closed.</exception>
    public Task SendBinaryAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) =>
        SendAsync(new WebSocketMessage(message.ToArray(), Binary: true), cancellationToken);

    /// <summary>
    /// Waits for the next message to the client and returns its text (a binary message decoded as
    /// UTF-8); null once the connection is closed and every message was read.
    /// </summary>
    public async Task<string?> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        while (await _connection.Outbound.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (TryReceive(out var message))
            {
                return message;
            }
        }
        return null;
    }

    /// <summary>Takes the next message to the client if one has arrived, without waiting.</summary>
    public bool TryReceive(out string? message)
    {
        if (_connection.Outbound.TryRead(out var next))
        {
            message = Encoding.UTF8.GetString(next.Data);
            return true;
        }
        message = null;
        return false;
    }

    /// <summary>Closes the connection from the client's end; the API's <c>$disconnect</c> route runs. Closing a closed connection does nothing.</summary>
    /// <param name="status">The close status the client sends (<c>requestContext.disconnectStatusCode</c>).</param>
    /// <param name="description">The reason the client gives (<c>requestContext.disconnectReason</c>).</param>
    /// <param name="cancellationToken">Stops waiting for <c>$disconnect</c>.</param>
    public Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string? description = null, CancellationToken cancellationToken = default) =>
        _gateway.DisconnectAsync(_connection, new WebSocketClosure((int)status, description ?? ""), cancellationToken);

    /// <summary>Closes the connection normally, if it is still open.</summary>
    public async ValueTask DisposeAsync() => await CloseAsync().ConfigureAwait(false);

    private Task SendAsync(WebSocketMessage message, CancellationToken cancellationToken) =>
        _connection.IsOpen
            ? _gateway.ReceiveAsync(_connection, message, cancellationToken)
            : throw new WebSocketException(WebSocketError.InvalidState, "The WebSocket is closed; it cannot send.");
}
