namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>
/// A node of a tree of document paths, as projections and updates arrange them: below it, named
/// map members or list elements by index (never both, since overlapping and conflicting paths are
/// refused before a tree is built).
/// </summary>
internal abstract class PathNode<TNode> where TNode : PathNode<TNode>, new()
{
    public Dictionary<string, TNode>? Members { get; private set; }

    public SortedDictionary<int, TNode>? Elements { get; private set; }

    /// <summary>The child for one step of a path, made on first use.</summary>
    protected TNode Child(PathElement element)
    {
        TNode? child;
        if (element.IsIndex)
        {
            Elements ??= [];
            if (!Elements.TryGetValue(element.Index, out child))
            {
                Elements[element.Index] = child = new TNode();
            }
        }
        else
        {
            Members ??= new Dictionary<string, TNode>(StringComparer.Ordinal);
            if (!Members.TryGetValue(element.Name!, out child))
            {
                Members[element.Name!] = child = new TNode();
            }
        }
        return child;
    }
}
