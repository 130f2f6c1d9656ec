using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.Lambda;

/// <summary>Stream-triggered functions of a global table: each region's function gets that region's records, replicated ones included.</summary>
public class GlobalTableTriggerTests : EventSourceMappingTestBase
{
    [Test]
    public async Task EachRegionsTrigger_GetsTheWritesAppliedInItsRegion()
    {
        var usStream = await CreateStreamTableAsync("orders");
        await Ddb.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = "orders",
            ReplicaUpdates = [new ReplicationGroupUpdate { Create = new CreateReplicationGroupMemberAction { RegionName = "eu-west-1" } }],
        });
        using var euDdb = Aws.CreateClient<AmazonDynamoDBClient>("eu-west-1");
        using var euLambda = new LambdaWire(Aws, "eu-west-1");
        var euStream = (await euDdb.DescribeTableAsync("orders")).Table.LatestStreamArn;
        var euEvents = new List<JsonElement>();
        AddRecorder("project");
        Aws.Lambda.AddFunction("project", (JsonElement input) => euEvents.Add(input.Clone()), o => o.Region = "eu-west-1");
        await MapAsync(usStream, "project");
        AssertOk(await euLambda.Post("/2015-03-31/event-source-mappings",
            new { EventSourceArn = euStream, FunctionName = "project", StartingPosition = "TRIM_HORIZON" }), 202);

        await PutAsync("orders", "from-us");
        await euDdb.PutItemAsync("orders", new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "from-eu" } });
        await Aws.RunUntilIdleAsync();

        static IEnumerable<(string Region, string Key)> Received(List<JsonElement> events) => events
            .SelectMany(e => e.GetProperty("Records").EnumerateArray())
            .Select(r => (r.GetProperty("awsRegion").GetString()!, r.GetProperty("dynamodb").GetProperty("Keys").GetProperty("pk").GetProperty("S").GetString()!))
            .Order();
        Assert.That(Received(Events), Is.EqualTo(new[] { ("us-east-1", "from-eu"), ("us-east-1", "from-us") }));
        Assert.That(Received(euEvents), Is.EqualTo(new[] { ("eu-west-1", "from-eu"), ("eu-west-1", "from-us") }));
    }
}
