using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using FakeAws.DynamoDb;

namespace FakeAws.Sdk;

/// <summary>
/// Registered once per process with the SDK. It adds FakeAws's handlers to every client pipeline:
/// a router in front of the HTTP handler that sends requests for a live cloud's host to that cloud
/// in memory, one outside the error handler that classes "not supported" errors as the caller's, and for DynamoDB clients the typed fast path at the very front; and it makes the retry handler wait on the cloud's clock (<see cref="CloudClockRetryPolicy"/>). Clients that do not
/// point at a cloud pass through untouched.
/// </summary>
internal sealed class FakeAwsPipelineCustomizer : IRuntimePipelineCustomizer
{
    public string UniqueName => "FakeAws";

    public void Customize(Type type, RuntimePipeline pipeline)
    {
        pipeline.AddHandlerBefore<HttpHandler<HttpContent>>(new FakeAwsRoutingHandler());
        pipeline.AddHandlerBefore<ErrorHandler>(new UnsupportedOperationHandler());
        CloudClockRetryPolicy.Install(pipeline);
        if (typeof(AmazonDynamoDBClient).IsAssignableFrom(type))
        {
            pipeline.AddHandler(new DynamoDbFastPathHandler());
        }
    }
}
