using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.DynamoDb;

// DescribeEndpoints: the regional endpoint SDKs with endpoint discovery ask for.
internal sealed partial class DynamoDbEngine
{
    /// <summary>How long a client may cache the endpoint: a day, as AWS answers.</summary>
    private const long EndpointCacheMinutes = 1440;

    /// <summary>The region's public endpoint, as AWS names it; FakeAws's clients keep using the cloud's own URL.</summary>
    public DescribeEndpointsResponse DescribeEndpoints(RequestScope scope, DescribeEndpointsRequest input) => new()
    {
        Endpoints = [new Endpoint { Address = $"dynamodb.{scope.Region}.amazonaws.com", CachePeriodInMinutes = EndpointCacheMinutes }],
    };
}
