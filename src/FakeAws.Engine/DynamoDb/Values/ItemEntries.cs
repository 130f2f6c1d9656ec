namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// The attributes of an item, a key or expression values, enumerated without allocating when the map is a
/// <see cref="Dictionary{TKey, TValue}"/> (as requests and stored items are): a <c>foreach</c> over the
/// <see cref="IReadOnlyDictionary{TKey, TValue}"/> itself would box its enumerator on every pass, and the
/// hot paths (every key checked, every item sized) pass over several maps per request.
/// </summary>
/// <example><c>foreach (var (name, value) in ItemEntries.Of(item)) { ... }</c></example>
internal readonly struct ItemEntries
{
    private readonly IReadOnlyDictionary<string, AttributeValue> _map;

    private ItemEntries(IReadOnlyDictionary<string, AttributeValue> map) => _map = map;

    /// <summary>The entries of <paramref name="map"/>, in its own order.</summary>
    public static ItemEntries Of(IReadOnlyDictionary<string, AttributeValue> map) => new(map);

    /// <summary>Starts the enumeration.</summary>
    public Enumerator GetEnumerator() => new(_map);

    /// <summary>A dictionary's own struct enumerator, or the interface's for any other map.</summary>
    public struct Enumerator
    {
        private readonly IEnumerator<KeyValuePair<string, AttributeValue>>? _other;
        private Dictionary<string, AttributeValue>.Enumerator _dictionary;

        internal Enumerator(IReadOnlyDictionary<string, AttributeValue> map)
        {
            if (map is Dictionary<string, AttributeValue> dictionary)
            {
                _dictionary = dictionary.GetEnumerator();
            }
            else
            {
                _other = map.GetEnumerator();
            }
        }

        /// <summary>The current entry.</summary>
        public readonly KeyValuePair<string, AttributeValue> Current => _other is null ? _dictionary.Current : _other.Current;

        /// <summary>Moves to the next entry.</summary>
        public bool MoveNext() => _other?.MoveNext() ?? _dictionary.MoveNext();
    }
}
