using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.Dax;

/// <summary>
/// Clusters made through DAX's control plane on the wire (the boto3 script covers the API itself):
/// they serve clients once available, with the TTLs of their parameter group.
/// </summary>
public class DaxControlPlaneTests
{
    private static readonly TimeSpan StatusDelay = TimeSpan.FromMinutes(10);

    private FakeAwsCloud _aws = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task CreateCloudAndTable()
    {
        _aws = new FakeAwsCloud(new FakeAwsOptions { Dax = { ClusterStatusDelay = StatusDelay } });
        _http = new HttpClient(_aws.CreateHttpMessageHandler()) { BaseAddress = new Uri(_aws.ServiceUrl) };
        using var ddb = _aws.CreateClient<AmazonDynamoDBClient>();
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        });
    }

    [TearDown]
    public void DisposeCloud()
    {
        _http.Dispose();
        _aws.Dispose();
    }

    private async Task<JsonElement> Dax(string operation, object body)
    {
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = content };
        request.Headers.Add("X-Amz-Target", $"AmazonDAXV3.{operation}");
        using var response = await _http.SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.That(response.IsSuccessStatusCode, Is.True, json.ToString());
        return json;
    }

    private static Dictionary<string, AttributeValue> Order(string status) =>
        new() { ["pk"] = new AttributeValue { S = "o1" }, ["status"] = new AttributeValue { S = status } };

    [Test]
    public async Task ControlPlaneCluster_ServesClientsOnceAvailable_WithItsParameterGroupsTtl()
    {
        await Dax("CreateParameterGroup", new { ParameterGroupName = "one-minute" });
        await Dax("UpdateParameterGroup", new
        {
            ParameterGroupName = "one-minute",
            ParameterNameValues = new[] { new { ParameterName = "record-ttl-millis", ParameterValue = "60000" } },
        });
        var created = await Dax("CreateCluster", new
        {
            ClusterName = "Orders",
            NodeType = "dax.t3.small",
            ReplicationFactor = 1,
            IamRoleArn = "arn:aws:iam::123456789012:role/dax",
            ParameterGroupName = "one-minute",
        });
        Assert.That(created.GetProperty("Cluster").GetProperty("Status").GetString(), Is.EqualTo("creating"));
        Assert.Throws<ArgumentException>(() => _aws.Dax.CreateClient("orders"), "not available yet");

        _aws.Clock.Advance(StatusDelay);
        using var dax = _aws.Dax.CreateClient("orders");
        using var ddb = _aws.CreateClient<AmazonDynamoDBClient>();
        await dax.PutItemAsync("orders", Order("placed"));
        await ddb.PutItemAsync("orders", Order("shipped"));
        _aws.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.That((await dax.GetItemAsync("orders", new() { ["pk"] = new AttributeValue { S = "o1" } })).Item["status"].S, Is.EqualTo("placed"));
        _aws.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That((await dax.GetItemAsync("orders", new() { ["pk"] = new AttributeValue { S = "o1" } })).Item["status"].S, Is.EqualTo("shipped"),
            "record-ttl-millis 60000 is the item cache's TTL");

        var deleted = await Dax("DeleteCluster", new { ClusterName = "orders" });
        Assert.That(deleted.GetProperty("Cluster").GetProperty("Status").GetString(), Is.EqualTo("deleting"));
        Assert.ThrowsAsync<ResourceNotFoundException>(() => dax.GetItemAsync("orders", new() { ["pk"] = new AttributeValue { S = "o1" } }),
            "a deleting cluster serves no one");
    }

    [Test]
    public async Task Resizing_ChangesTheDataPlanesNodes_WhenTheResizeEnds()
    {
        _aws.Dax.CreateCluster("cache");
        await Dax("IncreaseReplicationFactor", new { ClusterName = "cache", NewReplicationFactor = 3 });
        var modifying = await Dax("DescribeClusters", new { ClusterNames = new[] { "cache" } });
        Assert.That(modifying.GetProperty("Clusters")[0].GetProperty("Status").GetString(), Is.EqualTo("modifying"));
        _aws.Clock.Advance(StatusDelay);
        var available = (await Dax("DescribeClusters", new { ClusterNames = new[] { "cache" } })).GetProperty("Clusters")[0];
        Assert.That(available.GetProperty("Status").GetString(), Is.EqualTo("available"));
        Assert.That(available.GetProperty("Nodes").GetArrayLength(), Is.EqualTo(3));
        Assert.That(available.GetProperty("ClusterArn").GetString(), Is.EqualTo("arn:aws:dax:us-east-1:123456789012:cache/cache"));
    }
}
