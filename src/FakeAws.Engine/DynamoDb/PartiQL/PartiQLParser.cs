namespace FakeAws.Engine.DynamoDb.PartiQL;

/// <summary>
/// Parses DynamoDB's PartiQL: SELECT, INSERT, UPDATE and DELETE of single tables, with WHERE
/// conditions, document paths, literals (strings, numbers, booleans, null, lists, maps and
/// <c>&lt;&lt;sets&gt;&gt;</c>) and <c>?</c> parameters.
/// </summary>
internal sealed class PartiQLParser
{
    private static readonly HashSet<string> ConditionFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "begins_with", "contains", "attribute_exists", "attribute_not_exists", "attribute_type",
    };

    private readonly List<PqlToken> _tokens;
    private int _next;
    private int _parameters;

    private PartiQLParser(string statement) => _tokens = PartiQLTokenizer.Tokenize(statement);

    /// <summary>The statement, and how many <c>?</c> parameters it has.</summary>
    public static (PartiQLStatement Statement, int Parameters) Parse(string statement)
    {
        var parser = new PartiQLParser(statement);
        var parsed = parser.ParseStatement();
        if (parser.Peek.Kind != PqlTokenKind.End)
        {
            throw parser.Unexpected();
        }
        return (parsed, parser._parameters);
    }

    private PqlToken Peek => _tokens[_next];

    private PqlToken Take() => _tokens[_next++];

    private PartiQLStatement ParseStatement()
    {
        var first = Peek;
        if (first.IsWord("SELECT"))
        {
            return ParseSelect();
        }
        if (first.IsWord("INSERT"))
        {
            return ParseInsert();
        }
        if (first.IsWord("UPDATE"))
        {
            return ParseUpdate();
        }
        if (first.IsWord("DELETE"))
        {
            return ParseDelete();
        }
        throw Unexpected();
    }

    private SelectStatement ParseSelect()
    {
        Take();
        List<PqlPath>? projection = null;
        if (Peek.IsSymbol("*"))
        {
            Take();
        }
        else
        {
            projection = [ParsePath()];
            while (TakeSymbol(","))
            {
                projection.Add(ParsePath());
            }
        }
        ExpectWord("FROM");
        var target = ParseTable();
        return new SelectStatement(target, projection, ParseWhere());
    }

    private InsertStatement ParseInsert()
    {
        Take();
        ExpectWord("INTO");
        var target = ParseTable();
        if (Peek.IsWord("VALUES") || (Peek.IsWord("VALUE") && _tokens[_next + 1].IsSymbol("<<")))
        {
            throw PartiQLErrors.Validation(
                "Unsupported operation: Inserting multiple items in a single statement is not supported, use \"INSERT INTO tableName VALUE item\" instead");
        }
        ExpectWord("VALUE");
        return new InsertStatement(target, ParseValue());
    }

    private UpdateStatement ParseUpdate()
    {
        Take();
        var target = ParseTable();
        var sets = new List<(PqlPath, OperandSyntax)>();
        var removes = new List<PqlPath>();
        while (true)
        {
            if (Peek.IsWord("SET"))
            {
                Take();
                do
                {
                    var path = ParsePath();
                    ExpectSymbol("=");
                    sets.Add((path, ParseSetValue()));
                }
                while (TakeSymbol(","));
            }
            else if (Peek.IsWord("REMOVE"))
            {
                Take();
                do
                {
                    removes.Add(ParsePath());
                }
                while (TakeSymbol(","));
            }
            else
            {
                break;
            }
        }
        if (sets.Count == 0 && removes.Count == 0)
        {
            throw Unexpected();
        }
        var where = ParseWhere();
        return new UpdateStatement(target, sets, removes, where, ParseReturning());
    }

    private DeleteStatement ParseDelete()
    {
        Take();
        ExpectWord("FROM");
        var target = ParseTable();
        var where = ParseWhere();
        return new DeleteStatement(target, where, ParseReturning());
    }

    // RETURNING ALL|MODIFIED OLD|NEW *
    private string? ParseReturning()
    {
        if (!Peek.IsWord("RETURNING"))
        {
            return null;
        }
        Take();
        var which = Take();
        var age = Take();
        if (!(which.IsWord("ALL") || which.IsWord("MODIFIED")) || !(age.IsWord("OLD") || age.IsWord("NEW")))
        {
            throw Unexpected(which);
        }
        ExpectSymbol("*");
        return $"{which.Text.ToUpperInvariant()} {age.Text.ToUpperInvariant()}";
    }

    private TableReference ParseTable()
    {
        var table = ParseName();
        string? index = null;
        if (TakeSymbol("."))
        {
            index = ParseName();
        }
        return new TableReference(table, index);
    }

    private ConditionSyntax? ParseWhere()
    {
        if (!Peek.IsWord("WHERE"))
        {
            return null;
        }
        Take();
        return ParseOr();
    }

    private ConditionSyntax ParseOr()
    {
        var left = ParseAnd();
        while (Peek.IsWord("OR"))
        {
            Take();
            left = new OrSyntax(left, ParseAnd());
        }
        return left;
    }

    private ConditionSyntax ParseAnd()
    {
        var left = ParseNot();
        while (Peek.IsWord("AND"))
        {
            Take();
            left = new AndSyntax(left, ParseNot());
        }
        return left;
    }

    private ConditionSyntax ParseNot()
    {
        if (Peek.IsWord("NOT"))
        {
            Take();
            return new NotSyntax(ParseNot());
        }
        return ParsePredicate();
    }

    private ConditionSyntax ParsePredicate()
    {
        if (Peek.IsSymbol("(") && StartsCondition())
        {
            Take();
            var inner = ParseOr();
            ExpectSymbol(")");
            return inner;
        }
        if (Peek.Kind == PqlTokenKind.Word && ConditionFunctions.Contains(Peek.Text) && _tokens[_next + 1].IsSymbol("("))
        {
            return new FunctionSyntax(ParseFunction());
        }
        var left = ParseOperand();
        if (Peek.IsWord("IS"))
        {
            Take();
            var negated = Peek.IsWord("NOT");
            if (negated)
            {
                Take();
            }
            ExpectWord("MISSING");
            return left is PathOperand path ? new MissingSyntax(path.Path, negated) : throw Unexpected();
        }
        if (Peek.IsWord("BETWEEN"))
        {
            Take();
            var low = ParseOperand();
            ExpectWord("AND");
            return new BetweenSyntax(left, low, ParseOperand());
        }
        if (Peek.IsWord("IN"))
        {
            Take();
            var close = TakeSymbol("[") ? "]" : TakeSymbol("(") ? ")" : throw Unexpected();
            var candidates = new List<OperandSyntax> { ParseOperand() };
            while (TakeSymbol(","))
            {
                candidates.Add(ParseOperand());
            }
            ExpectSymbol(close);
            return new InSyntax(left, candidates);
        }
        var op = Peek;
        if (op.Kind == PqlTokenKind.Symbol && op.Text is "=" or "<>" or "!=" or "<" or "<=" or ">" or ">=")
        {
            Take();
            return new CompareSyntax(left, op.Text == "!=" ? "<>" : op.Text, ParseOperand());
        }
        throw Unexpected();
    }

    // A parenthesis opens a nested condition unless it is a value: look for a comparison keyword inside.
    private bool StartsCondition()
    {
        var depth = 0;
        for (var i = _next; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            if (token.IsSymbol("("))
            {
                depth++;
            }
            else if (token.IsSymbol(")") && --depth == 0)
            {
                return false;
            }
            else if (depth >= 1 && (token.Kind == PqlTokenKind.Symbol && token.Text is "=" or "<>" or "!=" or "<" or "<=" or ">" or ">="
                || token.IsWord("AND") || token.IsWord("OR") || token.IsWord("NOT") || token.IsWord("IS") || token.IsWord("BETWEEN") || token.IsWord("IN")
                || token.Kind == PqlTokenKind.Word && ConditionFunctions.Contains(token.Text)))
            {
                return true;
            }
        }
        return false;
    }

    private OperandSyntax ParseOperand()
    {
        if (Peek.Kind == PqlTokenKind.Word && Peek.Text.Equals("size", StringComparison.OrdinalIgnoreCase) && _tokens[_next + 1].IsSymbol("("))
        {
            return ParseFunction();
        }
        if (StartsValue())
        {
            return new ValueOperand(ParseValue());
        }
        return new PathOperand(ParsePath());
    }

    // SET values: an operand, optionally + or - another, or list_append, if_not_exists, set_add, set_delete.
    private OperandSyntax ParseSetValue()
    {
        OperandSyntax left = Peek.Kind == PqlTokenKind.Word && _tokens[_next + 1].IsSymbol("(") ? ParseFunction() : ParseOperand();
        if (Peek.IsSymbol("+") || Peek.IsSymbol("-"))
        {
            var op = Take().Text[0];
            return new ArithmeticOperand(left, op, ParseOperand());
        }
        return left;
    }

    private FunctionOperand ParseFunction()
    {
        var name = Take().Text.ToLowerInvariant();
        ExpectSymbol("(");
        var arguments = new List<OperandSyntax> { ParseOperand() };
        while (TakeSymbol(","))
        {
            arguments.Add(ParseOperand());
        }
        ExpectSymbol(")");
        return new FunctionOperand(name, arguments);
    }

    private bool StartsValue()
    {
        var token = Peek;
        return token.Kind is PqlTokenKind.String or PqlTokenKind.Number
            || token.IsSymbol("?") || token.IsSymbol("[") || token.IsSymbol("{") || token.IsSymbol("<<")
            || token.IsWord("TRUE") || token.IsWord("FALSE") || token.IsWord("NULL");
    }

    private ValueSyntax ParseValue()
    {
        var token = Take();
        switch (token.Kind)
        {
            case PqlTokenKind.String:
                return new LiteralValue(AttributeValue.FromS(token.Text));
            case PqlTokenKind.Number:
                return new LiteralValue(AttributeValue.FromN(token.Text));
        }
        if (token.IsWord("TRUE") || token.IsWord("FALSE"))
        {
            return new LiteralValue(AttributeValue.FromBool(token.IsWord("TRUE")));
        }
        if (token.IsWord("NULL"))
        {
            return new LiteralValue(AttributeValue.Null);
        }
        if (token.IsSymbol("?"))
        {
            return new ParameterValue(_parameters++);
        }
        if (token.IsSymbol("["))
        {
            var elements = new List<ValueSyntax>();
            if (!TakeSymbol("]"))
            {
                do
                {
                    elements.Add(ParseValue());
                }
                while (TakeSymbol(","));
                ExpectSymbol("]");
            }
            return new ListValue(elements);
        }
        if (token.IsSymbol("<<"))
        {
            var elements = new List<ValueSyntax> { ParseValue() };
            while (TakeSymbol(","))
            {
                elements.Add(ParseValue());
            }
            ExpectSymbol(">>");
            return new SetValue(elements);
        }
        if (token.IsSymbol("{"))
        {
            var members = new List<(string, ValueSyntax)>();
            if (!TakeSymbol("}"))
            {
                do
                {
                    var name = Take();
                    if (name.Kind is not (PqlTokenKind.String or PqlTokenKind.QuotedName))
                    {
                        throw Unexpected(name);
                    }
                    ExpectSymbol(":");
                    members.Add((name.Text, ParseValue()));
                }
                while (TakeSymbol(","));
                ExpectSymbol("}");
            }
            return new MapValue(members);
        }
        throw Unexpected(token);
    }

    private PqlPath ParsePath()
    {
        var steps = new List<object> { ParseName() };
        while (true)
        {
            if (Peek.IsSymbol(".") && _tokens[_next + 1].Kind is PqlTokenKind.Word or PqlTokenKind.QuotedName)
            {
                Take();
                steps.Add(ParseName());
            }
            else if (Peek.IsSymbol("[") && _tokens[_next + 1].Kind == PqlTokenKind.Number)
            {
                Take();
                steps.Add(int.Parse(Take().Text, System.Globalization.CultureInfo.InvariantCulture));
                ExpectSymbol("]");
            }
            else
            {
                return new PqlPath(steps);
            }
        }
    }

    private string ParseName()
    {
        var token = Take();
        return token.Kind is PqlTokenKind.Word or PqlTokenKind.QuotedName ? token.Text : throw Unexpected(token);
    }

    private bool TakeSymbol(string symbol)
    {
        if (!Peek.IsSymbol(symbol))
        {
            return false;
        }
        _next++;
        return true;
    }

    private void ExpectSymbol(string symbol)
    {
        if (!TakeSymbol(symbol))
        {
            throw Unexpected();
        }
    }

    private void ExpectWord(string word)
    {
        if (!Peek.IsWord(word))
        {
            throw Unexpected();
        }
        _next++;
    }

    private Core.AwsServiceException Unexpected(PqlToken? at = null)
    {
        var token = at ?? Peek;
        return PartiQLErrors.Malformed(token.Kind == PqlTokenKind.End ? "Unexpected end of statement" : $"Unexpected token: {token.Text}");
    }
}
