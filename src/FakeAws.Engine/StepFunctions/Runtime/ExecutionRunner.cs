using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Asl;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Runtime;

/// <summary>
/// Runs an execution from its first state to its closing event: ExecutionSucceeded,
/// ExecutionFailed or ExecutionTimedOut (StopExecution writes ExecutionAborted itself).
/// </summary>
internal static class ExecutionRunner
{
    /// <summary>Runs <paramref name="program"/> (the definition's, or a Map's item processor) as the whole execution.</summary>
    public static Task RunAsync(ExecutionRun run, AslProgram program, JsonNode? input, VariableScope? variables = null) =>
        RunFromAsync(run, program, program.StartAt, input, ContextObject(run, input), variables ?? new VariableScope(), new HistoryCursor(0));

    /// <summary>
    /// Runs a redriven attempt: from the state the last attempt stopped in, with the input and
    /// variables it had there, its events following the ExecutionRedriven event
    /// <paramref name="redrivenEventId"/>.
    /// </summary>
    public static Task RedriveAsync(RedrivePoint last, long redrivenEventId)
    {
        var frame = last.Frame;
        var executionInput = JsonValues.Parse(last.Run.Execution.Input);
        return RunFromAsync(
            last.Run, last.Program, frame.CurrentState ?? last.Program.StartAt, frame.CurrentInput, ContextObject(last.Run, executionInput), frame.Variables,
            new HistoryCursor(redrivenEventId), frame.Unfinished);
    }

    private static async Task RunFromAsync(
        ExecutionRun run, AslProgram program, string startAt, JsonNode? input, JsonObject context, VariableScope variables, HistoryCursor cursor, UnfinishedState? redriven = null)
    {
        var execution = run.Execution;
        var cloud = run.Cloud;
        // This attempt's stop signal: a redriven execution has a new one, and nothing this attempt
        // does after it is stopped may close the next.
        var attempt = execution.Stop;
        var frame = new Frame(run, cursor, context, variables, attempt.Token) { Attempt = attempt.Token, Redriven = redriven };
        execution.LastAttempt = new RedrivePoint(run, program, frame);
        try
        {
            var running = ProgramRunner.RunAsync(frame, program, input, startAt);
            if (run.Definition.TimeoutSeconds is { } seconds)
            {
                using var limitScope = CancellationTokenSource.CreateLinkedTokenSource(attempt.Token);
                var limit = cloud.Clock.Delay(TimeSpan.FromSeconds(seconds), limitScope.Token);
                if (await Task.WhenAny(running, limit) == limit && !execution.IsClosed)
                {
                    if (execution.TryClose("TIMED_OUT", cloud.Now, () => run.History.Add(frame.Cursor, "ExecutionTimedOut", HistoryEvents.ExecutionTimedOut(null, null)), attempt: attempt))
                    {
                        attempt.Cancel();
                    }
                    return;
                }
                limitScope.Cancel();
            }
            var output = await running;
            if (JsonValues.Utf8Size(output) > StateRun.MaxPayloadBytes)
            {
                throw new StatesFailure(
                    StatesErrors.DataLimitExceeded,
                    "The state/task returned a result with a size exceeding the maximum number of bytes service limit.");
            }
            execution.TryClose(
                "SUCCEEDED",
                cloud.Now,
                () => run.History.Add(frame.Cursor, "ExecutionSucceeded", HistoryEvents.ExecutionSucceeded(output)),
                output: JsonValues.Serialize(output),
                attempt: attempt);
        }
        catch (StatesFailure failure)
        {
            execution.TryClose(
                "FAILED",
                cloud.Now,
                () => run.History.Add(frame.Cursor, "ExecutionFailed", HistoryEvents.ExecutionFailed(failure.Error, failure.Cause)),
                error: failure.Error,
                cause: failure.Cause,
                attempt: attempt);
        }
        catch (OperationCanceledException) when (attempt.IsCancellationRequested || execution.IsClosed)
        {
            // Stopped or timed out: the closing event is already written.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Anything else outside a state (the output cannot be written, a fault of ours) still
            // ends the execution, as AWS ends it on an internal error, rather than leaving it RUNNING.
            execution.TryClose(
                "FAILED",
                cloud.Now,
                () => run.History.Add(frame.Cursor, "ExecutionFailed", HistoryEvents.ExecutionFailed(StatesErrors.Runtime, e.Message)),
                error: StatesErrors.Runtime,
                cause: e.Message,
                attempt: attempt);
        }
    }

    /// <summary>
    /// The context object's Execution and StateMachine parts. AWS has added Execution.RedriveCount
    /// since redrive shipped, but the recording this fake is checked against (a Lambda task's
    /// Parameters taking <c>$$</c>) was made before and has none, so it is left out.
    /// </summary>
    internal static JsonObject ContextObject(ExecutionRun run, JsonNode? input)
    {
        var execution = run.Execution;
        return new JsonObject
        {
            ["Execution"] = new JsonObject
            {
                ["Id"] = execution.Arn,
                ["Input"] = JsonValues.Clone(input),
                ["Name"] = execution.Name,
                ["RoleArn"] = execution.Revision.RoleArn,
                ["StartTime"] = Timestamps.Format(execution.StartDate),
            },
            ["StateMachine"] = new JsonObject
            {
                ["Id"] = execution.VersionArn ?? execution.StateMachineArn,
                ["Name"] = execution.StateMachineName,
            },
        };
    }
}
