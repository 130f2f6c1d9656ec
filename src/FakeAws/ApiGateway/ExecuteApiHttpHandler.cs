using FakeAws.Protocol;

namespace FakeAws.ApiGateway;

/// <summary>
/// The HttpMessageHandler behind <see cref="ApiGatewayHelper.CreateHttpClient"/>: it sends each
/// request to the deployed API its host names (<c>{apiId}.execute-api.{region}.amazonaws.com</c>),
/// in memory, and answers with what API Gateway would answer. No socket, no DNS.
/// </summary>
internal sealed class ExecuteApiHttpHandler(ApiGatewayHelper gateway) : HttpMessageHandler
{
    /// <summary>The caller's address as the events show it.</summary>
    public const string SourceIp = "127.0.0.1";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var target = ExecuteApiRequests.Parse(uri.AbsolutePath, uri.Host)
            ?? throw new HttpRequestException($"FakeAws's API Gateway client reaches only deployed APIs ({{apiId}}.execute-api.{{region}}.amazonaws.com), not {uri.Host}.");
        var response = await gateway.InvokeAsync(target, await GatewayMessages.FromHttpAsync(request, target.Path, SourceIp, target.VpcEndpointId, cancellationToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return GatewayMessages.ToHttp(response, request);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();
}
