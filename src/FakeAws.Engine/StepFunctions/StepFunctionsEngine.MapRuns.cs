using System.Text.Json.Nodes;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Asl;
using FakeAws.Engine.StepFunctions.Model;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions;

// Map Runs of distributed Map states: their APIs, and the child executions they run.
internal sealed partial class StepFunctionsEngine
{
    /// <summary>AWS's hard limit on redrives of one Map Run.</summary>
    private const int MaxMapRunRedrives = 1000;

    public DescribeMapRunOutput DescribeMapRun(RequestScope scope, DescribeMapRunInput input)
    {
        var mapRun = GetMapRun(scope, input.MapRunArn!);
        lock (mapRun)
        {
            var counts = new MapRunExecutionCounts
            {
                Pending = mapRun.Items.Count(e => e is null),
                Running = mapRun.Count("RUNNING"),
                Succeeded = mapRun.Count("SUCCEEDED"),
                Failed = mapRun.Count("FAILED"),
                TimedOut = mapRun.Count("TIMED_OUT"),
                Aborted = mapRun.Count("ABORTED"),
                Total = mapRun.Total,
                ResultsWritten = 0,
                FailuresNotRedrivable = 0,
                PendingRedrive = 0,
            };
            return new DescribeMapRunOutput
            {
                MapRunArn = mapRun.Arn,
                ExecutionArn = mapRun.ExecutionArn,
                Status = mapRun.Status,
                StartDate = mapRun.StartDate,
                StopDate = mapRun.StopDate,
                MaxConcurrency = mapRun.MaxConcurrency,
                ToleratedFailureCount = mapRun.ToleratedFailureCount,
                ToleratedFailurePercentage = mapRun.ToleratedFailurePercentage,
                ItemCounts = new MapRunItemCounts
                {
                    Pending = counts.Pending, Running = counts.Running, Succeeded = counts.Succeeded, Failed = counts.Failed,
                    TimedOut = counts.TimedOut, Aborted = counts.Aborted, Total = counts.Total, ResultsWritten = 0, FailuresNotRedrivable = 0, PendingRedrive = 0,
                },
                ExecutionCounts = counts,
                RedriveCount = mapRun.RedriveCount,
                RedriveDate = mapRun.RedriveDate,
            };
        }
    }

    public ListMapRunsOutput ListMapRuns(RequestScope scope, ListMapRunsInput input)
    {
        var execution = GetExecution(scope, input.ExecutionArn!);
        var items = _regions[scope].MapRuns.Values
            .Where(m => m.ExecutionArn == execution.Arn)
            .OrderBy(m => m.StartDate)
            .Select(m => new MapRunListItem
            {
                ExecutionArn = m.ExecutionArn,
                MapRunArn = m.Arn,
                StateMachineArn = m.StateMachineArn,
                StartDate = m.StartDate,
                StopDate = m.StopDate,
            })
            .ToList();
        var (page, next) = Paging.Page(items, input.MaxResults, input.NextToken);
        return new ListMapRunsOutput { MapRuns = page, NextToken = next };
    }

    public UpdateMapRunOutput UpdateMapRun(RequestScope scope, UpdateMapRunInput input)
    {
        var mapRun = GetMapRun(scope, input.MapRunArn!);
        if (input.MaxConcurrency is null && input.ToleratedFailureCount is null && input.ToleratedFailurePercentage is null)
        {
            throw StepFunctionsErrors.Validation("At least one of the parameters 'maxConcurrency', 'toleratedFailurePercentage' or 'toleratedFailureCount' must be specified");
        }
        lock (mapRun)
        {
            mapRun.MaxConcurrency = input.MaxConcurrency ?? mapRun.MaxConcurrency;
            mapRun.ToleratedFailureCount = input.ToleratedFailureCount ?? mapRun.ToleratedFailureCount;
            mapRun.ToleratedFailurePercentage = input.ToleratedFailurePercentage ?? mapRun.ToleratedFailurePercentage;
        }
        return new UpdateMapRunOutput();
    }

    /// <summary>Starts the Map Run of a distributed Map state.</summary>
    internal MapRunRecord CreateMapRun(ExecutionRun parent, string? label, int maxConcurrency, long toleratedCount, double toleratedPercentage, int total)
    {
        var scope = parent.Scope;
        var machineName = parent.Execution.StateMachineName;
        label ??= _cloud.Ids.NewString(8, "abcdefghijklmnopqrstuvwxyz0123456789");
        var mapRun = new MapRunRecord
        {
            Arn = StepFunctionsArns.MapRun(scope, machineName, label, _cloud.Ids.NewGuid().ToString()),
            ExecutionArn = parent.Execution.Arn,
            StateMachineArn = StepFunctionsArns.StateMachine(scope, $"{machineName}/{label}"),
            StateMachineName = $"{machineName}/{label}",
            Label = label,
            StartDate = _cloud.Now,
            MaxConcurrency = maxConcurrency,
            ToleratedFailureCount = toleratedCount,
            ToleratedFailurePercentage = toleratedPercentage,
            Items = new ExecutionRecord?[total],
        };
        _regions[scope].MapRuns[mapRun.Arn] = mapRun;
        return mapRun;
    }

    /// <summary>
    /// Opens a Map Run again for a redrive of its parent: RUNNING, with the redrive counted. AWS
    /// allows 1,000 redrives of one Map Run; past them the Map state fails with States.Runtime.
    /// </summary>
    internal bool TryRedriveMapRun(MapRunRecord mapRun)
    {
        lock (mapRun)
        {
            if (mapRun.RedriveCount >= MaxMapRunRedrives)
            {
                return false;
            }
            mapRun.Status = "RUNNING";
            mapRun.StopDate = null;
            mapRun.RedriveCount++;
            mapRun.RedriveDate = _cloud.Now;
            return true;
        }
    }

    /// <summary>Gives a Map Run its final status.</summary>
    internal void CloseMapRun(MapRunRecord mapRun, string status)
    {
        lock (mapRun)
        {
            mapRun.Status = status;
            mapRun.StopDate = _cloud.Now;
        }
    }

    /// <summary>Runs the child execution of a Map Run for input <paramref name="index"/> to its end, in the parent's flow, and returns it.</summary>
    internal async Task<ExecutionRecord> RunMapRunChildAsync(
        ExecutionRun parent, MapRunRecord mapRun, int index, AslProgram program, string type, JsonNode? input, CancellationToken cancellation)
    {
        var scope = parent.Scope;
        var name = _cloud.Ids.NewGuid().ToString();
        var inputText = Json.JsonValues.Serialize(input);
        var child = new ExecutionRecord(_cloud.Clock)
        {
            Arn = $"arn:aws:states:{scope.Region}:{scope.AccountId}:execution:{mapRun.StateMachineName}:{name}",
            Name = name,
            StateMachineArn = mapRun.StateMachineArn,
            StateMachineName = mapRun.StateMachineName,
            Type = type,
            Revision = parent.Execution.Revision,
            Input = inputText,
            StartDate = _cloud.Now,
            MapRunArn = mapRun.Arn,
            Sequence = Interlocked.Increment(ref _executionSequence),
        };
        _regions[scope].Executions[child.Arn] = child;
        lock (mapRun)
        {
            mapRun.Executions.Add(child);
            mapRun.Items[index] = child;
        }
        child.History.Add(new HistoryCursor(0), "ExecutionStarted", HistoryEvents.ExecutionStarted(inputText, child.Revision.RoleArn, null, null));
        using var stop = cancellation.Register(() => child.Stop.Cancel());
        var definition = new StateMachineDefinition { Program = program, Text = child.Revision.Definition };
        var run = new ExecutionRun(this, _cloud, scope, child, definition, parent.Services, parent.Mocks);
        await ExecutionRunner.RunAsync(run, program, input);
        return child;
    }

    /// <summary>
    /// Redrives a Standard child execution of a Map Run that did not succeed, as RedriveExecution
    /// redrives it: the same execution, from the state it stopped in, after an ExecutionRedriven event.
    /// </summary>
    internal async Task<ExecutionRecord> RedriveMapRunChildAsync(ExecutionRecord child, CancellationToken cancellation)
    {
        var last = child.LastAttempt!;
        child.TryReopen(_cloud.Now);
        var redriven = child.History.Add(new HistoryCursor(child.History.Count), "ExecutionRedriven", HistoryEvents.ExecutionRedriven(child.RedriveCount));
        using var stop = cancellation.Register(() => child.Stop.Cancel());
        await ExecutionRunner.RedriveAsync(last, redriven);
        return child;
    }

    private MapRunRecord GetMapRun(RequestScope scope, string arn)
    {
        if (!StepFunctionsArns.TryParse(arn, out var kind, out _, out _) || kind != "mapRun")
        {
            throw StepFunctionsErrors.InvalidArn(arn);
        }
        return _regions[scope].MapRuns.TryGetValue(arn, out var mapRun)
            ? mapRun
            : throw StepFunctionsErrors.ResourceNotFound(arn);
    }
}
