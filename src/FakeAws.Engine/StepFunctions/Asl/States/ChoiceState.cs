using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions.Asl.States;

/// <summary>Goes to the Next of the first rule that holds, or to Default; fails with States.NoChoiceMatched otherwise.</summary>
internal sealed class ChoiceState : StateNode
{
    public override string Type => "Choice";

    public required IReadOnlyList<ChoiceBranch> Choices { get; init; }

    public string? Default { get; init; }

    public override Task<StateResult> ExecuteAsync(StateRun run, JsonNode? input)
    {
        var scope = run.For(input);
        foreach (var choice in Choices)
        {
            if (choice.Rule.Evaluate(scope))
            {
                run.Assign(choice.Assign ?? Assign, input);
                return Task.FromResult(new StateResult(input, choice.Next));
            }
        }
        if (Default is null)
        {
            throw new StatesFailure(StatesErrors.NoChoiceMatched, $"No Matches! The choice state '{Name}' found no rule that matched and has no Default.");
        }
        run.Assign(Assign, input);
        return Task.FromResult(new StateResult(input, Default));
    }
}
