using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions.Asl.States;

/// <summary>Ends its program with an error, named literally or read from a path or an intrinsic call.</summary>
internal sealed class FailState : StateNode
{
    public override string Type => "Fail";

    /// <summary>Fail states never leave, so they have no exited event.</summary>
    public override string? ExitedEventType => null;

    public string? Error { get; init; }

    public PayloadTemplate.Expression? ErrorPath { get; init; }

    public string? Cause { get; init; }

    public PayloadTemplate.Expression? CausePath { get; init; }

    /// <summary>JSONata: the error name, as a template that must give a string.</summary>
    public JsonataTemplate? JsonataError { get; init; }

    /// <summary>JSONata: the cause, as a template that must give a string.</summary>
    public JsonataTemplate? JsonataCause { get; init; }

    public override Task<StateResult> ExecuteAsync(StateRun run, JsonNode? input)
    {
        if (IsJsonata)
        {
            var states = run.StatesVariable(input);
            string? Text(JsonataTemplate? template) => template is null
                ? null
                : run.Evaluate(template, states, "string", JsonValues.IsString)!.GetValue<string>();
            throw new StatesFailure(Text(JsonataError), Text(JsonataCause));
        }
        var error = ErrorPath is null ? Error : Text(run, input, ErrorPath, "ErrorPath");
        var cause = CausePath is null ? Cause : Text(run, input, CausePath, "CausePath");
        throw new StatesFailure(error, cause);
    }

    private static string Text(StateRun run, JsonNode? input, PayloadTemplate.Expression expression, string field)
    {
        var value = run.For(input).Evaluate(expression);
        return JsonValues.AsString(value)
            ?? throw run.RuntimeError($"The {field} field must reference a string value, but it references: {JsonValues.Serialize(value)}");
    }
}
