using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Asl;
using FakeAws.Engine.StepFunctions.Asl.States;

namespace FakeAws.Engine.StepFunctions.Runtime;

/// <summary>
/// Runs a program (a definition's top level, a Parallel branch or a Map iteration) state by state,
/// writing each state's entered and exited events around its logic.
/// </summary>
internal static class ProgramRunner
{
    /// <summary>Runs the program from <paramref name="startAt"/> (its StartAt unless given) until a state ends it; returns its output.</summary>
    /// <exception cref="StatesFailure">A state failed and nothing caught the error.</exception>
    /// <exception cref="OperationCanceledException">The frame was cancelled.</exception>
    public static async Task<JsonNode?> RunAsync(Frame frame, AslProgram program, JsonNode? input, string? startAt = null)
    {
        var name = startAt ?? program.StartAt;
        while (true)
        {
            frame.Cancellation.ThrowIfCancellationRequested();
            var state = program.States[name];
            frame.CurrentState = name;
            frame.CurrentInput = input;
            frame.Unfinished = null;
            var (output, next) = await RunStateAsync(frame, state, input);
            if (next is null)
            {
                return output;
            }
            name = next;
            input = output;
        }
    }

    /// <summary>Runs one state, its entered and exited events around it; returns its output and the state that follows, if any.</summary>
    internal static async Task<(JsonNode? Output, string? Next)> RunStateAsync(Frame frame, StateNode state, JsonNode? input)
    {
        var history = frame.Run.History;
        var enteredAfter = frame.Cursor.Source;
        var entered = history.Add(frame.Cursor, state.EnteredEventType, HistoryEvents.StateEntered(state.Name, input));
        frame.Context["State"] = new JsonObject
        {
            ["EnteredTime"] = Timestamps.Format(frame.Run.Cloud.Now),
            ["Name"] = state.Name,
        };
        var run = new StateRun(frame, state, entered, input) { EnteredAfter = enteredAfter };
        StateResult result;
        try
        {
            frame.Run.Test?.Inspect((d, v) => d.Input = v, input);
            var effective = run.ApplyInputPath(state.InputPath, input);
            frame.Run.Test?.Inspect((d, v) => d.AfterInputPath = v, effective);
            result = await state.ExecuteAsync(run, effective);
        }
        catch (StatesFailure failure) when (failure.FailedState is null && (failure.EventType is null || failure.Recorded))
        {
            failure.FailedState = state;
            throw;
        }
        catch (StatesFailure failure) when (failure.EventType is not null && !failure.Recorded)
        {
            // A failure of the state's own evaluation (EvaluationFailed) that no retry loop recorded.
            history.Add(frame.Cursor, failure.EventType, failure.EventDetails, previous: failure.PreviousEventId);
            failure.Recorded = true;
            failure.FailedState ??= state;
            throw;
        }
        catch (OperationCanceledException) when (frame.Cancellation.IsCancellationRequested && !frame.Attempt.IsCancellationRequested && !frame.Run.Execution.IsClosed)
        {
            // A sibling branch or iteration failed: this one stops where it is.
            history.Add(frame.Cursor, $"{state.Type}StateAborted");
            throw;
        }
        catch (Exception e) when (IsUnexpected(e))
        {
            throw Unexpected(run, e);
        }
        try
        {
            var output = result.Output;
            if (!result.Caught)
            {
                run.CheckSize(output);
                output = run.ApplyOutputPath(state.OutputPath, output);
            }
            run.CommitAssigned();
            if (state.ExitedEventType is not null)
            {
                history.Add(frame.Cursor, state.ExitedEventType, HistoryEvents.StateExited(state.Name, output, run.Assigned));
            }
            var next = result.Next ?? (result.End || state.End ? null : state.Next);
            return (output, next);
        }
        catch (Exception e) when (IsUnexpected(e))
        {
            throw Unexpected(run, e);
        }
    }

    /// <summary>An exception that is not a States error or a stop: a fault of the interpreter or of data it cannot hold.</summary>
    private static bool IsUnexpected(Exception e) => e is not (StatesFailure or OperationCanceledException);

    /// <summary>
    /// Fails the state with States.Runtime, as AWS fails a state on an internal error, so the
    /// execution ends FAILED instead of being left RUNNING with its work gone.
    /// </summary>
    private static StatesFailure Unexpected(StateRun run, Exception e)
    {
        var failure = run.RuntimeError(e.Message);
        failure.FailedState = run.State;
        return failure;
    }
}
