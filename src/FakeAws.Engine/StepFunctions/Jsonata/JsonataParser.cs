using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Jsonata;

/// <summary>
/// Parses the subset of JSONata FakeAws evaluates: literals, variables and <c>$states</c>, paths
/// (<c>a.b</c>, <c>a[0]</c>, <c>a[predicate]</c>), arithmetic, comparison, <c>and</c>/<c>or</c>,
/// <c>&amp;</c>, the conditional <c>?:</c>, object and array constructors, blocks with <c>:=</c>,
/// lambdas, and calls of the built-in functions. Anything else is refused with a
/// <see cref="FormatException"/> naming it.
/// </summary>
internal sealed class JsonataParser
{
    private readonly List<Token> _tokens;
    private int _at;
    private int _depth;

    private JsonataParser(string text) => _tokens = Tokenize(text);

    public static JsonataNode Parse(string text)
    {
        var parser = new JsonataParser(text);
        if (parser._tokens.Count == 0)
        {
            throw new FormatException("the expression is empty");
        }
        var node = parser.ParseBlockBody(end: null);
        if (parser._at < parser._tokens.Count)
        {
            throw new FormatException($"unexpected '{parser._tokens[parser._at].Text}'");
        }
        return node;
    }

    private enum Kind
    {
        Number,
        String,
        Name,
        Variable,
        Symbol,
        Regex,
    }

    private sealed record Token(Kind Kind, string Text, JsonNode? Value = null);

    private Token? Peek => _at < _tokens.Count ? _tokens[_at] : null;

    private bool IsSymbol(string text) => Peek is { Kind: Kind.Symbol } t && t.Text == text;

    private bool IsName(string text) => Peek is { Kind: Kind.Name } t && t.Text == text;

    private void Expect(string symbol)
    {
        if (!IsSymbol(symbol))
        {
            throw new FormatException($"expected '{symbol}' but found '{Peek?.Text ?? "the end"}'");
        }
        _at++;
    }

    private JsonataNode ParseBlockBody(string? end)
    {
        var expressions = new List<JsonataNode> { ParseExpression() };
        while (IsSymbol(";"))
        {
            _at++;
            if (end is not null && IsSymbol(end))
            {
                break;
            }
            expressions.Add(ParseExpression());
        }
        return expressions.Count == 1 && end is null ? expressions[0] : new BlockNode(expressions);
    }

    private JsonataNode ParseExpression()
    {
        // Every nested sub-expression (parenthesised, an argument, an item, a branch) comes through here.
        if (++_depth > NestingLimits.JsonataParse)
        {
            throw new NestingTooDeepException($"nests more than {NestingLimits.JsonataParse} levels deep");
        }
        var expression = ParseUnnestedExpression();
        _depth--;
        return expression;
    }

    private JsonataNode ParseUnnestedExpression()
    {
        if (Peek is { Kind: Kind.Variable } variable && _at + 1 < _tokens.Count && _tokens[_at + 1] is { Kind: Kind.Symbol, Text: ":=" })
        {
            _at += 2;
            return new BindNode(variable.Text, ParseExpression());
        }
        var condition = ParseRange();
        if (!IsSymbol("?"))
        {
            return condition;
        }
        _at++;
        var then = ParseExpression();
        JsonataNode? otherwise = null;
        if (IsSymbol(":"))
        {
            _at++;
            otherwise = ParseExpression();
        }
        return new ConditionalNode(condition, then, otherwise);
    }

    /// <summary><c>a..b</c>, which binds more loosely than <c>or</c>.</summary>
    private JsonataNode ParseRange()
    {
        var left = ParseOr();
        if (!IsSymbol(".."))
        {
            return left;
        }
        _at++;
        return new RangeNode(left, ParseOr());
    }

    private JsonataNode ParseOr()
    {
        var left = ParseAnd();
        while (IsName("or"))
        {
            _at++;
            left = new LogicalNode(false, left, ParseAnd());
        }
        return left;
    }

    private JsonataNode ParseAnd()
    {
        var left = ParseComparison();
        while (IsName("and"))
        {
            _at++;
            left = new LogicalNode(true, left, ParseComparison());
        }
        return left;
    }

    private JsonataNode ParseComparison()
    {
        // Left-associative, as in jsonata: 1 < 2 < 3 compares (1 < 2) with 3. Function application
        // (~>) binds as tightly as the comparisons.
        var left = ParseConcat();
        while (true)
        {
            var op = new[] { "=", "!=", "<=", ">=", "<", ">", "~>" }.FirstOrDefault(IsSymbol) ?? (IsName("in") ? "in" : null);
            if (op is null)
            {
                return left;
            }
            _at++;
            left = op == "~>" ? new ChainNode(left, ParseConcat()) : new BinaryNode(op, left, ParseConcat());
        }
    }

    private JsonataNode ParseConcat()
    {
        var left = ParseAdditive();
        while (IsSymbol("&"))
        {
            _at++;
            left = new BinaryNode("&", left, ParseAdditive());
        }
        return left;
    }

    private JsonataNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (IsSymbol("+") || IsSymbol("-"))
        {
            var op = _tokens[_at++].Text;
            left = new BinaryNode(op, left, ParseMultiplicative());
        }
        return left;
    }

    private JsonataNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (IsSymbol("*") || IsSymbol("/") || IsSymbol("%"))
        {
            var op = _tokens[_at++].Text;
            left = new BinaryNode(op, left, ParseUnary());
        }
        return left;
    }

    private JsonataNode ParseUnary()
    {
        // A run of minus signs is read in a loop: one level each would recurse once per sign.
        var negations = 0;
        while (IsSymbol("-"))
        {
            _at++;
            negations++;
        }
        var operand = ParsePath();
        for (var i = 0; i < negations; i++)
        {
            operand = new NegateNode(operand);
        }
        return operand;
    }

    private JsonataNode ParsePath()
    {
        var node = ParsePrimary();
        while (true)
        {
            if (IsSymbol("."))
            {
                _at++;
                if (Peek is { Kind: Kind.Name } name)
                {
                    _at++;
                    node = new StepNode(node, name.Text);
                    continue;
                }
                throw new FormatException($"FakeAws supports only field names after '.', not '{Peek?.Text ?? "the end"}'");
            }
            if (IsSymbol("["))
            {
                _at++;
                var filter = ParseExpression();
                Expect("]");
                node = new FilterNode(node, filter);
                continue;
            }
            if (IsSymbol("("))
            {
                _at++;
                var arguments = new List<JsonataNode?>();
                if (!IsSymbol(")"))
                {
                    arguments.Add(ParseArgument());
                    while (IsSymbol(","))
                    {
                        _at++;
                        arguments.Add(ParseArgument());
                    }
                }
                Expect(")");
                node = new CallNode(node, arguments);
                continue;
            }
            if (IsSymbol("^") && _at + 1 < _tokens.Count && _tokens[_at + 1] is { Kind: Kind.Symbol, Text: "(" })
            {
                _at += 2;
                var terms = new List<(JsonataNode, bool)>();
                do
                {
                    if (IsSymbol(","))
                    {
                        _at++;
                    }
                    var descending = IsSymbol(">");
                    if (descending || IsSymbol("<"))
                    {
                        _at++;
                    }
                    terms.Add((ParseExpression(), descending));
                }
                while (IsSymbol(","));
                Expect(")");
                node = new OrderByNode(node, terms);
                continue;
            }
            if (IsSymbol("{"))
            {
                _at++;
                node = new GroupNode(node, ParseMembers());
                continue;
            }
            return node;
        }
    }

    private JsonataNode ParsePrimary()
    {
        var token = Peek ?? throw new FormatException("the expression ends too early");
        _at++;
        switch (token.Kind)
        {
            case Kind.Number:
            case Kind.String:
                return new LiteralNode(token.Value);
            case Kind.Variable:
                return new VariableNode(token.Text);
            case Kind.Regex:
                return new RegexNode(JsonataRegex.Create(token.Text, token.Value!.GetValue<string>()));
            case Kind.Name:
                return token.Text switch
                {
                    "true" => new LiteralNode(JsonValue.Create(true)),
                    "false" => new LiteralNode(JsonValue.Create(false)),
                    "null" => new LiteralNode(null),
                    "function" or "λ" => ParseLambda(),
                    _ => new StepNode(null, token.Text),
                };
        }
        switch (token.Text)
        {
            case "(":
                var block = ParseBlockBody(end: ")");
                Expect(")");
                return block is BlockNode ? block : new BlockNode([block]);
            case "[":
                var items = new List<JsonataNode>();
                if (!IsSymbol("]"))
                {
                    items.Add(ParseExpression());
                    while (IsSymbol(","))
                    {
                        _at++;
                        items.Add(ParseExpression());
                    }
                }
                Expect("]");
                return new ArrayNode(items);
            case "{":
                return new ObjectNode(ParseMembers());
        }
        throw new FormatException($"FakeAws does not support '{token.Text}' in JSONata expressions yet");
    }

    /// <summary>An argument of a call: an expression, or null for a <c>?</c> placeholder of a partial application.</summary>
    private JsonataNode? ParseArgument()
    {
        if (IsSymbol("?") && _at + 1 < _tokens.Count && _tokens[_at + 1] is { Kind: Kind.Symbol, Text: "," or ")" })
        {
            _at++;
            return null;
        }
        return ParseExpression();
    }

    /// <summary>The <c>key: value</c> pairs of an object constructor or a grouping, after its opening brace, through its closing one.</summary>
    private List<(JsonataNode, JsonataNode)> ParseMembers()
    {
        var members = new List<(JsonataNode, JsonataNode)>();
        if (!IsSymbol("}"))
        {
            do
            {
                if (IsSymbol(","))
                {
                    _at++;
                }
                var key = ParseExpression();
                Expect(":");
                members.Add((key, ParseExpression()));
            }
            while (IsSymbol(","));
        }
        Expect("}");
        return members;
    }

    private JsonataNode ParseLambda()
    {
        Expect("(");
        var parameters = new List<string>();
        while (Peek is { Kind: Kind.Variable } parameter)
        {
            _at++;
            parameters.Add(parameter.Text);
            if (IsSymbol(","))
            {
                _at++;
            }
        }
        Expect(")");
        Expect("{");
        var body = ParseBlockBody(end: "}");
        Expect("}");
        return new LambdaNode(parameters, body);
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close + 2;
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])
                    || (text[i] is 'e' or 'E') || (text[i] is '+' or '-' && text[i - 1] is 'e' or 'E')))
                {
                    i++;
                }
                var number = text[start..i];
                if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw new FormatException($"'{number}' is not a number");
                }
                tokens.Add(new Token(Kind.Number, number, Json.JsonValues.Parse(number)));
                continue;
            }
            if (c is '"' or '\'')
            {
                var builder = new StringBuilder();
                i++;
                while (i < text.Length && text[i] != c)
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                        builder.Append(text[i] switch
                        {
                            'n' => '\n',
                            't' => '\t',
                            'r' => '\r',
                            'b' => '\b',
                            'f' => '\f',
                            'u' when i + 4 < text.Length => (char)Convert.ToInt32(text.Substring(i + 1, 4), 16),
                            var other => other,
                        });
                        if (text[i] == 'u')
                        {
                            i += 4;
                        }
                        i++;
                        continue;
                    }
                    builder.Append(text[i++]);
                }
                if (i >= text.Length)
                {
                    throw new FormatException("String literal must be terminated by a matching quote");
                }
                i++;
                tokens.Add(new Token(Kind.String, builder.ToString(), JsonValue.Create(builder.ToString())));
                continue;
            }
            if (c == '`')
            {
                var close = text.IndexOf('`', i + 1);
                if (close < 0)
                {
                    throw new FormatException("a quoted name is not closed");
                }
                tokens.Add(new Token(Kind.Name, text[(i + 1)..close]));
                i = close + 1;
                continue;
            }
            if (c == '$')
            {
                var start = ++i;
                if (i < text.Length && text[i] == '$')
                {
                    i++;
                }
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
                tokens.Add(new Token(Kind.Variable, text[start..i]));
                continue;
            }
            if (char.IsLetter(c) || c == '_' || c == 'λ')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
                tokens.Add(new Token(Kind.Name, text[start..i]));
                continue;
            }
            var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
            if (two is ":=" or "!=" or "<=" or ">=" or ".." or "~>")
            {
                tokens.Add(new Token(Kind.Symbol, two));
                i += 2;
                continue;
            }
            if (c == '/' && !EndsOperand(tokens))
            {
                // Where an operand is expected, '/' opens a regular expression, not a division.
                var close = i + 1;
                while (close < text.Length && text[close] != '/')
                {
                    close += text[close] == '\\' ? 2 : 1;
                }
                if (close >= text.Length)
                {
                    throw new FormatException("a regular expression is not closed");
                }
                var flags = close + 1;
                while (flags < text.Length && text[flags] is 'i' or 'm')
                {
                    flags++;
                }
                tokens.Add(new Token(Kind.Regex, text[(i + 1)..close], JsonValue.Create(text[(close + 1)..flags])));
                i = flags;
                continue;
            }
            if ("()[]{},.;:?=<>+-*/%&^".Contains(c))
            {
                tokens.Add(new Token(Kind.Symbol, c.ToString()));
                i++;
                continue;
            }
            throw new FormatException($"FakeAws does not support '{c}' in JSONata expressions yet");
        }
        return tokens;
    }

    /// <summary>Whether the last token ends an operand, so that a '/' after it divides.</summary>
    private static bool EndsOperand(List<Token> tokens) => tokens.Count > 0 && tokens[^1] switch
    {
        { Kind: Kind.Number or Kind.String or Kind.Variable or Kind.Regex } => true,
        { Kind: Kind.Name, Text: not ("and" or "or" or "in") } => true,
        { Kind: Kind.Symbol, Text: ")" or "]" or "}" } => true,
        _ => false,
    };
}
