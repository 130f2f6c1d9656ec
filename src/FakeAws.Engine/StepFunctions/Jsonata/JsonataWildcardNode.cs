using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Jsonata;

/// <summary>
/// The wildcards as path steps, for each value the path before them gives (the context item when
/// first): <c>*</c> is the values of an object's fields, arrays flattened; <c>**</c> is every value
/// below, the value itself included, as jsonata's evaluateWildcard and evaluateDescendants make them.
/// (jsonata 2.0.6 also puts an undefined item in <c>*</c>'s result for each empty array it appends;
/// FakeAws does not.)
/// </summary>
internal sealed class WildcardNode(JsonataNode? left, bool descendants) : JsonataNode
{
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => left is null ? [] : [(left, true)];

    protected override object? EvaluateNode(JsonataScope scope)
    {
        var input = left is null ? scope.Context : left.Evaluate(scope);
        if (input is Undefined)
        {
            return input;
        }
        var results = new List<JsonNode?>();
        var appended = false;
        foreach (var item in input is JsonArray array && left is not null ? array.ToList() : [input as JsonNode])
        {
            if (descendants)
            {
                Descend(item, results);
            }
            else if (item is JsonObject obj)
            {
                foreach (var (_, value) in obj)
                {
                    if (value is JsonArray values)
                    {
                        Flatten(values, results);
                        appended = true;
                    }
                    else
                    {
                        results.Add(value);
                    }
                }
            }
        }
        // jsonata appends a field's array with $append, which leaves a plain array: one item is not unwrapped.
        return appended ? new JsonArray(results.Select(JsonValues.Clone).ToArray()) : JsonataValues.Sequence(results);
    }

    private static void Flatten(JsonArray array, List<JsonNode?> results)
    {
        foreach (var item in array)
        {
            if (item is JsonArray nested)
            {
                Flatten(nested, results);
            }
            else
            {
                results.Add(item);
            }
        }
    }

    private static void Descend(JsonNode? value, List<JsonNode?> results)
    {
        switch (value)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Descend(item, results);
                }
                break;
            case JsonObject obj:
                results.Add(obj);
                foreach (var (_, member) in obj)
                {
                    Descend(member, results);
                }
                break;
            default:
                results.Add(value);
                break;
        }
    }
}
