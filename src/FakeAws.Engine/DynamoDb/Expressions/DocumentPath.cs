using System.Text;

namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>One step of a document path: a map member (<see cref="Name"/>) or a list index.</summary>
internal readonly record struct PathElement(string? Name, int Index)
{
    public bool IsIndex => Name is null;

    public static PathElement Member(string name) => new(name, -1);

    public static PathElement At(int index) => new(null, index);
}

/// <summary>
/// A resolved document path such as <c>a.b[3].c</c>: placeholders replaced by the names they stand
/// for. The first element is always a top-level attribute name.
/// </summary>
internal sealed class DocumentPath : IEquatable<DocumentPath>
{
    private readonly PathElement[] _elements;

    public DocumentPath(PathElement[] elements)
    {
        _elements = elements;
    }

    /// <summary>A path of one top-level attribute.</summary>
    public static DocumentPath TopLevel(string name) => new([PathElement.Member(name)]);

    public IReadOnlyList<PathElement> Elements => _elements;

    public int Length => _elements.Length;

    /// <summary>The top-level attribute the path starts at.</summary>
    public string Root => _elements[0].Name!;

    /// <summary>Whether the path goes below its top-level attribute.</summary>
    public bool IsNested => _elements.Length > 1;

    /// <summary>The value at this path in <paramref name="item"/>, or null when any step is missing or of the wrong type.</summary>
    public AttributeValue? Find(IReadOnlyDictionary<string, AttributeValue> item)
    {
        if (!item.TryGetValue(Root, out var current))
        {
            return null;
        }
        for (var i = 1; i < _elements.Length; i++)
        {
            var element = _elements[i];
            if (element.IsIndex)
            {
                if (current.Type != AttributeType.L || element.Index >= current.L.Count)
                {
                    return null;
                }
                current = current.L[element.Index];
            }
            else if (current.Type != AttributeType.M || !current.M.TryGetValue(element.Name!, out current))
            {
                return null;
            }
        }
        return current;
    }

    /// <summary>AWS's rendering in messages: <c>[a, b, [3], c]</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < _elements.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }
            var element = _elements[i];
            if (element.IsIndex)
            {
                text.Append('[').Append(element.Index).Append(']');
            }
            else
            {
                text.Append(element.Name);
            }
        }
        return text.Append(']').ToString();
    }

    public bool Equals(DocumentPath? other) => other is not null && _elements.AsSpan().SequenceEqual(other._elements);

    public override bool Equals(object? obj) => Equals(obj as DocumentPath);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var element in _elements)
        {
            hash.Add(element);
        }
        return hash.ToHashCode();
    }
}
