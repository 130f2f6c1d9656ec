using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Extensions.NETCore.Setup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FakeAws.Tests.DependencyInjection;

public class AddFakeAwsTests
{
    private static async Task<IAmazonDynamoDB> UsableClient(IServiceProvider provider)
    {
        var ddb = provider.GetRequiredService<IAmazonDynamoDB>();
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "di-table",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        });
        return ddb;
    }

    [Test]
    public async Task AddAwsServiceBefore_ResolvesAClientOfTheCloud()
    {
        var services = new ServiceCollection();
        services.AddAWSService<IAmazonDynamoDB>();
        services.AddFakeAws();
        using var provider = services.BuildServiceProvider();

        var ddb = await UsableClient(provider);

        await ddb.PutItemAsync("di-table", new Dictionary<string, AttributeValue> { ["pk"] = new("a") });
        var got = await ddb.GetItemAsync("di-table", new Dictionary<string, AttributeValue> { ["pk"] = new("a") });
        Assert.That(got.Item["pk"].S, Is.EqualTo("a"));
        var missing = Assert.ThrowsAsync<ResourceNotFoundException>(() => ddb.DescribeTableAsync("none"));
        Assert.That(missing!.Message, Is.EqualTo("Requested resource not found: Table: none not found"));
        var invalid = Assert.ThrowsAsync<AmazonDynamoDBException>(() => ddb.PutItemAsync("di-table", new Dictionary<string, AttributeValue> { ["x"] = new("a") }));
        Assert.That(invalid!.ErrorCode, Is.EqualTo("ValidationException"));
        Assert.That(invalid.Message, Is.EqualTo("One or more parameter values were invalid: Missing the key pk in the item"));
        await ddb.DeleteItemAsync("di-table", new Dictionary<string, AttributeValue> { ["pk"] = new("a") });
    }

    [Test]
    public async Task AddAwsServiceAfter_BuildsItFromFakeAwsOptions()
    {
        var services = new ServiceCollection();
        services.AddFakeAws();
        services.AddAWSService<IAmazonDynamoDB>();
        using var provider = services.BuildServiceProvider();

        await UsableClient(provider);

        var options = provider.GetRequiredService<AWSOptions>();
        Assert.That(options.DefaultClientConfig.ServiceURL, Is.EqualTo(provider.GetFakeAws().ServiceUrl));
    }

    [Test]
    public async Task KeyedAddAwsService_IsRewrittenToo()
    {
        var services = new ServiceCollection();
        services.AddKeyedAWSService<IAmazonDynamoDB>("reports");
        services.AddFakeAws();
        using var provider = services.BuildServiceProvider();

        var keyed = provider.GetRequiredKeyedService<IAmazonDynamoDB>("reports");
        await UsableClient(provider);

        Assert.That((await keyed.ListTablesAsync()).TableNames, Is.EqualTo(new[] { "di-table" }));
    }

    [Test]
    public async Task FakeTimeProviderInOptions_IsTheCloudsTime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2031, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddFakeAws(o => o.TimeProvider = time);
        using var provider = services.BuildServiceProvider();

        var created = await (await UsableClient(provider)).DescribeTableAsync("di-table");
        time.Advance(TimeSpan.FromDays(1));

        Assert.That(created.Table.CreationDateTime, Is.EqualTo(new DateTime(2031, 3, 4, 5, 6, 7, DateTimeKind.Utc)));
        Assert.That(provider.GetRequiredService<TimeProvider>().GetUtcNow(), Is.EqualTo(time.GetUtcNow()));
        Assert.That(provider.GetRequiredService<TimeProvider>(), Is.SameAs(provider.GetFakeAws().Clock));
    }

    [Test]
    public void RegisteredFakeTimeProvider_IsAdopted()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2032, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddFakeAws();
        using var provider = services.BuildServiceProvider();

        provider.GetFakeAws().Clock.Advance(TimeSpan.FromHours(2));

        Assert.That(time.GetUtcNow(), Is.EqualTo(new DateTimeOffset(2032, 1, 1, 2, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void GetFakeAws_WithoutAddFakeAws_SaysHowToFixIt()
    {
        using var provider = new ServiceCollection().BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetFakeAws());

        Assert.That(error!.Message, Does.Contain("services.AddFakeAws()"));
    }

    [Test]
    public void Provider_Disposed_DisposesTheCloud()
    {
        var services = new ServiceCollection();
        services.AddFakeAws();
        var provider = services.BuildServiceProvider();
        var cloud = provider.GetFakeAws();
        var ddb = provider.GetRequiredService<IAmazonDynamoDB>();

        provider.Dispose();

        Assert.That(cloud.IsAlive, Is.False);
        Assert.ThrowsAsync<ObjectDisposedException>(() => ddb.ListTablesAsync());
    }
}
