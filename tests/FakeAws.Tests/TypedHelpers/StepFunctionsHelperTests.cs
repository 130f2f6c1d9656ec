using FakeAws.Engine.Core;
using System.Text.Json.Nodes;

namespace FakeAws.Tests.TypedHelpers;

public class StepFunctionsHelperTests
{
    private const string Role = "arn:aws:iam::123456789012:role/sfn";

    private static async Task CreateMachine(FakeAwsCloud aws, string name, string definition) =>
        await aws.CallAsync("states", "CreateStateMachine", new JsonObject { ["name"] = name, ["definition"] = definition, ["roleArn"] = Role });

    [Test]
    public async Task RunExecutionAsync_WaitsThroughAWaitState_AndReturnsOutputAndHistory()
    {
        using var aws = new FakeAwsCloud();
        await CreateMachine(aws, "orders", """
            {"StartAt": "Pause", "States": {
              "Pause": {"Type": "Wait", "Seconds": 3600, "Next": "Done"},
              "Done": {"Type": "Pass", "Parameters": {"order.$": "$.orderId"}, "End": true}}}
            """);
        var start = aws.Clock.GetUtcNow();

        var run = await aws.StepFunctions.RunExecutionAsync("orders", """{"orderId": "o-1"}""", name: "first");

        Assert.That(run.Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(JsonNode.Parse(run.Output!)!["order"]!.GetValue<string>(), Is.EqualTo("o-1"));
        Assert.That(run.ExecutionArn, Does.EndWith(":execution:orders:first"));
        // AWS's JSON carries times to the millisecond.
        Assert.That(run.StartDate, Is.EqualTo(start).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That(run.StopDate!.Value - run.StartDate, Is.EqualTo(TimeSpan.FromHours(1)).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That(run.History.Select(e => e.Type), Is.EqualTo(new[]
        {
            "ExecutionStarted", "WaitStateEntered", "WaitStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded",
        }));
        Assert.That(run.History[0].Details!["input"]!.GetValue<string>(), Does.Contain("o-1"));
        Assert.That(run.History.Select(e => e.Id), Is.EqualTo(Enumerable.Range(1, 6).Select(i => (long)i)));
    }

    [Test]
    public async Task WaitForExecutionAsync_AFailedExecution_HasItsErrorAndCause()
    {
        using var aws = new FakeAwsCloud();
        await CreateMachine(aws, "failing", """{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Orders.Invalid", "Cause": "no items"}}}""");

        var arn = await aws.StepFunctions.StartExecutionAsync("failing");
        var run = await aws.StepFunctions.WaitForExecutionAsync(arn);

        Assert.That((run.Status, run.Error, run.Cause), Is.EqualTo(("FAILED", "Orders.Invalid", "no items")));
        Assert.That(run.Output, Is.Null);
    }

    [Test]
    public void StartExecutionAsync_AnUnknownMachine_IsStepFunctionsError()
    {
        using var aws = new FakeAwsCloud();

        var error = Assert.ThrowsAsync<AwsServiceException>(() => aws.StepFunctions.StartExecutionAsync("missing"));

        Assert.That(error!.Code, Is.EqualTo("StateMachineDoesNotExist"));
    }
}
