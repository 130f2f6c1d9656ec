using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.Tests.StepFunctions;

public class TaskMockTests
{
    private const string Definition = """
        {"StartAt": "Charge", "States": {"Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "charge"}, "Retry": [{"ErrorEquals": ["Declined"], "IntervalSeconds": 1}],
          "OutputPath": "$.Payload", "End": true}}}
        """;

    [Test]
    public async Task Mock_SequenceOfOutcomes_IsUsedOnePerInvocation()
    {
        var sfn = new SfnHarness();
        sfn.Engine.Mocks.For("orders")
            .Throws("Charge", "Declined", "card expired")
            .Returns("Charge", JsonNode.Parse("""{"StatusCode": 200, "Payload": {"charged": true}}"""));
        var arn = sfn.Start(sfn.Create(Definition, "orders"));
        await sfn.Clock.RunUntilIdleAsync();
        var execution = sfn.Describe(arn);
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"charged":true}"""));
        Assert.That(execution.Types, Is.EqualTo(new[]
        {
            "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed",
            "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded",
        }));
        Assert.That(sfn.Services.Invocations, Is.Empty, "a mocked task calls nothing");
    }

    [Test]
    public async Task MockConfigFile_TestCase_AppliesToExecutionsStartedWithIt()
    {
        var sfn = new SfnHarness();
        sfn.Engine.Mocks.Load("""
            {"StateMachines": {"orders": {"TestCases": {"HappyPath": {"Charge": "ChargeOk"}}}},
             "MockedResponses": {"ChargeOk": {"0": {"Return": {"StatusCode": 200, "Payload": "ok"}}}}}
            """);
        var machine = sfn.Create(Definition, "orders");
        var mocked = sfn.Start(machine + "#HappyPath");
        var real = sfn.Start(machine);
        await sfn.Clock.RunUntilIdleAsync();
        Assert.That(SfnHarness.Json(sfn.Describe(mocked).Output), Is.EqualTo("\"ok\""));
        Assert.That(sfn.Describe(real).Error, Is.EqualTo("Lambda.ResourceNotFoundException"));
    }

    [Test]
    public void MockConfigFile_UnknownResponse_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new SfnHarness().Engine.Mocks.Load("""{"StateMachines": {"m": {"TestCases": {"c": {"S": "Missing"}}}}}"""));

    [Test]
    public async Task Mock_FunctionArnTask_ReturnsThePayload()
    {
        var sfn = new SfnHarness();
        sfn.Engine.Mocks.For("m").Returns("T", JsonNode.Parse("""{"mocked": 1}"""));
        var arn = sfn.Start(sfn.Create("""{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:none", "End": true}}}""", "m"));
        await sfn.Clock.RunUntilIdleAsync();
        var execution = sfn.Describe(arn);
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"mocked":1}"""));
        Assert.That(execution.Types, Does.Contain("LambdaFunctionSucceeded"));
        var history = sfn.Engine.GetExecutionHistory(sfn.Scope, new GetExecutionHistoryInput { ExecutionArn = arn });
        Assert.That(history.Events, Has.Count.EqualTo(7));
    }
}
