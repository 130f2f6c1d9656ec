using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Jsonata;

internal sealed class LiteralNode(JsonNode? value) : JsonataNode
{
    protected override object? EvaluateNode(JsonataScope scope) => JsonValues.Clone(value);
}

/// <summary><c>$name</c>; <c>$</c> alone is the context item.</summary>
internal sealed class VariableNode(string name) : JsonataNode
{
    /// <summary>The name without its <c>$</c>: empty for the context item, <c>$</c> for the root (<c>$$</c>).</summary>
    public string Name { get; } = name;

    protected override object? EvaluateNode(JsonataScope scope) => Name.Length == 0 ? scope.Context : scope.Lookup(Name);
}

/// <summary>A field step, <c>left.name</c> (or <c>name</c> of the context item): mapped over arrays and flattened.</summary>
internal sealed class StepNode(JsonataNode? left, string name) : JsonataNode
{
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => Left is null ? [] : [(Left, true)];

    /// <summary>What the step reads from: the path before it, or the context item when null.</summary>
    public JsonataNode? Left { get; } = left;

    public string Name { get; } = name;

    protected override object? EvaluateNode(JsonataScope scope) => Select(Left is null ? scope.Context : Left.Evaluate(scope), Name);

    /// <summary>The field <paramref name="name"/> of a value, or of each item of an array, flattened.</summary>
    public static object? Select(object? value, string name)
    {
        switch (value)
        {
            case JsonObject obj:
                return obj.TryGetPropertyValue(name, out var member) ? member : Undefined.Value;
            case JsonArray array:
                var results = new List<JsonNode?>();
                foreach (var item in array)
                {
                    if (item is JsonObject element && element.TryGetPropertyValue(name, out var found))
                    {
                        if (found is JsonArray nested)
                        {
                            results.AddRange(nested);
                        }
                        else
                        {
                            results.Add(found);
                        }
                    }
                }
                return JsonataValues.Sequence(results);
            default:
                return Undefined.Value;
        }
    }
}

/// <summary><c>left[n]</c> picks an item (from the end when negative); <c>left[predicate]</c> keeps the items it holds for.</summary>
internal sealed class FilterNode(JsonataNode left, JsonataNode filter) : JsonataNode
{
    // The filter runs against each item of the left side, not the expression's context.
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => [(left, true), (filter, false)];

    protected override object? EvaluateNode(JsonataScope scope)
    {
        if (left is StepNode step)
        {
            // A predicate belongs to its step, as in jsonata: items.tags[-1] is the last tag of each item.
            var inputs = step.Left is null ? scope.Context : step.Left.Evaluate(scope);
            var each = inputs is JsonArray array ? array.ToList() : [inputs as JsonNode];
            if (inputs is Undefined)
            {
                return inputs;
            }
            var matches = new List<JsonNode?>();
            foreach (var input in each)
            {
                matches.AddRange(Apply(scope, StepNode.Select(input, step.Name)));
            }
            return JsonataValues.Sequence(matches);
        }
        return JsonataValues.Sequence(Apply(scope, left.Evaluate(scope)));
    }

    /// <summary>The items of <paramref name="value"/> (one item when it is no array) that the filter keeps.</summary>
    private List<JsonNode?> Apply(JsonataScope scope, object? value)
    {
        if (value is Undefined)
        {
            return [];
        }
        var items = value is JsonArray array ? array.ToList() : [(JsonNode?)value];
        var kept = new List<JsonNode?>();
        for (var i = 0; i < items.Count; i++)
        {
            var test = filter.Evaluate(scope.Nested(items[i]));
            if (test is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
            {
                var index = (int)Math.Floor(JsonValues.AsDouble(number));
                if (index < 0)
                {
                    index += items.Count;
                }
                if (index == i)
                {
                    kept.Add(items[i]);
                }
            }
            else if (JsonataValues.ToBoolean(test))
            {
                kept.Add(items[i]);
            }
        }
        return kept;
    }
}

/// <summary>
/// <c>$f(a, b)</c>; with <c>?</c> for some arguments (<c>$f(?, 2)</c>) it is a partial application:
/// a function of the missing arguments, in the order written.
/// </summary>
internal sealed class CallNode(JsonataNode callee, IReadOnlyList<JsonataNode?> arguments) : JsonataNode
{
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => [(callee, true), .. arguments.OfType<JsonataNode>().Select(a => (a, true))];

    protected override object? EvaluateNode(JsonataScope scope) => Call(scope, []);

    /// <summary>Calls the function with <paramref name="first"/> before the arguments written (<c>x ~> $f(y)</c> is <c>$f(x, y)</c>).</summary>
    public object? Call(JsonataScope scope, IReadOnlyList<object?> first)
    {
        var function = callee.Evaluate(scope) as JsonataFunction;
        if (arguments.Contains(null))
        {
            return Partial(function ?? throw new JsonataException("T1008: Attempted to partially apply a non-function"), scope, first);
        }
        if (function is null)
        {
            throw new JsonataException("T1006: Attempted to invoke a non-function");
        }
        return function.Invoke(first.Concat(arguments.Select(a => a!.Evaluate(scope))).ToList(), scope.Context);
    }

    private JsonataFunction Partial(JsonataFunction function, JsonataScope scope, IReadOnlyList<object?> first)
    {
        // The arguments written are evaluated now; each '?' takes the next argument of the call.
        var bound = first.Concat(arguments.Select(a => a is null ? null : a.Evaluate(scope))).ToList();
        var placeholders = arguments.Count(a => a is null);
        return new JsonataFunction((given, context) =>
        {
            var next = 0;
            var filled = bound.Select((value, i) => i >= first.Count && arguments[i - first.Count] is null
                ? next < given.Count ? given[next++] : Undefined.Value
                : value).ToList();
            return function.Invoke(filled, context);
        }, placeholders);
    }
}

/// <summary>
/// <c>x ~> $f(y)</c>: calls the function with x as its first argument; <c>$f ~> $g</c> of two
/// functions is their composition, a function that applies $f and then $g.
/// </summary>
internal sealed class ChainNode(JsonataNode left, JsonataNode right) : JsonataNode
{
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => [(left, true), (right, true)];

    protected override object? EvaluateNode(JsonataScope scope)
    {
        var value = left.Evaluate(scope);
        if (right is CallNode call)
        {
            return call.Call(scope, [value]);
        }
        var function = right.Evaluate(scope) as JsonataFunction
            ?? throw new JsonataException("T2006: The right side of the function application operator ~> must be a function");
        return value is JsonataFunction first
            ? new JsonataFunction((arguments, context) => function.Invoke([first.Invoke(arguments, context)], context), first.Arity)
            : function.Invoke([value], scope.Context);
    }
}

internal sealed class BinaryNode(string op, JsonataNode left, JsonataNode right) : JsonataNode
{
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => [(left, true), (right, true)];

    private static bool Comparable(object? value) => value is Undefined || JsonataValues.IsNumber(value) || JsonValues.IsString(value as JsonNode);

    protected override object? EvaluateNode(JsonataScope scope)
    {
        var a = left.Evaluate(scope);
        var b = right.Evaluate(scope);
        switch (op)
        {
            case "&":
                return JsonValue.Create(JsonataValues.ToText(a) + JsonataValues.ToText(b));
            case "=":
                return JsonValue.Create(a is not Undefined && b is not Undefined && a is not JsonataFunction && JsonValues.DeepEquals(a as JsonNode, b as JsonNode));
            case "!=":
                return JsonValue.Create(a is not Undefined && b is not Undefined && !JsonValues.DeepEquals(a as JsonNode, b as JsonNode));
            case "in":
                var list = b is JsonArray array ? array.ToList() : [b as JsonNode];
                return JsonValue.Create(a is not Undefined && list.Any(x => JsonValues.DeepEquals(a as JsonNode, x)));
            case "<" or "<=" or ">" or ">=":
                // jsonata: only numbers and strings compare (T2010), undefined gives undefined, and
                // both sides must be of one type (T2009).
                if (!Comparable(a) || !Comparable(b))
                {
                    throw new JsonataException($"T2010: The expressions either side of operator \"{op}\" must evaluate to numeric or string values");
                }
                if (a is Undefined || b is Undefined)
                {
                    return Undefined.Value;
                }
                int order;
                if (JsonataValues.IsNumber(a) && JsonataValues.IsNumber(b))
                {
                    order = JsonataValues.Number(a).CompareTo(JsonataValues.Number(b));
                }
                else if (JsonValues.IsString(a as JsonNode) && JsonValues.IsString(b as JsonNode))
                {
                    order = string.CompareOrdinal(((JsonNode)a!).GetValue<string>(), ((JsonNode)b!).GetValue<string>());
                }
                else
                {
                    throw new JsonataException($"T2009: The values either side of operator \"{op}\" must be of the same data type");
                }
                return JsonValue.Create(op switch { "<" => order < 0, "<=" => order <= 0, ">" => order > 0, _ => order >= 0 });
            default:
                // jsonata checks the types before it lets an undefined side make the result undefined.
                if (a is not Undefined && !JsonataValues.IsNumber(a))
                {
                    throw new JsonataException($"T2001: The left side of the \"{op}\" operator must evaluate to a number");
                }
                if (b is not Undefined && !JsonataValues.IsNumber(b))
                {
                    throw new JsonataException($"T2002: The right side of the \"{op}\" operator must evaluate to a number");
                }
                if (a is Undefined || b is Undefined)
                {
                    return Undefined.Value;
                }
                var x = JsonataValues.Number(a);
                var y = JsonataValues.Number(b);
                return JsonataValues.FromNumber(op switch
                {
                    "+" => x + y,
                    "-" => x - y,
                    "*" => x * y,
                    "/" => x / y,
                    _ => x % y,
                });
        }
    }
}

/// <summary><c>a..b</c>: the integers from a to b (none when a &gt; b); jsonata's T2003/T2004 for non-integers, D2014 past ten million.</summary>
internal sealed class RangeNode(JsonataNode left, JsonataNode right) : JsonataNode
{
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => [(left, true), (right, true)];

    private const int MaxSize = 10_000_000;

    protected override object? EvaluateNode(JsonataScope scope)
    {
        var a = left.Evaluate(scope);
        var b = right.Evaluate(scope);
        if (a is not Undefined && !IsInteger(a))
        {
            throw new JsonataException("T2003: The left side of the range operator (..) must evaluate to an integer");
        }
        if (b is not Undefined && !IsInteger(b))
        {
            throw new JsonataException("T2004: The right side of the range operator (..) must evaluate to an integer");
        }
        var result = new JsonArray();
        if (a is Undefined || b is Undefined)
        {
            return result;
        }
        var (from, to) = ((long)JsonataValues.Number(a), (long)JsonataValues.Number(b));
        if (to - from + 1 > MaxSize)
        {
            throw new JsonataException($"D2014: The size of the sequence allocated by the range operator (..) must not exceed 1e7.  Attempted to allocate {to - from + 1}.");
        }
        for (var i = from; i <= to; i++)
        {
            result.Add(i);
        }
        return result;
    }

    private static bool IsInteger(object? value) => JsonataValues.IsNumber(value) && Math.Floor(JsonataValues.Number(value)) == JsonataValues.Number(value);
}

internal sealed class LogicalNode(bool and, JsonataNode left, JsonataNode right) : JsonataNode
{
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => [(left, true), (right, true)];

    protected override object? EvaluateNode(JsonataScope scope)
    {
        var first = JsonataValues.ToBoolean(left.Evaluate(scope));
        if (and ? !first : first)
        {
            return JsonValue.Create(first);
        }
        return JsonValue.Create(JsonataValues.ToBoolean(right.Evaluate(scope)));
    }
}

internal sealed class NegateNode(JsonataNode operand) : JsonataNode
{
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => [(operand, true)];

    protected override object? EvaluateNode(JsonataScope scope)
    {
        var value = operand.Evaluate(scope);
        return value switch
        {
            Undefined => value,
            _ when JsonataValues.IsNumber(value) => JsonataValues.FromNumber(-JsonataValues.Number(value)),
            _ => throw new JsonataException("D1002: Cannot negate a non-numeric value"),
        };
    }
}

internal sealed class ConditionalNode(JsonataNode condition, JsonataNode then, JsonataNode? otherwise) : JsonataNode
{
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => otherwise is null ? [(condition, true), (then, true)] : [(condition, true), (then, true), (otherwise, true)];

    protected override object? EvaluateNode(JsonataScope scope) => JsonataValues.ToBoolean(condition.Evaluate(scope))
        ? then.Evaluate(scope)
        : otherwise is null ? Undefined.Value : otherwise.Evaluate(scope);
}

/// <summary>
/// <c>[a, b]</c>: undefined items are left out; an item that gives an array is flattened into this
/// one unless it is written as an array constructor itself (jsonata's rule, so <c>[1..3, 5]</c> is
/// <c>[1,2,3,5]</c> and <c>[[1], 2]</c> keeps its inner array).
/// </summary>
internal sealed class ArrayNode(IReadOnlyList<JsonataNode> items) : JsonataNode
{
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => items.Select(i => (i, true));

    protected override object? EvaluateNode(JsonataScope scope)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            var value = item.Evaluate(scope);
            switch (value)
            {
                case Undefined:
                    break;
                case JsonataFunction:
                    throw new JsonataException("T1006: A function cannot be an array item here");
                case JsonArray array when item is not ArrayNode:
                    foreach (var element in array)
                    {
                        result.Add(JsonValues.Clone(element));
                    }
                    break;
                default:
                    result.Add(JsonValues.Clone(value as JsonNode));
                    break;
            }
        }
        return result;
    }
}

/// <summary><c>{key: value}</c>: keys must be strings; undefined values are left out.</summary>
internal sealed class ObjectNode(IReadOnlyList<(JsonataNode Key, JsonataNode Value)> members) : JsonataNode
{
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => members.SelectMany(m => new[] { (m.Key, true), (m.Value, true) });

    protected override object? EvaluateNode(JsonataScope scope)
    {
        var result = new JsonObject();
        foreach (var (keyNode, valueNode) in members)
        {
            var key = keyNode.Evaluate(scope);
            if (!JsonValues.IsString(key as JsonNode))
            {
                throw new JsonataException("T1003: Key in object structure must evaluate to a string");
            }
            var value = valueNode.Evaluate(scope);
            if (value is not Undefined and not JsonataFunction)
            {
                result[((JsonNode)key!).GetValue<string>()] = JsonValues.Clone(value as JsonNode);
            }
        }
        return result;
    }
}

/// <summary><c>(a; b)</c>: evaluated in order in a scope of its own; the last value is the result.</summary>
internal sealed class BlockNode(IReadOnlyList<JsonataNode> expressions) : JsonataNode
{
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => expressions.Select(e => (e, true));

    protected override object? EvaluateNode(JsonataScope scope)
    {
        var inner = scope.Nested(scope.Context);
        object? result = Undefined.Value;
        foreach (var expression in expressions)
        {
            result = expression.Evaluate(inner);
        }
        return result;
    }
}

/// <summary><c>$name := value</c>: binds the name in the current scope and yields the value.</summary>
internal sealed class BindNode(string name, JsonataNode value) : JsonataNode
{
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => [(value, true)];

    protected override object? EvaluateNode(JsonataScope scope)
    {
        var result = value.Evaluate(scope);
        scope.Bind(name, result);
        return result;
    }
}

internal sealed class LambdaNode(IReadOnlyList<string> parameters, JsonataNode body) : JsonataNode
{
    // A lambda's body keeps the context of the expression that defines it.
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => [(body, true)];

    protected override object? EvaluateNode(JsonataScope scope) => new JsonataFunction((arguments, _) =>
    {
        var call = scope.Nested(scope.Context);
        for (var i = 0; i < parameters.Count; i++)
        {
            call.Bind(parameters[i], i < arguments.Count ? arguments[i] : Undefined.Value);
        }
        return body.Evaluate(call);
    }, parameters.Count);
}
