using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Intrinsics;

// States.Array and the States.Array* functions.
internal static partial class IntrinsicFunctions
{
    /// <summary>The most items States.ArrayRange may produce.</summary>
    private const int MaxRangeItems = 1000;

    private static JsonNode? Array(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context) =>
        new JsonArray(arguments.Select(JsonValues.Clone).ToArray());

    private static JsonNode? ArrayPartition(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context)
    {
        var array = ArrayArgument("States.ArrayPartition", arguments, 0, "first");
        var size = IntegerArgument("States.ArrayPartition", arguments, 1, "second");
        if (size <= 0)
        {
            throw new IntrinsicException($"The chunk size of States.ArrayPartition must be a positive integer, but was: {size}");
        }
        var result = new JsonArray();
        for (var start = 0; start < array.Count; start += (int)Math.Min(size, int.MaxValue))
        {
            var chunk = new JsonArray();
            for (var i = start; i < array.Count && i < start + size; i++)
            {
                chunk.Add(JsonValues.Clone(array[i]));
            }
            result.Add(chunk);
        }
        return result;
    }

    private static JsonNode? ArrayContains(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context)
    {
        var array = ArrayArgument("States.ArrayContains", arguments, 0, "first");
        return JsonValue.Create(array.Any(item => JsonValues.DeepEquals(item, arguments[1])));
    }

    private static JsonNode? ArrayRange(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context)
    {
        var start = IntegerArgument("States.ArrayRange", arguments, 0, "first");
        var end = IntegerArgument("States.ArrayRange", arguments, 1, "second");
        var step = IntegerArgument("States.ArrayRange", arguments, 2, "third");
        if (step == 0)
        {
            throw new IntrinsicException("The step of States.ArrayRange must not be 0");
        }
        var result = new JsonArray();
        for (var value = start; step > 0 ? value <= end : value >= end; value += step)
        {
            if (result.Count == MaxRangeItems)
            {
                throw new IntrinsicException($"States.ArrayRange cannot produce more than {MaxRangeItems} items");
            }
            result.Add(value);
        }
        return result;
    }

    private static JsonNode? ArrayGetItem(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context)
    {
        var array = ArrayArgument("States.ArrayGetItem", arguments, 0, "first");
        var index = IntegerArgument("States.ArrayGetItem", arguments, 1, "second");
        if (index < 0 || index >= array.Count)
        {
            throw new IntrinsicException($"The index {index} is out of bounds for an array of {array.Count} items in States.ArrayGetItem");
        }
        return JsonValues.Clone(array[(int)index]);
    }

    private static JsonNode? ArrayLength(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context) =>
        JsonValue.Create(ArrayArgument("States.ArrayLength", arguments, 0, "first").Count);

    private static JsonNode? ArrayUnique(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context)
    {
        var array = ArrayArgument("States.ArrayUnique", arguments, 0, "first");
        var result = new JsonArray();
        var seen = new List<JsonNode?>();
        foreach (var item in array)
        {
            if (!seen.Any(s => JsonValues.DeepEquals(s, item)))
            {
                seen.Add(item);
                result.Add(JsonValues.Clone(item));
            }
        }
        return result;
    }
}
