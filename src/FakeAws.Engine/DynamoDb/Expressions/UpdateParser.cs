namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>A parsed UpdateExpression: its actions, and its clause keywords in the order written.</summary>
internal sealed record UpdateSyntax(IReadOnlyList<UpdateActionSyntax> Actions, IReadOnlyList<UpdateClause> Clauses);

/// <summary>
/// Parses an UpdateExpression:
/// <code>
/// update := clause+
/// clause := SET path = value (, path = value)* | REMOVE path (, path)* | ADD path :v (, path :v)* | DELETE path :v (, path :v)*
/// value  := operand [ (+ | -) operand ], parentheses allowed around the value and each operand
/// </code>
/// Clause keywords ignore case; function names do not.
/// </summary>
internal static class UpdateParser
{
    public static UpdateSyntax Parse(string expression)
    {
        var cursor = new TokenCursor(ExpressionKind.UpdateExpression, expression);
        var actions = new List<UpdateActionSyntax>();
        var clauses = new List<UpdateClause>();
        do
        {
            if (!cursor.IsKind(TokenKind.Name) || !Enum.TryParse<UpdateClause>(cursor.Current.Text, ignoreCase: true, out var clause)
                || !Enum.IsDefined(clause))
            {
                throw cursor.Error();
            }
            cursor.Take();
            clauses.Add(clause);
            actions.Add(ParseAction(cursor, clause));
            while (cursor.Is(","))
            {
                cursor.Take();
                actions.Add(ParseAction(cursor, clause));
            }
        }
        while (!cursor.AtEnd);
        return new UpdateSyntax(actions, clauses);
    }

    // value := '(' value ')' | operand [ (+ | -) operand ], where operands may be parenthesized too,
    // so both "(:a + :b)" and "(:a) + :b" parse; "(:a + :b) + :c" does not.
    private static OperandSyntax ParseSetValue(TokenCursor cursor)
    {
        OperandSyntax first;
        if (cursor.Is("("))
        {
            cursor.Take();
            first = ParseSetValue(cursor);
            cursor.Expect(")");
            first.Parentheses++;
            if (first is ArithmeticSyntax)
            {
                return first;
            }
        }
        else
        {
            first = OperandParser.ParseOperand(cursor, allowParentheses: true);
        }
        if (!cursor.Is("+") && !cursor.Is("-"))
        {
            return first;
        }
        var op = cursor.Take().Text;
        return new ArithmeticSyntax(op, first, OperandParser.ParseOperand(cursor, allowParentheses: true));
    }

    private static UpdateActionSyntax ParseAction(TokenCursor cursor, UpdateClause clause)
    {
        var path = OperandParser.ParsePath(cursor);
        switch (clause)
        {
            case UpdateClause.SET:
                cursor.Expect("=");
                return new UpdateActionSyntax(clause, path, ParseSetValue(cursor));
            case UpdateClause.REMOVE:
                return new UpdateActionSyntax(clause, path, null);
            default:
                if (!cursor.IsKind(TokenKind.ValuePlaceholder))
                {
                    throw cursor.Error();
                }
                return new UpdateActionSyntax(clause, path, new ValueSyntax(cursor.Take()));
        }
    }
}
