using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.Tests.StepFunctions;

public class MapStateTests
{
    [Test]
    public async Task Map_Inline_RunsEachItemAndCollectsOutputsInOrder()
    {
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 1,
              "ItemSelector": {"value.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index", "tag.$": "$.tag"},
              "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
              "ResultPath": "$.out", "End": true}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition, """{"items": ["a", "b"], "tag": "t"}""");
        Assert.That(SfnHarness.Json(execution.Output!["out"]),
            Is.EqualTo("""[{"value":"a","index":0,"tag":"t"},{"value":"b","index":1,"tag":"t"}]"""));
        Assert.That(execution.Types, Is.EqualTo(new[]
        {
            "ExecutionStarted", "MapStateEntered", "MapStateStarted",
            "MapIterationStarted", "PassStateEntered", "PassStateExited", "MapIterationSucceeded",
            "MapIterationStarted", "PassStateEntered", "PassStateExited", "MapIterationSucceeded",
            "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded",
        }));
        Assert.That(execution.Events[2].MapStateStartedEventDetails!.Length, Is.EqualTo(2));
        // The second iteration follows the first iteration's last state; the Map's exit follows the last iteration.
        Assert.That(execution.Events[7].PreviousEventId, Is.EqualTo(6));
        Assert.That(execution.Events[11].PreviousEventId, Is.EqualTo(11));
        Assert.That(execution.Events[12].PreviousEventId, Is.EqualTo(11));
    }

    [Test]
    public async Task Map_LegacyIteratorWithParameters_UsesParametersAsTheItemSelector()
    {
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "Parameters": {"v.$": "$$.Map.Item.Value"},
              "Iterator": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition, "[1, 2]");
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""[{"v":1},{"v":2}]"""));
    }

    [Test]
    public async Task Map_IterationFails_FailsTheMapAndIsCaught()
    {
        const string definition = """
            {"StartAt": "M", "States": {
              "M": {"Type": "Map", "MaxConcurrency": 1, "ItemsPath": "$.items", "ItemProcessor": {"StartAt": "Check", "States": {
                  "Check": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "Boom"}], "Default": "Ok"},
                  "Boom": {"Type": "Fail", "Error": "Two", "Cause": "item 2"},
                  "Ok": {"Type": "Pass", "End": true}}},
                "Catch": [{"ErrorEquals": ["Two"], "Next": "Caught", "ResultPath": "$.error"}], "End": true},
              "Caught": {"Type": "Pass", "End": true}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition, """{"items": [1, 2, 3]}""");
        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"), execution.Cause);
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""{"items":[1,2,3],"error":{"Error":"Two","Cause":"item 2"}}"""));
        Assert.That(execution.Types, Does.Contain("MapIterationFailed").And.Contain("MapStateFailed"));
        Assert.That(execution.Types.Count(t => t == "MapIterationStarted"), Is.EqualTo(2));
    }

    [Test]
    public async Task Map_UnlimitedConcurrency_RunsIterationsSideBySideOnTheClock()
    {
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"StartAt": "W", "States": {
               "W": {"Type": "Wait", "Seconds": 10, "End": true}}}, "End": true}}}
            """;
        var sfn = new SfnHarness();
        var arn = sfn.Start(sfn.Create(definition), "[1, 2, 3]");
        await sfn.Clock.RunUntilIdleAsync();
        Assert.That(sfn.Describe(arn).Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(sfn.Clock.GetUtcNow() - SfnHarness.StartTime, Is.EqualTo(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task Map_MaxConcurrencyOne_RunsIterationsOneAfterAnother()
    {
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrencyPath": "$.max", "ItemsPath": "$.items", "ItemProcessor": {"StartAt": "W", "States": {
               "W": {"Type": "Wait", "Seconds": 10, "End": true}}}, "End": true}}}
            """;
        var sfn = new SfnHarness();
        var arn = sfn.Start(sfn.Create(definition), """{"max": "1", "items": [1, 2, 3]}""");
        await sfn.Clock.RunUntilIdleAsync();
        Assert.That(sfn.Describe(arn).Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(sfn.Clock.GetUtcNow() - SfnHarness.StartTime, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task Map_ItemsPathNotAnArray_FailsWithStatesRuntime()
    {
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.x", "ItemProcessor": {"StartAt": "P", "States": {
               "P": {"Type": "Pass", "End": true}}}, "End": true}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition, """{"x": {"a": 1}}""");
        Assert.That(execution.Error, Is.EqualTo("States.Runtime"));
        Assert.That(execution.Cause, Does.EndWith("Map state input must be an array but was: {\"a\":1}"));
    }

    [Test]
    public async Task Map_Distributed_RunsChildExecutionsInAMapRun()
    {
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "Label": "Items", "MaxConcurrency": 2,
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"doubled.$": "States.MathAdd($, $)"}, "End": true}}},
              "End": true}}}
            """;
        var sfn = new SfnHarness();
        var arn = sfn.Start(sfn.Create(definition, name: "dm"), "[1, 2, 3]");
        await sfn.Clock.RunUntilIdleAsync();
        var execution = sfn.Describe(arn);
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""[{"doubled":2},{"doubled":4},{"doubled":6}]"""));
        Assert.That(execution.Types, Is.EqualTo(new[]
        {
            "ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded",
        }));
        var mapRunArn = execution.Events[3].MapRunStartedEventDetails!.MapRunArn!;
        Assert.That(mapRunArn, Does.StartWith("arn:aws:states:us-east-1:123456789012:mapRun:dm/Items:"));

        var mapRun = sfn.Engine.DescribeMapRun(sfn.Scope, new DescribeMapRunInput { MapRunArn = mapRunArn });
        Assert.That((mapRun.Status, mapRun.ExecutionCounts!.Succeeded, mapRun.ExecutionCounts.Total, mapRun.MaxConcurrency), Is.EqualTo(("SUCCEEDED", 3L, 3L, 2)));
        var children = sfn.Engine.ListExecutions(sfn.Scope, new ListExecutionsInput { MapRunArn = mapRunArn }).Executions!;
        Assert.That(children, Has.Count.EqualTo(3));
        Assert.That(children.All(c => c.StateMachineArn == "arn:aws:states:us-east-1:123456789012:stateMachine:dm/Items"), Is.True);
        Assert.That(sfn.History(children[0].ExecutionArn!).Select(e => e.Type), Is.EqualTo(new[] { "ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded" }));
        var runs = sfn.Engine.ListMapRuns(sfn.Scope, new ListMapRunsInput { ExecutionArn = arn }).MapRuns!;
        Assert.That(runs.Single().MapRunArn, Is.EqualTo(mapRunArn));
    }

    [TestCase(1, "SUCCEEDED")]
    [TestCase(0, "FAILED")]
    public async Task Map_DistributedWithToleratedFailureCount_ToleratesThatManyFailures(int tolerated, string status)
    {
        var definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ToleratedFailureCount": 
            """ + tolerated + """
            , "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                "StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "F"}], "Default": "P"},
                  "F": {"Type": "Fail", "Error": "Bad"}, "P": {"Type": "Pass", "End": true}}},
              "End": true}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition, "[1, 2, 3]");
        Assert.That(execution.Status, Is.EqualTo(status));
        if (status == "FAILED")
        {
            Assert.That(execution.Error, Is.EqualTo("States.ExceedToleratedFailureThreshold"));
            Assert.That(execution.Types, Does.Contain("MapRunFailed"));
        }
    }

    [Test]
    public async Task Map_ToleratedFailureCountPathNotAnInteger_FailsWithAwsCause()
    {
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ToleratedFailureCountPath": "$.t", "ItemsPath": "$.items",
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"}, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
              "End": true}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition, """{"items": [1], "t": "many"}""");
        Assert.That(execution.Cause, Is.EqualTo(
            "An error occurred while executing the state 'M' (entered at the event id #2). The ToleratedFailureCountPath field refers to value \"many\" which is not a valid integer: $.t"));
        Assert.That(execution.Types, Is.EqualTo(new[] { "ExecutionStarted", "MapStateEntered", "MapStateStarted", "ExecutionFailed" }));
    }

    [Test]
    public async Task Map_ItemBatcher_GroupsItemsWithTheBatchInput()
    {
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map",
              "ItemBatcher": {"MaxItemsPerBatch": 2, "BatchInput": {"source.$": "$.source"}}, "ItemsPath": "$.items",
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"}, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
              "End": true}}}
            """;
        var execution = await new SfnHarness().RunAsync(definition, """{"items": [1, 2, 3], "source": "s"}""");
        Assert.That(SfnHarness.Json(execution.Output),
            Is.EqualTo("""[{"BatchInput":{"source":"s"},"Items":[1,2]},{"BatchInput":{"source":"s"},"Items":[3]}]"""));
    }

    [Test]
    public async Task UpdateMapRun_ChangesItsSettings()
    {
        const string definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map",
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"}, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
              "End": true}}}
            """;
        var sfn = new SfnHarness();
        var execution = await sfn.RunAsync(definition, "[1]");
        var mapRunArn = execution.Events.Single(e => e.Type == "MapRunStarted").MapRunStartedEventDetails!.MapRunArn!;
        sfn.Engine.UpdateMapRun(sfn.Scope, new UpdateMapRunInput { MapRunArn = mapRunArn, MaxConcurrency = 5, ToleratedFailurePercentage = 10 });
        var described = sfn.Engine.DescribeMapRun(sfn.Scope, new DescribeMapRunInput { MapRunArn = mapRunArn });
        Assert.That((described.MaxConcurrency, described.ToleratedFailurePercentage), Is.EqualTo((5, 10.0)));
    }
}
