using System.Text.Json.Nodes;

namespace FakeAws.Engine.StepFunctions.Runtime;

/// <summary>
/// What one branch of a Parallel state or one iteration of an inline Map state had done when the
/// state stopped: its output when it succeeded, otherwise the frame that knows where it stopped.
/// </summary>
internal sealed record BranchOutcome(Frame Frame, bool Succeeded, JsonNode? Output);

/// <summary>
/// A Parallel or Map state that did not succeed, as its frame remembers it for RedriveExecution:
/// a redrive reruns only the branches and iterations that did not succeed (each from the state it
/// stopped in) and redrives a distributed Map's Map Run.
/// </summary>
internal sealed class UnfinishedState(string name)
{
    /// <summary>The state's name; the redriven attempt takes the record only for the same state.</summary>
    public string Name { get; } = name;

    /// <summary>Parallel and inline Map: one outcome per branch or item; null for an item never started.</summary>
    public IReadOnlyList<BranchOutcome?> Branches { get; init; } = [];

    /// <summary>Distributed Map: the Map Run whose unsuccessful child executions a redrive reruns.</summary>
    public MapRunRecord? MapRun { get; init; }
}
