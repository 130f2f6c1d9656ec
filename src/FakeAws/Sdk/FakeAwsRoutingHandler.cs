using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace FakeAws.Sdk;

/// <summary>
/// Sits just before the SDK's HTTP handler. A request addressed to a live cloud goes to that cloud's
/// in-memory handler, even when the client was configured outside FakeAws (for example by
/// <c>AddAWSService</c> with FakeAws's AWSOptions). A request for a cloud that is gone fails at once.
/// </summary>
internal sealed class FakeAwsRoutingHandler : PipelineHandler
{
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
        if (config.HttpClientFactory is Protocol.FakeHttpClientFactory)
        {
            return null;
        }
        var host = executionContext.RequestContext.Request.Endpoint.Host;
        if (!LiveClouds.IsFakeHost(host))
        {
            return null;
        }
        var cloud = LiveClouds.Find(host) ?? throw new AmazonClientException(
            $"This client sends to {host}, but no FakeAwsCloud with that id is alive; it was disposed, or the client was configured for another process.");
        return new HttpHandler<HttpContent>(new InMemoryRequestFactory(cloud, config), this) { Logger = Logger };
    }

    /// <summary>Creates HTTP requests on the cloud's in-memory HttpClient.</summary>
    private sealed class InMemoryRequestFactory(FakeAwsCloud cloud, IClientConfig config) : IHttpRequestFactory<HttpContent>
    {
        public IHttpRequest<HttpContent> CreateHttpRequest(Uri requestUri) => new HttpWebRequestMessage(cloud.HttpClient, requestUri, config);

        public void Dispose()
        {
        }
    }
}
