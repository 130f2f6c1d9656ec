using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tour;

/// <summary>A cloud hands out the SDK's own DynamoDB client; tables and items behave as in AWS.</summary>
internal static class DynamoDbBasics
{
    public static async Task RunAsync()
    {
        using var aws = new FakeAwsCloud();
        var ddb = aws.CreateClient<AmazonDynamoDBClient>();

        var table = await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("customer", KeyType.HASH), new KeySchemaElement("order", KeyType.RANGE)],
            AttributeDefinitions = [new AttributeDefinition("customer", ScalarAttributeType.S), new AttributeDefinition("order", ScalarAttributeType.N)],
        });
        Stop.Say($"CreateTable -> {table.TableDescription.TableArn} is {table.TableDescription.TableStatus}");

        await ddb.PutItemAsync("orders", new Dictionary<string, AttributeValue>
        {
            ["customer"] = new("ada"),
            ["order"] = new() { N = "001" },
            ["total"] = new() { N = "12.50" },
            ["items"] = new() { SS = ["tea", "scones"] },
        });
        var got = await ddb.GetItemAsync("orders", new Dictionary<string, AttributeValue> { ["customer"] = new("ada"), ["order"] = new() { N = "1" } });
        Stop.Say($"GetItem -> order {got.Item["order"].N}, total {got.Item["total"].N} (numbers come back canonical, as AWS stores them)");

        var described = await ddb.DescribeTableAsync("orders");
        Stop.Say($"DescribeTable -> {described.Table.ItemCount} item, {described.Table.TableSizeBytes} bytes as DynamoDB counts them");
    }
}
