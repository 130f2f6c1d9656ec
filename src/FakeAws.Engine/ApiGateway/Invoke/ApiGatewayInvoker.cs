using FakeAws.Engine.ApiGateway.Auth;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>
/// API Gateway's data plane: serves a request to a deployed REST API (v1) or HTTP API (v2) through
/// routing, authorization, throttling, the proxy event, the Lambda invoke and the response mapping,
/// entirely in memory and in virtual time. Every failure is the gateway response AWS sends.
/// WebSocket APIs' connections are served by <see cref="V2.WebSocket.WebSocketGateway"/>.
/// </summary>
/// <remarks>
/// Not done yet: client cache invalidation (<c>Cache-Control: max-age=0</c>), mutual TLS,
/// AWS service integrations by path (<c>path/...</c> URIs of REST-style services), IAM signature and policy checks (an AWS_IAM method only requires a
/// SigV4 Authorization header), and the account-level throttle (10,000 requests a second).
/// </remarks>
internal sealed partial class ApiGatewayInvoker
{
    private readonly CloudContext _cloud;
    private readonly ApiGatewayStore _store;
    private readonly ApiGatewayIds _ids;
    private readonly LambdaCaller _lambda;
    private readonly RestAuthorization _restAuthorization;
    private readonly HttpAuthorization _httpAuthorization;

    public ApiGatewayInvoker(CloudContext cloud, ApiGatewayStore store, ApiGatewayIds ids, IJwksSource jwks)
    {
        _cloud = cloud;
        _store = store;
        _ids = ids;
        _lambda = new LambdaCaller(cloud);
        _restAuthorization = new RestAuthorization(cloud, _lambda, jwks);
        _httpAuthorization = new HttpAuthorization(cloud, _lambda, jwks);
    }

    /// <summary>
    /// Serves one request. <paramref name="stage"/> is given for the path form
    /// (<c>/restapis/{apiId}/{stage}/_user_request_/...</c>); without it, as for a request to
    /// <c>https://{apiId}.execute-api.{region}.amazonaws.com/...</c>, the path's first segment is
    /// the stage (an HTTP API's <c>$default</c> stage takes paths that name no other stage).
    /// </summary>
    public async Task<GatewayResponse> InvokeAsync(string accountId, string apiId, string? stage, GatewayRequest request, CancellationToken cancellationToken = default)
    {
        if (_store.FindApi(accountId, apiId) is not { } region)
        {
            return RestGatewayErrors.Forbidden();
        }
        bool isRest;
        lock (region.Gate)
        {
            isRest = region.RestApis.ContainsKey(apiId);
            // A WebSocket API answers only upgrades (WebSocketGateway); a plain request is forbidden.
            if (region.HttpApis.TryGetValue(apiId, out var api) && api.IsWebSocket)
            {
                return RestGatewayErrors.Forbidden();
            }
        }
        return await _cloud.Clock.RunInVirtualTimeAsync(
            () => isRest ? ServeRestAsync(region, apiId, stage, request) : ServeHttpAsync(region, apiId, stage, request),
            $"execute-api {request.Method} {apiId} {request.Path}",
            cancellationToken).ConfigureAwait(false);
    }

    private InvocationContext NewContext(ApiGatewayRegion region, string apiId, string stage, string path, GatewayRequest request) => new()
    {
        Request = request,
        AccountId = region.Scope.AccountId,
        Region = region.Scope.Region,
        ApiId = apiId,
        Stage = stage,
        Path = path.Length == 0 ? "/" : path,
        RequestId = _ids.RequestId(),
        ExtendedRequestId = _ids.ExtendedRequestId(),
        TraceId = _ids.TraceId(_cloud.Now),
        Time = _cloud.Now,
    };

    /// <summary>Splits <c>/{stage}/rest/of/path</c> into the stage and the rest.</summary>
    private static (string Stage, string Path) SplitStage(string path)
    {
        var trimmed = path.TrimStart('/');
        var slash = trimmed.IndexOf('/');
        return slash < 0 ? (trimmed, "/") : (trimmed[..slash], trimmed[slash..]);
    }
}
