namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>A compiled condition and the document paths it reads (for the key-attribute checks).</summary>
internal sealed record CompiledCondition(Condition Condition, IReadOnlyList<DocumentPath> Paths);

/// <summary>
/// Validates a parsed condition and builds its evaluable tree. The checks run in AWS's order, each
/// over the whole expression before the next: redundant parentheses, unknown functions, misused
/// functions, reserved words; then, primitive condition by primitive condition, undefined names and
/// values, operand counts, repeated operands, and operand types.
/// </summary>
internal sealed class ConditionCompiler
{
    private const string AnyType = "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}";
    private const string TypeNames = "{B,NULL,SS,BOOL,L,BS,N,NS,S,M}";

    private readonly ExpressionKind _kind;
    private readonly ExpressionAttributes _attributes;
    private readonly List<DocumentPath> _paths = [];
    private readonly Dictionary<OperandSyntax, Operand> _compiled = new(ReferenceEqualityComparer.Instance);

    private ConditionCompiler(ExpressionKind kind, ExpressionAttributes attributes)
    {
        _kind = kind;
        _attributes = attributes;
    }

    public static CompiledCondition Compile(ExpressionKind kind, string expression, ExpressionAttributes attributes)
    {
        var syntax = ConditionParser.Parse(kind, expression);
        var compiler = new ConditionCompiler(kind, attributes);
        compiler.CheckShape(syntax);
        var condition = compiler.Build(syntax);
        return new CompiledCondition(condition, compiler._paths);
    }

    private void CheckShape(ConditionSyntax syntax)
    {
        if (HasRedundantParentheses(syntax))
        {
            throw ExpressionErrors.RedundantParentheses(_kind);
        }
        var leaves = SyntaxWalk.Leaves(syntax).ToList();
        var operands = SyntaxWalk.Operands(leaves).ToList();
        foreach (var call in operands.OfType<CallSyntax>())
        {
            if (!Functions.IsKnown(call.Name))
            {
                throw ExpressionErrors.UnknownFunction(_kind, call.Name);
            }
        }
        foreach (var leaf in leaves)
        {
            CheckFunctionUse(leaf);
        }
        Placeholders.RejectReservedWords(_kind, Placeholders.Paths(operands));
    }

    private static bool HasRedundantParentheses(ConditionSyntax syntax) => syntax.Parentheses > 1 || syntax switch
    {
        LogicalSyntax logical => HasRedundantParentheses(logical.Left) || HasRedundantParentheses(logical.Right),
        NotSyntax not => HasRedundantParentheses(not.Inner),
        LeafSyntax leaf => leaf.Operands.SelectMany(SyntaxWalk.Descendants).Any(operand => operand.Parentheses > 1),
        _ => false,
    };

    // Only size() produces a value; the other condition functions are conditions of their own, and
    // the update functions have no place in a condition at all.
    private void CheckFunctionUse(LeafSyntax leaf)
    {
        if (leaf.Call is { } call)
        {
            if (call.Name == Functions.Size || Functions.IsUpdateFunction(call.Name))
            {
                throw ExpressionErrors.MisusedFunction(_kind, call.Name);
            }
            CheckValueFunctions(call.Arguments);
            return;
        }
        CheckValueFunctions(leaf.Operands);
    }

    private void CheckValueFunctions(IEnumerable<OperandSyntax> operands)
    {
        foreach (var operand in operands)
        {
            if (operand is CallSyntax call)
            {
                if (call.Name != Functions.Size)
                {
                    throw ExpressionErrors.MisusedFunction(_kind, call.Name);
                }
                CheckValueFunctions(call.Arguments);
            }
        }
    }

    private Condition Build(ConditionSyntax syntax) => syntax switch
    {
        LogicalSyntax { IsAnd: true } and => new AndCondition(Build(and.Left), Build(and.Right)),
        LogicalSyntax or => new OrCondition(Build(or.Left), Build(or.Right)),
        NotSyntax not => new NotCondition(Build(not.Inner)),
        _ => BuildLeaf((LeafSyntax)syntax),
    };

    private Condition BuildLeaf(LeafSyntax leaf)
    {
        var call = leaf.Call;
        var operands = (call?.Arguments ?? leaf.Operands).Select(CompileOperand).ToArray();
        CheckOperandCounts(leaf);
        CheckDistinct(call?.Name ?? leaf.Operator, operands);
        foreach (var nested in leaf.Operands.SelectMany(SyntaxWalk.Descendants).OfType<CallSyntax>())
        {
            if (nested != call)
            {
                CheckFunctionOperands(nested.Name, nested.Arguments.Select(argument => _compiled[argument]).ToArray());
            }
        }
        if (call is not null)
        {
            CheckFunctionOperands(call.Name, operands);
            return BuildFunction(call.Name, operands);
        }
        return leaf.Operator switch
        {
            LeafSyntax.Between => BuildBetween(operands),
            LeafSyntax.In => new InCondition(operands[0], operands[1..]),
            _ => BuildComparison(leaf.Operator, operands[0], operands[1]),
        };
    }

    private Operand CompileOperand(OperandSyntax syntax)
    {
        Operand operand;
        switch (syntax)
        {
            case PathSyntax path:
                var resolved = Placeholders.ResolvePath(_kind, path, _attributes);
                _paths.Add(resolved);
                operand = new PathOperand(resolved);
                break;
            case ValueSyntax value:
                operand = new ConstantOperand(Placeholders.ResolveValue(_kind, value, _attributes));
                break;
            default:
                // Only size() is left after CheckFunctionUse; its operand count is checked per leaf.
                var inner = ((CallSyntax)syntax).Arguments.Select(CompileOperand).ToArray();
                operand = new SizeOperand(inner[0]);
                break;
        }
        _compiled[syntax] = operand;
        return operand;
    }

    private void CheckOperandCounts(LeafSyntax leaf)
    {
        foreach (var call in leaf.Operands.SelectMany(SyntaxWalk.Descendants).OfType<CallSyntax>())
        {
            if (call.Arguments.Count != Functions.Arity(call.Name))
            {
                throw ExpressionErrors.OperandCount(_kind, call.Name, call.Arguments.Count);
            }
        }
        if (leaf.Operator == LeafSyntax.In && leaf.Operands.Count > 100)
        {
            throw ExpressionErrors.Invalid(_kind,
                $"The IN operator is provided with too many operands; number of operands: {leaf.Operands.Count}");
        }
    }

    // AWS refuses "a = a", "contains(a, a)" and the like: the same path on both sides.
    private void CheckDistinct(string op, Operand[] operands)
    {
        if (op is LeafSyntax.Between or LeafSyntax.In || operands.Length != 2)
        {
            return;
        }
        if (operands[0] is PathOperand first && operands[1] is PathOperand second && first.Path.Equals(second.Path))
        {
            throw ExpressionErrors.NotDistinct(_kind, op, first.Path);
        }
    }

    /// <summary>The type of an operand known before reading any item: a constant's, or N for size().</summary>
    private static AttributeType? KnownType(Operand operand) => operand switch
    {
        ConstantOperand constant => constant.Value.Type,
        SizeOperand => AttributeType.N,
        _ => null,
    };

    private void CheckFunctionOperands(string function, Operand[] operands)
    {
        switch (function)
        {
            case Functions.AttributeExists:
            case Functions.AttributeNotExists:
                if (operands[0] is not PathOperand)
                {
                    throw ExpressionErrors.PathRequired(_kind, function);
                }
                break;
            case Functions.AttributeType:
                var typeName = operands[1];
                if (typeName is not ConstantOperand { Value.Type: AttributeType.S } constant)
                {
                    throw ExpressionErrors.OperandType(_kind, function, KnownType(typeName)?.ToString() ?? AnyType);
                }
                if (!Functions.IsTypeName(constant.Value.S))
                {
                    throw ExpressionErrors.Invalid(_kind, $"Invalid attribute type name found; type: {constant.Value.S}, valid types: {TypeNames}");
                }
                break;
            case Functions.BeginsWith:
                foreach (var operand in operands)
                {
                    if (KnownType(operand) is { } type && type is not (AttributeType.S or AttributeType.B))
                    {
                        throw ExpressionErrors.OperandType(_kind, function, type.ToString());
                    }
                }
                break;
            case Functions.Size:
                if (KnownType(operands[0]) is { } sizedType && sizedType is AttributeType.N or AttributeType.BOOL or AttributeType.NULL)
                {
                    throw ExpressionErrors.OperandType(_kind, function, sizedType.ToString());
                }
                break;
        }
    }

    private Condition BuildFunction(string function, Operand[] operands) => function switch
    {
        Functions.AttributeExists => new ExistsCondition(((PathOperand)operands[0]).Path, exists: true),
        Functions.AttributeNotExists => new ExistsCondition(((PathOperand)operands[0]).Path, exists: false),
        Functions.AttributeType => new TypeCondition(operands[0], operands[1]),
        Functions.BeginsWith => new BeginsWithCondition(operands[0], operands[1]),
        _ => new ContainsCondition(operands[0], operands[1]),
    };

    private Condition BuildComparison(string op, Operand left, Operand right)
    {
        var comparator = op switch
        {
            "=" => Comparator.Equal,
            "<>" => Comparator.NotEqual,
            "<" => Comparator.Less,
            "<=" => Comparator.LessOrEqual,
            ">" => Comparator.Greater,
            _ => Comparator.GreaterOrEqual,
        };
        if (comparator is not (Comparator.Equal or Comparator.NotEqual))
        {
            RequireOrderable(op, left);
            RequireOrderable(op, right);
        }
        return new ComparisonCondition(comparator, left, right);
    }

    private Condition BuildBetween(Operand[] operands)
    {
        foreach (var operand in operands)
        {
            RequireOrderable(LeafSyntax.Between, operand);
        }
        if (operands[1] is ConstantOperand { Value: var lower } && operands[2] is ConstantOperand { Value: var upper })
        {
            var bounds = $"lower bound operand: AttributeValue: {ValueSemantics.Describe(lower)}, upper bound operand: AttributeValue: {ValueSemantics.Describe(upper)}";
            if (lower.Type != upper.Type)
            {
                throw ExpressionErrors.Invalid(_kind, $"The BETWEEN operator requires same data type for lower and upper bounds; {bounds}");
            }
            if (AttributeValue.CompareKeys(lower, upper) > 0)
            {
                throw ExpressionErrors.Invalid(_kind, $"The BETWEEN operator requires upper bound to be greater than or equal to lower bound; {bounds}");
            }
        }
        return new BetweenCondition(operands[0], operands[1], operands[2]);
    }

    // A constant that can never be ordered is the caller's mistake, not a false condition.
    private void RequireOrderable(string op, Operand operand)
    {
        if (KnownType(operand) is { } type && !ValueSemantics.IsOrdered(type))
        {
            throw ExpressionErrors.OperandType(_kind, op, type.ToString());
        }
    }
}
