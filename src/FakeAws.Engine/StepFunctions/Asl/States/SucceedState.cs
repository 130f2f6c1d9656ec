using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions.Asl.States;

/// <summary>Ends its program successfully with its input as the output.</summary>
internal sealed class SucceedState : StateNode
{
    public override string Type => "Succeed";

    public override Task<StateResult> ExecuteAsync(StateRun run, JsonNode? input) =>
        Task.FromResult(new StateResult(IsJsonata && Output is not null ? run.Evaluate(Output, run.StatesVariable(input)) : input, End: true));
}
