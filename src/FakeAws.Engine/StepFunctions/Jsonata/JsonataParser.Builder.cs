using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Jsonata;

internal sealed partial class JsonataParser
{
    /// <summary>
    /// jsonata's post-parse stage over the syntax tree: the errors it raises there (S0201, S0207,
    /// S0209, S0210, S0213, S0215, S0216, and S0217 from <see cref="Ancestry"/>), and the nodes FakeAws evaluates. What FakeAws cannot
    /// evaluate yet is noted, not thrown at once, so that a syntax error later in the walk is still
    /// the answer.
    /// </summary>
    private sealed class Builder
    {
        private string? _unsupported;
        private bool _parent;

        /// <summary>A name of the path being built has an empty predicate (<c>a[]</c>).</summary>
        private bool _keepArray;
        private int _depth;

        public JsonataNode BuildAll(Syntax tree)
        {
            var node = Build(tree);
            if (_parent)
            {
                Ancestry.Check(tree);
            }
            if (_unsupported is not null)
            {
                throw new FormatException($"FakeAws does not support {_unsupported} in JSONata expressions yet");
            }
            return node;
        }

        /// <param name="s">The node.</param>
        /// <param name="continued">The node is the left side of a predicate, grouping, sort or binding that continues its path.</param>
        private JsonataNode Build(Syntax s, bool continued = false)
        {
            if (++_depth > NestingLimits.JsonataTree)
            {
                throw new NestingTooDeepException($"nests more than {NestingLimits.JsonataTree} levels deep");
            }
            // A path with an empty predicate on one of its names keeps a singleton result in an array.
            var outer = _keepArray;
            _keepArray = false;
            var node = BuildNode(s);
            _depth--;
            if (_keepArray && IsPath(s) && !continued)
            {
                node = new KeepArrayNode(node);
                _keepArray = false;
            }
            _keepArray |= outer;
            if (s.KeepArray && s.Type != "name")
            {
                return Unsupported("the empty predicate '[]' after anything but a name");
            }
            return node;
        }

        private JsonataNode BuildNode(Syntax s)
        {
            switch (s.Type)
            {
                case "binary":
                    return BuildBinary(s);
                case "unary":
                    return s.Id switch
                    {
                        "[" => new ArrayNode(s.Items.Select(item => item is { Type: "binary", Id: ".." }
                            ? new RangeNode(Build(item.Lhs!), Build(item.Rhs!))
                            : Build(item)).ToList()),
                        "{" => new ObjectNode(BuildPairs(s)),
                        _ => BuildNegation(s),
                    };
                case "function" or "partial":
                    var arguments = BuildArguments(s);
                    return new CallNode(Build(s.Expression!), arguments);
                case "lambda":
                    var body = Build(s.Body!);
                    return s.HasSignature
                        ? Unsupported("a function signature ('<...>')")
                        : new LambdaNode(s.Items.Select(p => (string)p.Value!).ToList(), body);
                case "condition":
                    return new ConditionalNode(Build(s.Lhs!), Build(s.Rhs!), s.Else is null ? null : Build(s.Else));
                case "transform":
                    Build(s.Expression!);
                    Build(s.Rhs!);
                    if (s.Delete is not null)
                    {
                        Build(s.Delete);
                    }
                    return Unsupported("transforms ('| ... |')");
                case "block":
                    return new BlockNode(s.Items.Select(item => Build(item)).ToList());
                case "name":
                    _keepArray |= s.KeepArray;
                    return new StepNode(null, (string)s.Value!);
                case "parent":
                    _parent = true;
                    return Unsupported("the parent operator ('%')");
                case "wildcard" or "descendant":
                    return new WildcardNode(null, s.Type == "descendant");
                case "string" or "number" or "value":
                    return new LiteralNode(Literal(s));
                case "variable":
                    return new VariableNode((string)s.Value!);
                case "regex":
                    var regex = (JsonataLexer.RegexLiteral)s.Value!;
                    return new RegexNode(JsonataRegex.Create(regex.Pattern, regex.Flags));
                case "operator" when s.Id is "and" or "or" or "in":
                    // The keywords are field names where an operand is expected.
                    return new StepNode(null, s.Id);
                case "operator":
                    throw JsonataSyntaxException.Create("S0201", s.Value);
                default:
                    throw JsonataSyntaxException.Create("S0207");
            }
        }

        private JsonataNode BuildBinary(Syntax s)
        {
            switch (s.Id)
            {
                case ".":
                    return BuildPath(s);
                case "[":
                    var filtered = Build(s.Lhs!, continued: true);
                    if (s.Lhs is { Type: "binary", Id: "{" } && !IsPath(s.Lhs))
                    {
                        throw JsonataSyntaxException.Create("S0209");
                    }
                    return new FilterNode(filtered, Build(s.Rhs!));
                case "{":
                    var grouped = Build(s.Lhs!, continued: true);
                    if (HasGroup(s.Lhs!))
                    {
                        throw JsonataSyntaxException.Create("S0210");
                    }
                    return new GroupNode(grouped, BuildPairs(s));
                case "^":
                    return new OrderByNode(Build(s.Lhs!, continued: true), s.Terms.Select(t => (Build(t.Term), t.Descending)).ToList());
                case ":=":
                    return new BindNode((string)s.Lhs!.Value!, Build(s.Rhs!));
                case "@":
                    Build(s.Lhs!, continued: true);
                    if (s.Lhs is { Type: "binary", Id: "[" })
                    {
                        throw JsonataSyntaxException.Create("S0215");
                    }
                    if (s.Lhs is { Type: "binary", Id: "^" })
                    {
                        throw JsonataSyntaxException.Create("S0216");
                    }
                    return Unsupported("the focus variable binding ('@$v')");
                case "#":
                    Build(s.Lhs!, continued: true);
                    return Unsupported("the index variable binding ('#$i')");
                case "~>":
                    return new ChainNode(Build(s.Lhs!), Build(s.Rhs!));
                case "and" or "or":
                    return new LogicalNode(s.Id == "and", Build(s.Lhs!), Build(s.Rhs!));
                default:
                    return new BinaryNode(s.Id, Build(s.Lhs!), Build(s.Rhs!));
            }
        }

        /// <summary><c>a.b</c>: the steps on the left, then the one on the right, which reads each value the left gives.</summary>
        private JsonataNode BuildPath(Syntax s)
        {
            var left = BuildStep(s.Lhs!, null);
            var path = BuildStep(s.Rhs!, left);
            // As jsonata, the literal steps are refused once both sides are built: "5." is S0207, not S0213.
            CheckStep(s.Lhs!);
            CheckStep(s.Rhs!);
            return path;
        }

        /// <summary>S0213 for a step that is a number, true, false or null.</summary>
        private static void CheckStep(Syntax step)
        {
            while (step is { Type: "binary", Id: "[" })
            {
                step = step.Lhs!;
            }
            var literal = Literal(step);
            if (step.Type is "number" or "value" || step is { Type: "unary", Id: "-" } && literal is not null)
            {
                throw JsonataSyntaxException.Create("S0213", value: step.Type == "value" ? step.Value : JsonValues.AsDouble(literal!));
            }
        }

        /// <summary>
        /// One step of a path, reading from <paramref name="left"/> (the context item when null): a
        /// name (a string literal is one here), a step with predicates, a call, or any expression,
        /// evaluated for each value.
        /// </summary>
        private JsonataNode BuildStep(Syntax step, JsonataNode? left)
        {
            switch (step)
            {
                case { Type: "binary", Id: "." } when left is null:
                    return BuildPath(step);
                case { Type: "name" or "string" }:
                    _keepArray |= step.KeepArray;
                    return new StepNode(left, (string)step.Value!);
                case { Type: "operator", Id: "and" or "or" or "in" }:
                    return new StepNode(left, step.Id);
                case { Type: "wildcard" or "descendant" } when left is not null:
                    return new WildcardNode(left, step.Type == "descendant");
                case { Type: "binary", Id: "[" } when left is not null:
                    return new FilterNode(BuildStep(step.Lhs!, left), Build(step.Rhs!));
                case { Type: "function" or "partial", Expression.Type: "name" } when left is not null:
                    var arguments = BuildArguments(step);
                    return new CallNode(BuildStep(step.Expression!, left), arguments);
            }
            var expression = Build(step);
            return left is null ? expression : new MapStepNode(left, expression, step is { Type: "unary", Id: "[" });
        }

        /// <summary>
        /// A run of minus signs, built in a loop: over a number they fold into it, as jsonata folds each
        /// sign into the number it precedes; over anything else each is a negation.
        /// </summary>
        private JsonataNode BuildNegation(Syntax s)
        {
            if (SignedNumber(s, out var operand) is { } number)
            {
                return new LiteralNode(number);
            }
            var node = Build(operand);
            for (var sign = s; sign != operand; sign = sign.Expression!)
            {
                node = new NegateNode(node);
            }
            return node;
        }

        /// <summary>A call's arguments, null for each <c>?</c> of a partial application.</summary>
        private List<JsonataNode?> BuildArguments(Syntax call) =>
            call.Items.Select(a => a is { Type: "operator", Id: "?" } ? null : Build(a)).ToList();

        private List<(JsonataNode, JsonataNode)> BuildPairs(Syntax s) => s.Pairs.Select(p => (Build(p.Key), Build(p.Value))).ToList();

        /// <summary>The value of a literal, or of a minus sign before a number (which jsonata folds into it); null for anything else.</summary>
        private static JsonNode? Literal(Syntax s) => s switch
        {
            { Type: "number" } => JsonValues.Parse(s.Text!),
            { Type: "string" } => JsonValue.Create((string)s.Value!),
            { Type: "value", Value: bool b } => JsonValue.Create(b),
            { Type: "unary", Id: "-" } => SignedNumber(s, out _),
            _ => null,
        };

        /// <summary>The number a run of minus signs folds into, or null when they precede something else (its operand in <paramref name="operand"/>).</summary>
        private static JsonNode? SignedNumber(Syntax s, out Syntax operand)
        {
            var signs = 0;
            operand = s;
            while (operand is { Type: "unary", Id: "-" })
            {
                signs++;
                operand = operand.Expression!;
            }
            return operand.Type == "number" ? JsonValues.Parse(signs % 2 == 0 ? operand.Text! : "-" + operand.Text) : null;
        }

        /// <summary>Whether jsonata's post-parse stage makes a path of the node (a name, steps, a sort), where a grouping sits on the path rather than a step.</summary>
        private static bool IsPath(Syntax s) => s switch
        {
            { Type: "name" } or { Type: "operator", Id: "and" or "or" or "in" } => true,
            { Type: "binary", Id: "." or "^" or "#" } => true,
            { Type: "binary", Id: "[" or "{" or "@" } => IsPath(s.Lhs!),
            _ => false,
        };

        /// <summary>Whether the node already carries a grouping, so that another is S0210.</summary>
        private static bool HasGroup(Syntax s) => s switch
        {
            { Type: "binary", Id: "{" } => true,
            { Type: "binary", Id: "[" or "." or "^" or "#" } => IsPath(s.Lhs!) && HasGroup(s.Lhs!),
            { Type: "binary", Id: "@" } => HasGroup(s.Lhs!),
            _ => false,
        };

        private JsonataNode Unsupported(string feature)
        {
            _unsupported ??= feature;
            return new LiteralNode(null);
        }
    }
}
