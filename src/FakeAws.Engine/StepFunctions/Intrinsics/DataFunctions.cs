using System.Text;
using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Intrinsics;

// States.JsonMerge, States.StringSplit, States.MathRandom and States.MathAdd.
internal static partial class IntrinsicFunctions
{
    /// <summary>Merges two objects, the second's members winning. AWS only does the shallow merge.</summary>
    private static JsonNode? JsonMerge(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context)
    {
        if (arguments[0] is not JsonObject left)
        {
            throw new IntrinsicException($"The first argument of States.JsonMerge must be an object, but was: {JsonValues.Serialize(arguments[0])}");
        }
        if (arguments[1] is not JsonObject right)
        {
            throw new IntrinsicException($"The second argument of States.JsonMerge must be an object, but was: {JsonValues.Serialize(arguments[1])}");
        }
        if (!JsonValues.IsBoolean(arguments[2]))
        {
            throw new IntrinsicException($"The third argument of States.JsonMerge must be a boolean, but was: {JsonValues.Serialize(arguments[2])}");
        }
        if (arguments[2]!.GetValue<bool>())
        {
            throw new IntrinsicException("States.JsonMerge only supports the shallow merge: its third argument must be false");
        }
        var merged = (JsonObject)left.DeepClone();
        foreach (var (key, value) in right)
        {
            merged[key] = JsonValues.Clone(value);
        }
        return merged;
    }

    /// <summary>Splits on any of the delimiter's characters and drops empty pieces, as Java's StringTokenizer does.</summary>
    private static JsonNode? StringSplit(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context)
    {
        var text = StringArgument("States.StringSplit", arguments, 0, "first");
        var delimiters = StringArgument("States.StringSplit", arguments, 1, "second");
        var result = new JsonArray();
        var piece = new StringBuilder();
        foreach (var c in text)
        {
            if (delimiters.Contains(c))
            {
                if (piece.Length > 0)
                {
                    result.Add(piece.ToString());
                    piece.Clear();
                }
            }
            else
            {
                piece.Append(c);
            }
        }
        if (piece.Length > 0)
        {
            result.Add(piece.ToString());
        }
        return result;
    }

    /// <summary>
    /// A random integer from start (inclusive) to end (exclusive); the execution's seeded generator
    /// unless a seed is given. Non-integer bounds are rounded as States.MathAdd rounds its operands.
    /// </summary>
    private static JsonNode? MathRandom(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context)
    {
        var start = RoundedArgument("States.MathRandom", arguments, 0, "first");
        var end = RoundedArgument("States.MathRandom", arguments, 1, "second");
        if (start >= end)
        {
            throw new IntrinsicException($"The start of States.MathRandom ({start}) must be less than its end ({end})");
        }
        var random = arguments.Count == 3
            ? new Random((int)IntegerArgument("States.MathRandom", arguments, 2, "third"))
            : context.Random;
        lock (random)
        {
            return JsonValue.Create(random.NextInt64(start, end));
        }
    }

    /// <summary>
    /// The sum of two numbers, each first rounded to an integer: AWS adds integers only, so
    /// <c>1.49 + 1.5</c> is 3 and <c>-1.5 + 0</c> is -1 (recorded against AWS).
    /// </summary>
    private static JsonNode? MathAdd(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context) =>
        JsonValue.Create(
            RoundedArgument("States.MathAdd", arguments, 0, "first")
            + RoundedArgument("States.MathAdd", arguments, 1, "second"));

    /// <summary>
    /// A number argument rounded to the nearest integer with halves going up (towards positive
    /// infinity), as Java's Math.round does: 2.5 is 3 and -2.5 is -2.
    /// </summary>
    private static long RoundedArgument(string function, IReadOnlyList<JsonNode?> arguments, int index, string role) =>
        JsonValues.TryGetInteger(arguments[index], out var integer)
            ? integer
            : (long)Math.Floor(NumberArgument(function, arguments, index, role) + 0.5);
}
