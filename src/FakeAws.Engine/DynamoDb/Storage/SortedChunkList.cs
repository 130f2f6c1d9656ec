namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// A sorted collection that can seek: a list of small sorted chunks. Finding a position is two binary
/// searches (over the chunks' last elements, then inside one chunk), so a seek is O(log n) and walking
/// k elements from there is O(k), in either direction. An insert or removal moves at most one chunk's
/// elements. <see cref="SortedSet{T}"/> cannot do this: its range views count their elements when made.
/// </summary>
/// <typeparam name="T">The element type; <paramref name="comparer"/> orders elements and no two are equal.</typeparam>
internal sealed class SortedChunkList<T>(IComparer<T> comparer)
{
    // Small enough that an insert copies little, large enough that the chunk list stays short.
    private const int MaxChunk = 512;

    private readonly List<List<T>> _chunks = [];

    /// <summary>How many elements the list holds.</summary>
    public int Count { get; private set; }

    /// <summary>The position before the first element.</summary>
    public static Position Start => default;

    /// <summary>The position after the last element.</summary>
    public Position End => new(_chunks.Count, 0);

    /// <summary>Adds <paramref name="value"/>, which must not be present yet.</summary>
    public void Add(T value)
    {
        if (_chunks.Count == 0)
        {
            _chunks.Add([value]);
            Count = 1;
            return;
        }
        var position = Seek(element => comparer.Compare(element, value) < 0);
        var chunkIndex = Math.Min(position.Chunk, _chunks.Count - 1);
        var chunk = _chunks[chunkIndex];
        chunk.Insert(position.Chunk == _chunks.Count ? chunk.Count : position.Offset, value);
        Count++;
        if (chunk.Count > MaxChunk)
        {
            var half = chunk.Count / 2;
            _chunks.Insert(chunkIndex + 1, chunk.GetRange(half, chunk.Count - half));
            chunk.RemoveRange(half, chunk.Count - half);
        }
    }

    /// <summary>Removes <paramref name="value"/>; says whether it was present.</summary>
    public bool Remove(T value)
    {
        var position = Seek(element => comparer.Compare(element, value) < 0);
        if (position.Chunk == _chunks.Count || comparer.Compare(_chunks[position.Chunk][position.Offset], value) != 0)
        {
            return false;
        }
        var chunk = _chunks[position.Chunk];
        chunk.RemoveAt(position.Offset);
        Count--;
        if (chunk.Count == 0)
        {
            _chunks.RemoveAt(position.Chunk);
        }
        return true;
    }

    /// <summary>
    /// The position of the first element for which <paramref name="isBefore"/> is false. The predicate
    /// must hold for a prefix of the list and fail for the rest, as "element &lt; key" does.
    /// </summary>
    public Position Seek(Func<T, bool> isBefore)
    {
        int low = 0, high = _chunks.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var chunk = _chunks[middle];
            if (isBefore(chunk[^1]))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        if (low == _chunks.Count)
        {
            return End;
        }
        var elements = _chunks[low];
        int first = 0, last = elements.Count;
        while (first < last)
        {
            var middle = (first + last) >>> 1;
            if (isBefore(elements[middle]))
            {
                first = middle + 1;
            }
            else
            {
                last = middle;
            }
        }
        return new Position(low, first);
    }

    /// <summary>The elements from <paramref name="from"/> on, in order.</summary>
    public IEnumerable<T> Forward(Position from)
    {
        for (int c = from.Chunk, o = from.Offset; c < _chunks.Count; c++, o = 0)
        {
            var chunk = _chunks[c];
            for (; o < chunk.Count; o++)
            {
                yield return chunk[o];
            }
        }
    }

    /// <summary>The elements before <paramref name="before"/>, nearest first.</summary>
    public IEnumerable<T> Backward(Position before)
    {
        var c = before.Chunk;
        var o = before.Offset - 1;
        if (o < 0)
        {
            c--;
            o = c >= 0 ? _chunks[c].Count - 1 : -1;
        }
        for (; c >= 0; c--, o = c >= 0 ? _chunks[c].Count - 1 : -1)
        {
            var chunk = _chunks[c];
            for (; o >= 0; o--)
            {
                yield return chunk[o];
            }
        }
    }

    /// <summary>A place between two elements: before element <see cref="Offset"/> of chunk <see cref="Chunk"/>.</summary>
    public readonly record struct Position(int Chunk, int Offset);
}
