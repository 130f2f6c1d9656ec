using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;

namespace FakeAws.Tests.Dax;

public class DaxDependencyInjectionTests
{
    private static readonly Dictionary<string, AttributeValue> Key = new() { ["pk"] = new AttributeValue { S = "k" } };

    private static async Task CreateTable(FakeAwsCloud aws)
    {
        using var ddb = aws.CreateClient<AmazonDynamoDBClient>();
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "things",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        });
    }

    [Test]
    public async Task AddFakeAwsDax_MakesTheAppsIAmazonDynamoDBADaxClient()
    {
        using var provider = new ServiceCollection().AddFakeAws().AddFakeAwsDax("app-cache").BuildServiceProvider();
        var aws = provider.GetFakeAws();
        await CreateTable(aws);
        var ddb = provider.GetRequiredService<IAmazonDynamoDB>();
        Assert.That((await ddb.GetItemAsync("things", Key)).IsItemSet, Is.False);
        Assert.ThrowsAsync<AmazonDynamoDBException>(() => ddb.DescribeTableAsync("things"), "table management is refused: this is the DAX client");
    }

    [Test]
    public async Task AddFakeAwsDax_WithAKey_LeavesThePlainClientInPlace()
    {
        using var provider = new ServiceCollection().AddFakeAws().AddFakeAwsDax("app-cache", serviceKey: "dax").BuildServiceProvider();
        await CreateTable(provider.GetFakeAws());
        var dax = provider.GetRequiredKeyedService<IAmazonDynamoDB>("dax");
        var plain = provider.GetRequiredService<IAmazonDynamoDB>();
        await dax.GetItemAsync("things", Key);
        await plain.PutItemAsync("things", new() { ["pk"] = new AttributeValue { S = "k" } });
        Assert.That((await dax.GetItemAsync("things", Key)).IsItemSet, Is.False, "the DAX client's negative entry is still fresh");
        Assert.That((await plain.GetItemAsync("things", Key)).IsItemSet, Is.True);
    }
}
