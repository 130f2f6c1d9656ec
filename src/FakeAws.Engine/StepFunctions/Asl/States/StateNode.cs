using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions.Asl.States;

/// <summary>What a state's own logic produced: its output, and where the execution goes next.</summary>
/// <param name="Output">The state's output before OutputPath (or, when <paramref name="Caught"/>, its final output).</param>
/// <param name="Next">The next state when the state chose it (Choice, a catcher); otherwise its Next field applies.</param>
/// <param name="Caught">A catcher handled an error: OutputPath does not apply.</param>
/// <param name="End">The state ends its program (Succeed).</param>
internal readonly record struct StateResult(JsonNode? Output, string? Next = null, bool Caught = false, bool End = false);

/// <summary>A state of a definition: the fields every type has, and its own logic.</summary>
internal abstract class StateNode
{
    public required string Name { get; init; }

    /// <summary>Pass, Task, Choice, Wait, Succeed, Fail, Parallel or Map.</summary>
    public abstract string Type { get; }

    public string? Next { get; init; }

    public bool End { get; init; }

    public OptionalPath InputPath { get; init; }

    public OptionalPath OutputPath { get; init; }

    /// <summary>Variables the state sets when it completes.</summary>
    public PayloadTemplate? Assign { get; init; }

    /// <summary>True when the state's query language is JSONata (its own QueryLanguage or the definition's).</summary>
    public bool IsJsonata { get; init; }

    /// <summary>JSONata: the state's output; without it, its input or its result.</summary>
    public JsonataTemplate? Output { get; init; }

    /// <summary>JSONata: the variables the state sets when it completes.</summary>
    public JsonataTemplate? JsonataAssign { get; init; }

    /// <summary>The history event that records entering the state.</summary>
    public string EnteredEventType => $"{Type}StateEntered";

    /// <summary>The history event that records leaving it, or null for Fail states, which never leave.</summary>
    public virtual string? ExitedEventType => $"{Type}StateExited";

    /// <summary>Runs the state's logic on its input (after InputPath).</summary>
    public abstract Task<StateResult> ExecuteAsync(StateRun run, JsonNode? input);
}
