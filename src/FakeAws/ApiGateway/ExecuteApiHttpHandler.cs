using FakeAws.Protocol;

namespace FakeAws.ApiGateway;

/// <summary>
/// The HttpMessageHandler behind <see cref="ApiGatewayHelper.CreateHttpClient"/>: it sends each
/// request to the deployed API its host names (<c>{apiId}.execute-api.{region}.amazonaws.com</c>, or a
/// custom domain name through its mappings), in memory, and answers with what API Gateway would answer. No socket, no DNS.
/// </summary>
internal sealed class ExecuteApiHttpHandler(ApiGatewayHelper gateway) : HttpMessageHandler
{
    /// <summary>The caller's address as the events show it.</summary>
    public const string SourceIp = "127.0.0.1";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var target = gateway.Resolve(uri.AbsolutePath, uri.Host)
            ?? throw new HttpRequestException(
                $"FakeAws's API Gateway client reaches only deployed APIs ({{apiId}}.execute-api.{{region}}.amazonaws.com) and custom domain names of the cloud, not {uri.Host}.");
        var gatewayRequest = await GatewayMessages.FromHttpAsync(request, target.Path, SourceIp, target.VpcEndpointId, cancellationToken, target.CustomDomain).ConfigureAwait(false);
        var response = await gateway.InvokeAsync(target, gatewayRequest, cancellationToken).ConfigureAwait(false);
        return GatewayMessages.ToHttp(response, request);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();
}
