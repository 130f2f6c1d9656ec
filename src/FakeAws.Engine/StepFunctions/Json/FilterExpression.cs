using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FakeAws.Engine.StepFunctions.Json;

/// <summary>
/// The predicate of a JSONPath filter, <c>[?(@.price &lt; 10 &amp;&amp; @.tag)]</c>: comparisons
/// (==, !=, &lt;, &lt;=, &gt;, &gt;=, =~, in, nin), existence, !, &amp;&amp;, || and parentheses, over
/// relative (<c>@</c>) and absolute (<c>$</c>) paths and JSON literals.
/// </summary>
internal abstract class FilterExpression
{
    /// <summary>Whether <paramref name="item"/> passes, where <paramref name="document"/> is what <c>$</c> reads.</summary>
    public abstract bool Test(JsonNode? item, JsonNode? document);

    public static FilterExpression Parse(string text)
    {
        var parser = new Parser(text);
        var expression = parser.ParseOr();
        parser.EndOfInput();
        return expression;
    }

    // A chain of || or && is one node with its terms, and a run of ! one node with its count, so
    // that a long chain does not recurse once per term.
    private sealed class Or(List<FilterExpression> terms) : FilterExpression
    {
        public override bool Test(JsonNode? item, JsonNode? document) => terms.Any(t => t.Test(item, document));
    }

    private sealed class And(List<FilterExpression> terms) : FilterExpression
    {
        public override bool Test(JsonNode? item, JsonNode? document) => terms.All(t => t.Test(item, document));
    }

    private sealed class Not(FilterExpression inner, int count) : FilterExpression
    {
        public override bool Test(JsonNode? item, JsonNode? document) => inner.Test(item, document) ^ (count % 2 == 1);
    }

    private sealed class Exists(Operand operand) : FilterExpression
    {
        public override bool Test(JsonNode? item, JsonNode? document) =>
            operand.TryGet(item, document, out var value) && JsonValues.Kind(value) != JsonValueKind.False;
    }

    private sealed class Comparison(Operand left, string op, Operand right) : FilterExpression
    {
        public override bool Test(JsonNode? item, JsonNode? document)
        {
            if (!left.TryGet(item, document, out var a) || !right.TryGet(item, document, out var b))
            {
                return op == "!=";
            }
            return op switch
            {
                "==" => JsonValues.DeepEquals(a, b),
                "!=" => !JsonValues.DeepEquals(a, b),
                "<" => Compare(a, b) is < 0,
                "<=" => Compare(a, b) is <= 0,
                ">" => Compare(a, b) is > 0,
                ">=" => Compare(a, b) is >= 0,
                "=~" => JsonValues.AsString(a) is { } s && right is RegexOperand regex && regex.Regex.IsMatch(s),
                "in" => b is JsonArray inList && inList.Any(x => JsonValues.DeepEquals(a, x)),
                "nin" => b is JsonArray ninList && !ninList.Any(x => JsonValues.DeepEquals(a, x)),
                _ => false,
            };
        }

        private static int? Compare(JsonNode? a, JsonNode? b)
        {
            if (JsonValues.IsNumber(a) && JsonValues.IsNumber(b))
            {
                return JsonValues.AsDouble(a!).CompareTo(JsonValues.AsDouble(b!));
            }
            if (JsonValues.IsString(a) && JsonValues.IsString(b))
            {
                return string.CompareOrdinal(a!.GetValue<string>(), b!.GetValue<string>());
            }
            return null;
        }
    }

    private abstract class Operand
    {
        public abstract bool TryGet(JsonNode? item, JsonNode? document, out JsonNode? value);
    }

    private sealed class PathOperand(JsonPath path, bool relative) : Operand
    {
        public override bool TryGet(JsonNode? item, JsonNode? document, out JsonNode? value)
        {
            var from = relative ? item : document;
            try
            {
                value = path.Select(from);
                return true;
            }
            catch (JsonPathNotFoundException)
            {
                value = null;
                return false;
            }
        }
    }

    private sealed class LiteralOperand(JsonNode? literal) : Operand
    {
        public override bool TryGet(JsonNode? item, JsonNode? document, out JsonNode? value)
        {
            value = literal;
            return true;
        }
    }

    private sealed class RegexOperand(Regex regex) : Operand
    {
        public Regex Regex { get; } = regex;

        public override bool TryGet(JsonNode? item, JsonNode? document, out JsonNode? value)
        {
            value = null;
            return true;
        }
    }

    private sealed class Parser(string text)
    {
        private static readonly string[] Operators = ["==", "!=", "<=", ">=", "=~", "<", ">", " nin ", " in "];
        private int _at;

        public void EndOfInput()
        {
            SkipSpaces();
            if (_at < text.Length)
            {
                throw new FormatException($"unexpected '{text[_at..]}' in a filter");
            }
        }

        public FilterExpression ParseOr()
        {
            var terms = new List<FilterExpression> { ParseAnd() };
            while (Accept("||"))
            {
                terms.Add(ParseAnd());
            }
            return terms.Count == 1 ? terms[0] : new Or(terms);
        }

        private FilterExpression ParseAnd()
        {
            var terms = new List<FilterExpression> { ParseUnary() };
            while (Accept("&&"))
            {
                terms.Add(ParseUnary());
            }
            return terms.Count == 1 ? terms[0] : new And(terms);
        }

        private FilterExpression ParseUnary()
        {
            SkipSpaces();
            var negations = 0;
            while (Accept("!"))
            {
                negations++;
            }
            if (negations > 0)
            {
                return new Not(ParseUnary(), negations);
            }
            if (Accept("("))
            {
                var inner = ParseOr();
                if (!Accept(")"))
                {
                    throw new FormatException("a parenthesis is not closed in a filter");
                }
                return inner;
            }
            var left = ParseOperand();
            SkipSpaces();
            foreach (var op in Operators)
            {
                var trimmed = op.Trim();
                if (string.CompareOrdinal(text, _at, op.TrimStart(), 0, op.TrimStart().Length) == 0)
                {
                    _at += op.TrimStart().Length;
                    var right = ParseOperand();
                    return new Comparison(left, trimmed, right);
                }
            }
            return new Exists(left);
        }

        private Operand ParseOperand()
        {
            SkipSpaces();
            if (_at >= text.Length)
            {
                throw new FormatException("an operand is missing in a filter");
            }
            var c = text[_at];
            if (c is '@' or '$')
            {
                var start = _at;
                _at++;
                var depth = 0;
                while (_at < text.Length)
                {
                    var d = text[_at];
                    if (d == '[')
                    {
                        depth++;
                    }
                    else if (d == ']')
                    {
                        depth--;
                    }
                    else if (depth == 0 && (d == ' ' || d == ')' || d == '&' || d == '|' || d == '=' || d == '!' || d == '<' || d == '>'))
                    {
                        break;
                    }
                    _at++;
                }
                var pathText = text[start.._at];
                var relative = c == '@';
                return new PathOperand(JsonPath.Parse(relative ? "$" + pathText[1..] : pathText), relative);
            }
            if (c == '/')
            {
                var end = text.IndexOf('/', _at + 1);
                if (end < 0)
                {
                    throw new FormatException("a regular expression is not closed in a filter");
                }
                var pattern = text[(_at + 1)..end];
                _at = end + 1;
                var options = RegexOptions.CultureInvariant;
                while (_at < text.Length && char.IsLetter(text[_at]))
                {
                    if (text[_at] == 'i')
                    {
                        options |= RegexOptions.IgnoreCase;
                    }
                    _at++;
                }
                return new RegexOperand(new Regex(pattern, options));
            }
            if (c == '\'')
            {
                var end = text.IndexOf('\'', _at + 1);
                if (end < 0)
                {
                    throw new FormatException("a string is not closed in a filter");
                }
                var value = text[(_at + 1)..end];
                _at = end + 1;
                return new LiteralOperand(JsonValue.Create(value));
            }
            // A JSON literal: a number, true, false, null, a double-quoted string or an array.
            var literalStart = _at;
            var nesting = 0;
            var inString = false;
            while (_at < text.Length)
            {
                var d = text[_at];
                if (inString)
                {
                    if (d == '\\')
                    {
                        _at++;
                    }
                    else if (d == '"')
                    {
                        inString = false;
                    }
                }
                else if (d == '"')
                {
                    inString = true;
                }
                else if (d is '[' or '{')
                {
                    nesting++;
                }
                else if (d is ']' or '}')
                {
                    nesting--;
                }
                else if (nesting == 0 && (d == ' ' || d == ')' || d == '&' || d == '|'))
                {
                    break;
                }
                _at++;
            }
            var literal = text[literalStart.._at];
            if (!JsonValues.TryParse(literal.Replace('\'', '"'), out var node))
            {
                throw new FormatException($"'{literal}' is not a value in a filter");
            }
            return new LiteralOperand(node);
        }

        private bool Accept(string token)
        {
            SkipSpaces();
            if (string.CompareOrdinal(text, _at, token, 0, token.Length) == 0)
            {
                _at += token.Length;
                return true;
            }
            return false;
        }

        private void SkipSpaces()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
        }
    }
}
