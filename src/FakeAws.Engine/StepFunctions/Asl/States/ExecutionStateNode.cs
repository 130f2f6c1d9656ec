using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Model;
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
    protected JsonNode? WorkInput(StateRun run, JsonNode? input)
    {
        var work = IsJsonata
            ? Arguments is null ? input : run.Evaluate(Arguments, run.StatesVariable(input))
            : Parameters is null ? input : Parameters.Evaluate(run.For(input));
        run.Run.Test?.Inspect(IsJsonata ? (d, v) => d.AfterArguments = v : (d, v) => d.AfterParameters = v, work);
        return work;
    }

    /// <summary>A TestState mock in place of the state's work: its input is still evaluated, then the mocked result or error stands.</summary>
    private JsonNode? MockedAttempt(StateRun run, JsonNode? input, MockInput mock)
    {
        WorkInput(run, input);
        if (mock.ErrorOutput is { } error)
        {
            throw new StatesFailure(error.Error, error.Cause);
        }
        return JsonValues.Parse(mock.Result ?? "null");
    }

    /// <summary>One attempt at the state's work, returning its raw result.</summary>
    protected abstract Task<JsonNode?> AttemptAsync(StateRun run, JsonNode? input);

    /// <summary>Records that the state failed for good, before a catcher sees the error (MapStateFailed, ParallelStateFailed).</summary>
    protected virtual void OnFailed(StateRun run)
    {
    }

    public sealed override async Task<StateResult> ExecuteAsync(StateRun run, JsonNode? input)
    {
        run.SetStateContext("RetryCount", 0);
        var test = run.Run.Test;
        var attempts = new int[Retry.Count];
        // TestState runs one attempt, as the given retry of it.
        Array.Fill(attempts, test?.RetrierRetryCount ?? 0);
        var retries = 0;
        while (true)
        {
            StatesFailure failure;
            try
            {
                var result = test?.Mock is { } mock ? MockedAttempt(run, input, mock) : await AttemptAsync(run, input);
                test?.Inspect((d, v) => d.Result = v, result);
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
                    test?.Inspect((d, v) => d.AfterResultSelector = v, result);
                }
                var output = run.ApplyResultPath(ResultPath, result);
                test?.Inspect((d, v) => d.AfterResultPath = v, output);
                return new StateResult(output);
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
                if (test is not null)
                {
                    // TestState does not retry: it answers RETRIABLE with the wait the retry would take.
                    test.RetryIndex = index;
                    test.HandledFailure = failure;
                    test.Data.ErrorDetails = new InspectionErrorDetails { RetryIndex = index, RetryBackoffIntervalSeconds = (int)Math.Round(delay) };
                    throw failure;
                }
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
            var catchIndex = Catch.ToList().FindIndex(c => c.ErrorEquals.Any(e => StatesErrors.Matches(e, failure.Error)));
            if (catchIndex < 0)
            {
                throw failure;
            }
            var catcher = Catch[catchIndex];
            if (test is not null)
            {
                test.CatchIndex = catchIndex;
                test.HandledFailure = failure;
                test.Data.ErrorDetails = new InspectionErrorDetails { CatchIndex = catchIndex };
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
