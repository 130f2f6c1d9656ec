using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;
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
        if (IsJsonata)
        {
            return Task.FromResult(ExecuteJsonata(run, input));
        }
        var scope = run.For(input);
        foreach (var choice in Choices)
        {
            if (choice.Rule!.Evaluate(scope))
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

    /// <summary>JSONata: each rule's Condition must give a boolean; the chosen rule's (or the state's) Assign and Output apply.</summary>
    private StateResult ExecuteJsonata(StateRun run, JsonNode? input)
    {
        var states = run.StatesVariable(input);
        foreach (var choice in Choices)
        {
            if (run.Evaluate(choice.Condition!, states, "boolean", JsonValues.IsBoolean)!.GetValue<bool>())
            {
                return Finish(choice.JsonataAssign ?? JsonataAssign, choice.Output ?? Output, choice.Next);
            }
        }
        if (Default is null)
        {
            throw new StatesFailure(StatesErrors.NoChoiceMatched, $"No Matches! The choice state '{Name}' found no rule that matched and has no Default.");
        }
        return Finish(JsonataAssign, Output, Default);

        StateResult Finish(JsonataTemplate? assign, JsonataTemplate? output, string next)
        {
            run.Assign(assign, states);
            return new StateResult(output is null ? input : run.Evaluate(output, states), next);
        }
    }
}
