namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>
/// A compiled ProjectionExpression or AttributesToGet: the document paths to keep. Applying it keeps
/// only those parts of an item, nested in the same maps and lists as in the item; a list keeps just
/// the projected elements, in their order, and a map or list left with nothing disappears.
/// </summary>
internal sealed class Projection
{
    private readonly Node _root = new();
    private readonly string[]? _topLevelNames;

    /// <param name="paths">Paths that neither overlap nor conflict (the caller has checked).</param>
    public Projection(IReadOnlyList<DocumentPath> paths)
    {
        Paths = paths;
        var topLevelOnly = true;
        foreach (var path in paths)
        {
            topLevelOnly &= !path.IsNested;
            _root.Add(path, 0);
        }
        _topLevelNames = topLevelOnly ? paths.Select(p => p.Root).ToArray() : null;
    }

    /// <summary>The projected paths, as written (placeholders resolved).</summary>
    public IReadOnlyList<DocumentPath> Paths { get; }

    /// <summary>The top-level attributes the projection reads, for index-projection checks.</summary>
    public IEnumerable<string> TopLevelAttributes => Paths.Select(p => p.Root).Distinct();

    /// <summary>The projected parts of <paramref name="item"/>, as a new item.</summary>
    public Dictionary<string, AttributeValue> Apply(IReadOnlyDictionary<string, AttributeValue> item)
    {
        if (_topLevelNames is not null)
        {
            // The common case: plain attribute names, no tree to walk.
            var selected = new Dictionary<string, AttributeValue>(_topLevelNames.Length);
            foreach (var name in _topLevelNames)
            {
                if (item.TryGetValue(name, out var value))
                {
                    selected[name] = value;
                }
            }
            return selected;
        }
        return ProjectMembers(item, _root.Members!)!;
    }

    private static Dictionary<string, AttributeValue>? ProjectMembers(IReadOnlyDictionary<string, AttributeValue> map, Dictionary<string, Node> members)
    {
        var result = new Dictionary<string, AttributeValue>(members.Count);
        foreach (var (name, child) in members)
        {
            if (map.TryGetValue(name, out var value) && Project(value, child) is { } projected)
            {
                result[name] = projected;
            }
        }
        return result;
    }

    private static AttributeValue? Project(AttributeValue value, Node node)
    {
        if (node.IsLeaf)
        {
            return value;
        }
        if (node.Members is not null)
        {
            return value.Type == AttributeType.M && ProjectMembers(value.M, node.Members) is { Count: > 0 } members
                ? AttributeValue.FromM(members)
                : null;
        }
        if (value.Type != AttributeType.L)
        {
            return null;
        }
        var elements = new List<AttributeValue>(node.Elements!.Count);
        foreach (var (index, child) in node.Elements)
        {
            if (index < value.L.Count && Project(value.L[index], child) is { } projected)
            {
                elements.Add(projected);
            }
        }
        return elements.Count > 0 ? AttributeValue.FromL(elements) : null;
    }

    private sealed class Node : PathNode<Node>
    {
        public bool IsLeaf { get; private set; }

        public void Add(DocumentPath path, int depth)
        {
            if (depth == path.Length)
            {
                IsLeaf = true;
                return;
            }
            Child(path.Elements[depth]).Add(path, depth + 1);
        }
    }}
