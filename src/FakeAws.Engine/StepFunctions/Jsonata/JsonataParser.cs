using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Jsonata;

/// <summary>
/// Parses a JSONata expression as jsonata 2.0.6 does, with its top-down operator precedence
/// (Pratt) parser ported rule for rule, so that it accepts exactly what jsonata parses and refuses
/// the rest with jsonata's error (<see cref="JsonataSyntaxException"/>). The syntax tree is then
/// built into the nodes FakeAws evaluates (<see cref="Builder"/>, jsonata's post-parse stage); a
/// construct jsonata parses that FakeAws cannot evaluate yet is refused with a
/// <see cref="FormatException"/> naming it.
/// </summary>
internal sealed partial class JsonataParser
{
    /// <summary>Symbols that may start an expression or follow one; any other operator is S0204.</summary>
    private static readonly HashSet<string> Symbols =
    [
        ":", ";", ",", ")", "]", "}", "..", ".", "+", "-", "*", "/", "%", "=", "<", ">", "!=", "<=", ">=", "&", "and", "or", "in",
        "~>", "**", "(", "[", "^", "{", ":=", "@", "#", "?", "|",
    ];

    private readonly JsonataLexer _lexer;
    private readonly int _length;
    private Syntax _node = null!;
    private int _depth;

    private JsonataParser(string source)
    {
        _lexer = new JsonataLexer(source);
        _length = source.Length;
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="JsonataSyntaxException">jsonata does not parse it.</exception>
    /// <exception cref="NestingTooDeepException">It nests too deeply to parse.</exception>
    /// <exception cref="FormatException">jsonata parses it, but it uses what FakeAws cannot evaluate yet.</exception>
    public static JsonataNode Parse(string text)
    {
        var parser = new JsonataParser(text);
        parser.Advance();
        var tree = parser.Expression(0);
        if (parser._node.Id != "(end)")
        {
            throw JsonataSyntaxException.Create("S0201", parser._node.Value);
        }
        return new Builder().BuildAll(tree);
    }

    /// <summary>A token as the parser grows it into a node of jsonata's syntax tree.</summary>
    private sealed class Syntax(string id, string? type, object? value, int position)
    {
        /// <summary>The symbol: an operator, or (name), (literal), (regex), (end).</summary>
        public string Id { get; } = id;

        /// <summary>The kind of node: the token's type, then binary, unary, function, partial, lambda, block, condition, transform, wildcard, descendant or parent.</summary>
        public string? Type { get; set; } = type;

        public object? Value { get; } = value;

        public int Position { get; } = position;

        /// <summary>A number's digits as written.</summary>
        public string? Text { get; init; }

        public Syntax? Lhs { get; set; }

        public Syntax? Rhs { get; set; }

        /// <summary>The operand of a unary minus; the procedure of a call; the pattern of a transform.</summary>
        public Syntax? Expression { get; set; }

        public Syntax? Body { get; set; }

        public Syntax? Else { get; set; }

        public Syntax? Delete { get; set; }

        public List<Syntax> Items { get; } = [];

        public List<(Syntax Key, Syntax Value)> Pairs { get; } = [];

        public List<(Syntax Term, bool Descending)> Terms { get; } = [];

        /// <summary>Set by an empty predicate (<c>a[]</c>).</summary>
        public bool KeepArray { get; set; }

        public bool HasSignature { get; set; }

        /// <summary>The binding power with which the symbol takes what is on its left.</summary>
        public int Lbp => Id switch
        {
            "." => 75,
            "+" or "-" or "&" => 50,
            "*" or "/" or "%" => 60,
            "=" or "<" or ">" or "!=" or "<=" or ">=" or "in" or "~>" or "^" => 40,
            "and" => 30,
            "or" => 25,
            "(" or "[" or "@" or "#" => 80,
            "{" => 70,
            ":=" => 10,
            "?" => 20,
            _ => 0,
        };
    }

    /// <summary>Moves to the next token, first checking that the current one is <paramref name="id"/> when given.</summary>
    private Syntax Advance(string? id = null, bool infix = false)
    {
        if (id is not null && _node.Id != id)
        {
            throw JsonataSyntaxException.Create(_node.Id == "(end)" ? "S0203" : "S0202", _node.Value, id);
        }
        var token = _lexer.Next(infix);
        if (token is null)
        {
            return _node = new Syntax("(end)", null, "(end)", _length);
        }
        var symbol = token.Type switch
        {
            "name" or "variable" => "(name)",
            "operator" => Symbols.Contains((string)token.Value!) ? (string)token.Value! : throw JsonataSyntaxException.Create("S0204", token.Value),
            "regex" => "(regex)",
            _ => "(literal)",
        };
        return _node = new Syntax(symbol, token.Type, token.Value, token.Position) { Text = token.Text };
    }

    private Syntax Expression(int rbp)
    {
        if (++_depth > NestingLimits.JsonataParse)
        {
            throw new NestingTooDeepException($"nests more than {NestingLimits.JsonataParse} levels deep");
        }
        var token = _node;
        Advance(infix: true);
        var left = Nud(token);
        while (rbp < _node.Lbp)
        {
            token = _node;
            Advance();
            left = Led(token, left);
        }
        _depth--;
        return left;
    }

    /// <summary>The symbol at the start of an expression.</summary>
    private Syntax Nud(Syntax t)
    {
        switch (t.Id)
        {
            case "(end)" or "(name)" or "(literal)" or "(regex)" or "and" or "or" or "in":
                return t;
            case "-":
                // A run of minus signs is read in a loop, as jsonata's recursion would read it (each sign's
                // operand is the next sign's), so that a long run does not recurse once per sign.
                var signs = new List<Syntax> { t };
                while (_node.Id == "-")
                {
                    signs.Add(_node);
                    Advance(infix: true);
                }
                var operand = Expression(70);
                for (var i = signs.Count - 1; i >= 0; i--)
                {
                    signs[i].Expression = operand;
                    signs[i].Type = "unary";
                    operand = signs[i];
                }
                return t;
            case "*":
                t.Type = "wildcard";
                return t;
            case "**":
                t.Type = "descendant";
                return t;
            case "%":
                t.Type = "parent";
                return t;
            case "(":
                while (_node.Id != ")")
                {
                    t.Items.Add(Expression(0));
                    if (_node.Id != ";")
                    {
                        break;
                    }
                    Advance(";");
                }
                Advance(")", infix: true);
                t.Type = "block";
                return t;
            case "[":
                if (_node.Id != "]")
                {
                    while (true)
                    {
                        var item = Expression(0);
                        if (_node.Id == "..")
                        {
                            var range = new Syntax("..", "binary", "..", _node.Position) { Lhs = item };
                            Advance("..");
                            range.Rhs = Expression(0);
                            item = range;
                        }
                        t.Items.Add(item);
                        if (_node.Id != ",")
                        {
                            break;
                        }
                        Advance(",");
                    }
                }
                Advance("]", infix: true);
                t.Type = "unary";
                return t;
            case "{":
                ParsePairs(t);
                t.Type = "unary";
                return t;
            case "|":
                t.Type = "transform";
                t.Expression = Expression(0);
                Advance("|");
                t.Rhs = Expression(0);
                if (_node.Id == ",")
                {
                    Advance(",");
                    t.Delete = Expression(0);
                }
                Advance("|");
                return t;
            default:
                throw JsonataSyntaxException.Create("S0211", t.Value);
        }
    }

    /// <summary>The symbol after an expression, taking it as its left side.</summary>
    private Syntax Led(Syntax t, Syntax left)
    {
        switch (t.Id)
        {
            case "(":
                return ParseCall(t, left);
            case "[":
                if (_node.Id == "]")
                {
                    // An empty predicate keeps a singleton array: it marks the step and adds no node.
                    var step = left;
                    while (step is { Type: "binary", Id: "[" })
                    {
                        step = step.Lhs!;
                    }
                    step.KeepArray = true;
                    Advance("]");
                    return left;
                }
                t.Lhs = left;
                t.Rhs = Expression(0);
                t.Type = "binary";
                Advance("]", infix: true);
                return t;
            case "^":
                Advance("(");
                while (true)
                {
                    var descending = false;
                    if (_node.Id == "<")
                    {
                        Advance("<");
                    }
                    else if (_node.Id == ">")
                    {
                        descending = true;
                        Advance(">");
                    }
                    t.Terms.Add((Expression(0), descending));
                    if (_node.Id != ",")
                    {
                        break;
                    }
                    Advance(",");
                }
                Advance(")");
                t.Lhs = left;
                t.Type = "binary";
                return t;
            case "{":
                t.Lhs = left;
                ParsePairs(t);
                t.Type = "binary";
                return t;
            case ":=":
                if (left.Type != "variable")
                {
                    throw JsonataSyntaxException.Create("S0212", left.Value);
                }
                t.Lhs = left;
                t.Rhs = Expression(9);
                t.Type = "binary";
                return t;
            case "@" or "#":
                t.Lhs = left;
                t.Rhs = Expression(80);
                if (t.Rhs.Type != "variable")
                {
                    throw JsonataSyntaxException.Create("S0214", t.Id);
                }
                t.Type = "binary";
                return t;
            case "?":
                t.Type = "condition";
                t.Lhs = left;
                t.Rhs = Expression(0);
                if (_node.Id == ":")
                {
                    Advance(":");
                    t.Else = Expression(0);
                }
                return t;
            default:
                t.Lhs = left;
                t.Rhs = Expression(t.Lbp);
                t.Type = "binary";
                return t;
        }
    }

    /// <summary>The <c>key: value</c> pairs of an object constructor or a grouping, through the closing brace.</summary>
    private void ParsePairs(Syntax t)
    {
        if (_node.Id != "}")
        {
            while (true)
            {
                var key = Expression(0);
                Advance(":");
                t.Pairs.Add((key, Expression(0)));
                if (_node.Id != ",")
                {
                    break;
                }
                Advance(",");
            }
        }
        Advance("}", infix: true);
    }

    /// <summary>A call, a partial application (<c>?</c> arguments), or, when the callee is <c>function</c> or <c>λ</c>, a lambda.</summary>
    private Syntax ParseCall(Syntax t, Syntax left)
    {
        t.Expression = left;
        t.Type = "function";
        if (_node.Id != ")")
        {
            while (true)
            {
                if (_node is { Type: "operator", Id: "?" })
                {
                    t.Type = "partial";
                    t.Items.Add(_node);
                    Advance("?");
                }
                else
                {
                    t.Items.Add(Expression(0));
                }
                if (_node.Id != ",")
                {
                    break;
                }
                Advance(",");
            }
        }
        Advance(")", infix: true);
        if (left.Type != "name" || left.Value is not ("function" or "λ"))
        {
            return t;
        }
        for (var i = 0; i < t.Items.Count; i++)
        {
            if (t.Items[i].Type != "variable")
            {
                throw JsonataSyntaxException.Create("S0208", t.Items[i].Value, i + 1);
            }
        }
        t.Type = "lambda";
        if (_node.Id == "<")
        {
            var signature = new System.Text.StringBuilder("<");
            for (var depth = 1; depth > 0 && _node.Id != "{" && _node.Id != "(end)";)
            {
                var token = Advance();
                depth += token.Id switch { ">" => -1, "<" => 1, _ => 0 };
                signature.Append(token.Value is double d ? JsonataValues.JavaScriptText(d) : token.Value);
            }
            Advance(">");
            CheckSignature(signature.ToString());
            t.HasSignature = true;
        }
        Advance("{");
        t.Body = Expression(0);
        Advance("}");
        return t;
    }

    /// <summary>What jsonata's signature parser refuses in a lambda's signature: S0401 and S0402.</summary>
    private static void CheckSignature(string signature)
    {
        char? previous = null;
        for (var i = 1; i < signature.Length; i++)
        {
            switch (signature[i])
            {
                case ':':
                    return;
                case 's' or 'n' or 'b' or 'l' or 'o' or 'a' or 'f' or 'j' or 'x':
                    previous = signature[i];
                    break;
                case '(':
                    var close = ClosingBracket(signature, i, '(', ')');
                    if (signature[(i + 1)..Math.Min(close, signature.Length)].Contains('<'))
                    {
                        throw JsonataSyntaxException.Create("S0402");
                    }
                    previous = '(';
                    i = close;
                    break;
                case '<':
                    if (previous is not ('a' or 'f'))
                    {
                        throw JsonataSyntaxException.Create("S0401");
                    }
                    i = ClosingBracket(signature, i, '<', '>');
                    break;
            }
        }
    }

    private static int ClosingBracket(string text, int start, char open, char close)
    {
        var depth = 1;
        var position = start;
        while (position < text.Length)
        {
            position++;
            if (position < text.Length && text[position] == close && --depth == 0)
            {
                break;
            }
            if (position < text.Length && text[position] == open)
            {
                depth++;
            }
        }
        return position;
    }
}
