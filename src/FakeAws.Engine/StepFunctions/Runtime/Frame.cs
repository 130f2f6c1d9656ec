using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Runtime;

/// <summary>
/// One line of execution: the top-level program, a Parallel branch or a Map iteration. It has its
/// own place in the history, its own variable scope, and its own part of the context object (<c>$$</c>).
/// </summary>
/// <remarks>
/// The context object's Execution and StateMachine parts are the same for every frame of an
/// execution and are shared, not copied, so a Map over many items does not copy the execution's
/// input once per item; each frame keeps only its own State, Map and Task parts.
/// </remarks>
internal sealed class Frame(ExecutionRun run, HistoryCursor cursor, JsonObject sharedContext, VariableScope variables, CancellationToken cancellation)
{
    /// <summary>The execution this frame belongs to.</summary>
    public ExecutionRun Run { get; } = run;

    public HistoryCursor Cursor { get; } = cursor;

    /// <summary>This frame's parts of the context object: State, and Map or Task where they apply.</summary>
    public JsonObject Context { get; } = new();

    public VariableScope Variables { get; } = variables;

    /// <summary>Cancelled when the execution stops or a sibling branch or iteration fails.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>Cancelled when the execution attempt this frame belongs to stops (StopExecution, a time-out).</summary>
    public CancellationToken Attempt { get; init; }

    /// <summary>The state this frame is running or last ran: where a redrive resumes.</summary>
    public string? CurrentState { get; set; }

    /// <summary>The input <see cref="CurrentState"/> was entered with.</summary>
    public JsonNode? CurrentInput { get; set; }

    /// <summary>The Parallel or Map state this frame is in, as far as it got; reset as each state is entered.</summary>
    public UnfinishedState? Unfinished { get; set; }

    /// <summary>
    /// In a redriven attempt, what the last attempt's <see cref="Unfinished"/> state had done; the
    /// state takes it once (<see cref="TakeRedriven"/>), so a retry or a later visit runs whole.
    /// </summary>
    public UnfinishedState? Redriven { get; set; }

    /// <summary>The last attempt's record of the state <paramref name="name"/>, once; null when there is none.</summary>
    public UnfinishedState? TakeRedriven(string name)
    {
        var redriven = Redriven;
        Redriven = null;
        return redriven?.Name == name ? redriven : null;
    }

    /// <summary>
    /// The document a context path reads: the shared Execution and StateMachine parts, this frame's
    /// own parts, or, for a path that may reach both (<c>$$</c> itself, <c>$$..x</c>), a copy of the whole object.
    /// </summary>
    public JsonNode ContextFor(JsonPath path) => path.FirstProperty switch
    {
        "Execution" or "StateMachine" => sharedContext,
        { } => Context,
        null => WholeContext(),
    };

    /// <summary>A copy of the whole context object.</summary>
    public JsonObject WholeContext()
    {
        var whole = new JsonObject();
        foreach (var (key, value) in sharedContext)
        {
            whole[key] = JsonValues.Clone(value);
        }
        foreach (var (key, value) in Context)
        {
            whole[key] = JsonValues.Clone(value);
        }
        return whole;
    }

    /// <summary>
    /// A nested frame that takes up a branch or iteration of the last attempt where it stopped: its
    /// variables, its context parts, its state and input, and the record of its own unfinished state.
    /// </summary>
    public Frame Resume(Frame previous, CancellationToken cancellation, HistoryCursor? cursor = null)
    {
        var frame = new Frame(Run, cursor ?? Cursor.Branch(), sharedContext, previous.Variables, cancellation)
        {
            Attempt = Attempt,
            CurrentState = previous.CurrentState,
            CurrentInput = previous.CurrentInput,
            Redriven = previous.Unfinished,
        };
        foreach (var (key, value) in previous.Context)
        {
            frame.Context[key] = JsonValues.Clone(value);
        }
        return frame;
    }

    /// <summary>A nested frame: it starts from this frame's place in the history and sees its State.</summary>
    public Frame Branch(CancellationToken cancellation, bool innerVariables = true, HistoryCursor? cursor = null)
    {
        var frame = new Frame(Run, cursor ?? Cursor.Branch(), sharedContext, innerVariables ? Variables.Inner() : Variables, cancellation)
        {
            Attempt = Attempt,
        };
        if (Context["State"] is { } state)
        {
            frame.Context["State"] = state.DeepClone();
        }
        return frame;
    }
}
