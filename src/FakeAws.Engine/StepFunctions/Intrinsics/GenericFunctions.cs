using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Intrinsics;

// States.Format, States.StringToJson, States.JsonToString and States.UUID.
internal static partial class IntrinsicFunctions
{
    /// <summary>
    /// Replaces each <c>{}</c> of the template with the next argument: strings as they are, other
    /// values as Java renders them (<c>{a=1}</c>, <c>[1, 2]</c>), as AWS does.
    /// </summary>
    private static JsonNode? Format(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context)
    {
        var template = StringArgument("States.Format", arguments, 0, "first");
        var builder = new StringBuilder();
        var next = 1;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '\\' && i + 1 < template.Length && template[i + 1] is '{' or '}')
            {
                builder.Append(template[++i]);
            }
            else if (c == '{' && i + 1 < template.Length && template[i + 1] == '}')
            {
                if (next >= arguments.Count)
                {
                    throw new IntrinsicException(
                        $"The number of arguments of States.Format ({arguments.Count - 1}) does not match the number of placeholders in its template");
                }
                builder.Append(JsonValues.ToJavaString(arguments[next++]));
                i++;
            }
            else
            {
                builder.Append(c);
            }
        }
        if (next != arguments.Count)
        {
            throw new IntrinsicException(
                $"The number of arguments of States.Format ({arguments.Count - 1}) does not match the number of placeholders in its template");
        }
        return JsonValue.Create(builder.ToString());
    }

    private static JsonNode? StringToJson(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context)
    {
        var text = StringArgument("States.StringToJson", arguments, 0, "first");
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            return JsonValues.Parse(text);
        }
        catch (JsonException)
        {
            throw new IntrinsicException($"The argument of States.StringToJson is not valid JSON: {text}");
        }
    }

    private static JsonNode? JsonToString(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context) =>
        JsonValue.Create(JsonValues.Serialize(arguments[0]));

    private static JsonNode? Uuid(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context) =>
        JsonValue.Create(context.NewGuid().ToString());
}
