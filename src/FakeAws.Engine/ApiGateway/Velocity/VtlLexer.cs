using System.Globalization;
using System.Text;

namespace FakeAws.Engine.ApiGateway.Velocity;

/// <summary>The kinds of token inside a directive's parentheses or a method's arguments.</summary>
internal enum VtlTokenKind
{
    End,
    Number,
    SingleQuoted,
    DoubleQuoted,
    Word,
    Dollar,
    Symbol,
}

/// <summary>One token; <see cref="Text"/> is a string's content, a word, a number or an operator.</summary>
internal readonly record struct VtlToken(VtlTokenKind Kind, string Text, int Start);

/// <summary>
/// Reads the tokens of Velocity expressions from a template, starting where the parser says. A
/// <c>$</c> is handed back to the parser, which reads the reference itself (references have no
/// spaces inside, unlike expressions).
/// </summary>
internal sealed class VtlLexer(string source)
{
    private static readonly string[] Symbols = ["==", "!=", "<=", ">=", "&&", "||", "..", "(", ")", "[", "]", "{", "}", ",", ":", "=", "<", ">", "+", "-", "*", "/", "%", "!"];

    public string Source { get; } = source;

    /// <summary>Where the next token starts (after spaces).</summary>
    public int Position { get; set; }

    public VtlToken Peek()
    {
        var saved = Position;
        var token = Next();
        Position = saved;
        return token;
    }

    public VtlToken Next()
    {
        while (Position < Source.Length && char.IsWhiteSpace(Source[Position]))
        {
            Position++;
        }
        var start = Position;
        if (Position >= Source.Length)
        {
            return new(VtlTokenKind.End, "", start);
        }
        var c = Source[Position];
        if (char.IsAsciiDigit(c))
        {
            while (Position < Source.Length && char.IsAsciiDigit(Source[Position]))
            {
                Position++;
            }
            // A decimal point followed by a digit (not the range's "..").
            if (Position + 1 < Source.Length && Source[Position] == '.' && char.IsAsciiDigit(Source[Position + 1]))
            {
                Position++;
                while (Position < Source.Length && char.IsAsciiDigit(Source[Position]))
                {
                    Position++;
                }
            }
            return new(VtlTokenKind.Number, Source[start..Position], start);
        }
        if (c is '\'' or '"')
        {
            return new(c == '\'' ? VtlTokenKind.SingleQuoted : VtlTokenKind.DoubleQuoted, ReadQuoted(c), start);
        }
        if (char.IsAsciiLetter(c) || c == '_')
        {
            while (Position < Source.Length && (char.IsAsciiLetterOrDigit(Source[Position]) || Source[Position] == '_'))
            {
                Position++;
            }
            return new(VtlTokenKind.Word, Source[start..Position], start);
        }
        if (c == '$')
        {
            Position++;
            return new(VtlTokenKind.Dollar, "$", start);
        }
        foreach (var symbol in Symbols)
        {
            if (string.CompareOrdinal(Source, Position, symbol, 0, symbol.Length) == 0)
            {
                Position += symbol.Length;
                return new(VtlTokenKind.Symbol, symbol, start);
            }
        }
        throw new VtlException($"Encountered \"{c}\" at column {start} of the template");
    }

    /// <summary>A quoted string's content; a doubled quote stands for one quote, as in Velocity 1.7.</summary>
    private string ReadQuoted(char quote)
    {
        var text = new StringBuilder();
        Position++;
        while (true)
        {
            if (Position >= Source.Length)
            {
                throw new VtlException("Lexical error: a string literal is not closed");
            }
            var c = Source[Position++];
            if (c == quote)
            {
                if (Position < Source.Length && Source[Position] == quote)
                {
                    text.Append(quote);
                    Position++;
                    continue;
                }
                return text.ToString();
            }
            text.Append(c);
        }
    }

    /// <summary>A number token's value: an integer (long) or a double.</summary>
    public static object Number(string text) =>
        text.Contains('.', StringComparison.Ordinal)
            ? double.Parse(text, CultureInfo.InvariantCulture)
            : (object)long.Parse(text, CultureInfo.InvariantCulture);
}
