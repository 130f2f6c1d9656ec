using System.Text.Json.Nodes;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.Tests.StepFunctions;

public class ServiceIntegrationTests
{
    [Test]
    public async Task DynamoDbGetItem_CallsTheApiAndReturnsItsResponse()
    {
        var sfn = new SfnHarness();
        sfn.Services.Api = (service, action, parameters) => new JsonObject { ["Item"] = new JsonObject { ["id"] = new JsonObject { ["S"] = "1" } } };
        const string definition = """
            {"StartAt": "Get", "States": {"Get": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem",
              "Parameters": {"TableName": "t", "Key": {"id": {"S.$": "$.id"}}}, "ResultSelector": {"id.$": "$.Item.id.S"}, "End": true}}}
            """;
        var execution = await sfn.RunAsync(definition, """{"id": "1"}""");
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"id":"1"}"""));
        Assert.That(sfn.Services.ApiCalls.Single(), Is.EqualTo(("dynamodb", "GetItem", """{"TableName":"t","Key":{"id":{"S":"1"}}}""")));
        Assert.That(execution.Events[2].TaskScheduledEventDetails!.ResourceType, Is.EqualTo("dynamodb"));
        Assert.That(execution.Events[2].TaskScheduledEventDetails!.Resource, Is.EqualTo("getItem"));
    }

    [Test]
    public async Task DynamoDbPutItem_ServiceError_IsNamedAfterTheService()
    {
        var sfn = new SfnHarness();
        sfn.Services.Api = (_, _, _) => throw new AwsServiceException("ConditionalCheckFailedException", "The conditional request failed");
        var execution = await sfn.RunAsync("""{"StartAt": "Put", "States": {"Put": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "Parameters": {"TableName": "t"}, "End": true}}}""");
        Assert.That(execution.Error, Is.EqualTo("DynamoDB.ConditionalCheckFailedException"));
        Assert.That(execution.Cause, Does.StartWith("The conditional request failed (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ConditionalCheckFailedException; Request ID: "));
    }

    [Test]
    public async Task AwsSdkIntegration_ServiceError_UsesTheSdkServiceName()
    {
        var sfn = new SfnHarness();
        sfn.Services.Api = (_, _, _) => throw new AwsServiceException("ResourceNotFoundException", "Requested resource not found");
        var execution = await sfn.RunAsync("""{"StartAt": "Q", "States": {"Q": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:query", "Parameters": {"TableName": "t"}, "End": true}}}""");
        Assert.That(execution.Error, Is.EqualTo("DynamoDb.ResourceNotFoundException"));
        Assert.That(execution.Events[2].TaskScheduledEventDetails!.ResourceType, Is.EqualTo("aws-sdk:dynamodb"));
        Assert.That(sfn.Services.ApiCalls.Single().Action, Is.EqualTo("Query"));
    }

    [TestCase("arn:aws:states:::states:startExecution.sync", "\"{\\\"x\\\":1}\"")]
    [TestCase("arn:aws:states:::states:startExecution.sync:2", "{\"x\":1}")]
    public async Task StartExecutionSync_WaitsForTheChildAndReturnsItsDescription(string resource, string output)
    {
        var sfn = new SfnHarness();
        var child = sfn.Create("""{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 30, "Next": "P"}, "P": {"Type": "Pass", "Result": {"x": 1}, "End": true}}}""", "child");
        var parent = """{"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": """ + $"\"{resource}\""
            + """, "Parameters": {"StateMachineArn": """ + $"\"{child}\"" + """, "Input": {"from": "parent"}}, "End": true}}}""";
        var arn = sfn.Start(sfn.Create(parent, "parent"));
        await sfn.Clock.RunUntilIdleAsync();
        var execution = sfn.Describe(arn);
        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"), execution.Cause);
        Assert.That(SfnHarness.Json(execution.Output!["Output"]), Is.EqualTo(output));
        Assert.That(execution.Output!["Status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"));
        Assert.That(execution.Types, Does.Contain("TaskSubmitted"));
        Assert.That(sfn.Clock.GetUtcNow() - SfnHarness.StartTime, Is.EqualTo(TimeSpan.FromSeconds(30)));
        var children = sfn.Engine.ListExecutions(sfn.Scope, new ListExecutionsInput { StateMachineArn = child }).Executions!;
        Assert.That(sfn.Describe(children.Single().ExecutionArn!).Events[0].ExecutionStartedEventDetails!.Input, Is.EqualTo("""{"from":"parent"}"""));
    }

    [Test]
    public async Task StartExecutionSync_ChildFails_FailsWithStatesTaskFailed()
    {
        var sfn = new SfnHarness();
        var child = sfn.Create("""{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "ChildError"}}}""", "child");
        var parent = """{"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync", "Parameters": {"StateMachineArn": """
            + $"\"{child}\"" + """}, "End": true}}}""";
        var arn = sfn.Start(sfn.Create(parent, "parent"));
        await sfn.Clock.RunUntilIdleAsync();
        var execution = sfn.Describe(arn);
        Assert.That(execution.Error, Is.EqualTo("States.TaskFailed"));
        Assert.That(execution.Cause, Does.Contain("\"Status\":\"FAILED\"").And.Contain("\"Error\":\"ChildError\""));
    }

    [Test]
    public async Task StartExecution_WithoutSync_ReturnsTheChildsArnAtOnce()
    {
        var sfn = new SfnHarness();
        var child = sfn.Create("""{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 30, "End": true}}}""", "child");
        var parent = """{"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution", "Parameters": {"StateMachineArn": """
            + $"\"{child}\", \"Name\": \"kid\"" + """}, "End": true}}}""";
        var arn = sfn.Start(sfn.Create(parent, "parent"));
        await sfn.Clock.RunUntilIdleAsync(TimeSpan.Zero);
        var execution = sfn.Describe(arn);
        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(execution.Output!["ExecutionArn"]!.GetValue<string>(), Is.EqualTo("arn:aws:states:us-east-1:123456789012:execution:child:kid"));
    }
}
