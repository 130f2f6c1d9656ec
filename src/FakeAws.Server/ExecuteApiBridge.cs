using FakeAws.ApiGateway;
using FakeAws.ApiGateway.WebSocket;
using FakeAws.Engine.ApiGateway.Invoke;

namespace FakeAws.Server;

/// <summary>
/// Serves deployed APIs over the socket: LocalStack's path form
/// (<c>/restapis/{apiId}/{stage}/_user_request_/...</c>) and the host form, a Host header of
/// <c>{apiId}.execute-api.{anything}</c> (for example <c>curl -H "Host: {apiId}.execute-api.localhost" http://127.0.0.1:4566/prod/items</c>).
/// Requests to a custom domain name of the cloud go through its base path (API) mappings. It writes
/// repeated response headers (several Set-Cookie) one by one, which the generic bridge cannot, and hands
/// WebSocket upgrades to WebSocket APIs to <see cref="WebSocketBridge"/>.
/// </summary>
internal static class ExecuteApiBridge
{
    /// <summary>Serves the request when it addresses a deployed API; false when it is for the generic bridge.</summary>
    public static async Task<bool> TryServeAsync(FakeAwsCloud cloud, HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.ToUriComponent() is { Length: > 0 } raw ? raw : "/";
        // The @connections management API goes through the router, like every other AWS API. A custom
        // domain exists only once API Gateway is built; the API's own forms build it.
        if ((ExecuteApiRequests.Parse(path, request.Host.Host) ?? cloud.ApiGatewayIfBuilt?.Resolve(path, request.Host.Host)) is not { } target
            || ConnectionsWireService.ManagementPath(path) is not null)
        {
            return false;
        }
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Headers)
        {
            headers.AddRange(values.OfType<string>().Select(v => new KeyValuePair<string, string>(name, v)));
        }
        var sourceIp = context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
        var upgrade = new GatewayRequest
        {
            Method = request.Method,
            Path = target.Path,
            RawQuery = request.QueryString.HasValue ? request.QueryString.Value![1..] : "",
            Headers = headers,
            SourceIp = sourceIp,
        };
        if (await WebSocketBridge.TryServeAsync(cloud, context, target, upgrade))
        {
            return true;
        }
        var body = await ClientFaults.ReadBodyAsync(context);
        var response = await cloud.ApiGateway.InvokeAsync(target, new GatewayRequest
        {
            Method = request.Method,
            Path = target.Path,
            RawQuery = request.QueryString.HasValue ? request.QueryString.Value![1..] : "",
            Headers = headers,
            Body = body,
            SourceIp = sourceIp,
            VpcEndpointId = target.VpcEndpointId,
            CustomDomain = target.CustomDomain,
        }, context.RequestAborted);
        context.Response.StatusCode = response.Status;
        foreach (var header in response.Headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            context.Response.Headers[header.Key] = header.Select(h => h.Value).ToArray();
        }
        await ResponseBody.WriteAsync(context, response.Body);
        return true;
    }
}
