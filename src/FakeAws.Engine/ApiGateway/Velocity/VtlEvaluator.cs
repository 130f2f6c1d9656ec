using System.Text;

namespace FakeAws.Engine.ApiGateway.Velocity;

/// <summary>
/// Renders a parsed template with Velocity 1.7's rules as API Gateway configures them: a reference
/// whose value is null renders as nothing (API Gateway does not write the reference back as
/// Velocity does by default, so <c>$x</c> and <c>$!x</c> render alike); <c>#set</c> to null leaves
/// the target as it was; <c>#foreach</c>
/// walks lists and maps' values and gives <c>$foreach.hasNext</c>, <c>$foreach.index</c>,
/// <c>$foreach.count</c> and <c>$velocityCount</c>.
/// </summary>
internal sealed class VtlEvaluator
{
    /// <summary>Loops run at most this many times in one template, as API Gateway bounds its templates' work.</summary>
    private const int MaxIterations = 1_000_000;

    private readonly Dictionary<string, object?> _variables;
    private readonly StringBuilder _output = new();
    private bool _breaking;
    private bool _stopped;
    private int _iterations;

    private VtlEvaluator(Dictionary<string, object?> variables) => _variables = variables;

    /// <summary>Renders <paramref name="template"/> with <paramref name="variables"/> (which #set changes).</summary>
    /// <exception cref="VtlException">The template does not parse or fails.</exception>
    public static string Render(string template, Dictionary<string, object?> variables) =>
        Render(VtlParser.Parse(template), variables);

    /// <summary>Renders parsed nodes with <paramref name="variables"/>.</summary>
    public static string Render(IReadOnlyList<VtlNode> nodes, Dictionary<string, object?> variables)
    {
        var evaluator = new VtlEvaluator(variables);
        evaluator.Run(nodes);
        return evaluator._output.ToString();
    }

    private void Run(IReadOnlyList<VtlNode> nodes)
    {
        foreach (var node in nodes)
        {
            if (_breaking || _stopped)
            {
                return;
            }
            switch (node)
            {
                case TextNode text:
                    _output.Append(text.Text);
                    break;
                case ReferenceNode reference:
                    RenderReference(reference);
                    break;
                case SetNode set:
                    Assign(set.Target, Evaluate(set.Value));
                    break;
                case IfNode conditional:
                    RunIf(conditional);
                    break;
                case ForeachNode loop:
                    RunForeach(loop);
                    break;
                case BreakNode:
                    _breaking = true;
                    break;
                case StopNode:
                    _stopped = true;
                    break;
            }
        }
    }

    private void RenderReference(ReferenceNode node)
    {
        var value = Resolve(node.Reference);
        if (node.Escaped)
        {
            _output.Append(value is null ? "\\" + node.Source : node.Source);
        }
        else if (value is not null)
        {
            _output.Append(VtlValues.Text(value));
        }
    }

    private void RunIf(IfNode node)
    {
        foreach (var (condition, body) in node.Branches)
        {
            if (VtlValues.Truthy(Evaluate(condition)))
            {
                Run(body);
                return;
            }
        }
        if (node.Else is { } otherwise)
        {
            Run(otherwise);
        }
    }

    private void RunForeach(ForeachNode node)
    {
        var items = VtlValues.Items(Evaluate(node.Items)).ToList();
        var outer = _variables.GetValueOrDefault("foreach");
        var outerCount = _variables.GetValueOrDefault("velocityCount");
        for (var i = 0; i < items.Count && !_stopped; i++)
        {
            if (++_iterations > MaxIterations)
            {
                throw new VtlException($"The template loops more than {MaxIterations} times");
            }
            _variables[node.Variable] = items[i];
            _variables["foreach"] = new ForeachState(i, items.Count, outer);
            _variables["velocityCount"] = (long)(i + 1);
            Run(node.Body);
            if (_breaking)
            {
                _breaking = false;
                break;
            }
        }
        _variables["foreach"] = outer;
        _variables["velocityCount"] = outerCount;
    }

    private object? Resolve(VtlReference reference)
    {
        var value = _variables.GetValueOrDefault(reference.Name);
        foreach (var step in reference.Steps)
        {
            if (value is null)
            {
                return null;
            }
            value = Step(value, step);
        }
        return value;
    }

    private object? Step(object value, VtlStep step) => step switch
    {
        PropertyStep property => VtlValues.Property(value, property.Name),
        MethodStep method => VtlValues.Invoke(value, method.Name, method.Arguments.Select(Evaluate).ToList()),
        IndexStep index => VtlValues.Index(value, Evaluate(index.Index)),
        _ => null,
    };

    /// <summary><c>#set</c>: a variable, a map's entry or a list's item; null leaves the target unchanged.</summary>
    private void Assign(VtlReference target, object? value)
    {
        if (value is null)
        {
            return;
        }
        if (target.Steps.Count == 0)
        {
            _variables[target.Name] = value;
            return;
        }
        var owner = Resolve(target with { Steps = target.Steps.Take(target.Steps.Count - 1).ToList() });
        switch (target.Steps[^1], owner)
        {
            case (PropertyStep property, OrderedDictionary<string, object?> map):
                map[property.Name] = value;
                break;
            case (IndexStep index, OrderedDictionary<string, object?> map):
                map[VtlValues.Text(Evaluate(index.Index))] = value;
                break;
            case (IndexStep index, List<object?> list) when VtlValues.Int(Evaluate(index.Index)) is { } at && at >= 0 && at < list.Count:
                list[at] = value;
                break;
        }
    }

    private object? Evaluate(VtlExpression expression) => expression switch
    {
        LiteralExpression literal => literal.Value,
        InterpolatedExpression text => Render(text.Parts, _variables),
        ListExpression list => list.Items.Select(Evaluate).ToList(),
        RangeExpression range => Range(Evaluate(range.From), Evaluate(range.To)),
        MapExpression map => VtlValues.Map(map.Entries.Select(e => new KeyValuePair<string, object?>(VtlValues.Text(Evaluate(e.Key)), Evaluate(e.Value)))),
        ReferenceExpression reference => Resolve(reference.Reference),
        UnaryExpression { Operator: "!" } not => !VtlValues.Truthy(Evaluate(not.Operand)),
        UnaryExpression negate => VtlValues.Arithmetic("-", 0L, Evaluate(negate.Operand)),
        BinaryExpression binary => Binary(binary),
        _ => null,
    };

    private object? Binary(BinaryExpression binary)
    {
        switch (binary.Operator)
        {
            case "&&":
                return VtlValues.Truthy(Evaluate(binary.Left)) && VtlValues.Truthy(Evaluate(binary.Right));
            case "||":
                return VtlValues.Truthy(Evaluate(binary.Left)) || VtlValues.Truthy(Evaluate(binary.Right));
        }
        var left = Evaluate(binary.Left);
        var right = Evaluate(binary.Right);
        return binary.Operator switch
        {
            "==" => VtlValues.AreEqual(left, right),
            "!=" => !VtlValues.AreEqual(left, right),
            "<" => VtlValues.Compare(left, right) < 0,
            ">" => VtlValues.Compare(left, right) > 0,
            "<=" => VtlValues.Compare(left, right) <= 0,
            ">=" => VtlValues.Compare(left, right) >= 0,
            _ => VtlValues.Arithmetic(binary.Operator, left, right),
        };
    }

    private static List<object?> Range(object? from, object? to)
    {
        if (VtlValues.Int(from) is not { } first || VtlValues.Int(to) is not { } last)
        {
            return [];
        }
        if (Math.Abs((long)last - first) > MaxIterations)
        {
            throw new VtlException($"The range [{first}..{last}] is too long");
        }
        var step = first <= last ? 1 : -1;
        var list = new List<object?>();
        for (long i = first; i != last + step; i += step)
        {
            list.Add(i);
        }
        return list;
    }

    /// <summary><c>$foreach</c> inside a loop.</summary>
    private sealed class ForeachState(int index, int count, object? parent) : IVtlObject
    {
        public bool TryGetProperty(string name, out object? value)
        {
            value = name switch
            {
                "index" => (long)index,
                "count" => (long)(index + 1),
                "hasNext" => index + 1 < count,
                "first" => index == 0,
                "last" => index + 1 == count,
                "parent" => parent,
                _ => null,
            };
            return value is not null;
        }

        public bool TryInvoke(string name, IReadOnlyList<object?> arguments, out object? result)
        {
            result = null;
            if (arguments.Count == 0 && name is "hasNext" or "getIndex" or "getCount" or "getHasNext" or "isFirst" or "isLast" or "getParent")
            {
                var property = name switch
                {
                    "hasNext" or "getHasNext" => "hasNext",
                    "getIndex" => "index",
                    "getCount" => "count",
                    "isFirst" => "first",
                    "isLast" => "last",
                    _ => "parent",
                };
                return TryGetProperty(property, out result);
            }
            return false;
        }
    }
}
