using System.Diagnostics.Tracing;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace FakeAws.Tests.Sdk;

[NonParallelizable] // The network listener sees the whole process.
public class ClientWiringTests
{
    [Test]
    public async Task EveryPath_OpensNoSocketAndResolvesNoName()
    {
        using var listener = new NetworkListener();
        using var aws = new FakeAwsCloud();

        await Exercise(aws.CreateClient<AmazonDynamoDBClient>());
        await Exercise(new AmazonDynamoDBClient(aws.Configure(new AmazonDynamoDBConfig())));
        using var wire = new FakeAwsCloud(new FakeAwsOptions { DynamoDb = { UseWirePath = true } });
        await Exercise(wire.CreateClient<AmazonDynamoDBClient>());
        await Exercise(new AmazonDynamoDBClient(new BasicAWSCredentials("a", "b"), new AmazonDynamoDBConfig { ServiceURL = wire.ServiceUrl, AuthenticationRegion = "us-east-1" }));
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.ServiceCollectionExtensions.AddAWSService<IAmazonDynamoDB>(services);
        services.AddFakeAws();
        using (var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services))
        {
            await Exercise((IAmazonDynamoDB)provider.GetService(typeof(IAmazonDynamoDB))!);
        }

        Assert.That(listener.Events, Is.Empty);
    }

    [Test]
    public async Task NetworkListener_SeesAResolution()
    {
        using var listener = new NetworkListener();
        await System.Net.Dns.GetHostAddressesAsync("localhost");
        Assert.That(listener.Events, Is.Not.Empty, "the listener must be able to see network activity, or the test above proves nothing");
    }

    private static async Task Exercise(IAmazonDynamoDB ddb)
    {
        var name = $"t{Guid.NewGuid():N}";
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        });
        await ddb.PutItemAsync(name, new Dictionary<string, AttributeValue> { ["pk"] = new("a") });
        await ddb.GetItemAsync(name, new Dictionary<string, AttributeValue> { ["pk"] = new("a") });
        Assert.ThrowsAsync<ResourceNotFoundException>(() => ddb.GetItemAsync("missing-table", new Dictionary<string, AttributeValue> { ["pk"] = new("a") }));
    }

    [Test]
    public async Task ClientConfiguredElsewhere_ReachesTheCloudThroughTheCustomizer()
    {
        using var aws = new FakeAwsCloud();
        var config = new AmazonDynamoDBConfig { ServiceURL = aws.ServiceUrl, AuthenticationRegion = "us-east-1" };
        using var ddb = new AmazonDynamoDBClient(new BasicAWSCredentials("x", "y"), config);

        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "routed",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        });

        Assert.That((await aws.CreateClient<AmazonDynamoDBClient>().ListTablesAsync()).TableNames, Is.EqualTo(new[] { "routed" }));
    }

    [Test]
    public void ClientOfDisposedCloud_FailsClearly()
    {
        var aws = new FakeAwsCloud(new FakeAwsOptions { DynamoDb = { UseWirePath = true } });
        var config = new AmazonDynamoDBConfig { ServiceURL = aws.ServiceUrl, AuthenticationRegion = "us-east-1" };
        using var ddb = new AmazonDynamoDBClient(new BasicAWSCredentials("x", "y"), config);
        aws.Dispose();

        var error = Assert.ThrowsAsync<ObjectDisposedException>(() => ddb.ListTablesAsync());

        Assert.That(error!.Message, Does.Contain("no FakeAwsCloud with that id is alive"));
    }

    [Test]
    public async Task TwoClouds_ShareNothing()
    {
        using var first = new FakeAwsCloud();
        using var second = new FakeAwsCloud();
        foreach (var cloud in new[] { first, second })
        {
            await cloud.CreateClient<AmazonDynamoDBClient>().CreateTableAsync(new CreateTableRequest
            {
                TableName = "same-name",
                BillingMode = BillingMode.PAY_PER_REQUEST,
                KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
                AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            });
        }

        await first.CreateClient<AmazonDynamoDBClient>().PutItemAsync("same-name", new Dictionary<string, AttributeValue> { ["pk"] = new("only-first") });

        var inSecond = await second.CreateClient<AmazonDynamoDBClient>().GetItemAsync("same-name", new Dictionary<string, AttributeValue> { ["pk"] = new("only-first") });
        Assert.That(inSecond.Item, Is.Null.Or.Empty);
        Assert.That(first.Id, Is.Not.EqualTo(second.Id));
    }

    [Test]
    public void CreateClient_KeepsTheCallersRegion()
    {
        using var aws = new FakeAwsCloud();
        using var client = aws.CreateClient<AmazonDynamoDBClient>("ap-south-1");
        Assert.That(client.Config.AuthenticationRegion, Is.EqualTo("ap-south-1"));
        Assert.That(client.Config.ServiceURL, Is.EqualTo(aws.ServiceUrl + "/"));
    }

    /// <summary>Records any socket connection or DNS resolution the process starts.</summary>
    private sealed class NetworkListener : EventListener
    {
        private readonly List<string> _events = [];

        public IReadOnlyList<string> Events
        {
            get { lock (_events) return [.. _events]; }
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name is "System.Net.Sockets" or "System.Net.NameResolution")
            {
                EnableEvents(source, EventLevel.Verbose, EventKeywords.All);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is { } name && (name.StartsWith("Connect", StringComparison.Ordinal) || name.StartsWith("Resolution", StringComparison.Ordinal)))
            {
                lock (_events) _events.Add($"{e.EventSource.Name}/{name}");
            }
        }
    }
}
