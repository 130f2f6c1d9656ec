namespace FakeAws.Engine.DynamoDb.Expressions;

// The syntax tree the parsers build: tokens as written, placeholders not yet resolved. The
// compilers validate it in AWS's order of checks and turn it into evaluable nodes.

/// <summary>Any node of the syntax tree.</summary>
internal abstract class Syntax
{
    /// <summary>How many pairs of parentheses directly enclose this node; two or more is "redundant".</summary>
    public int Parentheses { get; set; }
}

/// <summary>A value-producing node: a path, a <c>:value</c>, a function call, or (in SET) <c>x + y</c>.</summary>
internal abstract class OperandSyntax : Syntax;

/// <summary>One step of a written path: a name, a <c>#name</c>, or an <c>[index]</c>.</summary>
internal readonly record struct PathPart(Token Token, int Index)
{
    public bool IsIndex => Token.Kind == TokenKind.Integer;
}

internal sealed class PathSyntax(IReadOnlyList<PathPart> parts) : OperandSyntax
{
    public IReadOnlyList<PathPart> Parts { get; } = parts;
}

internal sealed class ValueSyntax(Token placeholder) : OperandSyntax
{
    public Token Placeholder { get; } = placeholder;
}

internal sealed class CallSyntax(Token name, IReadOnlyList<OperandSyntax> arguments) : OperandSyntax
{
    public string Name => NameToken.Text;

    public Token NameToken { get; } = name;

    public IReadOnlyList<OperandSyntax> Arguments { get; } = arguments;
}

/// <summary><c>x + y</c> or <c>x - y</c>, only on the right of a SET action.</summary>
internal sealed class ArithmeticSyntax(string op, OperandSyntax left, OperandSyntax right) : OperandSyntax
{
    public string Operator { get; } = op;

    public OperandSyntax Left { get; } = left;

    public OperandSyntax Right { get; } = right;
}

/// <summary>A boolean node of a condition.</summary>
internal abstract class ConditionSyntax : Syntax;

internal sealed class LogicalSyntax(bool isAnd, ConditionSyntax left, ConditionSyntax right) : ConditionSyntax
{
    public bool IsAnd { get; } = isAnd;

    public ConditionSyntax Left { get; } = left;

    public ConditionSyntax Right { get; } = right;
}

internal sealed class NotSyntax(ConditionSyntax inner) : ConditionSyntax
{
    public ConditionSyntax Inner { get; } = inner;
}

/// <summary>
/// A primitive condition: a comparison (<c>=</c>, <c>&lt;&gt;</c>, …), <c>BETWEEN</c>, <c>IN</c>, or a
/// function call used as a condition. <see cref="Operands"/> lists what it compares, in order.
/// </summary>
internal sealed class LeafSyntax(string op, IReadOnlyList<OperandSyntax> operands) : ConditionSyntax
{
    public const string Between = "BETWEEN";
    public const string In = "IN";
    public const string Function = "function";

    /// <summary><c>=</c>, <c>&lt;&gt;</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, <see cref="Between"/>, <see cref="In"/> or <see cref="Function"/>.</summary>
    public string Operator { get; } = op;

    public IReadOnlyList<OperandSyntax> Operands { get; } = operands;

    /// <summary>The call, when this leaf is a function used as a condition.</summary>
    public CallSyntax? Call => Operator == Function ? (CallSyntax)Operands[0] : null;
}

/// <summary>The kinds of update clause, as the keyword is written in AWS's messages.</summary>
internal enum UpdateClause
{
    SET,
    REMOVE,
    ADD,
    DELETE,
}

/// <summary>One action of an update clause: its target path and, except for REMOVE, its value.</summary>
internal sealed class UpdateActionSyntax(UpdateClause clause, PathSyntax path, OperandSyntax? value)
{
    public UpdateClause Clause { get; } = clause;

    public PathSyntax Path { get; } = path;

    public OperandSyntax? Value { get; } = value;
}

/// <summary>Walks syntax trees in the order AWS reports errors: left to right, outer before inner.</summary>
internal static class SyntaxWalk
{
    /// <summary>The primitive conditions of <paramref name="condition"/>, left to right.</summary>
    public static IEnumerable<LeafSyntax> Leaves(ConditionSyntax condition)
    {
        switch (condition)
        {
            case LeafSyntax leaf:
                yield return leaf;
                break;
            case NotSyntax not:
                foreach (var leaf in Leaves(not.Inner))
                {
                    yield return leaf;
                }
                break;
            case LogicalSyntax logical:
                foreach (var leaf in Leaves(logical.Left).Concat(Leaves(logical.Right)))
                {
                    yield return leaf;
                }
                break;
        }
    }

    /// <summary><paramref name="operand"/> and every operand nested in it, outer first.</summary>
    public static IEnumerable<OperandSyntax> Descendants(OperandSyntax operand)
    {
        yield return operand;
        var children = operand switch
        {
            CallSyntax call => call.Arguments,
            ArithmeticSyntax arithmetic => [arithmetic.Left, arithmetic.Right],
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    /// <summary>Every operand of <paramref name="leaves"/>, nested ones included, left to right.</summary>
    public static IEnumerable<OperandSyntax> Operands(IEnumerable<LeafSyntax> leaves) =>
        leaves.SelectMany(leaf => leaf.Operands).SelectMany(Descendants);
}
