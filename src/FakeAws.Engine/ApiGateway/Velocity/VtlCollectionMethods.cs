namespace FakeAws.Engine.ApiGateway.Velocity;

/// <summary>The methods of Java's <c>List</c> and <c>Map</c> that templates call; <c>add</c> and <c>put</c> change the value in place.</summary>
internal static class VtlCollectionMethods
{
    public static object? Invoke(List<object?> list, string name, IReadOnlyList<object?> a)
    {
        switch (name, a.Count)
        {
            case ("size", 0): return (long)list.Count;
            case ("isEmpty", 0): return list.Count == 0;
            case ("toString", 0): return VtlValues.Text(list);
            case ("get", 1) when VtlValues.Int(a[0]) is { } at:
                return at >= 0 && at < list.Count ? list[at] : throw new VtlException($"Index {at} out of bounds for length {list.Count}");
            case ("contains", 1): return list.Any(item => VtlValues.AreEqual(item, a[0]));
            case ("indexOf", 1): return (long)list.FindIndex(item => VtlValues.AreEqual(item, a[0]));
            case ("add", 1):
                list.Add(a[0]);
                return true;
            case ("add", 2) when VtlValues.Int(a[0]) is { } at && at >= 0 && at <= list.Count:
                list.Insert(at, a[1]);
                return "";
            case ("addAll", 1) when a[0] is List<object?> more:
                list.AddRange(more);
                return true;
            case ("set", 2) when VtlValues.Int(a[0]) is { } at && at >= 0 && at < list.Count:
                var previous = list[at];
                list[at] = a[1];
                return previous;
            case ("remove", 1) when VtlValues.Int(a[0]) is { } at && at >= 0 && at < list.Count:
                var removed = list[at];
                list.RemoveAt(at);
                return removed;
            case ("remove", 1):
                var index = list.FindIndex(item => VtlValues.AreEqual(item, a[0]));
                if (index >= 0)
                {
                    list.RemoveAt(index);
                }
                return index >= 0;
            case ("subList", 2) when VtlValues.Int(a[0]) is { } from && VtlValues.Int(a[1]) is { } to && from >= 0 && to <= list.Count && from <= to:
                return list.GetRange(from, to - from);
            case ("clear", 0):
                list.Clear();
                return "";
            default:
                return null;
        }
    }

    public static object? Invoke(OrderedDictionary<string, object?> map, string name, IReadOnlyList<object?> a)
    {
        switch (name, a.Count)
        {
            case ("size", 0): return (long)map.Count;
            case ("isEmpty", 0): return map.Count == 0;
            case ("toString", 0): return VtlValues.Text(map);
            case ("get", 1): return map.GetValueOrDefault(VtlValues.Text(a[0]));
            case ("getOrDefault", 2): return map.TryGetValue(VtlValues.Text(a[0]), out var found) ? found : a[1];
            case ("containsKey", 1): return map.ContainsKey(VtlValues.Text(a[0]));
            case ("containsValue", 1): return map.Values.Any(v => VtlValues.AreEqual(v, a[0]));
            case ("keySet", 0): return map.Keys.Cast<object?>().ToList();
            case ("values", 0): return map.Values.ToList();
            case ("entrySet", 0):
                return map.Select(e => (object?)VtlValues.Map([new("key", e.Key), new("value", e.Value)])).ToList();
            case ("put", 2):
                var key = VtlValues.Text(a[0]);
                var previous = map.GetValueOrDefault(key);
                map[key] = a[1];
                return previous;
            case ("putAll", 1) when a[0] is OrderedDictionary<string, object?> more:
                foreach (var (k, v) in more)
                {
                    map[k] = v;
                }
                return "";
            case ("remove", 1):
                return map.Remove(VtlValues.Text(a[0]), out var removed) ? removed : null;
            case ("clear", 0):
                map.Clear();
                return "";
            default:
                return null;
        }
    }
}
