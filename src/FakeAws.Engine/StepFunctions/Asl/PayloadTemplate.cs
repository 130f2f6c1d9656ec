using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Intrinsics;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Asl;

/// <summary>
/// A payload template (Parameters, ResultSelector, ItemSelector, Assign): JSON in which a member whose
/// name ends in <c>.$</c> takes its value from a path or an intrinsic call, evaluated each time the
/// state runs. Objects nested in objects and arrays are templates too.
/// </summary>
internal sealed class PayloadTemplate
{
    private readonly Node _root;

    private PayloadTemplate(Node root) => _root = root;

    /// <summary>Compiles a template; the definition has already been validated.</summary>
    public static PayloadTemplate Compile(JsonNode? template) => new(CompileNode(template));

    /// <summary>Builds the value for one run.</summary>
    public JsonNode? Evaluate(IPayloadScope scope) => _root.Evaluate(scope);

    /// <summary>The members of an object template one by one, with their evaluated values (for Assign).</summary>
    public IEnumerable<KeyValuePair<string, JsonNode?>> EvaluateMembers(IPayloadScope scope) =>
        _root is ObjectNode obj
            ? obj.Members.Select(m => new KeyValuePair<string, JsonNode?>(m.Name, m.Value.Evaluate(scope))).ToList()
            : [];

    /// <summary>
    /// Compiles the expression of a <c>.$</c> member: a path, a context path, a variable or an
    /// intrinsic call. Throws <see cref="FormatException"/> when it is none of these.
    /// </summary>
    public static Expression CompileExpression(string field, string text)
    {
        if (IntrinsicCall.LooksLikeCall(text))
        {
            return new Expression(field, text, null, IntrinsicCall.Parse(text));
        }
        return new Expression(field, text, JsonPath.Parse(text), null);
    }

    private static Node CompileNode(JsonNode? template)
    {
        switch (template)
        {
            case JsonObject obj:
                var members = new List<Member>();
                foreach (var (key, value) in obj)
                {
                    if (key.EndsWith(".$", StringComparison.Ordinal) && JsonValues.AsString(value) is { } text)
                    {
                        members.Add(new Member(key[..^2], new ExpressionNode(CompileExpression(key, text))));
                    }
                    else
                    {
                        members.Add(new Member(key, CompileNode(value)));
                    }
                }
                return new ObjectNode(members);
            case JsonArray array:
                return new ArrayNode(array.Select(CompileNode).ToList());
            default:
                return new ConstantNode(template);
        }
    }

    /// <summary>A path or intrinsic call, with the field it was written for (for error messages).</summary>
    internal sealed record Expression(string Field, string Text, JsonPath? Path, IntrinsicCall? Call)
    {
        public JsonNode? Evaluate(IPayloadScope scope) => Path is not null
            ? scope.SelectForField(Path, Field)
            : scope.Invoke(Call!);
    }

    private abstract class Node
    {
        public abstract JsonNode? Evaluate(IPayloadScope scope);
    }

    private sealed class ConstantNode(JsonNode? value) : Node
    {
        public override JsonNode? Evaluate(IPayloadScope scope) => JsonValues.Clone(value);
    }

    private sealed class ExpressionNode(Expression expression) : Node
    {
        public override JsonNode? Evaluate(IPayloadScope scope) => expression.Evaluate(scope);
    }

    private sealed record Member(string Name, Node Value);

    private sealed class ObjectNode(List<Member> members) : Node
    {
        public List<Member> Members { get; } = members;

        public override JsonNode? Evaluate(IPayloadScope scope)
        {
            var result = new JsonObject();
            foreach (var member in Members)
            {
                result[member.Name] = member.Value.Evaluate(scope);
            }
            return result;
        }
    }

    private sealed class ArrayNode(List<Node> items) : Node
    {
        public override JsonNode? Evaluate(IPayloadScope scope) => new JsonArray(items.Select(i => i.Evaluate(scope)).ToArray());
    }
}

/// <summary>What a payload template reads while it is evaluated.</summary>
internal interface IPayloadScope
{
    /// <summary>The value a path selects for the member <paramref name="field"/>; throws the state's error when it selects nothing.</summary>
    JsonNode? SelectForField(JsonPath path, string field);

    /// <summary>Runs an intrinsic call; throws the state's error when it fails.</summary>
    JsonNode? Invoke(IntrinsicCall call);
}
