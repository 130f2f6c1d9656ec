namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>The lexical classes of DynamoDB's expression language.</summary>
internal enum TokenKind : byte
{
    /// <summary>A run of spaces, tabs and line breaks. Kept, because AWS quotes it in "near".</summary>
    Whitespace,

    /// <summary>A letter followed by letters, digits or underscores: an attribute, function or keyword.</summary>
    Name,

    /// <summary><c>#</c> followed by letters, digits or underscores.</summary>
    NamePlaceholder,

    /// <summary><c>:</c> followed by letters, digits or underscores.</summary>
    ValuePlaceholder,

    /// <summary>Digits, as in a list index.</summary>
    Integer,

    /// <summary>One of <c>( ) [ ] . , = &lt;&gt; &lt; &lt;= &gt; &gt;= + -</c>.</summary>
    Punctuation,

    /// <summary>A character the language has no use for; the parser reports it as the bad token.</summary>
    Invalid,
}

/// <summary>One token and where it starts in the expression.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position)
{
    /// <summary>Whether this is the punctuation <paramref name="text"/>.</summary>
    public bool Is(string text) => Kind == TokenKind.Punctuation && Text == text;

    /// <summary>Whether this is the keyword <paramref name="keyword"/>; keywords ignore case.</summary>
    public bool IsKeyword(string keyword) => Kind == TokenKind.Name && Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Splits an expression into tokens the way DynamoDB's lexer does: names start with a letter, so
/// <c>_a</c> is the bad token <c>_</c> followed by <c>a</c>, and <c>123a</c> is an integer and a name.
/// </summary>
internal static class Tokenizer
{
    public static Token[] Tokenize(string expression)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < expression.Length)
        {
            var start = i;
            var c = expression[i];
            if (IsWhitespace(c))
            {
                while (i < expression.Length && IsWhitespace(expression[i]))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Whitespace, expression[start..i], start));
            }
            else if (char.IsAsciiLetter(c))
            {
                i = SkipWordCharacters(expression, i + 1);
                tokens.Add(new Token(TokenKind.Name, expression[start..i], start));
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < expression.Length && char.IsAsciiDigit(expression[i]))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Integer, expression[start..i], start));
            }
            else if (c is '#' or ':')
            {
                i = SkipWordCharacters(expression, i + 1);
                // A lone '#' or ':' names nothing, so it is a bad token of its own.
                var kind = i == start + 1 ? TokenKind.Invalid : c == '#' ? TokenKind.NamePlaceholder : TokenKind.ValuePlaceholder;
                tokens.Add(new Token(kind, expression[start..i], start));
            }
            else if ((c is '<' or '>') && i + 1 < expression.Length && (expression[i + 1] == '=' || (c == '<' && expression[i + 1] == '>')))
            {
                i += 2;
                tokens.Add(new Token(TokenKind.Punctuation, expression[start..i], start));
            }
            else
            {
                i++;
                var kind = c is '(' or ')' or '[' or ']' or '.' or ',' or '=' or '<' or '>' or '+' or '-'
                    ? TokenKind.Punctuation
                    : TokenKind.Invalid;
                tokens.Add(new Token(kind, expression[start..i], start));
            }
        }
        return tokens.ToArray();
    }

    private static int SkipWordCharacters(string expression, int i)
    {
        while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] == '_'))
        {
            i++;
        }
        return i;
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r';
}
