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

/// <summary>One token and where it starts.</summary>
internal readonly record struct PqlToken(PqlTokenKind Kind, string Text, int Position)
{
    /// <summary>Whether the token is the keyword <paramref name="word"/> (keywords ignore case).</summary>
    public bool IsWord(string word) => Kind == PqlTokenKind.Word && Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == PqlTokenKind.Symbol && Text == symbol;
}

/// <summary>Splits a PartiQL statement into tokens.</summary>
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
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < statement.Length && (char.IsAsciiLetterOrDigit(statement[i]) || statement[i] is '_' or '$'))
                {
                    i++;
                }
                tokens.Add(new PqlToken(PqlTokenKind.Word, statement[start..i], start));
            }
            else if (char.IsAsciiDigit(c) || (c is '-' or '+' && i + 1 < statement.Length && char.IsAsciiDigit(statement[i + 1]) && StartsValue(tokens)))
            {
                var start = i++;
                while (i < statement.Length && (char.IsAsciiDigit(statement[i]) || statement[i] == '.'
                    || ((statement[i] is 'e' or 'E') && i + 1 < statement.Length)
                    || (statement[i] is '-' or '+' && statement[i - 1] is 'e' or 'E')))
                {
                    i++;
                }
                tokens.Add(new PqlToken(PqlTokenKind.Number, statement[start..i], start));
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
                tokens.Add(new PqlToken(c == '\'' ? PqlTokenKind.String : PqlTokenKind.QuotedName, text.ToString(), start));
            }
            else
            {
                var two = i + 1 < statement.Length ? statement.Substring(i, 2) : null;
                if (two is not null && TwoCharacterSymbols.Contains(two))
                {
                    tokens.Add(new PqlToken(PqlTokenKind.Symbol, two, i));
                    i += 2;
                }
                else if ("()[]{},.*?=<>+-:".Contains(c))
                {
                    tokens.Add(new PqlToken(PqlTokenKind.Symbol, c.ToString(), i++));
                }
                else
                {
                    throw PartiQLErrors.Malformed($"Unexpected character: {c}");
                }
            }
        }
        tokens.Add(new PqlToken(PqlTokenKind.End, "", statement.Length));
        return tokens;
    }

    // A sign belongs to a number only where a value may start, not after an operand ("a -1").
    private static bool StartsValue(List<PqlToken> tokens) =>
        tokens.Count == 0 || tokens[^1].Kind == PqlTokenKind.Symbol && tokens[^1].Text is not (")" or "]" or "}" or "?")
        || tokens[^1].Kind == PqlTokenKind.Word && tokens[^1].Text.ToUpperInvariant() is "AND" or "OR" or "NOT" or "VALUE" or "BETWEEN" or "IN";
}
