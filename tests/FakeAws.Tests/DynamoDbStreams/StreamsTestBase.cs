using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FakeAws.Tests.DynamoDb;

namespace FakeAws.Tests.DynamoDbStreams;

/// <summary>A DynamoDB fixture (fast path and wire) with a DynamoDB Streams client on the wire.</summary>
public abstract class StreamsTestBase(DynamoDbPath path) : DynamoDbTestBase(path)
{
    protected StreamsWire Streams { get; private set; } = null!;

    [SetUp]
    public void CreateStreamsClient() => Streams = new StreamsWire(Aws);

    [TearDown]
    public void DisposeStreamsClient() => Streams.Dispose();

    /// <summary>Creates an on-demand table (key <c>pk</c>, optional sort key <c>sk</c>) with a stream; returns the stream's ARN.</summary>
    protected async Task<string> CreateStreamTableAsync(string name, string viewType = "NEW_AND_OLD_IMAGES", bool withSortKey = false)
    {
        var created = await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = withSortKey ? [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)] : [new("pk", KeyType.HASH)],
            AttributeDefinitions = withSortKey
                ? [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S)]
                : [new("pk", ScalarAttributeType.S)],
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = viewType },
        });
        return created.TableDescription.LatestStreamArn;
    }
}
