using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Jsonata;

namespace FakeAws.Engine.StepFunctions.Asl;

/// <summary>A JSONata field's value failed to evaluate; the message is the detail AWS writes after the state prefix.</summary>
internal sealed class JsonataFieldException(string field, string message) : Exception(message)
{
    /// <summary>The field as AWS locates it, for example <c>Output/result</c>.</summary>
    public string Field { get; } = field;
}

/// <summary>
/// The value of a field of a JSONata state (Output, Arguments, Assign, Items, Condition...): JSON
/// in which each string written as <c>{% expression %}</c> is a JSONata expression, evaluated each
/// time the state runs; any other value is taken as it is.
/// </summary>
internal sealed partial class JsonataTemplate
{
    [GeneratedRegex("^[A-Z][0-9]{4}: ")]
    private static partial Regex ErrorCode();

    private readonly Node _root;

    private JsonataTemplate(Node root) => _root = root;

    /// <summary>Whether a string is written as a JSONata expression.</summary>
    public static bool IsExpressionText(string text) =>
        text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal) && text.Length >= 4;

    /// <summary>
    /// Compiles the value of <paramref name="field"/>: throws <see cref="JsonataSyntaxException"/>
    /// (naming the field, such as <c>Output/items[0]</c>) for an expression jsonata does not parse,
    /// and <see cref="FormatException"/> for one that uses what FakeAws cannot evaluate yet.
    /// </summary>
    public static JsonataTemplate Compile(JsonNode? template, string field) => new(CompileNode(template, field));

    /// <summary>Evaluates the template; names resolve through <paramref name="lookup"/>.</summary>
    /// <exception cref="JsonataFieldException">An expression returned nothing or a function, or failed.</exception>
    public JsonNode? Evaluate(Func<string, object?> lookup) => _root.Evaluate(lookup);

    /// <summary>The members of an object template one by one, evaluated (for Assign).</summary>
    public IEnumerable<KeyValuePair<string, JsonNode?>> EvaluateMembers(Func<string, object?> lookup) =>
        _root is ObjectNode obj
            ? obj.Members.Select(m => new KeyValuePair<string, JsonNode?>(m.Name, m.Value.Evaluate(lookup))).ToList()
            : [];

    /// <summary>The expression text when the template is one expression, for messages.</summary>
    public string? ExpressionText => (_root as ExpressionNode)?.Text;

    /// <summary>The field of the template as AWS names it.</summary>
    public string Field => _root.Field;

    /// <summary>Each expression of the template with the field AWS names it by (<c>Output/items[0]</c>).</summary>
    public IEnumerable<(string Field, JsonataNode Expression)> Expressions => ExpressionsOf(_root);

    private static IEnumerable<(string Field, JsonataNode Expression)> ExpressionsOf(Node node) => node switch
    {
        ExpressionNode expression => [(expression.Field, expression.Expression)],
        ObjectNode obj => obj.Members.SelectMany(m => ExpressionsOf(m.Value)),
        ArrayNode array => array.Items.SelectMany(ExpressionsOf),
        _ => [],
    };

    private static Node CompileNode(JsonNode? template, string field)
    {
        switch (template)
        {
            case JsonObject obj:
                return new ObjectNode(field, obj.Select(m => new Member(m.Key, CompileNode(m.Value, $"{field}/{m.Key}"))).ToList());
            case JsonArray array:
                return new ArrayNode(field, array.Select((item, i) => CompileNode(item, $"{field}[{i}]")).ToList());
            default:
                if (JsonValues.AsString(template) is { } text && IsExpressionText(text))
                {
                    var expression = text[2..^2].Trim();
                    try
                    {
                        return new ExpressionNode(field, expression, JsonataParser.Parse(expression));
                    }
                    catch (NestingTooDeepException e)
                    {
                        // The text is left out: it is what is too large.
                        throw new NestingTooDeepException($"The JSONata expression specified for the field '{field}' {e.Message}");
                    }
                    catch (JsonataSyntaxException e)
                    {
                        throw new JsonataSyntaxException(e.Code, e.Message) { Field = field };
                    }
                    catch (FormatException e)
                    {
                        throw new FormatException($"the JSONata expression '{expression}' of the field '{field}': {e.Message}", e);
                    }
                }
                return new ConstantNode(field, template);
        }
    }

    private abstract class Node(string field)
    {
        public string Field { get; } = field;

        public abstract JsonNode? Evaluate(Func<string, object?> lookup);
    }

    private sealed class ConstantNode(string field, JsonNode? value) : Node(field)
    {
        public override JsonNode? Evaluate(Func<string, object?> lookup) => JsonValues.Clone(value);
    }

    private sealed class ExpressionNode(string field, string text, JsonataNode expression) : Node(field)
    {
        public string Text { get; } = text;

        public JsonataNode Expression { get; } = expression;

        public override JsonNode? Evaluate(Func<string, object?> lookup)
        {
            object? result;
            try
            {
                result = Expression.Evaluate(new JsonataScope(lookup, Undefined.Value));
            }
            catch (JsonataException e)
            {
                // jsonata's own errors follow a full stop (". T2001: ..."), the evaluation bounds a colon.
                var separator = ErrorCode().IsMatch(e.Message) ? "." : ":";
                throw new JsonataFieldException(Field, $"The JSONata expression '{Text}' specified for the field '{Field}' threw an error during evaluation{separator} {e.Message}");
            }
            return result switch
            {
                Undefined => throw new JsonataFieldException(Field, $"The JSONata expression '{Text}' specified for the field '{Field}' returned nothing (undefined)."),
                JsonataFunction => throw new JsonataFieldException(Field, $"The JSONata expression '{Text}' specified for the field '{Field}' returned an unsupported result type."),
                _ => JsonValues.Clone(result as JsonNode),
            };
        }
    }

    private sealed record Member(string Name, Node Value);

    private sealed class ObjectNode(string field, List<Member> members) : Node(field)
    {
        public List<Member> Members { get; } = members;

        public override JsonNode? Evaluate(Func<string, object?> lookup)
        {
            var result = new JsonObject();
            foreach (var member in Members)
            {
                result[member.Name] = member.Value.Evaluate(lookup);
            }
            return result;
        }
    }

    private sealed class ArrayNode(string field, List<Node> items) : Node(field)
    {
        public List<Node> Items { get; } = items;

        public override JsonNode? Evaluate(Func<string, object?> lookup) => new JsonArray(Items.Select(i => i.Evaluate(lookup)).ToArray());
    }
}
