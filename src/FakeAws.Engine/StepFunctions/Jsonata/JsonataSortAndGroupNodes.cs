using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Jsonata;

/// <summary>
/// <c>path^(&gt;price, name)</c>: the path's results, sorted stably by each term in turn (evaluated
/// on the item; <c>&gt;</c> descending); an item whose term is undefined goes last, and the terms
/// must be all numbers or all strings (jsonata's T2008 and T2007).
/// </summary>
internal sealed class OrderByNode(JsonataNode left, IReadOnlyList<(JsonataNode Term, bool Descending)> terms) : JsonataNode
{
    // The sort terms run against each item of the left side.
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => [(left, true), .. terms.Select(t => (t.Term, false))];

    protected override object? EvaluateNode(JsonataScope scope)
    {
        var input = left.Evaluate(scope);
        if (input is Undefined)
        {
            return input;
        }
        var items = input is JsonArray array ? array.ToList() : [input as JsonNode];
        var keys = items.Select(item => terms.Select(t => t.Term.Evaluate(scope.Nested(item))).ToList()).ToList();
        var sorted = JsonataFunctions.MergeSort(Enumerable.Range(0, items.Count).ToList(), (a, b) => Compare(keys[a], keys[b]) > 0);
        return JsonataValues.Sequence(sorted.Select(i => items[i]).ToList());
    }

    private int Compare(List<object?> a, List<object?> b)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            var (x, y) = (a[i], b[i]);
            if (x is Undefined || y is Undefined)
            {
                if (x is Undefined && y is Undefined)
                {
                    continue;
                }
                return x is Undefined ? 1 : -1;
            }
            var xNumber = JsonataValues.IsNumber(x);
            var yNumber = JsonataValues.IsNumber(y);
            if (!xNumber && !JsonValues.IsString(x as JsonNode) || !yNumber && !JsonValues.IsString(y as JsonNode))
            {
                throw new JsonataException("T2008: The expressions within an order-by clause must evaluate to numeric or string values");
            }
            if (xNumber != yNumber)
            {
                throw new JsonataException("T2007: Type mismatch within order-by clause. All values must be of the same type");
            }
            var order = xNumber
                ? JsonataValues.Number(x).CompareTo(JsonataValues.Number(y))
                : string.CompareOrdinal(((JsonNode)x!).GetValue<string>(), ((JsonNode)y!).GetValue<string>());
            if (order != 0)
            {
                return terms[i].Descending ? -Math.Sign(order) : Math.Sign(order);
            }
        }
        return 0;
    }
}

/// <summary>
/// <c>path{key: value}</c>: groups the path's results by each pair's key (evaluated on the item),
/// then evaluates the pair's value on the group (the one item, or an array of them). Keys must be
/// strings (T1003); two pairs that make the same key fail with D1009.
/// </summary>
internal sealed class GroupNode(JsonataNode left, IReadOnlyList<(JsonataNode Key, JsonataNode Value)> members) : JsonataNode
{
    // The grouping expressions run against the items of the left side.
    public override IEnumerable<(JsonataNode Child, bool SameContext)> Children => [(left, true), .. members.SelectMany(m => new[] { (m.Key, false), (m.Value, false) })];

    protected override object? EvaluateNode(JsonataScope scope)
    {
        var input = left.Evaluate(scope);
        var items = input switch
        {
            JsonArray array => array.Select(item => (object?)item).ToList(),
            _ => [input],
        };
        if (items.Count == 0)
        {
            // As in jsonata: one undefined item, so that keys and values that read nothing still make members.
            items.Add(Undefined.Value);
        }
        var groups = new Dictionary<string, (int Pair, List<object?> Items)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var item in items)
        {
            for (var pair = 0; pair < members.Count; pair++)
            {
                var key = members[pair].Key.Evaluate(scope.Nested(item));
                if (key is Undefined)
                {
                    continue;
                }
                if (!JsonValues.IsString(key as JsonNode))
                {
                    throw new JsonataException("T1003: Key in object structure must evaluate to a string");
                }
                var name = ((JsonNode)key!).GetValue<string>();
                if (!groups.TryGetValue(name, out var group))
                {
                    groups[name] = (pair, [item]);
                    order.Add(name);
                }
                else if (group.Pair != pair)
                {
                    throw new JsonataException($"D1009: Multiple key definitions evaluate to same key: \"{name}\"");
                }
                else
                {
                    group.Items.Add(item);
                }
            }
        }
        var result = new JsonObject();
        foreach (var name in order)
        {
            var (pair, grouped) = groups[name];
            var context = grouped.Count == 1 ? grouped[0] : JsonataValues.Sequence(grouped.Select(i => i as JsonNode).ToList());
            var value = members[pair].Value.Evaluate(scope.Nested(context));
            if (value is not Undefined and not JsonataFunction)
            {
                result[name] = JsonValues.Clone(value as JsonNode);
            }
        }
        return result;
    }
}
