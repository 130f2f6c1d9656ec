using System.Text.Json;

namespace FakeAws.Engine.Lambda.Filtering;

/// <summary>
/// One object of a filter pattern: each field names a member of the record and holds either a nested
/// pattern or the conditions of a leaf; every field must match (and), and of each <c>$or</c> list at
/// least one alternative. Fields are matched against the record's leaves, as EventBridge does: a field
/// whose value in the record is an object has no leaf there, so only <c>{"exists": false}</c> matches it.
/// </summary>
internal sealed class FilterPattern
{
    public Dictionary<string, FilterPattern> Nested { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<FilterCondition>> Leaves { get; } = new(StringComparer.Ordinal);

    public List<List<FilterPattern>> AnyOf { get; } = [];

    /// <summary>Whether the record's object <paramref name="value"/> (or an absent one: default) matches.</summary>
    public bool Matches(JsonElement value)
    {
        foreach (var (name, nested) in Nested)
        {
            if (!nested.Matches(Member(value, name)))
            {
                return false;
            }
        }
        foreach (var (name, conditions) in Leaves)
        {
            if (!MatchesLeaf(conditions, Member(value, name)))
            {
                return false;
            }
        }
        return AnyOf.All(alternatives => alternatives.Any(alternative => alternative.Matches(value)));
    }

    private static JsonElement Member(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var member) ? member : default;

    private static bool MatchesLeaf(List<FilterCondition> conditions, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Object:
                return conditions.Any(c => c.MatchesMissing);
            case JsonValueKind.Array:
                // An array matches when one of its values does; an empty one is no value at all.
                var values = value.EnumerateArray().Where(e => e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)).ToList();
                return values.Count == 0 ? conditions.Any(c => c.MatchesMissing) : values.Any(v => conditions.Any(c => c.Matches(v)));
            default:
                return conditions.Any(c => c.Matches(value));
        }
    }
}
