using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tour;

/// <summary>Bad requests get AWS's error codes and messages, unmarshalled by the SDK into its typed exceptions.</summary>
internal static class DynamoDbErrors
{
    public static async Task RunAsync()
    {
        using var aws = new FakeAwsCloud();
        var ddb = aws.CreateClient<AmazonDynamoDBClient>();
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "people",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
        });

        await Show(() => ddb.DescribeTableAsync("nobody"));
        await Show(() => ddb.PutItemAsync("people", new Dictionary<string, AttributeValue> { ["name"] = new("no key") }));
        await Show(() => ddb.PutItemAsync("people", new Dictionary<string, AttributeValue> { ["id"] = new("x"), ["age"] = new() { N = "forty" } }));
        await Show(() => ddb.PutItemAsync("people", new Dictionary<string, AttributeValue> { ["id"] = new("x"), ["blob"] = new(new string('x', 400 * 1024)) }));
    }

    private static async Task Show(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (AmazonDynamoDBException e)
        {
            Stop.Say($"{e.GetType().Name} ({e.ErrorCode}): {e.Message}");
        }
    }
}
