using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FakeAws.Tests.StepFunctions;

public class DynamoDbIntegrationTests
{
    private const string Role = "arn:aws:iam::123456789012:role/sfn";

    private static async Task<(FakeAwsCloud Aws, SfnWire Sfn)> CloudWithTableAsync()
    {
        var aws = new FakeAwsCloud();
        var ddb = aws.CreateClient<AmazonDynamoDBClient>();
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        return (aws, new SfnWire(aws));
    }

    private static async Task<JsonObject> RunAsync(SfnWire sfn, FakeAwsCloud aws, string definition, string input)
    {
        var machine = (await sfn.CallAsync("CreateStateMachine", new JsonObject { ["name"] = "m", ["definition"] = definition, ["roleArn"] = Role }))["stateMachineArn"]!.GetValue<string>();
        var arn = (await sfn.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["input"] = input }))["executionArn"]!.GetValue<string>();
        await aws.RunUntilIdleAsync();
        return await sfn.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });
    }

    [Test]
    public async Task PutItemThenGetItem_ThroughTheCloudsDynamoDb()
    {
        var (aws, sfn) = await CloudWithTableAsync();
        using (aws)
        using (sfn)
        {
            var described = await RunAsync(sfn, aws, """
                {"StartAt": "Put", "States": {
                  "Put": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
                    "Parameters": {"TableName": "orders", "Item": {"id": {"S.$": "$.id"}, "total": {"N": "12"}}}, "ResultPath": null, "Next": "Get"},
                  "Get": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:getItem",
                    "Parameters": {"TableName": "orders", "Key": {"id": {"S.$": "$.id"}}}, "ResultSelector": {"total.$": "$.Item.total.N"}, "End": true}}}
                """, """{"id": "o-1"}""");
            Assert.That(described["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"), described.ToJsonString());
            Assert.That(described["output"]!.GetValue<string>(), Is.EqualTo("""{"total":"12"}"""));
            var item = await aws.CreateClient<AmazonDynamoDBClient>().GetItemAsync("orders", new Dictionary<string, AttributeValue> { ["id"] = new("o-1") });
            Assert.That(item.Item["total"].N, Is.EqualTo("12"));
        }
    }

    [Test]
    public async Task GetItemFromAMissingTable_IsCaughtAsDynamoDbResourceNotFoundException()
    {
        var (aws, sfn) = await CloudWithTableAsync();
        using (aws)
        using (sfn)
        {
            var described = await RunAsync(sfn, aws, """
                {"StartAt": "Get", "States": {
                  "Get": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem",
                    "Parameters": {"TableName": "missing", "Key": {"id": {"S": "o-1"}}},
                    "Catch": [{"ErrorEquals": ["DynamoDB.ResourceNotFoundException"], "Next": "Missing"}], "End": true},
                  "Missing": {"Type": "Pass", "Parameters": {"error.$": "$.Error", "cause.$": "$.Cause"}, "End": true}}}
                """, "{}");
            var output = JsonNode.Parse(described["output"]!.GetValue<string>())!;
            Assert.That(output["error"]!.GetValue<string>(), Is.EqualTo("DynamoDB.ResourceNotFoundException"));
            Assert.That(output["cause"]!.GetValue<string>(), Does.StartWith(
                "Requested resource not found (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ResourceNotFoundException; Request ID: "));
        }
    }
}
