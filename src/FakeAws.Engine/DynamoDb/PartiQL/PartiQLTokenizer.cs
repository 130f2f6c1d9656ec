using System.Text;

namespace FakeAws.Engine.DynamoDb.PartiQL;

/// <summary>The kinds of PartiQL token.</summary>
internal enum PqlTokenKind
{
    /// <summary>A bare word: a keyword or an attribute name.</summary>
    Word,

    /// <summary>A double-quoted name.</summary>
    QuotedName,

    /// <summary>A single-quoted string.</summary>
    String,

    Number,

    Symbol,

    End,
}

/// <summary>One token, where it starts, and how many characters of the statement it spans.</summary>
internal readonly record struct PqlToken(PqlTokenKind Kind, string Text, int Position, int Length)
{
    /// <summary>Whether the token is the keyword <paramref name="word"/> (keywords ignore case).</summary>
    public bool IsWord(string word) => Kind == PqlTokenKind.Word && Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == PqlTokenKind.Symbol && Text == symbol;
}

/// <summary>Splits a PartiQL statement into tokens; <c>--</c> and <c>/* */</c> comments are skipped.</summary>
internal static class PartiQLTokenizer
{
    private static readonly string[] TwoCharacterSymbols = ["<=", ">=", "<>", "!=", "<<", ">>"];

    public static List<PqlToken> Tokenize(string statement)
    {
        var tokens = new List<PqlToken>();
        var i = 0;
        while (i < statement.Length)
        {
            var c = statement[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && At(statement, i + 1, '-'))
            {
                var end = statement.IndexOf('\n', i);
                i = end < 0 ? statement.Length : end + 1;
            }
            else if (c == '/' && At(statement, i + 1, '*'))
            {
                var end = statement.IndexOf("*/", i + 2, StringComparison.Ordinal);
                // AWS's lexer gives no detail for a comment it cannot close.
                i = end < 0 ? throw PartiQLErrors.Malformed("") : end + 2;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < statement.Length && (char.IsAsciiLetterOrDigit(statement[i]) || statement[i] is '_' or '$'))
                {
                    i++;
                }
                tokens.Add(new PqlToken(PqlTokenKind.Word, statement[start..i], start, i - start));
            }
            else if (StartsNumber(statement, i, tokens))
            {
                var start = i;
                i = NumberEnd(statement, i);
                tokens.Add(new PqlToken(PqlTokenKind.Number, statement[start..i], start, i - start));
            }
            else if (c is '\'' or '"')
            {
                var start = i;
                var text = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= statement.Length)
                    {
                        throw PartiQLErrors.Malformed($"Unexpected end of statement: unterminated {(c == '\'' ? "string" : "name")}");
                    }
                    if (statement[i] == c)
                    {
                        // A doubled quote stands for the quote itself.
                        if (i + 1 < statement.Length && statement[i + 1] == c)
                        {
                            text.Append(c);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    text.Append(statement[i++]);
                }
                tokens.Add(new PqlToken(c == '\'' ? PqlTokenKind.String : PqlTokenKind.QuotedName, text.ToString(), start, i - start));
            }
            else
            {
                var two = i + 1 < statement.Length ? statement.Substring(i, 2) : null;
                if (two is not null && TwoCharacterSymbols.Contains(two))
                {
                    tokens.Add(new PqlToken(PqlTokenKind.Symbol, two, i, 2));
                    i += 2;
                }
                else if ("()[]{},.*?=<>+-:".Contains(c))
                {
                    tokens.Add(new PqlToken(PqlTokenKind.Symbol, c.ToString(), i++, 1));
                }
                else
                {
                    // A character AWS's lexer does not know (a # comment, say): no detail after the colon.
                    throw PartiQLErrors.Malformed("");
                }
            }
        }
        tokens.Add(new PqlToken(PqlTokenKind.End, "", statement.Length, 0));
        return tokens;
    }

    private static bool At(string text, int index, char c) => index < text.Length && text[index] == c;

    // A number: digits, or a point and digits; a sign belongs to it only where a value may start.
    private static bool StartsNumber(string text, int i, List<PqlToken> tokens)
    {
        var c = text[i];
        if (c is '-' or '+')
        {
            return StartsValue(tokens) && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || (text[i + 1] == '.' && i + 2 < text.Length && char.IsAsciiDigit(text[i + 2])));
        }
        return char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && StartsValue(tokens));
    }

    // [sign] digits [. digits] [(e|E) [sign] digits]: an exponent marker is part of the number only when digits follow it.
    private static int NumberEnd(string text, int i)
    {
        if (text[i] is '-' or '+')
        {
            i++;
        }
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        if (At(text, i, '.'))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var exponent = i + 1;
            if (exponent < text.Length && text[exponent] is '-' or '+')
            {
                exponent++;
            }
            if (exponent < text.Length && char.IsAsciiDigit(text[exponent]))
            {
                i = exponent;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }
        return i;
    }

    // A sign belongs to a number only where a value may start, not after an operand ("a -1").
    private static bool StartsValue(List<PqlToken> tokens) =>
        tokens.Count == 0 || tokens[^1].Kind == PqlTokenKind.Symbol && tokens[^1].Text is not (")" or "]" or "}" or "?")
        || tokens[^1].Kind == PqlTokenKind.Word && tokens[^1].Text.ToUpperInvariant() is "AND" or "OR" or "NOT" or "VALUE" or "BETWEEN" or "IN";
}
