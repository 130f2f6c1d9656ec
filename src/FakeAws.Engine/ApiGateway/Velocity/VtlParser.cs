using System.Text;

namespace FakeAws.Engine.ApiGateway.Velocity;

/// <summary>
/// Parses a Velocity template as API Gateway reads it (Velocity 1.7): text, references
/// (<c>$a.b.c()</c>, <c>${a}</c>, quiet <c>$!a</c>, escaped <c>\$a</c>), the directives
/// <c>#set #if #elseif #else #end #foreach #break #stop</c> (also braced, <c>#{else}</c>), comments
/// <c>##</c> and <c>#* *#</c>, and unparsed blocks <c>#[[ ]]#</c>. Whitespace follows Velocity
/// 1.7: a directive takes the line break after it, and <c>#set</c> also the indentation before it.
/// A <c>#</c> or <c>$</c> that starts nothing is text.
/// </summary>
internal sealed class VtlParser
{
    private readonly string _source;
    private readonly VtlLexer _lexer;
    private int _at;

    private VtlParser(string source)
    {
        _source = source;
        _lexer = new VtlLexer(source);
    }

    /// <summary>Parses a whole template.</summary>
    /// <exception cref="VtlException">The template does not parse.</exception>
    public static IReadOnlyList<VtlNode> Parse(string template)
    {
        var parser = new VtlParser(template);
        var nodes = parser.ParseBlock(out var closer);
        if (closer is not null)
        {
            throw new VtlException($"Encountered \"#{closer}\" without a matching #if or #foreach");
        }
        return nodes;
    }

    /// <summary>Parses until the end or a block's closer (else, elseif, end), which it returns.</summary>
    private List<VtlNode> ParseBlock(out string? closer)
    {
        var nodes = new List<VtlNode>();
        var text = new StringBuilder();
        closer = null;
        while (_at < _source.Length)
        {
            var c = _source[_at];
            if (c == '\\' && TryEscapedReference(text, nodes))
            {
                continue;
            }
            if (c == '$' && TryReference(false) is { } reference)
            {
                Flush(text, nodes);
                nodes.Add(reference);
                continue;
            }
            if (c == '#')
            {
                if (TryComment())
                {
                    continue;
                }
                if (TryUnparsed(text))
                {
                    continue;
                }
                var start = _at;
                if (DirectiveName() is { } name)
                {
                    switch (name)
                    {
                        case "end" or "else" or "elseif":
                            Flush(text, nodes);
                            closer = name;
                            return nodes;
                        case "set":
                            TrimIndentation(text, start);
                            Flush(text, nodes);
                            nodes.Add(ParseSet());
                            continue;
                        case "if":
                            Flush(text, nodes);
                            nodes.Add(ParseIf());
                            continue;
                        case "foreach":
                            Flush(text, nodes);
                            nodes.Add(ParseForeach());
                            continue;
                        case "break":
                            Flush(text, nodes);
                            nodes.Add(new BreakNode());
                            EatLineBreak();
                            continue;
                        case "stop":
                            Flush(text, nodes);
                            nodes.Add(new StopNode());
                            EatLineBreak();
                            continue;
                    }
                    _at = start;
                }
            }
            text.Append(c);
            _at++;
        }
        Flush(text, nodes);
        return nodes;
    }

    private static void Flush(StringBuilder text, List<VtlNode> nodes)
    {
        if (text.Length > 0)
        {
            nodes.Add(new TextNode(text.ToString()));
            text.Clear();
        }
    }

    /// <summary>Drops the spaces before a directive when nothing else precedes it on its line (for #set, as Velocity 1.7 does).</summary>
    private void TrimIndentation(StringBuilder text, int directiveStart)
    {
        var i = directiveStart - 1;
        while (i >= 0 && _source[i] is ' ' or '\t')
        {
            i--;
        }
        if (i < 0 || _source[i] == '\n')
        {
            var spaces = directiveStart - 1 - i;
            var keep = Math.Max(0, text.Length - spaces);
            text.Length = keep;
        }
    }

    /// <summary>Reads <c>#name</c> or <c>#{name}</c> for a known directive, leaving the position after it; null (position unchanged) otherwise.</summary>
    private string? DirectiveName()
    {
        var start = _at;
        var braced = _at + 1 < _source.Length && _source[_at + 1] == '{';
        var i = _at + (braced ? 2 : 1);
        var nameStart = i;
        while (i < _source.Length && char.IsAsciiLetter(_source[i]))
        {
            i++;
        }
        var name = _source[nameStart..i];
        if (braced)
        {
            if (i >= _source.Length || _source[i] != '}')
            {
                return null;
            }
            i++;
        }
        if (name is not ("set" or "if" or "elseif" or "else" or "end" or "foreach" or "break" or "stop"))
        {
            _at = start;
            return null;
        }
        // "#endif" or "#elsewhere" is text, not #end or #else.
        if (!braced && i < _source.Length && (char.IsAsciiLetterOrDigit(_source[i]) || _source[i] == '_'))
        {
            return null;
        }
        _at = i;
        if (name is "else" or "end")
        {
            EatLineBreak();
        }
        return name;
    }

    private void EatLineBreak()
    {
        if (_at < _source.Length && _source[_at] == '\n')
        {
            _at++;
        }
        else if (_at + 1 < _source.Length && _source[_at] == '\r' && _source[_at + 1] == '\n')
        {
            _at += 2;
        }
    }

    private bool TryComment()
    {
        if (_at + 1 >= _source.Length)
        {
            return false;
        }
        if (_source[_at + 1] == '#')
        {
            var end = _source.IndexOf('\n', _at);
            _at = end < 0 ? _source.Length : end + 1;
            return true;
        }
        if (_source[_at + 1] == '*')
        {
            var end = _source.IndexOf("*#", _at + 2, StringComparison.Ordinal);
            _at = end < 0 ? _source.Length : end + 2;
            return true;
        }
        return false;
    }

    private bool TryUnparsed(StringBuilder text)
    {
        if (string.CompareOrdinal(_source, _at, "#[[", 0, 3) != 0)
        {
            return false;
        }
        var end = _source.IndexOf("]]#", _at + 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }
        text.Append(_source, _at + 3, end - _at - 3);
        _at = end + 3;
        return true;
    }

    /// <summary><c>\$a</c>: the reference, to be written without the backslash when it is defined.</summary>
    private bool TryEscapedReference(StringBuilder text, List<VtlNode> nodes)
    {
        if (_at + 1 >= _source.Length || _source[_at + 1] != '$')
        {
            return false;
        }
        var start = _at;
        _at++;
        if (TryReference(true) is { } reference)
        {
            Flush(text, nodes);
            nodes.Add(reference);
            return true;
        }
        _at = start;
        return false;
    }

    /// <summary>Reads a reference at <c>$</c>; null (position unchanged) when none starts there.</summary>
    private ReferenceNode? TryReference(bool escaped)
    {
        var start = _at;
        var i = _at + 1;
        if (i < _source.Length && _source[i] == '!')
        {
            i++;
        }
        var braced = i < _source.Length && _source[i] == '{';
        if (braced)
        {
            i++;
        }
        if (i >= _source.Length || !(char.IsAsciiLetter(_source[i]) || _source[i] == '_'))
        {
            return null;
        }
        _at = i;
        var reference = ReadReferenceBody();
        if (braced)
        {
            if (_at >= _source.Length || _source[_at] != '}')
            {
                _at = start;
                return null;
            }
            _at++;
        }
        return new ReferenceNode(reference, _source[start.._at], escaped);
    }

    /// <summary>The name and the steps of a reference; stops at the first character that continues none.</summary>
    private VtlReference ReadReferenceBody()
    {
        var name = ReadIdentifier();
        var steps = new List<VtlStep>();
        while (_at < _source.Length)
        {
            var c = _source[_at];
            if (c == '.' && _at + 1 < _source.Length && (char.IsAsciiLetter(_source[_at + 1]) || _source[_at + 1] == '_'))
            {
                _at++;
                var member = ReadIdentifier();
                if (_at < _source.Length && _source[_at] == '(')
                {
                    _lexer.Position = _at + 1;
                    steps.Add(new MethodStep(member, ParseArguments(")")));
                    _at = _lexer.Position;
                }
                else
                {
                    steps.Add(new PropertyStep(member));
                }
            }
            else if (c == '[')
            {
                _lexer.Position = _at + 1;
                var index = ParseExpression();
                Expect("]");
                _at = _lexer.Position;
                steps.Add(new IndexStep(index));
            }
            else
            {
                break;
            }
        }
        return new VtlReference(name, steps);
    }

    private string ReadIdentifier()
    {
        var start = _at;
        while (_at < _source.Length && (char.IsAsciiLetterOrDigit(_source[_at]) || _source[_at] is '_' or '-'))
        {
            _at++;
        }
        // A trailing '-' is text after the reference ("$a-" renders a then "-").
        while (_at > start + 1 && _source[_at - 1] == '-')
        {
            _at--;
        }
        return _source[start.._at];
    }

    private SetNode ParseSet()
    {
        OpenParenthesis("set");
        if (_lexer.Next() is not { Kind: VtlTokenKind.Dollar })
        {
            throw new VtlException("#set must assign to a reference: #set($name = value)");
        }
        var target = ReadExpressionReference();
        Expect("=");
        var value = ParseExpression();
        Expect(")");
        _at = _lexer.Position;
        EatLineBreak();
        return new SetNode(target, value);
    }

    private IfNode ParseIf()
    {
        var branches = new List<(VtlExpression, IReadOnlyList<VtlNode>)>();
        var condition = Condition("if");
        while (true)
        {
            var body = ParseBlock(out var closer);
            branches.Add((condition, body));
            switch (closer)
            {
                case "elseif":
                    condition = Condition("elseif");
                    continue;
                case "else":
                    var otherwise = ParseBlock(out var end);
                    if (end != "end")
                    {
                        throw new VtlException("#else must be followed by #end");
                    }
                    return new IfNode(branches, otherwise);
                case "end":
                    return new IfNode(branches, null);
                default:
                    throw new VtlException("#if is not closed by #end");
            }
        }
    }

    private VtlExpression Condition(string directive)
    {
        OpenParenthesis(directive);
        var condition = ParseExpression();
        Expect(")");
        _at = _lexer.Position;
        EatLineBreak();
        return condition;
    }

    private ForeachNode ParseForeach()
    {
        OpenParenthesis("foreach");
        if (_lexer.Next() is not { Kind: VtlTokenKind.Dollar })
        {
            throw new VtlException("#foreach needs a loop variable: #foreach($item in $list)");
        }
        var variable = ReadExpressionReference();
        if (variable.Steps.Count > 0 || _lexer.Next() is not { Kind: VtlTokenKind.Word, Text: "in" })
        {
            throw new VtlException("#foreach needs a loop variable: #foreach($item in $list)");
        }
        var items = ParseExpression();
        Expect(")");
        _at = _lexer.Position;
        EatLineBreak();
        var body = ParseBlock(out var closer);
        if (closer != "end")
        {
            throw new VtlException("#foreach is not closed by #end");
        }
        return new ForeachNode(variable.Name, items, body);
    }

    private void OpenParenthesis(string directive)
    {
        _lexer.Position = _at;
        if (_lexer.Next() is not { Kind: VtlTokenKind.Symbol, Text: "(" })
        {
            throw new VtlException($"#{directive} must be followed by parentheses");
        }
    }

    private void Expect(string symbol)
    {
        var token = _lexer.Next();
        if (token.Kind != VtlTokenKind.Symbol || token.Text != symbol)
        {
            throw new VtlException($"Encountered \"{token.Text}\" at column {token.Start} where \"{symbol}\" was expected");
        }
    }

    /// <summary>A reference inside an expression, the lexer having just read its <c>$</c>.</summary>
    private VtlReference ReadExpressionReference()
    {
        _at = _lexer.Position;
        var braced = _at < _source.Length && _source[_at] == '{';
        if (braced)
        {
            _at++;
        }
        if (_at >= _source.Length || !(char.IsAsciiLetter(_source[_at]) || _source[_at] == '_'))
        {
            throw new VtlException($"Encountered \"$\" at column {_at - 1} that starts no reference");
        }
        var reference = ReadReferenceBody();
        if (braced)
        {
            if (_at >= _source.Length || _source[_at] != '}')
            {
                throw new VtlException("A ${reference} is not closed");
            }
            _at++;
        }
        _lexer.Position = _at;
        return reference;
    }

    private List<VtlExpression> ParseArguments(string close)
    {
        var arguments = new List<VtlExpression>();
        if (_lexer.Peek() is { Kind: VtlTokenKind.Symbol } next && next.Text == close)
        {
            _lexer.Next();
            return arguments;
        }
        while (true)
        {
            arguments.Add(ParseExpression());
            var token = _lexer.Next();
            if (token.Kind == VtlTokenKind.Symbol && token.Text == close)
            {
                return arguments;
            }
            if (token.Kind != VtlTokenKind.Symbol || token.Text != ",")
            {
                throw new VtlException($"Encountered \"{token.Text}\" at column {token.Start} where \",\" or \"{close}\" was expected");
            }
        }
    }

    private VtlExpression ParseExpression() => ParseOr();

    private VtlExpression ParseOr()
    {
        var left = ParseAnd();
        while (TakeOperator("||", "or"))
        {
            left = new BinaryExpression("||", left, ParseAnd());
        }
        return left;
    }

    private VtlExpression ParseAnd()
    {
        var left = ParseNot();
        while (TakeOperator("&&", "and"))
        {
            left = new BinaryExpression("&&", left, ParseNot());
        }
        return left;
    }

    private VtlExpression ParseNot() =>
        TakeOperator("!", "not") ? new UnaryExpression("!", ParseNot()) : ParseComparison();

    private static readonly (string Symbol, string Word)[] Comparisons =
        [("==", "eq"), ("!=", "ne"), ("<=", "le"), (">=", "ge"), ("<", "lt"), (">", "gt")];

    private VtlExpression ParseComparison()
    {
        var left = ParseAdditive();
        foreach (var (symbol, word) in Comparisons)
        {
            if (TakeOperator(symbol, word))
            {
                return new BinaryExpression(symbol, left, ParseAdditive());
            }
        }
        return left;
    }

    private VtlExpression ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (true)
        {
            if (TakeOperator("+", null))
            {
                left = new BinaryExpression("+", left, ParseMultiplicative());
            }
            else if (TakeOperator("-", null))
            {
                left = new BinaryExpression("-", left, ParseMultiplicative());
            }
            else
            {
                return left;
            }
        }
    }

    private VtlExpression ParseMultiplicative()
    {
        var left = ParseUnary();
        while (true)
        {
            var op = TakeOperator("*", null) ? "*" : TakeOperator("/", null) ? "/" : TakeOperator("%", null) ? "%" : null;
            if (op is null)
            {
                return left;
            }
            left = new BinaryExpression(op, left, ParseUnary());
        }
    }

    private VtlExpression ParseUnary() => TakeOperator("-", null) ? new UnaryExpression("-", ParseUnary()) : ParsePrimary();

    private bool TakeOperator(string symbol, string? word)
    {
        var token = _lexer.Peek();
        if ((token.Kind == VtlTokenKind.Symbol && token.Text == symbol) || (word is not null && token.Kind == VtlTokenKind.Word && token.Text == word))
        {
            _lexer.Next();
            return true;
        }
        return false;
    }

    private VtlExpression ParsePrimary()
    {
        var token = _lexer.Next();
        switch (token.Kind)
        {
            case VtlTokenKind.Number:
                return new LiteralExpression(VtlLexer.Number(token.Text));
            case VtlTokenKind.SingleQuoted:
                return new LiteralExpression(token.Text);
            case VtlTokenKind.DoubleQuoted:
                return Interpolated(token.Text);
            case VtlTokenKind.Word when token.Text is "true" or "false":
                return new LiteralExpression(token.Text == "true");
            case VtlTokenKind.Word when token.Text == "null":
                return new LiteralExpression(null);
            case VtlTokenKind.Dollar:
                return new ReferenceExpression(ReadExpressionReference());
            case VtlTokenKind.Symbol when token.Text == "(":
                var inner = ParseExpression();
                Expect(")");
                return inner;
            case VtlTokenKind.Symbol when token.Text == "[":
                return ParseListOrRange();
            case VtlTokenKind.Symbol when token.Text == "{":
                return ParseMap();
            default:
                throw new VtlException(token.Kind == VtlTokenKind.End
                    ? "The template ends inside an expression"
                    : $"Encountered \"{token.Text}\" at column {token.Start} where a value was expected");
        }
    }

    private VtlExpression ParseListOrRange()
    {
        if (_lexer.Peek() is { Kind: VtlTokenKind.Symbol, Text: "]" })
        {
            _lexer.Next();
            return new ListExpression([]);
        }
        var first = ParseExpression();
        if (TakeOperator("..", null))
        {
            var last = ParseExpression();
            Expect("]");
            return new RangeExpression(first, last);
        }
        var items = new List<VtlExpression> { first };
        while (TakeOperator(",", null))
        {
            items.Add(ParseExpression());
        }
        Expect("]");
        return new ListExpression(items);
    }

    private MapExpression ParseMap()
    {
        var entries = new List<(VtlExpression, VtlExpression)>();
        if (TakeOperator("}", null))
        {
            return new MapExpression(entries);
        }
        do
        {
            var key = ParseExpression();
            Expect(":");
            entries.Add((key, ParseExpression()));
        }
        while (TakeOperator(",", null));
        Expect("}");
        return new MapExpression(entries);
    }

    /// <summary>A double-quoted string's content is a template: references and directives in it are rendered.</summary>
    private static InterpolatedExpression Interpolated(string content) =>
        new(content.Contains('$', StringComparison.Ordinal) || content.Contains('#', StringComparison.Ordinal) ? Parse(content) : [new TextNode(content)]);
}
