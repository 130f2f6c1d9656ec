using System.Collections.Concurrent;
using FakeAws.Engine.ApiGateway.Invoke;
using FakeAws.Engine.ApiGateway.Throttling;
using FakeAws.Engine.ApiGateway.V2.Model;
using FakeAws.Engine.ApiGateway.V2.WebSocket.Model;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda;

namespace FakeAws.Engine.ApiGateway.V2.WebSocket;

/// <summary>How a connection attempt ended: the connection, or the HTTP status and body that refused it.</summary>
internal sealed record WebSocketConnectResult(WebSocketConnection? Connection, GatewayResponse? Refusal);

/// <summary>
/// The data plane of WebSocket APIs: connects clients through the <c>$connect</c> route, routes
/// each message by the API's route selection expression (falling back to <c>$default</c>), sends a
/// two-way route's answer back, runs <c>$disconnect</c> when a connection closes, and serves the
/// <c>@connections</c> management API (apigatewaymanagementapi). Connections close after 10 minutes
/// without a message from the client and after 2 hours in all, on the virtual clock, as AWS's quotas say.
/// </summary>
/// <remarks>
/// Connections are live, not state: a snapshot does not take them, and resetting the cloud closes them.
/// </remarks>
internal sealed class WebSocketGateway(CloudContext cloud, ApiGatewayStore store, ApiGatewayIds ids) : IApiGatewayManagementApiOperations
{
    /// <summary>A connection without a message from its client for this long is closed.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(10);

    /// <summary>No connection lasts longer than this.</summary>
    public static readonly TimeSpan MaximumDuration = TimeSpan.FromHours(2);

    /// <summary>The largest message, either way (128 KB).</summary>
    public const int MaximumMessageBytes = 128 * 1024;

    /// <summary>The largest frame (32 KB): larger messages travel in several frames.</summary>
    public const int MaximumFrameBytes = 32 * 1024;

    /// <summary>How API Gateway closes a connection that reached a limit.</summary>
    private static readonly WebSocketClosure GoingAway = new(1001, "Going away");

    private readonly LambdaCaller _lambda = new(cloud);
    private readonly WebSocketAuthorization _authorization = new(new LambdaCaller(cloud));
    private readonly ConcurrentDictionary<string, WebSocketConnection> _connections = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="apiId"/> is a WebSocket API of the account.</summary>
    public bool IsWebSocketApi(string accountId, string apiId)
    {
        if (store.FindApi(accountId, apiId) is not { } region)
        {
            return false;
        }
        lock (region.Gate)
        {
            return region.HttpApis.TryGetValue(apiId, out var api) && api.IsWebSocket;
        }
    }

    /// <summary>
    /// Connects a client to <paramref name="stage"/> of the WebSocket API <paramref name="apiId"/>:
    /// the <c>$connect</c> route's integration decides (a non-2xx answer refuses the connection with
    /// that status); without a <c>$connect</c> route every client is let in.
    /// </summary>
    public Task<WebSocketConnectResult> ConnectAsync(string accountId, string apiId, string stage, GatewayRequest request, CancellationToken cancellationToken) =>
        cloud.Clock.RunInVirtualTimeAsync(async () =>
        {
            if (store.FindApi(accountId, apiId) is not { } region || ReadStage(region, apiId, stage) is not { } deployed)
            {
                return new WebSocketConnectResult(null, RestGatewayErrors.Forbidden());
            }
            var connection = new WebSocketConnection(ids.ExtendedRequestId(), region, apiId, stage, request, cloud.Now);
            if (Route(deployed, "$connect") is { } route)
            {
                var authorizing = NewContext(deployed, route, connection);
                var refused = await _authorization.AuthorizeAsync(deployed.Snapshot, route, connection, authorizing).ConfigureAwait(false)
                    ?? (route.ApiKeyRequired == true ? Meter(deployed, route, connection, authorizing) : null);
                if (refused is not null)
                {
                    return new WebSocketConnectResult(null, refused);
                }
                var outcome = await RunAsync(deployed, route, connection, WebSocketEventType.Connect, null, null).ConfigureAwait(false);
                if (outcome.Status is < 200 or > 299)
                {
                    return new WebSocketConnectResult(null, GatewayResponse.Json(outcome.Status, outcome.Body is { } body ? System.Text.Encoding.UTF8.GetString(body) : ""));
                }
            }
            _connections[connection.ConnectionId] = connection;
            ArmLimits(connection);
            return new WebSocketConnectResult(connection, null);
        }, $"execute-api websocket $connect {apiId}/{stage}", cancellationToken);

    /// <summary>
    /// Serves a message from the client: the route the route selection expression picks (or
    /// <c>$default</c>) runs its integration, and a two-way route's answer is sent back. A message
    /// over 128 KB closes the connection (1009).
    /// </summary>
    public Task ReceiveAsync(WebSocketConnection connection, WebSocketMessage message, CancellationToken cancellationToken) =>
        cloud.Clock.RunInVirtualTimeAsync(async () =>
        {
            if (!connection.IsOpen)
            {
                return true;
            }
            if (message.Data.Length > MaximumMessageBytes)
            {
                await DisconnectInTimeAsync(connection, new WebSocketClosure(1009, "Message too big")).ConfigureAwait(false);
                return true;
            }
            connection.Touch(cloud.Now);
            if (ReadStage(connection.Region, connection.ApiId, connection.Stage) is not { } deployed)
            {
                await DisconnectInTimeAsync(connection, GoingAway).ConfigureAwait(false);
                return true;
            }
            var key = deployed.Snapshot.RouteSelectionExpression is { } expression ? SelectionExpressions.Evaluate(expression, SelectionExpressions.Text(message)) : null;
            var route = (key is null || key.StartsWith('$') ? null : Route(deployed, key)) ?? Route(deployed, "$default");
            if (route is null)
            {
                connection.Send(WebSocketEvents.Error("Forbidden", connection.ConnectionId, ids.ExtendedRequestId()));
                return true;
            }
            if (route.ApiKeyRequired == true && Meter(deployed, route, connection, NewContext(deployed, route, connection)) is { ErrorMessage: var refusal })
            {
                connection.Send(WebSocketEvents.Error(refusal ?? "Forbidden", connection.ConnectionId, ids.ExtendedRequestId()));
                return true;
            }
            var outcome = await RunAsync(deployed, route, connection, WebSocketEventType.Message, message, null).ConfigureAwait(false);
            if (outcome.Failed)
            {
                connection.Send(WebSocketEvents.Error("Internal server error", connection.ConnectionId, outcome.RequestId));
            }
            else if (outcome.Body is { } reply && IsTwoWay(deployed, route))
            {
                connection.Send(new WebSocketMessage(reply, outcome.BinaryBody));
            }
            return true;
        }, $"execute-api websocket message {connection.ApiId}/{connection.Stage}", cancellationToken);

    /// <summary>Closes the connection (the client closed it, or the management API deleted it) and runs <c>$disconnect</c>.</summary>
    public Task DisconnectAsync(WebSocketConnection connection, WebSocketClosure closure, CancellationToken cancellationToken) =>
        cloud.Clock.RunInVirtualTimeAsync(async () =>
        {
            await DisconnectInTimeAsync(connection, closure).ConfigureAwait(false);
            return true;
        }, $"execute-api websocket $disconnect {connection.ApiId}/{connection.Stage}", cancellationToken);

    /// <summary>Closes every connection without running <c>$disconnect</c>: the cloud is being reset.</summary>
    public void CloseAll()
    {
        foreach (var connection in _connections.Values)
        {
            connection.Close(GoingAway);
        }
        _connections.Clear();
    }

    public void PostToConnection(RequestScope scope, PostToConnectionRequest input)
    {
        var connection = Find(scope, input.ConnectionId);
        var data = input.Data ?? [];
        if (data.Length > MaximumMessageBytes)
        {
            throw new AwsServiceException("PayloadTooLargeException", "Message too long", 413);
        }
        if (!connection.Send(new WebSocketMessage(data, Binary: SelectionExpressions.Text(new WebSocketMessage(data, false)) is null)))
        {
            throw Gone();
        }
    }

    public GetConnectionResponse GetConnection(RequestScope scope, GetConnectionRequest input)
    {
        var connection = Find(scope, input.ConnectionId);
        return new GetConnectionResponse
        {
            ConnectedAt = connection.ConnectedAt,
            Identity = new Identity { SourceIp = connection.Request.SourceIp, UserAgent = connection.Request.Header("User-Agent") ?? "" },
            LastActiveAt = connection.LastActiveAt,
        };
    }

    public Task DeleteConnection(RequestScope scope, DeleteConnectionRequest input)
    {
        var connection = Find(scope, input.ConnectionId);
        // A close frame without a status: the client sees 1005 (no status received).
        return DisconnectAsync(connection, new WebSocketClosure(1005, ""), CancellationToken.None);
    }

    /// <summary>An open connection of the caller's account, or GoneException (410), AWS's answer for a closed or unknown one.</summary>
    private WebSocketConnection Find(RequestScope scope, string? connectionId) =>
        connectionId is not null && _connections.TryGetValue(connectionId, out var connection) && connection.IsOpen
            && connection.Region.Scope.AccountId == scope.AccountId
            ? connection
            : throw Gone();

    private static AwsServiceException Gone() => new("GoneException", "", 410);

    private async Task DisconnectInTimeAsync(WebSocketConnection connection, WebSocketClosure closure)
    {
        if (!connection.Close(closure))
        {
            return;
        }
        _connections.TryRemove(connection.ConnectionId, out _);
        if (ReadStage(connection.Region, connection.ApiId, connection.Stage) is { } deployed && Route(deployed, "$disconnect") is { } route)
        {
            // $disconnect is best effort on AWS: its answer reaches no one.
            await RunAsync(deployed, route, connection, WebSocketEventType.Disconnect, null, closure).ConfigureAwait(false);
        }
    }

    /// <summary>Watches the connection's limits: upkeep that never moves the clock itself, armed for the earlier of the idle and the duration limit.</summary>
    private void ArmLimits(WebSocketConnection connection)
    {
        var due = Min(connection.LastActiveAt + IdleTimeout, connection.ConnectedAt + MaximumDuration);
        cloud.Scheduler.ScheduleUpkeep(due, () =>
        {
            if (!connection.IsOpen)
            {
                return;
            }
            var now = cloud.Now;
            if (now >= connection.ConnectedAt + MaximumDuration || now >= connection.LastActiveAt + IdleTimeout)
            {
                cloud.Scheduler.Schedule(now, () => DisconnectInTimeAsync(connection, GoingAway), "execute-api websocket limit reached");
                return;
            }
            ArmLimits(connection);
        }, "execute-api websocket limits");
    }

    /// <summary>
    /// A route that requires an API key meters the connection's key against the stage's usage
    /// plans: the handshake's <c>x-api-key</c> header, or the <c>$connect</c> authorizer's
    /// <c>usageIdentifierKey</c>, as the API's key selection expression says. Null when the route
    /// may run, else the refusal.
    /// </summary>
    private GatewayResponse? Meter(DeployedStage deployed, Route route, WebSocketConnection connection, InvocationContext context)
    {
        var key = deployed.Snapshot.ApiKeySelectionExpression == "$context.authorizer.usageIdentifierKey"
            ? connection.UsageIdentifierKey
            : connection.Request.Header("x-api-key");
        return ApiKeyMetering.Meter(connection.Region, key, route.RouteKey!, context, cloud.Now);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>What a stage of a WebSocket API serves: its deployment's snapshot and its variables.</summary>
    private sealed record DeployedStage(HttpApiSnapshot Snapshot, IReadOnlyDictionary<string, string>? Variables);

    private static DeployedStage? ReadStage(ApiGatewayRegion region, string apiId, string stageName)
    {
        lock (region.Gate)
        {
            if (!region.HttpApis.TryGetValue(apiId, out var api) || !api.IsWebSocket || api.Api.DisableExecuteApiEndpoint == true
                || !api.Stages.TryGetValue(stageName, out var stage) || !api.Deployments.TryGetValue(stage.DeploymentId ?? "", out var deployment))
            {
                return null;
            }
            return new DeployedStage(deployment.Snapshot, stage.StageVariables is { Count: > 0 } variables ? new Dictionary<string, string>(variables) : null);
        }
    }

    private static Route? Route(DeployedStage deployed, string key) => deployed.Snapshot.Routes.FirstOrDefault(r => r.RouteKey == key);

    /// <summary>A two-way route: its route response selection expression is set and it has the <c>$default</c> route response.</summary>
    private static bool IsTwoWay(DeployedStage deployed, Route route) =>
        route.RouteResponseSelectionExpression is not null
        && deployed.Snapshot.RouteResponses.TryGetValue(route.RouteId!, out var responses)
        && responses.Any(r => r.RouteResponseKey == "$default");

    /// <summary>What a route's integration answered: the status (for <c>$connect</c>), the body for the client, and whether it failed.</summary>
    private sealed record Outcome(int Status, byte[]? Body, bool BinaryBody, bool Failed, string RequestId);

    private async Task<Outcome> RunAsync(DeployedStage deployed, Route route, WebSocketConnection connection, WebSocketEventType type, WebSocketMessage? message, WebSocketClosure? closure)
    {
        var context = NewContext(deployed, route, connection);
        Outcome Failed(int status) => new(status, null, false, true, context.ExtendedRequestId);
        var integrationId = route.Target is { } target && target.StartsWith("integrations/", StringComparison.Ordinal) ? target["integrations/".Length..] : null;
        if (integrationId is null || !deployed.Snapshot.Integrations.TryGetValue(integrationId, out var integration))
        {
            return Failed(500);
        }
        if (integration.IntegrationType == "MOCK")
        {
            var responses = deployed.Snapshot.IntegrationResponses.GetValueOrDefault(integrationId) ?? [];
            return WebSocketMocks.Answer(context, connection, integration, responses, message) is { } mock
                ? new Outcome(mock.Status, mock.Body, false, false, context.ExtendedRequestId)
                : Failed(500);
        }
        if (IntegrationUris.LambdaFunction(IntegrationUris.WithStageVariables(integration.IntegrationUri ?? "", context.StageVariables)) is not { } function)
        {
            return Failed(500);
        }
        var payload = WebSocketEvents.Write(context, connection, type, message, closure);
        var call = await _lambda.InvokeAsync(context, function, payload, TimeSpan.FromMilliseconds(integration.TimeoutInMillis ?? 29000), integration.CredentialsArn).ConfigureAwait(false);
        if (call.TimedOut)
        {
            return Failed(504);
        }
        if (call.Refused is not null || call.Result is null)
        {
            return Failed(500);
        }
        if (!call.Succeeded)
        {
            return Failed(502);
        }
        var result = call.Result.Payload ?? [];
        if (ProxyResponses.FromFormat1(result) is { } proxy)
        {
            var binary = SelectionExpressions.Text(new WebSocketMessage(proxy.Body, false)) is null;
            return new Outcome(proxy.Status, proxy.Body.Length > 0 ? proxy.Body : null, binary, false, context.ExtendedRequestId);
        }
        // An answer that is not a proxy response (no statusCode) is taken as it is.
        var text = System.Text.Encoding.UTF8.GetString(result).Trim();
        return new Outcome(200, text is "" or "null" ? null : result, false, false, context.ExtendedRequestId);
    }

    /// <summary>The invocation context of one event of the connection on <paramref name="route"/>.</summary>
    private InvocationContext NewContext(DeployedStage deployed, Route route, WebSocketConnection connection) => new()
    {
        Request = connection.Request,
        AccountId = connection.Region.Scope.AccountId,
        Region = connection.Region.Scope.Region,
        ApiId = connection.ApiId,
        Stage = connection.Stage,
        Path = "/",
        RequestId = ids.ExtendedRequestId(),
        ExtendedRequestId = ids.ExtendedRequestId(),
        TraceId = ids.TraceId(cloud.Now),
        Time = cloud.Now,
        ConnectionId = connection.ConnectionId,
        RouteKey = route.RouteKey!,
        ResourceId = route.RouteKey!,
        StageVariables = deployed.Variables,
        Authorizer = connection.Authorizer,
        IamAccessKey = connection.IamAccessKey,
    };
}
