using Amazon.Runtime;
using Amazon.Runtime.Internal;
using FakeAws.Protocol;
using FakeAws.Sdk;

namespace FakeAws.DynamoDb;

/// <summary>
/// The outermost handler of every DynamoDB client's pipeline. When the client points at a live cloud
/// that uses the fast path, it answers typed requests itself; otherwise the request goes on down the
/// SDK's pipeline unchanged.
/// </summary>
internal sealed class DynamoDbFastPathHandler : PipelineHandler
{
    // The cloud of the last ServiceURL seen; a client's ServiceURL rarely changes, so this saves a lookup per call.
    private (string? Url, FakeAwsCloud? Cloud) _last;

    public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var requestContext = executionContext.RequestContext;
        if (CloudFor(requestContext.ClientConfig) is not { } cloud)
        {
            return base.InvokeAsync<T>(executionContext);
        }
        var answer = cloud.DynamoDbFastPath.TryInvokeAsync(requestContext.OriginalRequest, requestContext.ClientConfig, requestContext.CancellationToken);
        if (answer.IsCompletedSuccessfully)
        {
            return answer.Result is { } response ? Task.FromResult(Respond<T>(executionContext, response)) : base.InvokeAsync<T>(executionContext);
        }
        return AwaitAnswer<T>(executionContext, answer);
    }

    private async Task<T> AwaitAnswer<T>(IExecutionContext executionContext, ValueTask<AmazonWebServiceResponse?> answer)
        where T : AmazonWebServiceResponse, new() =>
        await answer.ConfigureAwait(false) is { } response
            ? Respond<T>(executionContext, response)
            : await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);

    public override void InvokeSync(IExecutionContext executionContext)
    {
        var requestContext = executionContext.RequestContext;
        if (CloudFor(requestContext.ClientConfig) is { } cloud
            && cloud.DynamoDbFastPath.TryInvokeAsync(requestContext.OriginalRequest, requestContext.ClientConfig, requestContext.CancellationToken)
                .AsTask().GetAwaiter().GetResult() is { } response)
        {
            executionContext.ResponseContext.Response = response;
            return;
        }
        base.InvokeSync(executionContext);
    }

    private static T Respond<T>(IExecutionContext executionContext, AmazonWebServiceResponse response)
    {
        executionContext.ResponseContext.Response = response;
        return (T)(object)response;
    }

    private FakeAwsCloud? CloudFor(IClientConfig config)
    {
        FakeAwsCloud? cloud;
        if (config.HttpClientFactory is FakeHttpClientFactory factory)
        {
            // A client the cloud configured belongs to that cloud, whatever its URL's id serves now.
            cloud = factory.Cloud;
        }
        else
        {
            var url = config.ServiceURL;
            var last = _last;
            cloud = ReferenceEquals(url, last.Url) ? last.Cloud : Resolve(url);
        }
        cloud?.ThrowIfDisposed();
        // Signatures are checked on the wire, so a cloud that verifies them takes every request there; so does a
        // client that retries, whose retries the SDK's own retry handler runs, further down the pipeline.
        return cloud is { Options: { DynamoDb.UseWirePath: false, VerifySignatures: false } } && config.MaxErrorRetry == 0 ? cloud : null;
    }

    private FakeAwsCloud? Resolve(string? url)
    {
        var cloud = url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? LiveClouds.Find(uri.Host) : null;
        _last = (url, cloud);
        return cloud;
    }
}
