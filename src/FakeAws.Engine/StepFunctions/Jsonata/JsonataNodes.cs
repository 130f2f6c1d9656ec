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
    protected override object? EvaluateNode(JsonataScope scope) => name.Length == 0 ? scope.Context : scope.Lookup(name);
}

/// <summary>A field step, <c>left.name</c> (or <c>name</c> of the context item): mapped over arrays and flattened.</summary>
internal sealed class StepNode(JsonataNode? left, string name) : JsonataNode
{
    protected override object? EvaluateNode(JsonataScope scope)
    {
        var value = left is null ? scope.Context : left.Evaluate(scope);
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
    protected override object? EvaluateNode(JsonataScope scope)
    {
        var value = left.Evaluate(scope);
        if (value is Undefined)
        {
            return value;
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
        return JsonataValues.Sequence(kept);
    }
}

internal sealed class CallNode(JsonataNode callee, IReadOnlyList<JsonataNode> arguments) : JsonataNode
{
    protected override object? EvaluateNode(JsonataScope scope)
    {
        var function = callee.Evaluate(scope) as JsonataFunction
            ?? throw new JsonataException("T1006: Attempted to invoke a non-function");
        return function.Invoke(arguments.Select(a => a.Evaluate(scope)).ToList());
    }
}

internal sealed class BinaryNode(string op, JsonataNode left, JsonataNode right) : JsonataNode
{
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
                if (a is Undefined || b is Undefined)
                {
                    return JsonValue.Create(false);
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
                    throw new JsonataException($"T2010: The expressions either side of operator \"{op}\" must be of the same data type");
                }
                return JsonValue.Create(op switch { "<" => order < 0, "<=" => order <= 0, ">" => order > 0, _ => order >= 0 });
            default:
                if (a is Undefined || b is Undefined)
                {
                    return Undefined.Value;
                }
                if (!JsonataValues.IsNumber(a))
                {
                    throw new JsonataException($"T2001: The left side of the \"{op}\" operator must evaluate to a number");
                }
                if (!JsonataValues.IsNumber(b))
                {
                    throw new JsonataException($"T2002: The right side of the \"{op}\" operator must evaluate to a number");
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

internal sealed class LogicalNode(bool and, JsonataNode left, JsonataNode right) : JsonataNode
{
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
    protected override object? EvaluateNode(JsonataScope scope) => JsonataValues.ToBoolean(condition.Evaluate(scope))
        ? then.Evaluate(scope)
        : otherwise is null ? Undefined.Value : otherwise.Evaluate(scope);
}

/// <summary><c>[a, b]</c>: undefined items are left out, arrays written as items are flattened.</summary>
internal sealed class ArrayNode(IReadOnlyList<JsonataNode> items) : JsonataNode
{
    protected override object? EvaluateNode(JsonataScope scope)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            var value = item.Evaluate(scope);
            if (value is Undefined)
            {
                continue;
            }
            if (value is JsonataFunction)
            {
                throw new JsonataException("T1006: A function cannot be an array item here");
            }
            result.Add(JsonValues.Clone(value as JsonNode));
        }
        return result;
    }
}

/// <summary><c>{key: value}</c>: keys must be strings; undefined values are left out.</summary>
internal sealed class ObjectNode(IReadOnlyList<(JsonataNode Key, JsonataNode Value)> members) : JsonataNode
{
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
    protected override object? EvaluateNode(JsonataScope scope)
    {
        var result = value.Evaluate(scope);
        scope.Bind(name, result);
        return result;
    }
}

internal sealed class LambdaNode(IReadOnlyList<string> parameters, JsonataNode body) : JsonataNode
{
    protected override object? EvaluateNode(JsonataScope scope) => new JsonataFunction(arguments =>
    {
        var call = scope.Nested(scope.Context);
        for (var i = 0; i < parameters.Count; i++)
        {
            call.Bind(parameters[i], i < arguments.Count ? arguments[i] : Undefined.Value);
        }
        return body.Evaluate(call);
    });
}
