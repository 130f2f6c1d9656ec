using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Intrinsics;

/// <summary>One intrinsic function: how many arguments it takes and what it does with them.</summary>
internal sealed class IntrinsicFunction(int min, int max, Func<IReadOnlyList<JsonNode?>, IntrinsicContext, JsonNode?> invoke)
{
    public int MinArguments { get; } = min;

    public int MaxArguments { get; } = max;

    public JsonNode? Invoke(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context) => invoke(arguments, context);

    /// <summary>The message for a call with the wrong number of arguments.</summary>
    public string ArityMessage(string name) => (MinArguments, MaxArguments) switch
    {
        (0, 0) => $"The function {name} takes no arguments",
        var (a, b) when a == b => $"The function {name} takes exactly {a} argument{(a == 1 ? "" : "s")}",
        (var a, int.MaxValue) => $"The function {name} takes at least {a} argument{(a == 1 ? "" : "s")}",
        var (a, b) => $"The function {name} takes {a} to {b} arguments",
    };
}

/// <summary>
/// Every intrinsic function of the Amazon States Language, by name. Each checks its arguments'
/// types and values and raises <see cref="IntrinsicException"/> when they are wrong.
/// </summary>
internal static partial class IntrinsicFunctions
{
    private static readonly Dictionary<string, IntrinsicFunction> All = new(StringComparer.Ordinal)
    {
        ["States.Format"] = new(1, int.MaxValue, Format),
        ["States.StringToJson"] = new(1, 1, StringToJson),
        ["States.JsonToString"] = new(1, 1, JsonToString),
        ["States.Array"] = new(0, int.MaxValue, Array),
        ["States.ArrayPartition"] = new(2, 2, ArrayPartition),
        ["States.ArrayContains"] = new(2, 2, ArrayContains),
        ["States.ArrayRange"] = new(3, 3, ArrayRange),
        ["States.ArrayGetItem"] = new(2, 2, ArrayGetItem),
        ["States.ArrayLength"] = new(1, 1, ArrayLength),
        ["States.ArrayUnique"] = new(1, 1, ArrayUnique),
        ["States.Base64Encode"] = new(1, 1, Base64Encode),
        ["States.Base64Decode"] = new(1, 1, Base64Decode),
        ["States.Hash"] = new(2, 2, Hash),
        ["States.JsonMerge"] = new(3, 3, JsonMerge),
        ["States.MathRandom"] = new(2, 3, MathRandom),
        ["States.MathAdd"] = new(2, 2, MathAdd),
        ["States.StringSplit"] = new(2, 2, StringSplit),
        ["States.UUID"] = new(0, 0, Uuid),
    };

    public static bool TryGet(string name, out IntrinsicFunction function) => All.TryGetValue(name, out function!);

    private static string StringArgument(string function, IReadOnlyList<JsonNode?> arguments, int index, string role)
    {
        var value = arguments[index];
        return JsonValues.AsString(value)
            ?? throw new IntrinsicException($"The {role} argument of {function} must be a string, but was: {JsonValues.Serialize(value)}");
    }

    private static JsonArray ArrayArgument(string function, IReadOnlyList<JsonNode?> arguments, int index, string role) =>
        arguments[index] as JsonArray
            ?? throw new IntrinsicException($"The {role} argument of {function} must be an array, but was: {JsonValues.Serialize(arguments[index])}");

    private static long IntegerArgument(string function, IReadOnlyList<JsonNode?> arguments, int index, string role)
    {
        var value = arguments[index];
        if (JsonValues.TryGetInteger(value, out var integer))
        {
            return integer;
        }
        throw new IntrinsicException($"The {role} argument of {function} must be an integer, but was: {JsonValues.Serialize(value)}");
    }

    private static double NumberArgument(string function, IReadOnlyList<JsonNode?> arguments, int index, string role)
    {
        var value = arguments[index];
        return JsonValues.Kind(value) == JsonValueKind.Number
            ? JsonValues.AsDouble(value!)
            : throw new IntrinsicException($"The {role} argument of {function} must be a number, but was: {JsonValues.Serialize(value)}");
    }
}
