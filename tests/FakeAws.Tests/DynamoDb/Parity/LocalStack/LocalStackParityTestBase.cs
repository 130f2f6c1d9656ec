using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FakeAws.Tests.DynamoDbStreams;

namespace FakeAws.Tests.DynamoDb.Parity.LocalStack;

/// <summary>
/// What the fixtures ported from LocalStack's AWS-validated DynamoDB snapshot tests share: the
/// DynamoDB client (fast path and wire, from <see cref="DynamoDbTestBase"/>), a DynamoDB Streams client
/// on the wire, and the tables LocalStack's fixtures create. LocalStack's snapshot transformers replace
/// ids, ARNs' labels and timestamps with placeholders, so those are compared by shape only.
/// </summary>
public abstract class LocalStackParityTestBase(DynamoDbPath path) : StreamsTestBase(path)
{
    /// <summary>
    /// A table as LocalStack's fixtures create it: hash key <paramref name="hash"/> (and range key
    /// <paramref name="range"/>), both strings, provisioned at 5 read and 5 write units unless
    /// <paramref name="onDemand"/>, with a stream when <paramref name="streamViewType"/> is given.
    /// </summary>
    protected Task<CreateTableResponse> CreateLocalStackTableAsync(string name, string hash = "id", string? range = null,
        string? streamViewType = null, bool onDemand = false) =>
        Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = range is null ? [new(hash, KeyType.HASH)] : [new(hash, KeyType.HASH), new(range, KeyType.RANGE)],
            AttributeDefinitions = range is null
                ? [new(hash, ScalarAttributeType.S)]
                : [new(hash, ScalarAttributeType.S), new(range, ScalarAttributeType.S)],
            BillingMode = onDemand ? BillingMode.PAY_PER_REQUEST : null,
            ProvisionedThroughput = onDemand ? null : new ProvisionedThroughput(5, 5),
            StreamSpecification = streamViewType is null ? null : new StreamSpecification { StreamEnabled = true, StreamViewType = streamViewType },
        });

    protected static AttributeValue B(params byte[] bytes) => new() { B = new MemoryStream(bytes) };

    /// <summary>The bytes of a binary attribute.</summary>
    protected static byte[] Bytes(AttributeValue value) => value.B.ToArray();

    /// <summary>
    /// Asserts one DynamoDB Streams record as AWS recorded it: exactly the members awsRegion, dynamodb,
    /// eventID, eventName, eventSource ("aws:dynamodb") and eventVersion ("1.1"); in <c>dynamodb</c>
    /// exactly ApproximateCreationDateTime, Keys, the images given (JSON, or null for absent),
    /// SequenceNumber, SizeBytes and StreamViewType.
    /// </summary>
    protected static void AssertRecord(JsonNode? record, string eventName, string keys, string? newImage, string? oldImage,
        int sizeBytes, string viewType)
    {
        var body = (JsonObject)record!;
        var dynamodb = (JsonObject)body["dynamodb"]!;
        var expectedMembers = new List<string> { "ApproximateCreationDateTime", "Keys", "SequenceNumber", "SizeBytes", "StreamViewType" };
        if (newImage is not null)
        {
            expectedMembers.Add("NewImage");
        }
        if (oldImage is not null)
        {
            expectedMembers.Add("OldImage");
        }
        Assert.Multiple(() =>
        {
            Assert.That(body.Select(p => p.Key), Is.EquivalentTo(new[] { "awsRegion", "dynamodb", "eventID", "eventName", "eventSource", "eventVersion" }));
            Assert.That(body["awsRegion"]!.GetValue<string>(), Is.EqualTo("us-east-1"));
            Assert.That(body["eventName"]!.GetValue<string>(), Is.EqualTo(eventName));
            Assert.That(body["eventSource"]!.GetValue<string>(), Is.EqualTo("aws:dynamodb"));
            Assert.That(body["eventVersion"]!.GetValue<string>(), Is.EqualTo("1.1"));
            Assert.That(dynamodb.Select(p => p.Key), Is.EquivalentTo(expectedMembers));
            AssertJson(dynamodb["Keys"], keys);
            if (newImage is not null)
            {
                AssertJson(dynamodb["NewImage"], newImage);
            }
            if (oldImage is not null)
            {
                AssertJson(dynamodb["OldImage"], oldImage);
            }
            Assert.That(dynamodb["SizeBytes"]!.GetValue<int>(), Is.EqualTo(sizeBytes), $"SizeBytes of the {eventName} record");
            Assert.That(dynamodb["StreamViewType"]!.GetValue<string>(), Is.EqualTo(viewType));
        });
    }

    /// <summary>Asserts that <paramref name="actual"/> is the JSON <paramref name="expected"/> (member order aside).</summary>
    protected static void AssertJson(JsonNode? actual, string expected) =>
        Assert.That(JsonNode.DeepEquals(actual, JsonNode.Parse(expected)), Is.True, $"expected {expected}, got {actual?.ToJsonString()}");
}
