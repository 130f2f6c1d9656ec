using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Runtime;

/// <summary>
/// One line of execution: the top-level program, a Parallel branch or a Map iteration. It has its
/// own place in the history, its own context object (<c>$$</c>) and its own variable scope.
/// </summary>
internal sealed class Frame(ExecutionRun run, HistoryCursor cursor, JsonObject context, VariableScope variables, CancellationToken cancellation)
{
    /// <summary>The execution this frame belongs to.</summary>
    public ExecutionRun Run { get; } = run;

    public HistoryCursor Cursor { get; } = cursor;

    /// <summary>The context object: Execution, StateMachine, State, and Map or Task where they apply.</summary>
    public JsonObject Context { get; } = context;

    public VariableScope Variables { get; } = variables;

    /// <summary>Cancelled when the execution stops or a sibling branch or iteration fails.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>
    /// A nested frame: it starts from this frame's place in the history and sees a copy of the
    /// context object without the per-state parts.
    /// </summary>
    public Frame Branch(CancellationToken cancellation, bool innerVariables = true, HistoryCursor? cursor = null)
    {
        var context = new JsonObject
        {
            ["Execution"] = JsonValues.Clone(Context["Execution"]),
            ["StateMachine"] = JsonValues.Clone(Context["StateMachine"]),
        };
        if (Context["State"] is { } state)
        {
            context["State"] = state.DeepClone();
        }
        return new Frame(Run, cursor ?? Cursor.Branch(), context, innerVariables ? Variables.Inner() : Variables, cancellation);
    }
}
