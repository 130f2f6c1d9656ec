using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Model;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions;

// Executions: start (asynchronously, or synchronously for EXPRESS), stop, describe, list, and read the history.
internal sealed partial class StepFunctionsEngine
{
    private long _executionSequence;

    public StartExecutionOutput StartExecution(RequestScope scope, StartExecutionInput input)
    {
        var execution = StartExecutionCore(scope, input.StateMachineArn!, input.Name, input.Input, input.TraceHeader, syncExpress: false);
        return new StartExecutionOutput { ExecutionArn = execution.Arn, StartDate = execution.StartDate };
    }

    public async Task<StartSyncExecutionOutput> StartSyncExecution(RequestScope scope, StartSyncExecutionInput input, CancellationToken cancellationToken)
    {
        var execution = StartExecutionCore(scope, input.StateMachineArn!, input.Name, input.Input, input.TraceHeader, syncExpress: true);
        if (_cloud.Scheduler.CurrentWork is not null || _cloud.Scheduler.IsPumping)
        {
            // Called from work on the scheduler (a Lambda handler, say): the scheduler runs the execution.
            await execution.Done.Task.WaitAsync(cancellationToken);
        }
        else
        {
            await _cloud.Clock.RunUntilCompleteAsync(execution.Done.Task, cancellationToken);
        }
        return new StartSyncExecutionOutput
        {
            ExecutionArn = execution.Arn,
            StateMachineArn = execution.StateMachineArn,
            Name = execution.Name,
            StartDate = execution.StartDate,
            StopDate = execution.StopDate,
            Status = execution.Status,
            Error = execution.Error,
            Cause = execution.Cause,
            Input = execution.Input,
            InputDetails = new CloudWatchEventsExecutionDataDetails { Included = true },
            Output = execution.Output,
            OutputDetails = execution.Output is null ? null : new CloudWatchEventsExecutionDataDetails { Included = true },
            TraceHeader = execution.TraceHeader,
            BillingDetails = new BillingDetails
            {
                BilledMemoryUsedInMB = 64,
                BilledDurationInMilliseconds = Math.Max(100, (long)Math.Ceiling(((execution.StopDate ?? execution.StartDate) - execution.StartDate).TotalMilliseconds / 100) * 100),
            },
        };
    }

    public StopExecutionOutput StopExecution(RequestScope scope, StopExecutionInput input)
    {
        var execution = GetExecution(scope, input.ExecutionArn!);
        var now = _cloud.Now;
        // The attempt being stopped: a redrive before the scheduler gets here brings a new one.
        var stop = execution.Stop;
        if (execution.TryClose(
            "ABORTED",
            now,
            // AWS records the abort as following no particular event.
            () => execution.History.Add(new HistoryCursor(0), "ExecutionAborted", HistoryEvents.ExecutionAborted(input.Error, input.Cause)),
            error: input.Error,
            cause: input.Cause))
        {
            // The program unwinds on the scheduler, where it runs.
            _cloud.Scheduler.Schedule(now, () =>
            {
                stop.Cancel();
                return Task.CompletedTask;
            }, $"stop Step Functions execution {execution.Arn}");
        }
        return new StopExecutionOutput { StopDate = execution.StopDate };
    }

    public DescribeExecutionOutput DescribeExecution(RequestScope scope, DescribeExecutionInput input)
    {
        var execution = GetExecution(scope, input.ExecutionArn!);
        var redriveReason = NotRedrivableReason(execution);
        return new DescribeExecutionOutput
        {
            ExecutionArn = execution.Arn,
            StateMachineArn = execution.StateMachineArn,
            Name = execution.Name,
            Status = execution.Status,
            StartDate = execution.StartDate,
            StopDate = execution.StopDate,
            Input = execution.Input,
            InputDetails = new CloudWatchEventsExecutionDataDetails { Included = true },
            Output = execution.Output,
            OutputDetails = execution.Output is null ? null : new CloudWatchEventsExecutionDataDetails { Included = true },
            TraceHeader = execution.TraceHeader,
            MapRunArn = execution.MapRunArn,
            Error = execution.Error,
            Cause = execution.Cause,
            StateMachineVersionArn = execution.VersionArn,
            StateMachineAliasArn = execution.AliasArn,
            RedriveCount = execution.RedriveCount,
            RedriveDate = execution.RedriveDate,
            RedriveStatus = redriveReason is null ? "REDRIVABLE" : "NOT_REDRIVABLE",
            RedriveStatusReason = redriveReason,
        };
    }

    public ListExecutionsOutput ListExecutions(RequestScope scope, ListExecutionsInput input)
    {
        IEnumerable<ExecutionRecord> executions;
        var region = _regions[scope];
        if (input.MapRunArn is { } mapRunArn)
        {
            if (input.StateMachineArn is not null)
            {
                throw StepFunctionsErrors.Validation("Only one of stateMachineArn and mapRunArn may be given");
            }
            executions = region.MapRuns.TryGetValue(mapRunArn, out var mapRun)
                ? mapRun.Executions.ToList()
                : throw new AwsServiceException("ResourceNotFound", $"Resource not found: '{mapRunArn}'");
        }
        else
        {
            var arn = input.StateMachineArn ?? throw StepFunctionsErrors.Validation("Must provide a StateMachine ARN or MapRun ARN");
            var (machine, version, alias) = ResolveMachine(scope, arn);
            if (machine.Type == "EXPRESS")
            {
                throw StepFunctionsErrors.StateMachineTypeNotSupported();
            }
            executions = region.Executions.Values.Where(e => e.StateMachineArn == machine.Arn && e.MapRunArn is null
                && (version is null || e.VersionArn == version.Arn)
                && (alias is null || e.AliasArn == alias.Arn));
        }
        if (input.StatusFilter is { } status)
        {
            executions = executions.Where(e => e.Status == status);
        }
        executions = input.RedriveFilter switch
        {
            "REDRIVEN" => executions.Where(e => e.RedriveCount > 0),
            "NOT_REDRIVEN" => executions.Where(e => e.RedriveCount == 0),
            _ => executions,
        };
        var items = executions
            .OrderByDescending(e => e.StartDate)
            .ThenByDescending(e => e.Sequence)
            .Select(e => new ExecutionListItem
            {
                ExecutionArn = e.Arn,
                StateMachineArn = e.StateMachineArn,
                Name = e.Name,
                Status = e.Status,
                StartDate = e.StartDate,
                StopDate = e.StopDate,
                MapRunArn = e.MapRunArn,
                StateMachineVersionArn = e.VersionArn,
                StateMachineAliasArn = e.AliasArn,
                RedriveCount = e.RedriveCount,
                RedriveDate = e.RedriveDate,
            })
            .ToList();
        var (page, next) = Paging.Page(items, input.MaxResults, input.NextToken);
        return new ListExecutionsOutput { Executions = page, NextToken = next };
    }

    public GetExecutionHistoryOutput GetExecutionHistory(RequestScope scope, GetExecutionHistoryInput input)
    {
        var execution = GetExecution(scope, input.ExecutionArn!);
        IEnumerable<HistoryEvent> events = execution.History.Snapshot();
        if (input.ReverseOrder == true)
        {
            events = events.Reverse();
        }
        if (input.IncludeExecutionData == false)
        {
            events = events.Select(WithoutData);
        }
        var (page, next) = Paging.Page(events.ToList(), input.MaxResults, input.NextToken);
        return new GetExecutionHistoryOutput { Events = page, NextToken = next };
    }

    /// <summary>Starts an execution: checks the request, records ExecutionStarted, and schedules the program.</summary>
    internal ExecutionRecord StartExecutionCore(RequestScope scope, string target, string? name, string? inputText, string? traceHeader, bool syncExpress)
    {
        // "arn#TestCase" names a Step Functions Local mock test case.
        var hash = target.IndexOf('#');
        var testCase = hash >= 0 ? target[(hash + 1)..] : null;
        var arn = hash >= 0 ? target[..hash] : target;
        var (machine, version, alias) = ResolveMachine(scope, arn);
        if (syncExpress && machine.Type != "EXPRESS")
        {
            throw StepFunctionsErrors.StateMachineTypeNotSupported();
        }
        if (alias is not null)
        {
            version = PickVersion(machine, alias);
        }
        var revision = version?.Revision ?? machine.Current;
        name ??= _cloud.Ids.NewGuid().ToString();
        if (!StepFunctionsArns.IsValidName(name))
        {
            throw StepFunctionsErrors.InvalidName(name);
        }
        inputText ??= "{}";
        JsonNode? input;
        try
        {
            input = JsonValues.Parse(inputText);
        }
        catch (JsonException e)
        {
            throw StepFunctionsErrors.InvalidExecutionInput(e.Message);
        }
        var express = machine.Type == "EXPRESS";
        var executionArn = express
            ? StepFunctionsArns.ExpressExecution(scope, machine.Name, name, _cloud.Ids.NewGuid().ToString())
            : StepFunctionsArns.Execution(scope, machine.Name, name);
        var region = _regions[scope];
        ExecutionRecord execution;
        lock (region.Gate)
        {
            if (region.Executions.TryGetValue(executionArn, out var existing))
            {
                // A repeated start of a running execution with the same input is idempotent.
                if (existing.Status == "RUNNING" && existing.Input == inputText)
                {
                    return existing;
                }
                throw StepFunctionsErrors.ExecutionAlreadyExists(executionArn);
            }
            execution = new ExecutionRecord(_cloud.Clock)
            {
                Arn = executionArn,
                Name = name,
                StateMachineArn = machine.Arn,
                StateMachineName = machine.Name,
                Type = machine.Type,
                VersionArn = version?.Arn,
                AliasArn = alias?.Arn,
                Revision = revision,
                Input = inputText,
                TraceHeader = traceHeader,
                StartDate = _cloud.Now,
                Sequence = Interlocked.Increment(ref _executionSequence),
            };
            region.Executions[executionArn] = execution;
        }
        execution.History.Add(
            new HistoryCursor(0), "ExecutionStarted", HistoryEvents.ExecutionStarted(inputText, revision.RoleArn, alias?.Arn, version?.Arn));
        var mocks = Mocks.Find(machine.Name, testCase)?.Start();
        var run = new ExecutionRun(this, _cloud, scope, execution, revision.Parsed, Services, mocks);
        _cloud.Scheduler.Schedule(
            _cloud.Now, () => ExecutionRunner.RunAsync(run, revision.Parsed.Program, input), $"Step Functions execution {executionArn}");
        return execution;
    }

    /// <summary>The version an execution through an alias runs: drawn by the routing weights, from the cloud's seeded ids.</summary>
    private StateMachineVersionRecord PickVersion(StateMachineRecord machine, StateMachineAliasRecord alias)
    {
        lock (machine.Gate)
        {
            var draw = BitConverter.ToUInt16(_cloud.Ids.NewBytes(2)) % 100;
            var chosen = alias.Routing[^1];
            foreach (var route in alias.Routing)
            {
                draw -= route.Weight ?? 0;
                if (draw < 0)
                {
                    chosen = route;
                    break;
                }
            }
            var number = long.Parse(chosen.StateMachineVersionArn!.Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture);
            return machine.Versions.TryGetValue(number, out var version)
                ? version
                : throw StepFunctionsErrors.StateMachineDoesNotExist(chosen.StateMachineVersionArn!);
        }
    }

    /// <summary>The execution an ARN names, or AWS's error.</summary>
    private ExecutionRecord GetExecution(RequestScope scope, string arn)
    {
        if (!StepFunctionsArns.TryParse(arn, out var kind, out _, out _) || kind is not ("execution" or "express"))
        {
            throw StepFunctionsErrors.InvalidArn(arn);
        }
        return _regions[scope].Executions.TryGetValue(arn, out var execution)
            ? execution
            : throw StepFunctionsErrors.ExecutionDoesNotExist(arn);
    }

    /// <summary>An event without its input and output, as GetExecutionHistory returns it with includeExecutionData false.</summary>
    private static HistoryEvent WithoutData(HistoryEvent e)
    {
        var copy = JsonSerializer.Deserialize<HistoryEvent>(JsonSerializer.SerializeToUtf8Bytes(e))!;
        if (e.StateEnteredEventDetails is { } entered)
        {
            copy.StateEnteredEventDetails = new StateEnteredEventDetails { Name = entered.Name };
        }
        if (e.StateExitedEventDetails is { } exited)
        {
            copy.StateExitedEventDetails = new StateExitedEventDetails { Name = exited.Name };
        }
        if (e.ExecutionStartedEventDetails is { } started)
        {
            copy.ExecutionStartedEventDetails = new ExecutionStartedEventDetails { RoleArn = started.RoleArn };
        }
        if (e.ExecutionSucceededEventDetails is not null)
        {
            copy.ExecutionSucceededEventDetails = new ExecutionSucceededEventDetails();
        }
        if (e.TaskSucceededEventDetails is { } succeeded)
        {
            copy.TaskSucceededEventDetails = new TaskSucceededEventDetails { Resource = succeeded.Resource, ResourceType = succeeded.ResourceType };
        }
        if (e.LambdaFunctionSucceededEventDetails is not null)
        {
            copy.LambdaFunctionSucceededEventDetails = new LambdaFunctionSucceededEventDetails();
        }
        if (e.LambdaFunctionScheduledEventDetails is { } scheduled)
        {
            copy.LambdaFunctionScheduledEventDetails = new LambdaFunctionScheduledEventDetails { Resource = scheduled.Resource, TimeoutInSeconds = scheduled.TimeoutInSeconds };
        }
        return copy;
    }
}
