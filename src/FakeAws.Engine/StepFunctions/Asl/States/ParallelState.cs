using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions.Asl.States;

/// <summary>Runs its branches side by side on the same input; the result is their outputs in branch order.</summary>
internal sealed class ParallelState : ExecutionStateNode
{
    public override string Type => "Parallel";

    public required IReadOnlyList<AslProgram> Branches { get; init; }

    protected override async Task<JsonNode?> AttemptAsync(StateRun run, JsonNode? input)
    {
        var history = run.Run.History;
        history.Add(run.Frame.Cursor, "ParallelStateStarted");
        var branchInput = WorkInput(run, input);
        using var group = CancellationTokenSource.CreateLinkedTokenSource(run.Frame.Cancellation);
        // A redrive reruns only the branches that did not succeed, each from where it stopped.
        var previous = run.Frame.TakeRedriven(Name)?.Branches;
        var frames = Branches.Select((_, i) => previous?[i] is { Succeeded: false } stopped ? run.Frame.Resume(stopped.Frame, group.Token) : run.Frame.Branch(group.Token)).ToList();
        var results = new JsonNode?[Branches.Count];
        var succeeded = new bool[Branches.Count];
        StatesFailure? failure = null;
        var branches = Branches.Select(async (program, i) =>
        {
            if (previous?[i] is { Succeeded: true } done)
            {
                (results[i], succeeded[i]) = (JsonValues.Clone(done.Output), true);
                return;
            }
            try
            {
                results[i] = frames[i].CurrentState is { } resumeAt
                    ? await ProgramRunner.RunAsync(frames[i], program, frames[i].CurrentInput, resumeAt)
                    : await ProgramRunner.RunAsync(frames[i], program, JsonValues.Clone(branchInput));
                succeeded[i] = true;
            }
            catch (StatesFailure e)
            {
                // AWS records the state a branch failed in as aborted (a Fail state excepted).
                if (e.FailedState is { Type: not "Fail" } failed)
                {
                    history.Add(frames[i].Cursor, $"{failed.Type}StateAborted", moveSource: false);
                }
                failure ??= e;
                group.Cancel();
            }
            catch (OperationCanceledException) when (group.IsCancellationRequested && !run.Frame.Cancellation.IsCancellationRequested)
            {
                // Stopped because a sibling branch failed.
            }
        }).ToList();
        await Task.WhenAll(branches);
        foreach (var frame in frames)
        {
            run.Frame.Cursor.Integrate(frame.Cursor);
        }
        run.Frame.Unfinished = new UnfinishedState(Name) { Branches = frames.Select((f, i) => new BranchOutcome(f, succeeded[i], results[i])).ToList() };
        run.Frame.Cancellation.ThrowIfCancellationRequested();
        if (failure is not null)
        {
            throw new StatesFailure(failure.Error, failure.Cause);
        }
        history.Add(run.Frame.Cursor, "ParallelStateSucceeded", moveSource: false);
        return new JsonArray(results);
    }

    protected override void OnFailed(StateRun run) => run.Run.History.Add(run.Frame.Cursor, "ParallelStateFailed");
}
