using System.Text;

namespace FakeAws.Engine.DynamoDb.PartiQL;

/// <summary>
/// Turns parts of a PartiQL statement into DynamoDB expressions with placeholders, so that PartiQL
/// runs through the same expression engine, with the same semantics, as the item operations.
/// Every name becomes <c>#pN</c> and every value <c>:pN</c>; <c>?</c> parameters take their values here.
/// </summary>
internal sealed class PartiQLTranslator(IReadOnlyList<AttributeValue> parameters)
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _placeholders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AttributeValue> _values = new(StringComparer.Ordinal);

    /// <summary>The ExpressionAttributeNames used so far, or null when none.</summary>
    public Dictionary<string, string>? Names => _names.Count == 0 ? null : _names;

    /// <summary>The ExpressionAttributeValues used so far, or null when none.</summary>
    public Dictionary<string, AttributeValue>? Values => _values.Count == 0 ? null : _values;

    /// <summary>A placeholder for the attribute name <paramref name="name"/>.</summary>
    public string Name(string name)
    {
        if (!_placeholders.TryGetValue(name, out var placeholder))
        {
            placeholder = $"#p{_placeholders.Count}";
            _placeholders[name] = placeholder;
            _names[placeholder] = name;
        }
        return placeholder;
    }

    /// <summary>A placeholder for the value <paramref name="value"/>.</summary>
    public string Value(AttributeValue value)
    {
        var placeholder = $":p{_values.Count}";
        _values[placeholder] = value;
        return placeholder;
    }

    public string Path(PqlPath path)
    {
        var text = new StringBuilder(Name(path.Root));
        foreach (var step in path.Steps.Skip(1))
        {
            text.Append(step is int index ? $"[{index}]" : $".{Name((string)step)}");
        }
        return text.ToString();
    }

    /// <summary>The value <paramref name="value"/> stands for, with parameters filled in.</summary>
    public AttributeValue Resolve(ValueSyntax value) => value switch
    {
        LiteralValue literal => literal.Value,
        ParameterValue parameter => parameters[parameter.Index],
        ListValue list => AttributeValue.FromL(list.Elements.Select(Resolve).ToList()),
        MapValue map => AttributeValue.FromM(map.Members.ToDictionary(m => m.Name, m => Resolve(m.Value), StringComparer.Ordinal)),
        SetValue set => ResolveSet(set),
        _ => throw new InvalidOperationException($"Unknown value {value}"),
    };

    private AttributeValue ResolveSet(SetValue set)
    {
        var elements = set.Elements.Select(Resolve).ToList();
        return elements[0].Type switch
        {
            AttributeType.N => AttributeValue.FromNS(elements.Select(e => e.Type == AttributeType.N ? e.N : throw MixedSet()).ToList()),
            AttributeType.B => AttributeValue.FromBS(elements.Select(e => e.Type == AttributeType.B ? e.B : throw MixedSet()).ToList()),
            AttributeType.S => AttributeValue.FromSS(elements.Select(e => e.Type == AttributeType.S ? e.S : throw MixedSet()).ToList()),
            _ => throw MixedSet(),
        };
    }

    private static Core.AwsServiceException MixedSet() => PartiQLErrors.Malformed("Sets must hold strings, numbers or binaries of one type");

    public string Operand(OperandSyntax operand) => operand switch
    {
        PathOperand path => Path(path.Path),
        ValueOperand value => Value(Resolve(value.Value)),
        FunctionOperand function => $"{function.Name}({string.Join(", ", function.Arguments.Select(Operand))})",
        ArithmeticOperand arithmetic => $"{Operand(arithmetic.Left)} {arithmetic.Operator} {Operand(arithmetic.Right)}",
        _ => throw new InvalidOperationException($"Unknown operand {operand}"),
    };

    /// <summary>A WHERE clause as a ConditionExpression.</summary>
    public string Condition(ConditionSyntax condition) => condition switch
    {
        AndSyntax and => $"({Condition(and.Left)}) AND ({Condition(and.Right)})",
        OrSyntax or => $"({Condition(or.Left)}) OR ({Condition(or.Right)})",
        NotSyntax not => $"NOT ({Condition(not.Inner)})",
        CompareSyntax compare => $"{Operand(compare.Left)} {compare.Operator} {Operand(compare.Right)}",
        BetweenSyntax between => $"{Operand(between.Operand)} BETWEEN {Operand(between.Low)} AND {Operand(between.High)}",
        InSyntax @in => $"{Operand(@in.Operand)} IN ({string.Join(", ", @in.Candidates.Select(Operand))})",
        MissingSyntax missing => $"{(missing.Negated ? "attribute_exists" : "attribute_not_exists")}({Path(missing.Path)})",
        TypeSyntax type => type.Negated ? $"NOT ({TypeCondition(type)})" : TypeCondition(type),
        FunctionSyntax function => Operand(function.Call),
        _ => throw new InvalidOperationException($"Unknown condition {condition}"),
    };

    // IS NULL holds for a NULL value and, as in PartiQL, for a missing attribute.
    private string TypeCondition(TypeSyntax type)
    {
        var path = Path(type.Path);
        var test = $"attribute_type({path}, {Value(AttributeValue.FromS(type.Type))})";
        return type.Type == "NULL" ? $"attribute_not_exists({path}) OR {test}" : test;
    }

    /// <summary>The SET and REMOVE clauses of an UPDATE as an UpdateExpression; set_add and set_delete become ADD and DELETE.</summary>
    public string Update(UpdateStatement update)
    {
        var sets = new List<string>();
        var adds = new List<string>();
        var deletes = new List<string>();
        foreach (var (path, value) in update.Sets)
        {
            if (value is FunctionOperand { Name: "set_add" or "set_delete", Arguments.Count: 2 } function)
            {
                (function.Name == "set_add" ? adds : deletes).Add($"{Path(path)} {Operand(function.Arguments[1])}");
            }
            else
            {
                sets.Add($"{Path(path)} = {Operand(value)}");
            }
        }
        var text = new StringBuilder();
        Clause(text, "SET", sets);
        Clause(text, "REMOVE", update.Removes.Select(Path).ToList());
        Clause(text, "ADD", adds);
        Clause(text, "DELETE", deletes);
        return text.ToString().Trim();
    }

    private static void Clause(StringBuilder text, string keyword, List<string> actions)
    {
        if (actions.Count > 0)
        {
            text.Append(keyword).Append(' ').Append(string.Join(", ", actions)).Append(' ');
        }
    }

    /// <summary>Whether a WHERE clause is nothing but an equality on each of <paramref name="key"/>'s attributes.</summary>
    public static bool IsKeyLookup(ConditionSyntax? where, KeySchema key)
    {
        var terms = Conjuncts(where);
        var names = terms.Select(KeyEquality).ToList();
        return names.All(name => name is not null && key.Contains(name)) && names.Distinct().Count() == key.Attributes.Length && terms.Count == names.Count;
    }

    /// <summary>Whether a WHERE clause pins every key attribute with an equality and also has a condition of another kind.</summary>
    public static bool IsKeyLookupWithCondition(ConditionSyntax? where, KeySchema key)
    {
        var terms = Conjuncts(where);
        var keyTerms = terms.Where(t => KeyEquality(t) is { } name && key.Contains(name)).ToList();
        return keyTerms.Select(KeyEquality).Distinct().Count() == key.Attributes.Length && keyTerms.Count < terms.Count;
    }

    private static List<ConditionSyntax> Conjuncts(ConditionSyntax? where)
    {
        var terms = new List<ConditionSyntax>();
        Collect(where);
        return terms;

        void Collect(ConditionSyntax? condition)
        {
            if (condition is AndSyntax and)
            {
                Collect(and.Left);
                Collect(and.Right);
            }
            else if (condition is not null)
            {
                terms.Add(condition);
            }
        }
    }

    // The attribute a term pins with "name = value", or null.
    private static string? KeyEquality(ConditionSyntax term) => term switch
    {
        CompareSyntax { Operator: "=", Left: PathOperand { Path.IsTopLevel: true } path, Right: ValueOperand } => path.Path.Root,
        CompareSyntax { Operator: "=", Left: ValueOperand, Right: PathOperand { Path.IsTopLevel: true } path } => path.Path.Root,
        _ => null,
    };

    /// <summary>
    /// The attributes a WHERE clause pins with <c>name = value</c> in its top-level conjunction, which is
    /// how a statement names the item or partition it means.
    /// </summary>
    public Dictionary<string, AttributeValue> Equalities(ConditionSyntax? where)
    {
        var equalities = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        Collect(where);
        return equalities;

        void Collect(ConditionSyntax? condition)
        {
            switch (condition)
            {
                case AndSyntax and:
                    Collect(and.Left);
                    Collect(and.Right);
                    break;
                case CompareSyntax { Operator: "=", Left: PathOperand { Path.IsTopLevel: true } path, Right: ValueOperand value }:
                    equalities.TryAdd(path.Path.Root, Resolve(value.Value));
                    break;
                case CompareSyntax { Operator: "=", Left: ValueOperand value, Right: PathOperand { Path.IsTopLevel: true } path }:
                    equalities.TryAdd(path.Path.Root, Resolve(value.Value));
                    break;
            }
        }
    }
}
