using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FakeAws.Engine.StepFunctions.Jsonata;

/// <summary>
/// jsonata 2.0.6's tokenizer, rule for rule, so that what it refuses (S0101 to S0106, S0301,
/// S0302) and where one token ends are jsonata's: names run to whitespace or an operator
/// character, numbers are JSON's without a sign, and a '/' where an operand is expected opens a
/// regular expression.
/// </summary>
internal sealed partial class JsonataLexer(string source)
{
    /// <summary>jsonata's operators and their binding powers; '!' and '~' only end names.</summary>
    public static readonly Dictionary<string, int> Operators = new(StringComparer.Ordinal)
    {
        ["."] = 75, ["["] = 80, ["]"] = 0, ["{"] = 70, ["}"] = 0, ["("] = 80, [")"] = 0, [","] = 0, ["@"] = 80, ["#"] = 80,
        [";"] = 80, [":"] = 80, ["?"] = 20, ["+"] = 50, ["-"] = 50, ["*"] = 60, ["/"] = 60, ["%"] = 60, ["|"] = 20, ["="] = 40,
        ["<"] = 40, [">"] = 40, ["^"] = 40, ["**"] = 60, [".."] = 20, [":="] = 10, ["!="] = 40, ["<="] = 40, [">="] = 40,
        ["~>"] = 40, ["and"] = 30, ["or"] = 25, ["in"] = 40, ["&"] = 50, ["!"] = 0, ["~"] = 0,
    };

    private const string Whitespace = " \t\n\r\v";
    private const string OperatorCharacters = ".[]{}(),@#;:?+-*/%|=<>^&!~";

    [GeneratedRegex(@"^(0|([1-9][0-9]*))(\.[0-9]+)?([Ee][-+]?[0-9]+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("^[0-9a-fA-F]+$")]
    private static partial Regex HexDigits();

    private int _position;

    /// <summary>A regular expression as written: its pattern and flags.</summary>
    public sealed record RegexLiteral(string Pattern, string Flags);

    /// <summary>A token.</summary>
    /// <param name="Type">name, variable, operator, string, number, value (true, false, null) or regex.</param>
    /// <param name="Value">The name, operator, string, number (a double), value, or <see cref="RegexLiteral"/>.</param>
    /// <param name="Position">Where it starts in the expression.</param>
    /// <param name="Text">For a number, the digits as written.</param>
    public sealed record Token(string Type, object? Value, int Position, string? Text = null);

    /// <summary>The next token, or null at the end; <paramref name="infix"/> reads a '/' as division rather than a regular expression.</summary>
    public Token? Next(bool infix)
    {
        while (true)
        {
            if (_position >= source.Length)
            {
                return null;
            }
            while (_position < source.Length && Whitespace.Contains(source[_position]))
            {
                _position++;
            }
            if (At(_position) == '/' && At(_position + 1) == '*')
            {
                _position += 2;
                while (!(At(_position) == '*' && At(_position + 1) == '/'))
                {
                    if (++_position >= source.Length)
                    {
                        throw JsonataSyntaxException.Create("S0106");
                    }
                }
                _position += 2;
                continue;
            }
            return Read(infix);
        }
    }

    private char? At(int position) => position < source.Length ? source[position] : null;

    private Token? Read(bool infix)
    {
        if (_position >= source.Length)
        {
            return null;
        }
        var start = _position;
        var current = At(_position);
        if (!infix && current == '/')
        {
            _position++;
            return ScanRegex(start);
        }
        var two = _position + 1 < source.Length ? source.Substring(_position, 2) : "";
        if (two is ".." or ":=" or "!=" or ">=" or "<=" or "**" or "~>")
        {
            _position += 2;
            return new Token("operator", two, start);
        }
        if (current is { } c && OperatorCharacters.Contains(c))
        {
            _position++;
            return new Token("operator", c.ToString(), start);
        }
        if (current is '"' or '\'')
        {
            return ReadString(current.Value, start);
        }
        var number = NumberPattern().Match(source[_position..]);
        if (number.Success)
        {
            var value = double.Parse(number.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(value))
            {
                throw JsonataSyntaxException.Create("S0102", number.Value);
            }
            _position += number.Length;
            return new Token("number", value, start, number.Value);
        }
        if (current == '`')
        {
            var end = source.IndexOf('`', _position + 1);
            if (end < 0)
            {
                _position = source.Length;
                throw JsonataSyntaxException.Create("S0105");
            }
            var quoted = source[(_position + 1)..end];
            _position = end + 1;
            return new Token("name", quoted, start);
        }
        var i = _position;
        while (i < source.Length && !Whitespace.Contains(source[i]) && !OperatorCharacters.Contains(source[i]))
        {
            i++;
        }
        if (source[_position] == '$')
        {
            var variable = source[(_position + 1)..i];
            _position = i;
            return new Token("variable", variable, start);
        }
        var name = source[_position..i];
        _position = i;
        return name switch
        {
            "or" or "in" or "and" => new Token("operator", name, start),
            "true" => new Token("value", true, start),
            "false" => new Token("value", false, start),
            "null" => new Token("value", null, start),
            "" when _position == source.Length => null,
            _ => new Token("name", name, start),
        };
    }

    private Token ReadString(char quote, int start)
    {
        _position++;
        var text = new StringBuilder();
        while (_position < source.Length)
        {
            var c = source[_position];
            if (c == '\\')
            {
                _position++;
                var escaped = At(_position);
                switch (escaped)
                {
                    case '"' or '\\' or '/':
                        text.Append(escaped.Value);
                        break;
                    case 'b':
                        text.Append('\b');
                        break;
                    case 'f':
                        text.Append('\f');
                        break;
                    case 'n':
                        text.Append('\n');
                        break;
                    case 'r':
                        text.Append('\r');
                        break;
                    case 't':
                        text.Append('\t');
                        break;
                    case 'u':
                        // As jsonata: up to four characters after the 'u', all of them hex digits.
                        var octets = source.Substring(_position + 1, Math.Min(4, source.Length - _position - 1));
                        if (!HexDigits().IsMatch(octets))
                        {
                            throw JsonataSyntaxException.Create("S0104");
                        }
                        text.Append((char)Convert.ToInt32(octets, 16));
                        _position += 4;
                        break;
                    default:
                        throw JsonataSyntaxException.Create("S0103", escaped?.ToString() ?? "");
                }
            }
            else if (c == quote)
            {
                _position++;
                return new Token("string", text.ToString(), start);
            }
            else
            {
                text.Append(c);
            }
            _position++;
        }
        throw JsonataSyntaxException.Create("S0101");
    }

    /// <summary>After the opening '/': the pattern runs to a '/' that no backslash escapes and no bracket encloses.</summary>
    private Token ScanRegex(int start)
    {
        var from = _position;
        var depth = 0;
        while (_position < source.Length)
        {
            var c = source[_position];
            if (c == '/' && depth == 0 && IsUnescaped(_position))
            {
                var pattern = source[from.._position];
                if (pattern.Length == 0)
                {
                    throw JsonataSyntaxException.Create("S0301");
                }
                _position++;
                var flagsStart = _position;
                while (At(_position) is 'i' or 'm')
                {
                    _position++;
                }
                return new Token("regex", new RegexLiteral(pattern, source[flagsStart.._position]), start);
            }
            if (c is '(' or '[' or '{' && At(_position - 1) != '\\')
            {
                depth++;
            }
            if (c is ')' or ']' or '}' && At(_position - 1) != '\\')
            {
                depth--;
            }
            _position++;
        }
        throw JsonataSyntaxException.Create("S0302");
    }

    private bool IsUnescaped(int position)
    {
        var backslashes = 0;
        while (position - backslashes - 1 >= 0 && source[position - backslashes - 1] == '\\')
        {
            backslashes++;
        }
        return backslashes % 2 == 0;
    }
}
