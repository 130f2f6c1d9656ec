namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>
/// Validates a parsed UpdateExpression and builds its <see cref="UpdatePlan"/>. The checks run in
/// AWS's order, each over the whole expression: reserved words, unknown functions, repeated clauses,
/// undefined names, undefined values, overlapping paths, conflicting paths, ADD and DELETE operand
/// types, and then the functions and arithmetic of SET.
/// </summary>
internal sealed class UpdateCompiler
{
    private const ExpressionKind Kind = ExpressionKind.UpdateExpression;

    private readonly ExpressionAttributes _attributes;
    private readonly Dictionary<PathSyntax, DocumentPath> _paths = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ValueSyntax, AttributeValue> _values = new(ReferenceEqualityComparer.Instance);

    private UpdateCompiler(ExpressionAttributes attributes)
    {
        _attributes = attributes;
    }

    public static UpdatePlan Compile(string expression, ExpressionAttributes attributes)
    {
        var syntax = UpdateParser.Parse(expression);
        return new UpdateCompiler(attributes).Build(syntax);
    }

    private UpdatePlan Build(UpdateSyntax syntax)
    {
        // Everything written, left to right: each action's target, then its value's parts.
        var written = syntax.Actions
            .SelectMany(action => action.Value is null ? [action.Path] : SyntaxWalk.Descendants(action.Value).Prepend(action.Path))
            .ToList();
        Placeholders.RejectReservedWords(Kind, Placeholders.Paths(written));
        foreach (var call in written.OfType<CallSyntax>())
        {
            if (!Functions.IsKnown(call.Name))
            {
                throw ExpressionErrors.UnknownFunction(Kind, call.Name);
            }
        }
        CheckClausesUsedOnce(syntax.Clauses);
        foreach (var path in written.OfType<PathSyntax>())
        {
            _paths[path] = Placeholders.ResolvePath(Kind, path, _attributes);
        }
        foreach (var value in written.OfType<ValueSyntax>())
        {
            _values[value] = Placeholders.ResolveValue(Kind, value, _attributes);
        }
        var targets = syntax.Actions.Select(action => _paths[action.Path]).ToList();
        PathOverlaps.Check(Kind, targets);
        foreach (var action in syntax.Actions)
        {
            if (action.Clause is UpdateClause.ADD or UpdateClause.DELETE)
            {
                CheckSetOperand(action.Clause, _values[(ValueSyntax)action.Value!]);
            }
        }
        foreach (var action in syntax.Actions)
        {
            if (action.Value is not null && action.Clause == UpdateClause.SET)
            {
                CheckValue(action.Value);
            }
        }
        var actions = syntax.Actions.Select(action => action.Clause switch
        {
            UpdateClause.SET => new UpdateAction(UpdateActionKind.Set, _paths[action.Path], Value: CompileValue(action.Value!)),
            UpdateClause.REMOVE => new UpdateAction(UpdateActionKind.Remove, _paths[action.Path]),
            UpdateClause.ADD => new UpdateAction(UpdateActionKind.Add, _paths[action.Path], Operand: _values[(ValueSyntax)action.Value!]),
            _ => new UpdateAction(UpdateActionKind.Delete, _paths[action.Path], Operand: _values[(ValueSyntax)action.Value!]),
        }).ToList();
        return new UpdatePlan(actions, written.OfType<PathSyntax>().Select(path => _paths[path]).ToList());
    }

    private static void CheckClausesUsedOnce(IReadOnlyList<UpdateClause> clauses)
    {
        var seen = new HashSet<UpdateClause>();
        foreach (var clause in clauses)
        {
            if (!seen.Add(clause))
            {
                throw ExpressionErrors.Invalid(Kind, $"The \"{clause}\" section can only be used once in an update expression;");
            }
        }
    }

    // ADD takes a number or a set, DELETE only a set; AWS names the other types in words here.
    private static void CheckSetOperand(UpdateClause clause, AttributeValue operand)
    {
        var word = operand.Type switch
        {
            AttributeType.S => "STRING",
            AttributeType.N when clause == UpdateClause.DELETE => "NUMBER",
            AttributeType.B => "BINARY",
            AttributeType.NULL => "NULL",
            AttributeType.BOOL => "BOOLEAN",
            AttributeType.L => "LIST",
            AttributeType.M => "MAP",
            _ => null,
        };
        if (word is not null)
        {
            throw ExpressionErrors.Invalid(Kind, $"Incorrect operand type for operator or function; operator: {clause}, operand type: {word}");
        }
    }

    private void CheckValue(OperandSyntax value)
    {
        foreach (var part in SyntaxWalk.Descendants(value))
        {
            switch (part)
            {
                case CallSyntax call:
                    CheckCall(call);
                    break;
                case ArithmeticSyntax arithmetic:
                    RequireConstantType(arithmetic.Operator, AttributeType.N, arithmetic.Left, arithmetic.Right);
                    break;
            }
        }
    }

    private void CheckCall(CallSyntax call)
    {
        if (Functions.IsConditionFunction(call.Name))
        {
            throw ExpressionErrors.MisusedFunction(Kind, call.Name);
        }
        if (call.Arguments.Count != Functions.Arity(call.Name))
        {
            throw ExpressionErrors.OperandCount(Kind, call.Name, call.Arguments.Count);
        }
        if (call.Name == Functions.IfNotExists)
        {
            if (call.Arguments[0] is not PathSyntax)
            {
                throw ExpressionErrors.PathRequired(Kind, call.Name);
            }
            return;
        }
        // AWS refuses list_append nested directly in list_append.
        if (call.Arguments.FirstOrDefault(argument => argument is CallSyntax { Name: Functions.ListAppend }) is CallSyntax nested)
        {
            throw ExpressionErrors.MisusedFunction(Kind, nested.Name);
        }
        RequireConstantType(call.Name, AttributeType.L, call.Arguments[0], call.Arguments[1]);
    }

    // Only constants have a type before the item is read; paths are checked when applied.
    private void RequireConstantType(string function, AttributeType type, params OperandSyntax[] operands)
    {
        foreach (var operand in operands)
        {
            if (operand is ValueSyntax value && _values[value].Type != type)
            {
                throw ExpressionErrors.OperandType(Kind, function, _values[value].Type.ToString());
            }
        }
    }

    private UpdateValue CompileValue(OperandSyntax syntax) => syntax switch
    {
        PathSyntax path => new PathValue(_paths[path]),
        ValueSyntax value => new ConstantValue(_values[value]),
        ArithmeticSyntax arithmetic => new ArithmeticValue(arithmetic.Operator == "+", CompileValue(arithmetic.Left), CompileValue(arithmetic.Right)),
        CallSyntax { Name: Functions.IfNotExists } call => new IfNotExistsValue(_paths[(PathSyntax)call.Arguments[0]], CompileValue(call.Arguments[1])),
        CallSyntax call => new ListAppendValue(CompileValue(call.Arguments[0]), CompileValue(call.Arguments[1])),
        _ => throw new InvalidOperationException($"Unexpected update operand {syntax.GetType().Name}"),
    };
}
