using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions.Asl.States;

/// <summary>
/// A state that does work that can fail and be retried: Task, Parallel and Map. Each attempt's
/// result goes through Assign, ResultSelector and ResultPath; an error goes to the first matching
/// retrier, then to the first matching catcher, and otherwise ends the program.
/// </summary>
internal abstract class ExecutionStateNode : StateNode
{
    public PayloadTemplate? Parameters { get; init; }

    public PayloadTemplate? ResultSelector { get; init; }

    public OptionalPath ResultPath { get; init; }

    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public IReadOnlyList<Catcher> Catch { get; init; } = [];

    /// <summary>JSONata: the state's arguments (the Task's request, the branches' or items' input); its input when absent.</summary>
    public JsonataTemplate? Arguments { get; init; }

    /// <summary>The input of the state's work: its JSONata Arguments or JSONPath Parameters evaluated, or the input itself.</summary>
    protected JsonNode? WorkInput(StateRun run, JsonNode? input) => IsJsonata
        ? Arguments is null ? input : run.Evaluate(Arguments, run.StatesVariable(input))
        : Parameters is null ? input : Parameters.Evaluate(run.For(input));

    /// <summary>One attempt at the state's work, returning its raw result.</summary>
    protected abstract Task<JsonNode?> AttemptAsync(StateRun run, JsonNode? input);

    /// <summary>Records that the state failed for good, before a catcher sees the error (MapStateFailed, ParallelStateFailed).</summary>
    protected virtual void OnFailed(StateRun run)
    {
    }

    public sealed override async Task<StateResult> ExecuteAsync(StateRun run, JsonNode? input)
    {
        run.SetStateContext("RetryCount", 0);
        var attempts = new int[Retry.Count];
        var retries = 0;
        while (true)
        {
            StatesFailure failure;
            try
            {
                var result = await AttemptAsync(run, input);
                if (IsJsonata)
                {
                    var states = run.StatesVariable(input, result: result);
                    run.Assign(JsonataAssign, states);
                    return new StateResult(Output is null ? result : run.Evaluate(Output, states));
                }
                run.Assign(Assign, result);
                if (ResultSelector is not null)
                {
                    result = ResultSelector.Evaluate(run.For(result));
                }
                return new StateResult(run.ApplyResultPath(ResultPath, result));
            }
            catch (StatesFailure e)
            {
                failure = e;
            }
            if (failure.EventType is not null && !failure.Recorded)
            {
                run.Run.History.Add(run.Frame.Cursor, failure.EventType, failure.EventDetails, previous: failure.PreviousEventId);
                failure.Recorded = true;
            }
            if (FindRetrier(failure.Error) is { } index && attempts[index] < Retry[index].MaxAttempts)
            {
                var retrier = Retry[index];
                var delay = retrier.DelayBefore(attempts[index]++);
                if (retrier.JitterStrategy == "FULL")
                {
                    lock (run.Run.Random)
                    {
                        delay *= run.Run.Random.NextDouble();
                    }
                }
                if (delay > 0)
                {
                    await run.Run.Cloud.Clock.Delay(TimeSpan.FromSeconds(delay), run.Frame.Cancellation);
                }
                run.SetStateContext("RetryCount", ++retries);
                continue;
            }
            if (!failure.IsRuntime)
            {
                OnFailed(run);
            }
            var catcher = Catch.FirstOrDefault(c => c.ErrorEquals.Any(e => StatesErrors.Matches(e, failure.Error)));
            if (catcher is null)
            {
                throw failure;
            }
            var errorOutput = failure.ToErrorOutput();
            run.DiscardAssigned();
            if (IsJsonata)
            {
                var states = run.StatesVariable(input, errorOutput: errorOutput);
                run.Assign(catcher.JsonataAssign, states);
                return new StateResult(catcher.Output is null ? errorOutput : run.Evaluate(catcher.Output, states), catcher.Next, Caught: true);
            }
            run.Assign(catcher.Assign, errorOutput);
            return new StateResult(run.ApplyResultPath(catcher.ResultPath, errorOutput), catcher.Next, Caught: true);
        }
    }

    private int? FindRetrier(string? error)
    {
        // States.Runtime errors are never retried.
        if (error == StatesErrors.Runtime)
        {
            return null;
        }
        for (var i = 0; i < Retry.Count; i++)
        {
            if (Retry[i].ErrorEquals.Any(e => StatesErrors.Matches(e, error)))
            {
                return i;
            }
        }
        return null;
    }
}
