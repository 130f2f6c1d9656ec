using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Jsonata;

/// <summary>A path with an empty predicate on a step (<c>items[0].name[]</c>): a single value is kept in an array.</summary>
internal sealed class KeepArrayNode(JsonataNode path) : JsonataNode
{
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => [(path, true)];

    protected override object? EvaluateNode(JsonataScope scope) => path.Evaluate(scope) switch
    {
        JsonNode value and not JsonArray => new JsonArray(JsonValues.Clone(value)),
        null => new JsonArray((JsonNode?)null),
        var result => result,
    };
}
