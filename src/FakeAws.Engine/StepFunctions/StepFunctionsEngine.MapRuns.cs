using System.Text.Json.Nodes;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Asl;
using FakeAws.Engine.StepFunctions.Model;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions;

// Map Runs of distributed Map states: their APIs, and the child executions they run.
internal sealed partial class StepFunctionsEngine
{
    public DescribeMapRunOutput DescribeMapRun(RequestScope scope, DescribeMapRunInput input)
    {
        var mapRun = GetMapRun(scope, input.MapRunArn!);
        lock (mapRun)
        {
            var counts = new MapRunExecutionCounts
            {
                Pending = mapRun.Total - mapRun.Succeeded - mapRun.Failed - mapRun.Running,
                Running = mapRun.Running,
                Succeeded = mapRun.Succeeded,
                Failed = mapRun.Failed,
                TimedOut = 0,
                Aborted = 0,
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
                    TimedOut = 0, Aborted = 0, Total = counts.Total, ResultsWritten = 0, FailuresNotRedrivable = 0, PendingRedrive = 0,
                },
                ExecutionCounts = counts,
                RedriveCount = 0,
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
            Total = total,
        };
        _regions[scope].MapRuns[mapRun.Arn] = mapRun;
        return mapRun;
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

    /// <summary>Runs one child execution of a Map Run to its end, in the parent's flow, and returns it.</summary>
    internal async Task<ExecutionRecord> RunMapRunChildAsync(
        ExecutionRun parent, MapRunRecord mapRun, AslProgram program, string type, JsonNode? input, CancellationToken cancellation)
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
            mapRun.Running++;
        }
        child.History.Add(new HistoryCursor(0), "ExecutionStarted", HistoryEvents.ExecutionStarted(inputText, child.Revision.RoleArn, null, null));
        using var stop = cancellation.Register(() => child.Stop.Cancel());
        var definition = new StateMachineDefinition { Program = program, Text = child.Revision.Definition };
        var run = new ExecutionRun(this, _cloud, scope, child, definition, parent.Services, parent.Mocks);
        await ExecutionRunner.RunAsync(run, program, input);
        lock (mapRun)
        {
            mapRun.Running--;
            if (child.Status == "SUCCEEDED")
            {
                mapRun.Succeeded++;
            }
            else
            {
                mapRun.Failed++;
            }
        }
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
