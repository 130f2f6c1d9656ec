using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.Tests.StepFunctions;

public class ControlPlaneTests
{
    private const string PassDefinition = """{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}""";
    private const string WaitDefinition = """{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 60, "End": true}}}""";

    [Test]
    public void CreateStateMachine_SameRequestTwice_IsIdempotent_ButDifferentDefinitionConflicts()
    {
        var sfn = new SfnHarness();
        var arn = sfn.Create(PassDefinition, "m");
        Assert.That(sfn.Create(PassDefinition, "m"), Is.EqualTo(arn));
        var e = Assert.Throws<AwsServiceException>(() => sfn.Create(WaitDefinition, "m"));
        Assert.That((e!.Code, e.Message), Is.EqualTo(("StateMachineAlreadyExists", $"State Machine Already Exists: '{arn}'")));
    }

    [TestCase("has space")]
    [TestCase("bad:colon")]
    [TestCase("")]
    public void CreateStateMachine_InvalidName_IsInvalidName(string name)
    {
        var e = Assert.Throws<AwsServiceException>(() => new SfnHarness().Create(PassDefinition, name));
        Assert.That(e!.Code, Is.EqualTo("InvalidName"));
    }

    [Test]
    public void DescribeStateMachine_ReturnsWhatWasCreated()
    {
        var sfn = new SfnHarness();
        var arn = sfn.Create(PassDefinition, "m", "EXPRESS");
        var described = sfn.Engine.DescribeStateMachine(sfn.Scope, new DescribeStateMachineInput { StateMachineArn = arn });
        Assert.That((described.Name, described.Status, described.Type, described.Definition, described.RoleArn),
            Is.EqualTo(("m", "ACTIVE", "EXPRESS", PassDefinition, SfnHarness.Role)));
        Assert.That(described.LoggingConfiguration!.Level, Is.EqualTo("OFF"));
        Assert.That(described.CreationDate, Is.EqualTo(SfnHarness.StartTime));
        var e = Assert.Throws<AwsServiceException>(() => sfn.Engine.DescribeStateMachine(sfn.Scope, new DescribeStateMachineInput { StateMachineArn = arn + "x" }));
        Assert.That(e!.Code, Is.EqualTo("StateMachineDoesNotExist"));
        Assert.That(Assert.Throws<AwsServiceException>(() => sfn.Engine.DescribeStateMachine(sfn.Scope, new DescribeStateMachineInput { StateMachineArn = "nope" }))!.Code, Is.EqualTo("InvalidArn"));
    }

    [Test]
    public void UpdateStateMachine_NewDefinition_IsDescribedAndPublishedAsAVersion()
    {
        var sfn = new SfnHarness();
        var arn = sfn.Create(PassDefinition, "m");
        var updated = sfn.Engine.UpdateStateMachine(sfn.Scope, new UpdateStateMachineInput { StateMachineArn = arn, Definition = WaitDefinition, Publish = true, VersionDescription = "v1" });
        Assert.That(updated.StateMachineVersionArn, Is.EqualTo(arn + ":1"));
        Assert.That(sfn.Engine.DescribeStateMachine(sfn.Scope, new DescribeStateMachineInput { StateMachineArn = arn }).Definition, Is.EqualTo(WaitDefinition));
        var version = sfn.Engine.DescribeStateMachine(sfn.Scope, new DescribeStateMachineInput { StateMachineArn = arn + ":1" });
        Assert.That((version.Description, version.RevisionId), Is.EqualTo(("v1", updated.RevisionId)));
    }

    [Test]
    public void ListStateMachines_PagesThroughEveryMachine()
    {
        var sfn = new SfnHarness();
        for (var i = 0; i < 5; i++)
        {
            sfn.Create(PassDefinition, $"m{i}");
        }
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = sfn.Engine.ListStateMachines(sfn.Scope, new ListStateMachinesInput { MaxResults = 2, NextToken = token });
            Assert.That(page.StateMachines!.Count, Is.LessThanOrEqualTo(2));
            names.AddRange(page.StateMachines.Select(m => m.Name!));
            token = page.NextToken;
        }
        while (token is not null);
        Assert.That(names, Is.EqualTo(new[] { "m0", "m1", "m2", "m3", "m4" }));
        Assert.That(Assert.Throws<AwsServiceException>(() => sfn.Engine.ListStateMachines(sfn.Scope, new ListStateMachinesInput { NextToken = "garbage" }))!.Code, Is.EqualTo("InvalidToken"));
    }

    [Test]
    public void DeleteStateMachine_RemovesIt()
    {
        var sfn = new SfnHarness();
        var arn = sfn.Create(PassDefinition, "m");
        sfn.Engine.DeleteStateMachine(sfn.Scope, new DeleteStateMachineInput { StateMachineArn = arn });
        Assert.That(sfn.Engine.ListStateMachines(sfn.Scope, new ListStateMachinesInput()).StateMachines, Is.Empty);
        Assert.Throws<AwsServiceException>(() => sfn.Start(arn));
    }

    [Test]
    public async Task StartExecution_SameNameAndInputWhileRunning_IsIdempotent_OtherwiseAlreadyExists()
    {
        var sfn = new SfnHarness();
        var machine = sfn.Create(WaitDefinition);
        var first = sfn.Start(machine, """{"a":1}""", "run");
        Assert.That(sfn.Start(machine, """{"a":1}""", "run"), Is.EqualTo(first));
        Assert.That(Assert.Throws<AwsServiceException>(() => sfn.Start(machine, """{"a":2}""", "run"))!.Code, Is.EqualTo("ExecutionAlreadyExists"));
        await sfn.Clock.RunUntilIdleAsync();
        var e = Assert.Throws<AwsServiceException>(() => sfn.Start(machine, """{"a":1}""", "run"));
        Assert.That((e!.Code, e.Message), Is.EqualTo(("ExecutionAlreadyExists", $"Execution Already Exists: '{first}'")));
    }

    [Test]
    public void StartExecution_InputNotJson_IsInvalidExecutionInput()
    {
        var sfn = new SfnHarness();
        var e = Assert.Throws<AwsServiceException>(() => sfn.Start(sfn.Create(PassDefinition), "{nope"));
        Assert.That(e!.Code, Is.EqualTo("InvalidExecutionInput"));
        Assert.That(e.Message, Does.StartWith("Invalid State Machine Execution Input: '"));
    }

    [Test]
    public async Task StopExecution_WhileWaiting_AbortsWithErrorAndCause()
    {
        var sfn = new SfnHarness();
        var arn = sfn.Start(sfn.Create(WaitDefinition));
        await sfn.Clock.RunUntilIdleAsync(TimeSpan.Zero);
        var stopped = sfn.Engine.StopExecution(sfn.Scope, new StopExecutionInput { ExecutionArn = arn, Error = "Why", Cause = "Because" });
        await sfn.Clock.RunUntilIdleAsync();
        var execution = sfn.Describe(arn);
        Assert.That((execution.Status, execution.Error, execution.Cause), Is.EqualTo(("ABORTED", "Why", "Because")));
        Assert.That(execution.Types, Is.EqualTo(new[] { "ExecutionStarted", "WaitStateEntered", "ExecutionAborted" }));
        Assert.That(execution.Events[2].PreviousEventId, Is.EqualTo(0));
        Assert.That(stopped.StopDate, Is.EqualTo(SfnHarness.StartTime));
        Assert.That(sfn.Clock.GetUtcNow(), Is.EqualTo(SfnHarness.StartTime), "the aborted wait does not hold the clock");
    }

    [Test]
    public async Task ListExecutions_FiltersByStatusNewestFirst()
    {
        var sfn = new SfnHarness();
        var machine = sfn.Create(WaitDefinition);
        var a = sfn.Start(machine, name: "a");
        await sfn.Clock.RunUntilIdleAsync();
        sfn.Clock.Advance(TimeSpan.FromSeconds(1));
        var b = sfn.Start(machine, name: "b");
        await sfn.Clock.RunUntilIdleAsync(TimeSpan.Zero);
        var all = sfn.Engine.ListExecutions(sfn.Scope, new ListExecutionsInput { StateMachineArn = machine }).Executions!;
        Assert.That(all.Select(e => e.ExecutionArn), Is.EqualTo(new[] { b, a }));
        var running = sfn.Engine.ListExecutions(sfn.Scope, new ListExecutionsInput { StateMachineArn = machine, StatusFilter = "RUNNING" }).Executions!;
        Assert.That(running.Single().Name, Is.EqualTo("b"));
    }

    [Test]
    public async Task GetExecutionHistory_ReverseOrderAndPaging()
    {
        var sfn = new SfnHarness();
        var execution = await sfn.RunAsync(PassDefinition);
        var reversed = sfn.Engine.GetExecutionHistory(sfn.Scope, new GetExecutionHistoryInput { ExecutionArn = execution.Arn, ReverseOrder = true, MaxResults = 3 });
        Assert.That(reversed.Events!.Select(e => e.Id), Is.EqualTo(new long?[] { 4, 3, 2 }));
        var rest = sfn.Engine.GetExecutionHistory(sfn.Scope, new GetExecutionHistoryInput { ExecutionArn = execution.Arn, ReverseOrder = true, MaxResults = 3, NextToken = reversed.NextToken });
        Assert.That(rest.Events!.Select(e => e.Id), Is.EqualTo(new long?[] { 1 }));
        Assert.That(rest.NextToken, Is.Null);
        var withoutData = sfn.Engine.GetExecutionHistory(sfn.Scope, new GetExecutionHistoryInput { ExecutionArn = execution.Arn, IncludeExecutionData = false });
        Assert.That(withoutData.Events![1].StateEnteredEventDetails!.Input, Is.Null);
        Assert.That(withoutData.Events![1].StateEnteredEventDetails!.Name, Is.EqualTo("A"));
    }

    [Test]
    public async Task StartSyncExecution_Express_ReturnsTheOutcome()
    {
        var sfn = new SfnHarness();
        var machine = sfn.Create("""{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 2, "Next": "P"}, "P": {"Type": "Pass", "Result": 7, "End": true}}}""", type: "EXPRESS");
        var result = await sfn.Engine.StartSyncExecution(sfn.Scope, new StartSyncExecutionInput { StateMachineArn = machine, Name = "s" }, CancellationToken.None);
        Assert.That((result.Status, result.Output, result.Name), Is.EqualTo(("SUCCEEDED", "7", "s")));
        Assert.That(result.ExecutionArn, Does.StartWith("arn:aws:states:us-east-1:123456789012:express:machine:s:"));
        Assert.That(result.StopDate - result.StartDate, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(result.BillingDetails!.BilledDurationInMilliseconds, Is.EqualTo(2000));
    }

    [Test]
    public void StartSyncExecution_Standard_IsNotSupported()
    {
        var sfn = new SfnHarness();
        var machine = sfn.Create(PassDefinition);
        var e = Assert.ThrowsAsync<AwsServiceException>(() => sfn.Engine.StartSyncExecution(sfn.Scope, new StartSyncExecutionInput { StateMachineArn = machine }, CancellationToken.None));
        Assert.That(e!.Code, Is.EqualTo("StateMachineTypeNotSupported"));
    }

    [Test]
    public async Task Execution_DefinitionTimeoutSeconds_TimesOut()
    {
        var execution = await new SfnHarness().RunAsync("""{"TimeoutSeconds": 10, "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 60, "End": true}}}""");
        Assert.That(execution.Status, Is.EqualTo("TIMED_OUT"));
        Assert.That(execution.Types.Last(), Is.EqualTo("ExecutionTimedOut"));
    }

    [Test]
    public void Tags_AreAddedListedAndRemoved()
    {
        var sfn = new SfnHarness();
        var arn = sfn.Create(PassDefinition);
        sfn.Engine.TagResource(sfn.Scope, new TagResourceInput { ResourceArn = arn, Tags = [new Tag { Key = "a", Value = "1" }, new Tag { Key = "b", Value = "2" }] });
        sfn.Engine.UntagResource(sfn.Scope, new UntagResourceInput { ResourceArn = arn, TagKeys = ["a"] });
        var tags = sfn.Engine.ListTagsForResource(sfn.Scope, new ListTagsForResourceInput { ResourceArn = arn }).Tags!;
        Assert.That(tags.Select(t => (t.Key, t.Value)), Is.EqualTo(new[] { ("b", "2") }));
        var e = Assert.Throws<AwsServiceException>(() => sfn.Engine.ListTagsForResource(sfn.Scope, new ListTagsForResourceInput { ResourceArn = arn + "x" }));
        Assert.That(e!.Code, Is.EqualTo("ResourceNotFound"));
    }

    [Test]
    public async Task Alias_RoutesExecutionsToItsVersion()
    {
        var sfn = new SfnHarness();
        var arn = sfn.Create("""{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "v1", "End": true}}}""", "m");
        var v1 = sfn.Engine.PublishStateMachineVersion(sfn.Scope, new PublishStateMachineVersionInput { StateMachineArn = arn }).StateMachineVersionArn!;
        sfn.Engine.UpdateStateMachine(sfn.Scope, new UpdateStateMachineInput { StateMachineArn = arn, Definition = """{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "v2", "End": true}}}""" });
        var alias = sfn.Engine.CreateStateMachineAlias(sfn.Scope, new CreateStateMachineAliasInput
        {
            Name = "prod",
            RoutingConfiguration = [new RoutingConfigurationListItem { StateMachineVersionArn = v1, Weight = 100 }],
        }).StateMachineAliasArn!;
        Assert.That(alias, Is.EqualTo(arn + ":prod"));
        var throughAlias = sfn.Start(alias);
        var latest = sfn.Start(arn);
        await sfn.Clock.RunUntilIdleAsync();
        Assert.That(SfnHarness.Json(sfn.Describe(throughAlias).Output), Is.EqualTo("\"v1\""));
        Assert.That(SfnHarness.Json(sfn.Describe(latest).Output), Is.EqualTo("\"v2\""));
        var started = sfn.History(throughAlias)[0].ExecutionStartedEventDetails!;
        Assert.That((started.StateMachineAliasArn, started.StateMachineVersionArn), Is.EqualTo((alias, v1)));
        Assert.That(sfn.Engine.ListStateMachineAliases(sfn.Scope, new ListStateMachineAliasesInput { StateMachineArn = arn }).StateMachineAliases!.Single().StateMachineAliasArn, Is.EqualTo(alias));
        Assert.That(Assert.Throws<AwsServiceException>(() => sfn.Engine.DeleteStateMachineVersion(sfn.Scope, new DeleteStateMachineVersionInput { StateMachineVersionArn = v1 }))!.Code, Is.EqualTo("ConflictException"));
        sfn.Engine.DeleteStateMachineAlias(sfn.Scope, new DeleteStateMachineAliasInput { StateMachineAliasArn = alias });
        sfn.Engine.DeleteStateMachineVersion(sfn.Scope, new DeleteStateMachineVersionInput { StateMachineVersionArn = v1 });
        Assert.That(sfn.Engine.ListStateMachineVersions(sfn.Scope, new ListStateMachineVersionsInput { StateMachineArn = arn }).StateMachineVersions, Is.Empty);
    }

    [Test]
    public void CreateStateMachineAlias_WeightsNotAddingUpTo100_IsRefused()
    {
        var sfn = new SfnHarness();
        var arn = sfn.Create(PassDefinition, "m");
        var v1 = sfn.Engine.PublishStateMachineVersion(sfn.Scope, new PublishStateMachineVersionInput { StateMachineArn = arn }).StateMachineVersionArn!;
        var e = Assert.Throws<AwsServiceException>(() => sfn.Engine.CreateStateMachineAlias(sfn.Scope, new CreateStateMachineAliasInput
        {
            Name = "a",
            RoutingConfiguration = [new RoutingConfigurationListItem { StateMachineVersionArn = v1, Weight = 50 }],
        }));
        Assert.That(e!.Code, Is.EqualTo("ValidationException"));
    }

    [Test]
    public void UpdateStateMachineAlias_ChangesRoutingAndDescription()
    {
        var sfn = new SfnHarness();
        var arn = sfn.Create(PassDefinition, "m");
        var v1 = sfn.Engine.PublishStateMachineVersion(sfn.Scope, new PublishStateMachineVersionInput { StateMachineArn = arn }).StateMachineVersionArn!;
        sfn.Engine.UpdateStateMachine(sfn.Scope, new UpdateStateMachineInput { StateMachineArn = arn, Definition = WaitDefinition, Publish = true });
        var alias = sfn.Engine.CreateStateMachineAlias(sfn.Scope, new CreateStateMachineAliasInput
        {
            Name = "live",
            RoutingConfiguration = [new RoutingConfigurationListItem { StateMachineVersionArn = v1, Weight = 100 }],
        }).StateMachineAliasArn!;
        sfn.Engine.UpdateStateMachineAlias(sfn.Scope, new UpdateStateMachineAliasInput
        {
            StateMachineAliasArn = alias,
            Description = "canary",
            RoutingConfiguration =
            [
                new RoutingConfigurationListItem { StateMachineVersionArn = v1, Weight = 90 },
                new RoutingConfigurationListItem { StateMachineVersionArn = arn + ":2", Weight = 10 },
            ],
        });
        var described = sfn.Engine.DescribeStateMachineAlias(sfn.Scope, new DescribeStateMachineAliasInput { StateMachineAliasArn = alias });
        Assert.That((described.Name, described.Description, described.RoutingConfiguration!.Count), Is.EqualTo(("live", "canary", 2)));
        Assert.That(described.UpdateDate, Is.Not.Null);
    }

    [Test]
    public async Task DescribeStateMachineForExecution_ReturnsTheRevisionItRan()
    {
        var sfn = new SfnHarness();
        var arn = sfn.Create(PassDefinition, "m");
        var execution = sfn.Start(arn);
        await sfn.Clock.RunUntilIdleAsync();
        sfn.Engine.UpdateStateMachine(sfn.Scope, new UpdateStateMachineInput { StateMachineArn = arn, Definition = WaitDefinition });
        var described = sfn.Engine.DescribeStateMachineForExecution(sfn.Scope, new DescribeStateMachineForExecutionInput { ExecutionArn = execution });
        Assert.That((described.StateMachineArn, described.Definition), Is.EqualTo((arn, PassDefinition)));
    }
}
