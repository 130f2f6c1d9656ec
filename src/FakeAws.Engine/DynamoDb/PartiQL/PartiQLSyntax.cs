namespace FakeAws.Engine.DynamoDb.PartiQL;

/// <summary>The table (and optionally index) a statement names: <c>"table"</c> or <c>"table"."index"</c>.</summary>
internal sealed record TableReference(string Table, string? Index);

/// <summary>A parsed PartiQL statement of the DynamoDB dialect.</summary>
internal abstract record PartiQLStatement(TableReference Target);

/// <summary><c>SELECT * | path, … FROM table [WHERE condition] [ORDER BY path [ASC|DESC]]</c>.</summary>
internal sealed record SelectStatement(TableReference Target, IReadOnlyList<PqlPath>? Projection, ConditionSyntax? Where, OrderBy? Order = null)
    : PartiQLStatement(Target)
{
    /// <summary>
    /// The refusal of a projection that parses but is not supported (<c>COUNT(*)</c>). DynamoDB reports it
    /// only after its checks of the table and index read, so it waits until those have run.
    /// </summary>
    public Core.AwsServiceException? Unsupported { get; init; }
}

/// <summary>An ORDER BY clause: the path, and whether the order is descending.</summary>
internal sealed record OrderBy(PqlPath Path, bool Descending);

/// <summary><c>EXISTS(SELECT … WHERE key AND condition)</c>: a condition check, in ExecuteTransaction.</summary>
internal sealed record ExistsStatement(SelectStatement Select) : PartiQLStatement(Select.Target);

/// <summary><c>INSERT INTO table VALUE {…}</c>.</summary>
internal sealed record InsertStatement(TableReference Target, ValueSyntax Item) : PartiQLStatement(Target);

/// <summary><c>UPDATE table SET … REMOVE … WHERE condition [RETURNING …]</c>, or the FROM-first <c>FROM table WHERE condition SET … REMOVE …</c>.</summary>
internal sealed record UpdateStatement(TableReference Target, IReadOnlyList<(PqlPath Path, OperandSyntax Value)> Sets, IReadOnlyList<PqlPath> Removes,
    ConditionSyntax? Where, string? Returning) : PartiQLStatement(Target);

/// <summary><c>DELETE FROM table WHERE condition [RETURNING ALL OLD *]</c>.</summary>
internal sealed record DeleteStatement(TableReference Target, ConditionSyntax? Where, string? Returning) : PartiQLStatement(Target);

/// <summary>A document path: a name, then <c>.name</c> and <c>[index]</c> steps.</summary>
internal sealed record PqlPath(IReadOnlyList<object> Steps)
{
    /// <summary>The top-level attribute name.</summary>
    public string Root => (string)Steps[0];

    public bool IsTopLevel => Steps.Count == 1;

    /// <summary>Whether the two paths name the same attribute, step by step.</summary>
    public bool SameAs(PqlPath other) => Steps.SequenceEqual(other.Steps);
}

/// <summary>Something with a value in a condition or a SET: a path, a value, a function or arithmetic.</summary>
internal abstract record OperandSyntax;

internal sealed record PathOperand(PqlPath Path) : OperandSyntax;

internal sealed record ValueOperand(ValueSyntax Value) : OperandSyntax;

internal sealed record FunctionOperand(string Name, IReadOnlyList<OperandSyntax> Arguments) : OperandSyntax;

internal sealed record ArithmeticOperand(OperandSyntax Left, char Operator, OperandSyntax Right) : OperandSyntax;

/// <summary>A literal or a parameter, possibly nested in lists, maps and sets of literals and parameters.</summary>
internal abstract record ValueSyntax;

internal sealed record LiteralValue(AttributeValue Value) : ValueSyntax;

/// <summary>The <paramref name="Index"/>th <c>?</c> of the statement.</summary>
internal sealed record ParameterValue(int Index) : ValueSyntax;

internal sealed record ListValue(IReadOnlyList<ValueSyntax> Elements) : ValueSyntax;

internal sealed record MapValue(IReadOnlyList<(string Name, ValueSyntax Value)> Members) : ValueSyntax;

/// <summary><c>&lt;&lt; … &gt;&gt;</c>: a string, number or binary set.</summary>
internal sealed record SetValue(IReadOnlyList<ValueSyntax> Elements) : ValueSyntax;

/// <summary>A WHERE clause.</summary>
internal abstract record ConditionSyntax;

internal sealed record AndSyntax(ConditionSyntax Left, ConditionSyntax Right) : ConditionSyntax;

internal sealed record OrSyntax(ConditionSyntax Left, ConditionSyntax Right) : ConditionSyntax;

internal sealed record NotSyntax(ConditionSyntax Inner) : ConditionSyntax;

internal sealed record CompareSyntax(OperandSyntax Left, string Operator, OperandSyntax Right) : ConditionSyntax;

internal sealed record BetweenSyntax(OperandSyntax Operand, OperandSyntax Low, OperandSyntax High) : ConditionSyntax;

internal sealed record InSyntax(OperandSyntax Operand, IReadOnlyList<OperandSyntax> Candidates) : ConditionSyntax;

/// <summary><c>path IS [NOT] MISSING</c>.</summary>
internal sealed record MissingSyntax(PqlPath Path, bool Negated) : ConditionSyntax;

/// <summary>
/// <c>path IS [NOT] NULL</c> or <c>path IS [NOT] type</c>, with the DynamoDB type the name stands for;
/// NULL, as in PartiQL, holds for a missing attribute too.
/// </summary>
internal sealed record TypeSyntax(PqlPath Path, string Type, bool Negated) : ConditionSyntax;

/// <summary>A function used as a condition: <c>begins_with</c>, <c>contains</c>, <c>attribute_exists</c>, …</summary>
internal sealed record FunctionSyntax(FunctionOperand Call) : ConditionSyntax;
