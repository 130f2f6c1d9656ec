using System.Text.Json.Nodes;

namespace FakeAws.Engine.StepFunctions.Jsonata;

/// <summary>
/// A path step that is an expression rather than a name (<c>items.(price * qty)</c>,
/// <c>items.$string(v)</c>, <c>items.{"k": v}</c>): evaluated once for each value the path before
/// it gives, with that value as the context item. Undefined results are dropped and array results
/// are flattened into the sequence, except the array an array constructor makes.
/// </summary>
internal sealed class MapStepNode(JsonataNode left, JsonataNode step, bool arrayConstructor) : JsonataNode
{
    // The step runs against each value of the left side.
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => [(left, true), (step, false)];

    protected override object? EvaluateNode(JsonataScope scope)
    {
        var input = left.Evaluate(scope);
        if (input is Undefined)
        {
            return input;
        }
        var items = input is JsonArray array ? array.ToList() : [input as JsonNode];
        var results = new List<JsonNode?>();
        object? function = null;
        foreach (var item in items)
        {
            switch (step.Evaluate(scope.Nested(item)))
            {
                case Undefined:
                    break;
                case JsonataFunction f:
                    function = f;
                    break;
                case JsonArray values when !arrayConstructor:
                    results.AddRange(values);
                    break;
                case var value:
                    results.Add(value as JsonNode);
                    break;
            }
        }
        return results.Count == 0 && function is not null ? function : JsonataValues.Sequence(results);
    }
}
