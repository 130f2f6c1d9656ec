using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Jsonata;

/// <summary>
/// A JSONata expression failed while it ran (a wrong operand type, an unknown function...). The
/// message starts with jsonata's error code (<c>T2001: ...</c>) when jsonata has one.
/// </summary>
internal sealed class JsonataException(string message) : Exception(message);

/// <summary>JSONata's "nothing": the result of a path or variable that selects nothing.</summary>
internal sealed class Undefined
{
    public static readonly Undefined Value = new();

    private Undefined()
    {
    }
}

/// <summary>A function value: a lambda written in the expression, or a built-in.</summary>
/// <param name="invoke">The body, given the arguments and the context value (<c>$</c>) of the call.</param>
/// <param name="arity">How many parameters it declares: higher-order functions pass a callback only that many of (value, index, array).</param>
internal sealed class JsonataFunction(Func<IReadOnlyList<object?>, object?, object?> invoke, int arity)
{
    public int Arity { get; } = arity;

    /// <summary>Set for a regular expression (<c>/ab+/i</c>), which jsonata treats as a function that matches.</summary>
    public System.Text.RegularExpressions.Regex? Pattern { get; init; }

    public object? Invoke(IReadOnlyList<object?> arguments, object? context = null) => invoke(arguments, context ?? Undefined.Value);
}

/// <summary>
/// What an expression evaluates in: the context item (<c>$</c>) and the variables in scope, which
/// blocks and lambdas extend. Values are <see cref="JsonNode"/> (null for JSON null),
/// <see cref="Undefined"/>, or <see cref="JsonataFunction"/>.
/// </summary>
internal sealed class JsonataScope
{
    private readonly Dictionary<string, object?> _bindings = new(StringComparer.Ordinal);
    private readonly JsonataScope? _parent;
    private readonly Func<string, object?>? _outer;

    /// <summary>The scope of a whole expression: names not bound in it come from <paramref name="outer"/>.</summary>
    public JsonataScope(Func<string, object?> outer, object? context)
    {
        _outer = outer;
        Context = context;
        Depth = new EvaluationDepth();
    }

    private JsonataScope(JsonataScope parent, object? context)
    {
        _parent = parent;
        Context = context;
        Depth = parent.Depth;
    }

    /// <summary>How deep the evaluation of the whole expression is now, shared by its nested scopes.</summary>
    public EvaluationDepth Depth { get; }

    /// <summary>The context item, <c>$</c>.</summary>
    public object? Context { get; }

    /// <summary>A nested scope with its own bindings (a block, a lambda call, a filter).</summary>
    public JsonataScope Nested(object? context) => new(this, context);

    public void Bind(string name, object? value) => _bindings[name] = value;

    /// <summary>The value of <c>$name</c>: bound here, in an enclosing scope, or by the state (variables, <c>$states</c>).</summary>
    public object? Lookup(string name)
    {
        if (_bindings.TryGetValue(name, out var value))
        {
            return value;
        }
        return _parent is not null ? _parent.Lookup(name) : _outer!(name);
    }
}

/// <summary>
/// The depth of nested evaluations in one expression, bounded as jsonata's stack guard bounds it
/// on AWS: deeper recursion (a function that never stops calling itself, a very long chain of
/// operators) fails with jsonata's text instead of overflowing the stack.
/// </summary>
internal sealed class EvaluationDepth
{
    private int _depth;

    public void Enter()
    {
        if (_depth == NestingLimits.JsonataEvaluation)
        {
            throw new JsonataException("Stack overflow error: Check for non-terminating recursive function. Consider rewriting as tail-recursive.");
        }
        _depth++;
    }

    public void Exit() => _depth--;
}

/// <summary>A node of a parsed expression.</summary>
internal abstract class JsonataNode
{
    /// <summary>Evaluates the node, one level deeper than its caller.</summary>
    public object? Evaluate(JsonataScope scope)
    {
        scope.Depth.Enter();
        try
        {
            return EvaluateNode(scope);
        }
        finally
        {
            scope.Depth.Exit();
        }
    }

    protected abstract object? EvaluateNode(JsonataScope scope);

    /// <summary>
    /// The node's sub-expressions, each with whether it is evaluated against the same context as the node
    /// (false for those run against the values of a path: predicates, map steps, sort and group terms).
    /// </summary>
    public virtual IEnumerable<(JsonataNode Child, bool SameContext)> Children => [];
}
