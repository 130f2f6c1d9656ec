using FakeAws.Engine.StepFunctions.Asl.States;

namespace FakeAws.Engine.StepFunctions.Asl;

/// <summary>A set of states and the one to start at: a definition's top level, a Parallel branch, or a Map's item processor.</summary>
internal sealed class AslProgram
{
    public required string StartAt { get; init; }

    public required IReadOnlyDictionary<string, StateNode> States { get; init; }
}

/// <summary>A parsed, validated state machine definition.</summary>
internal sealed class StateMachineDefinition
{
    public required AslProgram Program { get; init; }

    /// <summary>The execution's time limit, when the definition sets one.</summary>
    public long? TimeoutSeconds { get; init; }

    /// <summary>The definition as the user wrote it.</summary>
    public required string Text { get; init; }
}
