using System.Text.Json;
using System.Threading.Channels;
using FakeAws.Engine.ApiGateway.Invoke;

namespace FakeAws.Engine.ApiGateway.V2.WebSocket;

/// <summary>A message on a WebSocket connection: its bytes, and whether it travels as a binary frame rather than text.</summary>
internal sealed record WebSocketMessage(byte[] Data, bool Binary);

/// <summary>How a connection closed: the WebSocket close status and reason both ends see.</summary>
internal sealed record WebSocketClosure(int Status, string Reason);

/// <summary>
/// One client connected to a WebSocket API's stage: who it is (what <c>@connections</c> GetConnection
/// reports), when it was last active (for the idle timeout), and the messages on their way to it
/// (from two-way routes and PostToConnection) until it closes.
/// </summary>
internal sealed class WebSocketConnection
{
    private readonly Channel<WebSocketMessage> _outbound = Channel.CreateUnbounded<WebSocketMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<WebSocketClosure> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private DateTimeOffset _lastActiveAt;

    public WebSocketConnection(string connectionId, ApiGatewayRegion region, string apiId, string stage, GatewayRequest request, DateTimeOffset connectedAt)
    {
        ConnectionId = connectionId;
        Region = region;
        ApiId = apiId;
        Stage = stage;
        Request = request;
        ConnectedAt = connectedAt;
        _lastActiveAt = connectedAt;
    }

    public string ConnectionId { get; }

    /// <summary>The account and region of the API.</summary>
    public ApiGatewayRegion Region { get; }

    public string ApiId { get; }

    public string Stage { get; }

    /// <summary>The upgrade request the client connected with (headers, query string, source IP).</summary>
    public GatewayRequest Request { get; }

    public DateTimeOffset ConnectedAt { get; }

    /// <summary>Writes what the <c>$connect</c> authorizer returned into every event's <c>requestContext.authorizer</c>; null without one.</summary>
    public Action<Utf8JsonWriter>? Authorizer { get; set; }

    /// <summary>The access key that signed the handshake of an AWS_IAM <c>$connect</c> route.</summary>
    public string? IamAccessKey { get; set; }

    /// <summary>The API key the <c>$connect</c> authorizer named (<c>usageIdentifierKey</c>), for APIs that select keys from the authorizer.</summary>
    public string? UsageIdentifierKey { get; set; }

    public DateTimeOffset LastActiveAt
    {
        get
        {
            lock (_gate)
            {
                return _lastActiveAt;
            }
        }
    }

    /// <summary>Messages for the client, in order; completed when the connection closes.</summary>
    public ChannelReader<WebSocketMessage> Outbound => _outbound.Reader;

    /// <summary>Completes with the closure once the connection is closed, by either end or by a limit.</summary>
    public Task<WebSocketClosure> Closed => _closed.Task;

    public bool IsOpen => !_closed.Task.IsCompleted;

    /// <summary>Marks traffic on the connection: the idle timeout counts from here.</summary>
    public void Touch(DateTimeOffset now)
    {
        lock (_gate)
        {
            _lastActiveAt = now;
        }
    }

    /// <summary>Queues a message for the client; false once the connection is closed.</summary>
    public bool Send(WebSocketMessage message) => IsOpen && _outbound.Writer.TryWrite(message);

    /// <summary>Closes the connection; false when it was closed already.</summary>
    public bool Close(WebSocketClosure closure)
    {
        if (!_closed.TrySetResult(closure))
        {
            return false;
        }
        _outbound.Writer.TryComplete();
        return true;
    }
}
