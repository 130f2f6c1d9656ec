using FakeAws.Engine.ApiGateway.Invoke;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda;
using FakeAws.Protocol;

namespace FakeAws.Lambda;

/// <summary>
/// Function URLs on the cloud's router, by host (<c>{url-id}.lambda-url.{region}.{anything}</c>): a raw
/// HTTP client of the cloud, and FakeAws.Server, reach a function's URL as on AWS. The router's responses
/// hold one value per header, so several Set-Cookie arrive joined with commas here;
/// <see cref="LambdaHelper.CreateHttpMessageHandler"/> keeps them apart.
/// </summary>
internal sealed class FunctionUrlWireService(LambdaEngine engine, CloudContext cloud) : IWireService
{
    public static readonly WireRoute Routing = new("lambda", ownsHost: host => FunctionUrlRequests.Parse(host) is not null);

    public WireRoute Route => Routing;

    public async Task<WireResponse> HandleAsync(WireRequest request, RequestScope scope, CancellationToken cancellationToken)
    {
        var (urlId, region) = FunctionUrlRequests.Parse(request.Host)!.Value;
        var response = await engine.InvokeFunctionUrlAsync(cloud.Scope(region), urlId, new GatewayRequest
        {
            Method = request.Method,
            Path = request.Path.Length == 0 ? "/" : request.Path,
            RawQuery = request.Query,
            Headers = request.Headers.ToList(),
            Body = request.Body,
        }, cancellationToken).ConfigureAwait(false);
        return GatewayMessages.ToWire(response);
    }
}
