using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.Lambda;

/// <summary>A Lambda fixture with a DynamoDB client and helpers for tables with streams and mappings on them.</summary>
public abstract class EventSourceMappingTestBase : LambdaTestBase
{
    protected AmazonDynamoDBClient Ddb { get; private set; } = null!;

    /// <summary>The events the recording functions received, in order.</summary>
    protected List<JsonElement> Events { get; } = [];

    [SetUp]
    public void CreateDynamoDbClient()
    {
        Ddb = Aws.CreateClient<AmazonDynamoDBClient>();
        Events.Clear();
    }

    [TearDown]
    public void DisposeDynamoDbClient() => Ddb.Dispose();

    /// <summary>Creates an on-demand table keyed by <c>pk</c> with a stream; returns the stream's ARN.</summary>
    protected async Task<string> CreateStreamTableAsync(string name, string viewType = "NEW_AND_OLD_IMAGES") =>
        (await Ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", KeyType.HASH)],
            AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = viewType },
        })).TableDescription.LatestStreamArn;

    /// <summary>A function that records every event it gets.</summary>
    protected void AddRecorder(string name) => Aws.Lambda.AddFunction(name, (JsonElement input) => Events.Add(input.Clone()));

    /// <summary>Creates a mapping over the wire and returns its UUID.</summary>
    protected async Task<string> MapAsync(string streamArn, string function, object? settings = null)
    {
        var request = new Dictionary<string, object?>
        {
            ["EventSourceArn"] = streamArn,
            ["FunctionName"] = function,
            ["StartingPosition"] = "TRIM_HORIZON",
        };
        foreach (var property in settings?.GetType().GetProperties() ?? [])
        {
            request[property.Name] = property.GetValue(settings);
        }
        var reply = await Wire.Post("/2015-03-31/event-source-mappings", request);
        AssertOk(reply, 202);
        return reply.Json.GetProperty("UUID").GetString()!;
    }

    protected Task PutAsync(string table, string key, string? value = null) => Ddb.PutItemAsync(table, value is null
        ? new Dictionary<string, AttributeValue> { ["pk"] = new() { S = key } }
        : new Dictionary<string, AttributeValue> { ["pk"] = new() { S = key }, ["v"] = new() { S = value } });

    /// <summary>The partition keys of each event's records.</summary>
    protected List<string[]> Batches() =>
        Events.Select(e => e.GetProperty("Records").EnumerateArray()
            .Select(r => r.GetProperty("dynamodb").GetProperty("Keys").GetProperty("pk").GetProperty("S").GetString()!).ToArray()).ToList();
}
