using FakeAws.Engine.ApiGateway.Invoke;
using FakeAws.Engine.Core;
using FakeAws.Protocol;

namespace FakeAws.ApiGateway;

/// <summary>
/// Deployed APIs on the cloud's router, at LocalStack's paths
/// <c>/restapis/{apiId}/{stage}/_user_request_/{path}</c> and at their own hosts
/// (<c>https://{apiId}.execute-api.{region}.amazonaws.com/{stage}/{path}</c>) and custom domain names: any raw HTTP client of
/// the cloud (and a request signed for <c>execute-api</c>) reaches the same chain as
/// <see cref="ApiGatewayHelper.CreateHttpClient"/>. The router's responses hold one value per
/// header, so repeated headers (such as several Set-Cookie) arrive joined with commas here;
/// FakeAws.Server and the helper's client keep them apart. WebSocket APIs' <c>@connections</c>
/// management API (<c>/{stage}/@connections/{id}</c> at the API's host, or <c>/@connections/{id}</c>
/// signed for <c>execute-api</c>) goes to <see cref="WebSocket.ConnectionsWireService"/>.
/// </summary>
internal sealed class ExecuteApiWireService(ApiGatewayHelper gateway, WireRoute route) : IWireService
{
    /// <summary>
    /// How the router knows this front door's requests, before the service is built: the path form,
    /// every API's own host form, and the custom domain names <paramref name="isCustomDomain"/> knows
    /// (none while API Gateway is not built, since no domain exists then).
    /// </summary>
    public static WireRoute RoutingOf(Func<string, bool> isCustomDomain) =>
        new("execute-api", ownsPath: ExecuteApiRequests.IsUserRequestPath, ownsHost: host => ExecuteApiRequests.IsApiHost(host) || isCustomDomain(host));

    public WireRoute Route => route;

    public async Task<WireResponse> HandleAsync(WireRequest request, RequestScope scope, CancellationToken cancellationToken)
    {
        if (WebSocket.ConnectionsWireService.ManagementPath(request.Path) is not null)
        {
            return await gateway.Connections.HandleAsync(request, scope, cancellationToken).ConfigureAwait(false);
        }
        var target = gateway.Resolve(request.Path, request.Host)!;
        var response = await gateway.InvokeAsync(target, new GatewayRequest
        {
            Method = request.Method,
            Path = target.Path,
            RawQuery = request.Query,
            Headers = request.Headers.ToList(),
            Body = request.Body,
            SourceIp = ExecuteApiHttpHandler.SourceIp,
            VpcEndpointId = target.VpcEndpointId,
            CustomDomain = target.CustomDomain,
        }, cancellationToken).ConfigureAwait(false);
        return GatewayMessages.ToWire(response);
    }

}
