using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions.Asl.States;

/// <summary>Passes its input, its Result or its Parameters on, placed by ResultPath.</summary>
internal sealed class PassState : StateNode
{
    public override string Type => "Pass";

    /// <summary>The fixed result, when the state has one (it may be JSON null).</summary>
    public bool HasResult { get; init; }

    public JsonNode? Result { get; init; }

    public PayloadTemplate? Parameters { get; init; }

    public OptionalPath ResultPath { get; init; }

    public override Task<StateResult> ExecuteAsync(StateRun run, JsonNode? input)
    {
        if (IsJsonata)
        {
            var states = run.StatesVariable(input);
            run.Assign(JsonataAssign, states);
            return Task.FromResult(new StateResult(Output is null ? input : run.Evaluate(Output, states)));
        }
        var result = Parameters is not null
            ? Parameters.Evaluate(run.For(input))
            : HasResult ? JsonValues.Clone(Result) : input;
        run.Run.Test?.Inspect((d, v) => d.AfterParameters = v, result);
        run.Assign(Assign, result);
        var output = run.ApplyResultPath(ResultPath, result);
        run.Run.Test?.Inspect((d, v) => d.AfterResultPath = v, output);
        return Task.FromResult(new StateResult(output));
    }
}
