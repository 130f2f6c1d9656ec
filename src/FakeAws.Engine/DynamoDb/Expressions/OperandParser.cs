namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>
/// The grammar every expression shares: document paths (<c>a.#b[3]</c>) and operands (a path, a
/// <c>:value</c>, or a call <c>name(operand, …)</c>). Function names are not checked here; an unknown
/// one is a later, non-syntax error, as in AWS.
/// </summary>
internal static class OperandParser
{
    /// <summary>path := (name | #name) ( '.' (name | #name) | '[' integer ']' )*</summary>
    public static PathSyntax ParsePath(TokenCursor cursor)
    {
        var parts = new List<PathPart> { TakePathName(cursor) };
        while (true)
        {
            if (cursor.Is("."))
            {
                cursor.Take();
                parts.Add(TakePathName(cursor));
            }
            else if (cursor.Is("["))
            {
                cursor.Take();
                // "a[" at the end is AWS's syntax error at <EOF>.
                var token = cursor.AtEnd ? throw cursor.Error() : cursor.Current;
                var index = cursor.TakeIndex();
                cursor.Expect("]");
                parts.Add(new PathPart(token, index));
            }
            else
            {
                return new PathSyntax(parts);
            }
        }
    }

    /// <summary>
    /// operand := path | :value | name '(' operand (',' operand)* ')'. In conditions an operand may also
    /// be wrapped in parentheses (<paramref name="allowParentheses"/>).
    /// </summary>
    public static OperandSyntax ParseOperand(TokenCursor cursor, bool allowParentheses)
    {
        if (allowParentheses && cursor.Is("("))
        {
            cursor.Take();
            var inner = ParseOperand(cursor, allowParentheses);
            cursor.Expect(")");
            inner.Parentheses++;
            return inner;
        }
        if (cursor.IsKind(TokenKind.ValuePlaceholder))
        {
            return new ValueSyntax(cursor.Take());
        }
        if (cursor.IsKind(TokenKind.Name) && cursor.NextIs("("))
        {
            var name = cursor.Take();
            cursor.Take();
            var arguments = new List<OperandSyntax> { ParseOperand(cursor, allowParentheses) };
            while (cursor.Is(","))
            {
                cursor.Take();
                arguments.Add(ParseOperand(cursor, allowParentheses));
            }
            cursor.Expect(")");
            return new CallSyntax(name, arguments);
        }
        return ParsePath(cursor);
    }

    private static PathPart TakePathName(TokenCursor cursor)
    {
        if (!cursor.IsKind(TokenKind.Name) && !cursor.IsKind(TokenKind.NamePlaceholder))
        {
            throw cursor.Error();
        }
        return new PathPart(cursor.Take(), -1);
    }
}
