using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda;
using FakeAws.Protocol;

namespace FakeAws.Lambda;

/// <summary>
/// The HttpMessageHandler behind <see cref="LambdaHelper.CreateHttpMessageHandler"/>: it sends each
/// request to the function URL its host names (<c>https://{url-id}.lambda-url.{region}.on.aws/</c>), in
/// memory, and answers with what Lambda would answer. No socket, no DNS.
/// </summary>
internal sealed class FunctionUrlHttpHandler(LambdaEngine engine, CloudContext cloud) : HttpMessageHandler
{
    /// <summary>The caller's address as the events show it.</summary>
    private const string SourceIp = "127.0.0.1";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var (urlId, region) = FunctionUrlRequests.Parse(uri.Host)
            ?? throw new HttpRequestException($"FakeAws's function URL client reaches only function URLs ({{url-id}}.lambda-url.{{region}}.on.aws), not {uri.Host}.");
        var path = uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath;
        var gatewayRequest = await GatewayMessages.FromHttpAsync(request, path, SourceIp, vpcEndpointId: null, cancellationToken).ConfigureAwait(false);
        var response = await engine.InvokeFunctionUrlAsync(cloud.Scope(region), urlId, gatewayRequest, cancellationToken).ConfigureAwait(false);
        return GatewayMessages.ToHttp(response, request);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();
}
