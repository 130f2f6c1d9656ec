using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using FakeAws.Sdk;

namespace FakeAws.Tests.Sdk;

/// <summary>A disposed cloud refuses its clients on every path; an undisposed one is collected; many clouds leave nothing behind.</summary>
[NonParallelizable] // Counts the process's cloud ids, which parallel fixtures would also make.
public class CloudLifetimeTests
{
    [TestCase(false)]
    [TestCase(true)]
    public async Task ClientsOfADisposedCloud_ThrowObjectDisposedException(bool wirePath)
    {
        var aws = new FakeAwsCloud(new FakeAwsOptions { DynamoDb = { UseWirePath = wirePath } });
        using var made = aws.CreateClient<AmazonDynamoDBClient>();
        using var configured = new AmazonDynamoDBClient(aws.Configure(new AmazonDynamoDBConfig()));
        using var byUrl = new AmazonDynamoDBClient(new BasicAWSCredentials("x", "y"), new AmazonDynamoDBConfig { ServiceURL = aws.ServiceUrl, AuthenticationRegion = "us-east-1" });
        using var http = new HttpClient(aws.CreateHttpMessageHandler()) { BaseAddress = new Uri(aws.ServiceUrl) };
        foreach (var client in new[] { made, configured, byUrl })
        {
            await client.ListTablesAsync();
        }

        aws.Dispose();

        foreach (var client in new[] { made, configured, byUrl })
        {
            Assert.ThrowsAsync<ObjectDisposedException>(() => client.ListTablesAsync());
            Assert.Throws<ObjectDisposedException>(() => ((IAmazonDynamoDB)client).DescribeLimitsAsync(new DescribeLimitsRequest()).GetAwaiter().GetResult());
        }
        Assert.ThrowsAsync<ObjectDisposedException>(() => http.GetAsync("/_fakeaws/health"));
        Assert.ThrowsAsync<ObjectDisposedException>(() => aws.CallAsync("states", "ListStateMachines"));
        Assert.Throws<ObjectDisposedException>(() => aws.CreateClient<AmazonDynamoDBClient>());
        Assert.Throws<ObjectDisposedException>(() => aws.CreateHttpMessageHandler());
    }

    [Test]
    public async Task ClientOfADisposedCloud_NeverReachesTheCloudThatReusesItsId()
    {
        var first = new FakeAwsCloud();
        using var old = new AmazonDynamoDBClient(new BasicAWSCredentials("x", "y"), new AmazonDynamoDBConfig { ServiceURL = first.ServiceUrl, AuthenticationRegion = "us-east-1" });
        await old.ListTablesAsync();
        var id = first.Id;
        first.Dispose();

        // Ids freed by earlier tests wait in the queue before this one.
        FakeAwsCloud? reuser = null;
        for (var i = 0; i < 100_000 && reuser is null; i++)
        {
            var cloud = new FakeAwsCloud();
            if (cloud.Id == id)
            {
                reuser = cloud;
            }
            else
            {
                cloud.Dispose();
            }
        }

        Assert.That(reuser, Is.Not.Null, "a freed id is given out again after the quarantine");
        using (reuser)
        {
            Assert.ThrowsAsync<ObjectDisposedException>(() => old.ListTablesAsync());
        }
    }

    [Test]
    public void UndisposedCloud_IsCollected()
    {
        var cloud = CreateAndUseAndDrop();

        for (var i = 0; i < 3 && cloud.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.That(cloud.IsAlive, Is.False, "something process-wide still holds a cloud nobody references");
    }

    [Test]
    public async Task ManyCloudsCreatedAndDisposed_MakeNoNewIds()
    {
        await UseAndDispose(new FakeAwsCloud());
        var before = LiveClouds.IdsMade;

        for (var i = 0; i < 300; i++)
        {
            await UseAndDispose(new FakeAwsCloud());
        }

        Assert.That(LiveClouds.IdsMade - before, Is.LessThanOrEqualTo(LiveClouds.IdQuarantine + 1),
            "each new URL is one more entry in the SDK's retry-capacity cache");
    }

    [Test]
    public async Task CloudsInParallel_ShareNothing_AndLeaveNoGrowth()
    {
        const int Parallel = 16;
        await UseAndDispose(new FakeAwsCloud());
        var before = LiveClouds.IdsMade;

        for (var round = 0; round < 10; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i => Task.Run(async () =>
            {
                using var aws = new FakeAwsCloud();
                using var ddb = aws.CreateClient<AmazonDynamoDBClient>();
                await ddb.CreateTableAsync(Table());
                await ddb.PutItemAsync("items", new Dictionary<string, AttributeValue> { ["pk"] = new(aws.Id), ["task"] = new() { N = $"{i}" } });
                await aws.CallAsync("states", "CreateStateMachine", new
                {
                    name = "m",
                    roleArn = "arn:aws:iam::123456789012:role/r",
                    definition = """{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""",
                });

                var items = (await ddb.ScanAsync(new ScanRequest { TableName = "items" })).Items;
                var machines = await aws.CallAsync("states", "ListStateMachines");
                Assert.That(items.Select(item => (item["pk"].S, item["task"].N)), Is.EqualTo(new[] { (aws.Id, $"{i}") }), "another cloud's item");
                Assert.That(machines!["stateMachines"]!.AsArray(), Has.Count.EqualTo(1), "another cloud's state machine");
            })));
        }

        Assert.That(LiveClouds.IdsMade - before, Is.LessThanOrEqualTo(LiveClouds.IdQuarantine + Parallel),
            "160 clouds, 16 alive at a time, need no more URLs than the peak plus the quarantine");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CreateAndUseAndDrop()
    {
        var aws = new FakeAwsCloud();
        var ddb = aws.CreateClient<AmazonDynamoDBClient>();
        ddb.CreateTableAsync(Table()).GetAwaiter().GetResult();
        ddb.PutItemAsync("items", new Dictionary<string, AttributeValue> { ["pk"] = new("a") }).GetAwaiter().GetResult();
        aws.CallAsync("states", "ListStateMachines").GetAwaiter().GetResult();
        return new WeakReference(aws);
    }

    private static async Task UseAndDispose(FakeAwsCloud aws)
    {
        using (aws)
        {
            using var ddb = aws.CreateClient<AmazonDynamoDBClient>();
            await ddb.CreateTableAsync(Table());
        }
    }

    private static CreateTableRequest Table() => new()
    {
        TableName = "items",
        BillingMode = BillingMode.PAY_PER_REQUEST,
        KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
        AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
    };
}
