using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace FakeAws.Sdk;

/// <summary>
/// Sits just before the SDK's HTTP handler. A request addressed to a live cloud goes to that cloud's
/// in-memory handler, even when the client was configured outside FakeAws (for example by
/// <c>AddAWSService</c> with FakeAws's AWSOptions). A request for a cloud that is gone fails at once
/// with <see cref="ObjectDisposedException"/>. The handler is the client's, and it keeps the cloud it
/// first reached, so a client used before its cloud was disposed never reaches a later cloud that
/// reuses the id.
/// </summary>
internal sealed class FakeAwsRoutingHandler : PipelineHandler
{
    private (string? Host, FakeAwsCloud? Cloud) _last;

    public override void InvokeSync(IExecutionContext executionContext)
    {
        if (Reroute(executionContext) is { } handler)
        {
            handler.InvokeSync(executionContext);
            return;
        }
        base.InvokeSync(executionContext);
    }

    public override Task<T> InvokeAsync<T>(IExecutionContext executionContext) =>
        Reroute(executionContext) is { } handler ? handler.InvokeAsync<T>(executionContext) : base.InvokeAsync<T>(executionContext);

    private HttpHandler<HttpContent>? Reroute(IExecutionContext executionContext)
    {
        var config = executionContext.RequestContext.ClientConfig;
        if (config.HttpClientFactory is Protocol.FakeHttpClientFactory factory)
        {
            factory.Cloud.ThrowIfDisposed();
            return null;
        }
        var host = executionContext.RequestContext.Request.Endpoint.Host;
        if (!LiveClouds.IsFakeHost(host))
        {
            return null;
        }
        var last = _last;
        var cloud = string.Equals(host, last.Host, StringComparison.OrdinalIgnoreCase) ? last.Cloud! : LiveClouds.Find(host) ?? throw Gone(host);
        cloud.ThrowIfDisposed();
        _last = (host, cloud);
        return new HttpHandler<HttpContent>(new InMemoryRequestFactory(cloud, config), this) { Logger = Logger };
    }

    /// <summary>The error of a client whose host names no live cloud.</summary>
    internal static ObjectDisposedException Gone(string host) => new(nameof(FakeAwsCloud),
        $"This client sends to {host}, but no FakeAwsCloud with that id is alive; it was disposed, or the client was configured for another process.");

    /// <summary>Creates HTTP requests on the cloud's in-memory HttpClient.</summary>
    private sealed class InMemoryRequestFactory(FakeAwsCloud cloud, IClientConfig config) : IHttpRequestFactory<HttpContent>
    {
        public IHttpRequest<HttpContent> CreateHttpRequest(Uri requestUri) => new HttpWebRequestMessage(cloud.HttpClient, requestUri, config);

        public void Dispose()
        {
        }
    }
}
