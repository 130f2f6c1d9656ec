namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>
/// Parses ConditionExpression, FilterExpression and KeyConditionExpression (AWS uses one parser for
/// all three). Precedence, loosest first: OR, AND, NOT, then the primitive conditions. Parentheses may
/// wrap conditions and operands alike, so <c>(a) = :v</c> parses; doubled ones are left for the
/// compiler to reject as redundant.
/// </summary>
internal static class ConditionParser
{
    private static readonly HashSet<string> Comparators = ["=", "<>", "<", "<=", ">", ">="];

    public static ConditionSyntax Parse(ExpressionKind kind, string expression)
    {
        var cursor = new TokenCursor(kind, expression);
        var condition = (ConditionSyntax)ParseOr(cursor, inParentheses: false);
        cursor.ExpectEnd();
        return condition;
    }

    // Inside parentheses the content may turn out to be a lone operand, as in "(a) = :v"; it is then
    // returned as an OperandSyntax for the caller to continue the comparison. Otherwise the result
    // is always a ConditionSyntax.
    private static Syntax ParseOr(TokenCursor cursor, bool inParentheses)
    {
        var left = ParseAnd(cursor, inParentheses);
        if (left is OperandSyntax)
        {
            return left;
        }
        while (cursor.IsKeyword("OR"))
        {
            cursor.Take();
            var right = (ConditionSyntax)ParseAnd(cursor, inParentheses: false);
            left = new LogicalSyntax(isAnd: false, (ConditionSyntax)left, right);
        }
        return left;
    }

    private static Syntax ParseAnd(TokenCursor cursor, bool inParentheses)
    {
        var left = ParseNot(cursor, inParentheses);
        if (left is OperandSyntax)
        {
            return left;
        }
        while (cursor.IsKeyword("AND"))
        {
            cursor.Take();
            var right = (ConditionSyntax)ParseNot(cursor, inParentheses: false);
            left = new LogicalSyntax(isAnd: true, (ConditionSyntax)left, right);
        }
        return left;
    }

    private static Syntax ParseNot(TokenCursor cursor, bool inParentheses)
    {
        if (!cursor.IsKeyword("NOT"))
        {
            return ParsePrimary(cursor, inParentheses);
        }
        cursor.Take();
        return new NotSyntax((ConditionSyntax)ParseNot(cursor, inParentheses: false));
    }

    private static Syntax ParsePrimary(TokenCursor cursor, bool inParentheses)
    {
        if (!cursor.Is("("))
        {
            return ContinueLeaf(cursor, OperandParser.ParseOperand(cursor, allowParentheses: true), inParentheses);
        }
        cursor.Take();
        var inner = ParseOr(cursor, inParentheses: true);
        cursor.Expect(")");
        inner.Parentheses++;
        return inner is OperandSyntax operand ? ContinueLeaf(cursor, operand, inParentheses) : inner;
    }

    // After a first operand: a comparator, BETWEEN or IN makes a primitive condition; a lone function
    // call is a condition of its own; anything else is a syntax error at that token.
    private static Syntax ContinueLeaf(TokenCursor cursor, OperandSyntax first, bool inParentheses)
    {
        if (!cursor.AtEnd && cursor.Current.Kind == TokenKind.Punctuation && Comparators.Contains(cursor.Current.Text))
        {
            var op = cursor.Take().Text;
            return new LeafSyntax(op, [first, OperandParser.ParseOperand(cursor, allowParentheses: true)]);
        }
        if (cursor.IsKeyword(LeafSyntax.Between))
        {
            cursor.Take();
            var lower = OperandParser.ParseOperand(cursor, allowParentheses: true);
            if (!cursor.IsKeyword("AND"))
            {
                throw cursor.Error();
            }
            cursor.Take();
            return new LeafSyntax(LeafSyntax.Between, [first, lower, OperandParser.ParseOperand(cursor, allowParentheses: true)]);
        }
        if (cursor.IsKeyword(LeafSyntax.In))
        {
            cursor.Take();
            cursor.Expect("(");
            var operands = new List<OperandSyntax> { first, OperandParser.ParseOperand(cursor, allowParentheses: true) };
            while (cursor.Is(","))
            {
                cursor.Take();
                operands.Add(OperandParser.ParseOperand(cursor, allowParentheses: true));
            }
            cursor.Expect(")");
            return new LeafSyntax(LeafSyntax.In, operands);
        }
        if (inParentheses && cursor.Is(")"))
        {
            return first;
        }
        if (first is CallSyntax)
        {
            return new LeafSyntax(LeafSyntax.Function, [first]);
        }
        throw cursor.Error();
    }
}
