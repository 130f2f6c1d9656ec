using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace FakeAws.Sdk;

/// <summary>
/// Classes a cloud's answer to an operation FakeAws does not serve (<c>UnknownOperationException</c>)
/// as <see cref="ErrorType.Sender"/>: the SDK's JSON error unmarshaller leaves every JSON error's type
/// <see cref="ErrorType.Unknown"/>, yet the request is what cannot be served, as the DynamoDB fast path
/// already says. It sits just outside the SDK's error handler, so it sees the exception that handler throws.
/// </summary>
internal sealed class UnsupportedOperationHandler : PipelineHandler
{
    public override void InvokeSync(IExecutionContext executionContext)
    {
        try
        {
            base.InvokeSync(executionContext);
        }
        catch (AmazonServiceException error)
        {
            Classify(executionContext, error);
            throw;
        }
    }

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        try
        {
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        catch (AmazonServiceException error)
        {
            Classify(executionContext, error);
            throw;
        }
    }

    private static void Classify(IExecutionContext executionContext, AmazonServiceException error)
    {
        if (error is { ErrorCode: "UnknownOperationException", ErrorType: ErrorType.Unknown }
            && LiveClouds.IsFakeHost(executionContext.RequestContext.Request.Endpoint.Host))
        {
            error.ErrorType = ErrorType.Sender;
        }
    }
}
