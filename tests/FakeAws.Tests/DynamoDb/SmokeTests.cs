using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FakeAws;

namespace FakeAws.Tests.DynamoDb;

public class SmokeTests
{
    [TestCase(false)]
    [TestCase(true)]
    public async Task PutGet_RoundTrip(bool wire)
    {
        using var aws = new FakeAwsCloud(new FakeAwsOptions { UseDynamoDbWirePath = wire });
        var ddb = aws.CreateClient<AmazonDynamoDBClient>();
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "items",
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        await ddb.PutItemAsync("items", new Dictionary<string, AttributeValue> { ["pk"] = new("a"), ["n"] = new() { N = "1.50" } });
        var got = await ddb.GetItemAsync("items", new Dictionary<string, AttributeValue> { ["pk"] = new("a") });
        Assert.That(got.Item["n"].N, Is.EqualTo("1.5"));
        var ex = Assert.ThrowsAsync<ResourceNotFoundException>(() => ddb.GetItemAsync("nope", new Dictionary<string, AttributeValue> { ["pk"] = new("a") }));
        Assert.That(ex!.Message, Is.EqualTo("Requested resource not found"));
    }
}
