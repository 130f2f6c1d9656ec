using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.Tests.StepFunctions;

/// <summary>
/// RedriveExecution of Parallel and Map states: only the branches, iterations and Map Run child
/// executions that did not succeed run again ("Redriving executions", "Redriving Map Runs").
/// </summary>
public class RedrivePartialTests
{
    private const string Fn = "arn:aws:lambda:us-east-1:123456789012:function:";

    /// <summary>Fails while <see cref="Failing"/> holds the event's value.</summary>
    private sealed class Flaky
    {
        public HashSet<int> Failing { get; } = [];

        public SfnHarness Sfn { get; } = new();

        public Flaky(params int[] failing)
        {
            Failing.UnionWith(failing);
            Sfn.Services.AddFunctionFailingWhen("fn", e => Failing.Contains(e!.GetValue<int>()));
        }

        public int Calls(int value) => Sfn.Services.Invocations.Count(i => i.Function == "fn" && i.Payload == value.ToString());

        public async Task<Execution> RunAndRedriveAsync(string definition, string input)
        {
            var arn = Sfn.Start(Sfn.Create(definition), input);
            await Sfn.Clock.RunUntilIdleAsync();
            Assert.That(Sfn.Describe(arn).Status, Is.EqualTo("FAILED"));
            Failing.Clear();
            Sfn.Engine.RedriveExecution(Sfn.Scope, new RedriveExecutionInput { ExecutionArn = arn });
            await Sfn.Clock.RunUntilIdleAsync();
            return Sfn.Describe(arn);
        }
    }

    [Test]
    public async Task Redrive_Parallel_RerunsOnlyTheBranchThatFailed()
    {
        var definition = """
            {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "FN", "InputPath": "$.a", "End": true}}},
              {"StartAt": "B0", "States": {
                "B0": {"Type": "Task", "Resource": "FN", "InputPath": "$.b0", "ResultPath": "$.first", "Assign": {"seen.$": "$"}, "Next": "B"},
                "B": {"Type": "Task", "Resource": "FN", "Parameters": {"v.$": "$.b", "seen.$": "$seen"}, "OutputPath": "$.v", "ResultSelector": {"v.$": "$"}, "End": true}}}]}}}
            """.Replace("FN", Fn + "fn");
        // The second branch fails at B with v = 3; its B0 (v = 2) and the first branch (v = 1) succeeded.
        var flaky = new Flaky(3);
        flaky.Sfn.Services.AddFunctionFailingWhen("fn", e => e is JsonObject o ? flaky.Failing.Contains(o["v"]!.GetValue<int>()) : flaky.Failing.Contains(e!.GetValue<int>()));
        var execution = await flaky.RunAndRedriveAsync(definition, """{"a": 1, "b0": 2, "b": 3}""");
        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("""[1,{"v":3,"seen":2}]"""));
        var invocations = flaky.Sfn.Services.Invocations.Select(i => i.Payload).ToList();
        Assert.That(invocations.Count(p => p == "1"), Is.EqualTo(1), "the first branch succeeded and is not run again");
        Assert.That(invocations.Count(p => p == "2"), Is.EqualTo(1), "B0 succeeded and is not run again");
        Assert.That(invocations.Count(p => p == """{"v":3,"seen":2}"""), Is.EqualTo(2));
        var afterRedrive = execution.Events.SkipWhile(e => e.Type != "ExecutionRedriven").Select(e => e.Type).ToList();
        Assert.That(afterRedrive.Count(t => t == "TaskStateEntered"), Is.EqualTo(1));
        Assert.That(afterRedrive, Does.Contain("ParallelStateStarted"));
    }

    [Test]
    public async Task Redrive_InlineMap_RerunsOnlyTheIterationsThatDidNotSucceed()
    {
        var definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 1, "End": true,
              "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "FN", "End": true}}}}}}
            """.Replace("FN", Fn + "fn");
        var flaky = new Flaky(2);
        var execution = await flaky.RunAndRedriveAsync(definition, "[1, 2, 3]");
        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("[1,2,3]"));
        // Item 1 succeeded before the failure and is not rerun; item 3 never started and runs once.
        Assert.That((flaky.Calls(1), flaky.Calls(2), flaky.Calls(3)), Is.EqualTo((1, 2, 1)));
        var iterations = execution.Events.SkipWhile(e => e.Type != "ExecutionRedriven")
            .Where(e => e.Type == "MapIterationStarted").Select(e => e.MapIterationStartedEventDetails!.Index).ToList();
        Assert.That(iterations, Is.EqualTo(new int?[] { 1, 2 }));
    }

    [Test]
    public async Task Redrive_AfterARetryOrCatch_StateRunsWhole()
    {
        // A Map whose failure a Catch handled is not the state the execution stopped in: a later
        // failure's redrive does not carry its iterations over.
        var definition = """
            {"StartAt": "M", "States": {
              "M": {"Type": "Map", "MaxConcurrency": 1, "Next": "Last", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Last"}],
                "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "FN", "End": true}}}},
              "Last": {"Type": "Task", "Resource": "FN", "InputPath": "$.Error", "End": true}}}
            """.Replace("FN", Fn + "fn");
        var flaky = new Flaky(2);
        flaky.Sfn.Services.AddFunctionFailingWhen("fn", e => e is JsonValue v && (v.TryGetValue<int>(out var n) ? flaky.Failing.Contains(n) : flaky.Failing.Count > 0));
        var execution = await flaky.RunAndRedriveAsync(definition, "[1, 2, 3]");
        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"));
        Assert.That((flaky.Calls(1), flaky.Calls(2), flaky.Calls(3)), Is.EqualTo((1, 1, 0)), "only Last is run again");
    }

    private const string DistributedDefinition = """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "Label": "Items", "End": true,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "TYPE"},
            "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "FN", "End": true}}}}}}
        """;

    [Test]
    public async Task Redrive_DistributedMap_RedrivesTheMapRunAndItsFailedStandardChildren()
    {
        var flaky = new Flaky(2);
        var sfn = flaky.Sfn;
        var execution = await flaky.RunAndRedriveAsync(DistributedDefinition.Replace("TYPE", "STANDARD").Replace("FN", Fn + "fn"), "[1, 2, 3]");
        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(SfnHarness.Json(execution.Output), Is.EqualTo("[1,2,3]"));
        Assert.That((flaky.Calls(1), flaky.Calls(2), flaky.Calls(3)), Is.EqualTo((1, 2, 1)));

        var mapRunArn = execution.Events.First(e => e.Type == "MapRunStarted").MapRunStartedEventDetails!.MapRunArn;
        var redriven = execution.Events.Single(e => e.Type == "MapRunRedriven");
        Assert.That((redriven.MapRunRedrivenEventDetails!.MapRunArn, redriven.MapRunRedrivenEventDetails.RedriveCount), Is.EqualTo((mapRunArn, (int?)1)));
        Assert.That(execution.Events.Count(e => e.Type == "MapRunStarted"), Is.EqualTo(1));
        Assert.That(execution.Types.SkipWhile(t => t != "ExecutionRedriven"), Is.EqualTo(new[]
        {
            "ExecutionRedriven", "MapStateEntered", "MapStateStarted", "MapRunRedriven", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded",
        }));

        var mapRun = sfn.Engine.DescribeMapRun(sfn.Scope, new DescribeMapRunInput { MapRunArn = mapRunArn });
        Assert.That((mapRun.Status, mapRun.RedriveCount, mapRun.RedriveDate, mapRun.ExecutionCounts!.Succeeded, mapRun.ExecutionCounts.Failed, mapRun.ExecutionCounts.Total),
            Is.EqualTo(("SUCCEEDED", (int?)1, (DateTimeOffset?)sfn.Cloud.Now, 3L, 0L, 3L)));
        var children = sfn.Engine.ListExecutions(sfn.Scope, new ListExecutionsInput { MapRunArn = mapRunArn }).Executions!;
        Assert.That(children, Has.Count.EqualTo(3), "the failed Standard child is redriven, not replaced");
        Assert.That(children.Select(c => c.RedriveCount).OrderBy(c => c), Is.EqualTo(new int?[] { 0, 0, 1 }));
        var child = children.Single(c => c.RedriveCount == 1).ExecutionArn!;
        Assert.That(sfn.History(child).Select(e => e.Type), Is.EqualTo(new[]
        {
            "ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed", "ExecutionFailed",
            "ExecutionRedriven", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded",
        }));
    }

    [Test]
    public async Task Redrive_DistributedMapOfExpressChildren_StartsNewChildrenForTheFailedOnes()
    {
        var flaky = new Flaky(2);
        var sfn = flaky.Sfn;
        var execution = await flaky.RunAndRedriveAsync(DistributedDefinition.Replace("TYPE", "EXPRESS").Replace("FN", Fn + "fn"), "[1, 2, 3]");
        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"));
        var mapRunArn = execution.Events.First(e => e.Type == "MapRunStarted").MapRunStartedEventDetails!.MapRunArn;
        var children = sfn.Engine.ListExecutions(sfn.Scope, new ListExecutionsInput { MapRunArn = mapRunArn }).Executions!;
        Assert.That(children.Select(c => c.Status).OrderBy(s => s), Is.EqualTo(new[] { "FAILED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED" }));
        var mapRun = sfn.Engine.DescribeMapRun(sfn.Scope, new DescribeMapRunInput { MapRunArn = mapRunArn });
        Assert.That((mapRun.RedriveCount, mapRun.ExecutionCounts!.Succeeded, mapRun.ExecutionCounts.Failed), Is.EqualTo(((int?)1, 3L, 0L)));
    }
}
