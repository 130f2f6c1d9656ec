namespace FakeAws.Engine.DynamoDb.PartiQL;

/// <summary>
/// Parses DynamoDB's PartiQL: SELECT (with ORDER BY), INSERT, UPDATE (also FROM-first) and DELETE of single
/// tables, and ExecuteTransaction's EXISTS, with WHERE conditions, document paths, literals (strings,
/// numbers, booleans, null, lists, maps and <c>&lt;&lt;sets&gt;&gt;</c>) and <c>?</c> parameters. Refusals
/// are worded as DynamoDB words them, with the <c>line:column:length</c> of the token where it gives one.
/// </summary>
internal sealed class PartiQLParser
{
    private static readonly HashSet<string> ConditionFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "begins_with", "contains", "attribute_exists", "attribute_not_exists", "attribute_type",
    };

    // Words that end a table reference; any other word after one is an alias, which DynamoDB refuses.
    private static readonly HashSet<string> ClauseWords = new(StringComparer.OrdinalIgnoreCase) { "WHERE", "ORDER", "SET", "REMOVE", "RETURNING" };

    // Keywords of PartiQL's grammar that cannot follow a dot in a path ("m.inner").
    private static readonly HashSet<string> ReservedPathWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "INNER", "OUTER", "LEFT", "RIGHT", "FULL", "CROSS", "JOIN", "NATURAL", "SELECT", "FROM", "WHERE", "ORDER", "GROUP", "HAVING", "UNION", "EXCEPT", "INTERSECT",
    };

    // DynamoDB's types by the names IS takes.
    private static readonly Dictionary<string, string> TypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NULL"] = "NULL", ["BOOL"] = "BOOL", ["BOOLEAN"] = "BOOL", ["STRING"] = "S", ["NUMBER"] = "N", ["BINARY"] = "B", ["BLOB"] = "B",
        ["LIST"] = "L", ["MAP"] = "M", ["STRUCT"] = "M", ["TUPLE"] = "M",
    };

    // The functions of a SET value, which may nest ("list_append(if_not_exists(l, ?), ?)").
    private static readonly HashSet<string> UpdateFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "list_append", "if_not_exists", "set_add", "set_delete",
    };

    private readonly string _text;
    private readonly List<PqlToken> _tokens;
    private int _next;
    private int _parameters;
    private bool _inSetValue;

    private PartiQLParser(string statement)
    {
        _text = statement;
        _tokens = PartiQLTokenizer.Tokenize(statement);
    }

    /// <summary>The statement, and how many <c>?</c> parameters it has.</summary>
    public static (PartiQLStatement Statement, int Parameters) Parse(string statement)
    {
        var parser = new PartiQLParser(statement);
        var parsed = parser.ParseStatement();
        if (parser.Peek.Kind != PqlTokenKind.End)
        {
            throw PartiQLErrors.Malformed("Unexpected token after expression");
        }
        return (parsed, parser._parameters);
    }

    private PqlToken Peek => _tokens[_next];

    private PqlToken Take() => _tokens[_next++];

    private string At(PqlToken token) => PartiQLErrors.At(_text, token.Position, token.Length);

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
        if (first.IsWord("FROM"))
        {
            return ParseFromFirstUpdate();
        }
        if (first.IsWord("EXISTS") && _tokens[_next + 1].IsSymbol("("))
        {
            Take();
            Take();
            if (!Peek.IsWord("SELECT"))
            {
                throw Unexpected();
            }
            var select = ParseSelect();
            ExpectSymbol(")");
            return new ExistsStatement(select);
        }
        throw Unexpected();
    }

    private SelectStatement ParseSelect()
    {
        Take();
        List<PqlPath>? projection = null;
        Core.AwsServiceException? unsupported = null;
        if (Peek.IsSymbol("*"))
        {
            Take();
        }
        else if (Peek.IsWord("COUNT") && _tokens[_next + 1].IsSymbol("(") && _tokens[_next + 2].IsSymbol("*") && _tokens[_next + 3].IsSymbol(")"))
        {
            // Worded as any other function in a projection, but only once the target has been checked.
            unsupported = PartiQLErrors.Validation($"Unexpected path component at {At(Peek)}");
            _next += 4;
        }
        else
        {
            projection = [ParseProjectedPath()];
            while (TakeSymbol(","))
            {
                projection.Add(ParseProjectedPath());
            }
        }
        ExpectWord("FROM");
        var target = ParseTable();
        var where = ParseWhere();
        OrderBy? order = null;
        if (Peek.IsWord("ORDER"))
        {
            Take();
            ExpectWord("BY");
            var path = ParsePath();
            var descending = Peek.IsWord("DESC");
            if (descending || Peek.IsWord("ASC"))
            {
                Take();
            }
            order = new OrderBy(path, descending);
        }
        return new SelectStatement(target, projection, where, order) { Unsupported = unsupported };
    }

    // A projected path; a function there is not a path (DynamoDB points at it).
    private PqlPath ParseProjectedPath()
    {
        var start = Peek;
        var path = ParsePath();
        return Peek.IsSymbol("(") ? throw PartiQLErrors.Validation($"Unexpected path component at {At(start)}") : path;
    }

    private InsertStatement ParseInsert()
    {
        Take();
        ExpectWord("INTO");
        var target = ParseName();
        if (Peek.IsWord("VALUES") || (Peek.IsWord("VALUE") && _tokens[_next + 1].IsSymbol("<<")))
        {
            throw PartiQLErrors.Validation(
                "Unsupported operation: Inserting multiple items in a single statement is not supported, use \"INSERT INTO tableName VALUE item\" instead");
        }
        // INSERT INTO takes no alias: what follows the table is read as the end of the statement.
        if (!Peek.IsWord("VALUE"))
        {
            throw PartiQLErrors.Malformed("Unexpected token after expression");
        }
        Take();
        return new InsertStatement(new TableReference(target, null), ParseValue("root", isItem: true));
    }

    private UpdateStatement ParseUpdate()
    {
        Take();
        var target = ParseTable();
        var (sets, removes) = ParseAssignments();
        var where = ParseWhere();
        return new UpdateStatement(target, sets, removes, where, ParseReturning());
    }

    // FROM table WHERE condition SET … REMOVE … [RETURNING …]: an UPDATE with its clauses in another order.
    private UpdateStatement ParseFromFirstUpdate()
    {
        Take();
        var target = ParseTable();
        if (!Peek.IsWord("WHERE"))
        {
            throw Unexpected();
        }
        var where = ParseWhere();
        var (sets, removes) = ParseAssignments();
        return new UpdateStatement(target, sets, removes, where, ParseReturning());
    }

    private (List<(PqlPath, OperandSyntax)> Sets, List<PqlPath> Removes) ParseAssignments()
    {
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
                    sets.Add((path, ParseSetValue(path)));
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
        return (sets, removes);
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
        if (Peek.Kind == PqlTokenKind.QuotedName || (Peek.Kind == PqlTokenKind.Word && !ClauseWords.Contains(Peek.Text)))
        {
            throw PartiQLErrors.Validation("Aliasing is not supported");
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
            return ComparedWithBoolean(new FunctionSyntax(CheckedConditionFunction(ParseFunction())));
        }
        var left = ParseOperand();
        if (Peek.IsWord("IS"))
        {
            return ParseIs(left);
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

    // path IS [NOT] MISSING | NULL | type
    private ConditionSyntax ParseIs(OperandSyntax left)
    {
        Take();
        var negated = Peek.IsWord("NOT");
        if (negated)
        {
            Take();
        }
        if (left is not PathOperand path)
        {
            throw Unexpected();
        }
        if (Peek.IsWord("MISSING"))
        {
            Take();
            return new MissingSyntax(path.Path, negated);
        }
        if (Peek.Kind == PqlTokenKind.Word && TypeNames.TryGetValue(Peek.Text, out var type))
        {
            Take();
            return new TypeSyntax(path.Path, type, negated);
        }
        throw Unexpected();
    }

    // A condition function compared with a boolean ("attribute_exists(a) = true") is the function, or its negation.
    private ConditionSyntax ComparedWithBoolean(ConditionSyntax function)
    {
        if ((Peek.IsSymbol("=") || Peek.IsSymbol("<>") || Peek.IsSymbol("!=")) && (_tokens[_next + 1].IsWord("TRUE") || _tokens[_next + 1].IsWord("FALSE")))
        {
            var equal = Take().IsSymbol("=");
            var truth = Take().IsWord("TRUE");
            return equal == truth ? function : new NotSyntax(function);
        }
        return function;
    }

    // attribute_exists and attribute_not_exists take exactly one operand, a path.
    private static FunctionOperand CheckedConditionFunction(FunctionOperand function)
    {
        if (function.Name is "attribute_exists" or "attribute_not_exists")
        {
            if (function.Arguments.Count != 1)
            {
                throw PartiQLErrors.Validation(
                    $"Incorrect number of operands for operator or function; operator or function: {function.Name}, number of operands: {function.Arguments.Count}");
            }
            if (function.Arguments[0] is not PathOperand)
            {
                throw PartiQLErrors.Validation($"Operator or function requires a document path; operator or function: {function.Name}");
            }
        }
        return function;
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
        if (Peek.Kind == PqlTokenKind.End)
        {
            // AWS's parser names what it was looking for: a term.
            throw PartiQLErrors.Malformed("Unexpected term");
        }
        if (Peek.Kind == PqlTokenKind.Word && _tokens[_next + 1].IsSymbol("("))
        {
            // size is the one function with a value in a condition; DynamoDB names any other it meets there.
            return Peek.Text.Equals("size", StringComparison.OrdinalIgnoreCase) || (_inSetValue && UpdateFunctions.Contains(Peek.Text))
                ? ParseFunction()
                : throw PartiQLErrors.Validation($"Unrecognized function: {Peek.Text.ToLowerInvariant()} at {At(Peek)}");
        }
        if (StartsValue())
        {
            return new ValueOperand(ParseValue("root"));
        }
        return new PathOperand(ParsePath());
    }

    // SET values: an operand, optionally + or - another, or list_append, if_not_exists, set_add, set_delete.
    private OperandSyntax ParseSetValue(PqlPath target)
    {
        _inSetValue = true;
        try
        {
            OperandSyntax left;
            if (Peek.Kind == PqlTokenKind.Word && _tokens[_next + 1].IsSymbol("("))
            {
                var name = Peek;
                var (function, spans) = ParseCall();
                if (function.Name is "set_add" or "set_delete")
                {
                    CheckSetFunction(function, name, spans, target);
                }
                left = function;
            }
            else
            {
                left = ParseOperand();
            }
            if (Peek.IsSymbol("+") || Peek.IsSymbol("-"))
            {
                var op = Take().Text[0];
                return new ArithmeticOperand(left, op, ParseOperand());
            }
            return left;
        }
        finally
        {
            _inSetValue = false;
        }
    }

    // set_add(path, set) and set_delete(path, set): two arguments, the first the path assigned, the second a set.
    private void CheckSetFunction(FunctionOperand function, PqlToken name, List<(int Position, int Length)> spans, PqlPath target)
    {
        var upper = function.Name.ToUpperInvariant();
        if (function.Arguments.Count != 2)
        {
            throw PartiQLErrors.Validation($"{upper} must have exactly two arguments at {At(name)}");
        }
        if (function.Arguments[0] is not PathOperand first || !first.Path.SameAs(target))
        {
            throw PartiQLErrors.Validation($"The first argument to {upper} must equal the assignment value at {At(name)}");
        }
        if (function.Arguments[1] is not ValueOperand { Value: SetValue or ParameterValue })
        {
            // DynamoDB points at the first argument.
            throw PartiQLErrors.Validation($"The second argument to {upper} must be a value with type SET at {PartiQLErrors.At(_text, spans[0].Position, spans[0].Length)}");
        }
    }

    private FunctionOperand ParseFunction() => ParseCall().Function;

    // A function call, and where each argument starts in the statement and how long it is.
    private (FunctionOperand Function, List<(int Position, int Length)> Spans) ParseCall()
    {
        var name = Take().Text.ToLowerInvariant();
        ExpectSymbol("(");
        var arguments = new List<OperandSyntax>();
        var spans = new List<(int, int)>();
        if (!Peek.IsSymbol(")"))
        {
            do
            {
                var start = Peek.Position;
                arguments.Add(ParseOperand());
                spans.Add((start, _tokens[_next - 1].Position + _tokens[_next - 1].Length - start));
            }
            while (TakeSymbol(","));
        }
        ExpectSymbol(")");
        return (new FunctionOperand(name, arguments), spans);
    }

    private bool StartsValue()
    {
        var token = Peek;
        return token.Kind is PqlTokenKind.String or PqlTokenKind.Number
            || token.IsSymbol("?") || token.IsSymbol("[") || token.IsSymbol("{") || token.IsSymbol("<<")
            || token.IsWord("TRUE") || token.IsWord("FALSE") || token.IsWord("NULL");
    }

    // A value; path says where it is inside the attribute it writes or compares ("root", "root.x", "root[1]"),
    // which DynamoDB names when a number in it breaks its rules. An INSERT's item is the map of attributes.
    private ValueSyntax ParseValue(string path, bool isItem = false)
    {
        var token = Take();
        switch (token.Kind)
        {
            case PqlTokenKind.String:
                return new LiteralValue(AttributeValue.FromS(token.Text));
            case PqlTokenKind.Number:
                return new LiteralValue(NumberLiteral(token.Text, path));
            case PqlTokenKind.Word when Peek.IsSymbol("("):
                throw PartiQLErrors.Validation($"Unsupported data type: {token.Text.ToLowerInvariant()} under key {path} at {At(token)}");
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
                    elements.Add(ParseValue($"{path}[{elements.Count}]"));
                }
                while (TakeSymbol(","));
                ExpectSymbol("]");
            }
            return new ListValue(elements);
        }
        if (token.IsSymbol("<<"))
        {
            if (TakeSymbol(">>"))
            {
                throw PartiQLErrors.Validation("Empty bags are not supported");
            }
            var elements = new List<ValueSyntax> { ParseValue(path) };
            while (TakeSymbol(","))
            {
                elements.Add(ParseValue(path));
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
                    members.Add((name.Text, ParseValue(isItem ? path : $"{path}.{name.Text}")));
                }
                while (TakeSymbol(","));
                ExpectSymbol("}");
            }
            return new MapValue(members);
        }
        throw Unexpected(token);
    }

    // A number literal is read as BigDecimal reads it: one it cannot convert does not parse at all (no detail
    // after the colon); one outside DynamoDB's rules gets the number's message and its place in the value.
    private static AttributeValue NumberLiteral(string text, string path)
    {
        if (DynamoNumber.TryParse(text, NumberReading.BigDecimal, out var number, out var error))
        {
            return AttributeValue.FromNumber(number);
        }
        throw error!.StartsWith("The parameter cannot be converted", StringComparison.Ordinal)
            ? PartiQLErrors.Malformed("")
            : PartiQLErrors.Validation($"{error} under {path}");
    }

    private PqlPath ParsePath()
    {
        var steps = new List<object> { ParseName() };
        while (true)
        {
            if (Peek.IsSymbol(".") && _tokens[_next + 1].Kind is PqlTokenKind.Word or PqlTokenKind.QuotedName)
            {
                Take();
                if (Peek.Kind == PqlTokenKind.Word && ReservedPathWords.Contains(Peek.Text))
                {
                    throw PartiQLErrors.Malformed("Invalid path dot component");
                }
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
