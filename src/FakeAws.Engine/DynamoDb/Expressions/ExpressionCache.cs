using System.Collections.Concurrent;
using FakeAws.Engine.DynamoDb.Expressions;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// Compiled expressions of recent requests. Tests send the same expressions again and again, and
/// compiling one (tokenising, parsing, checking placeholders) costs several times what the rest of a
/// request does. A compiled <see cref="RequestExpressions"/> never changes, so a request whose
/// expression strings, names and values equal an earlier one's gets the earlier compilation.
/// </summary>
/// <remarks>
/// Values must be equal in every detail, sets in the same order, so a hit behaves exactly as a fresh
/// compilation would. Requests with legacy parameters, and requests that fail to compile, are not cached.
/// </remarks>
internal sealed class ExpressionCache
{
    private const int Capacity = 4096;

    private readonly ConcurrentDictionary<Key, RequestExpressions> _compiled = new();

    /// <summary>The compiled expressions of <paramref name="inputs"/>, as <see cref="RequestExpressions.Compile"/> gives them.</summary>
    public RequestExpressions Compile(ExpressionInputs inputs, ExpressionOperation operation)
    {
        if (inputs.Expected is not null || inputs.ConditionalOperator is not null || inputs.AttributesToGet is not null || inputs.KeyConditions is not null
            || inputs.QueryFilter is not null || inputs.ScanFilter is not null || inputs.AttributeUpdates is not null)
        {
            return RequestExpressions.Compile(inputs, operation);
        }
        var key = new Key(operation, inputs);
        if (_compiled.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var compiled = RequestExpressions.Compile(inputs, operation);
        if (_compiled.Count >= Capacity)
        {
            _compiled.Clear();
        }
        _compiled.TryAdd(key.Frozen(), compiled);
        return compiled;
    }

    /// <summary>Everything compilation depends on, compared by content.</summary>
    private readonly struct Key : IEquatable<Key>
    {
        private readonly ExpressionOperation _operation;
        private readonly string? _condition;
        private readonly string? _filter;
        private readonly string? _keyCondition;
        private readonly string? _projection;
        private readonly string? _update;
        private readonly IReadOnlyDictionary<string, string>? _names;
        private readonly IReadOnlyDictionary<string, AttributeValue>? _values;
        private readonly int _hash;

        public Key(ExpressionOperation operation, ExpressionInputs inputs)
            : this(operation, inputs.ConditionExpression, inputs.FilterExpression, inputs.KeyConditionExpression, inputs.ProjectionExpression,
                inputs.UpdateExpression, inputs.ExpressionAttributeNames, inputs.ExpressionAttributeValues)
        {
        }

        private Key(ExpressionOperation operation, string? condition, string? filter, string? keyCondition, string? projection, string? update,
            IReadOnlyDictionary<string, string>? names, IReadOnlyDictionary<string, AttributeValue>? values)
        {
            _operation = operation;
            _condition = condition;
            _filter = filter;
            _keyCondition = keyCondition;
            _projection = projection;
            _update = update;
            _names = names;
            _values = values;
            var hash = new HashCode();
            hash.Add(operation);
            hash.Add(condition);
            hash.Add(filter);
            hash.Add(keyCondition);
            hash.Add(projection);
            hash.Add(update);
            hash.Add(names?.Count ?? -1);
            hash.Add(values?.Count ?? -1);
            foreach (var (placeholder, value) in values ?? Empty)
            {
                // Order-free, so two maps with the same entries hash alike.
                hash.Add(placeholder.GetHashCode(StringComparison.Ordinal) ^ value.GetHashCode());
            }
            _hash = hash.ToHashCode();
        }

        private static readonly Dictionary<string, AttributeValue> Empty = [];

        /// <summary>This key with its maps copied, so a caller changing its own maps later cannot change a cached key.</summary>
        public Key Frozen() => new(_operation, _condition, _filter, _keyCondition, _projection, _update,
            _names is null ? null : new Dictionary<string, string>(_names, StringComparer.Ordinal),
            _values is null ? null : new Dictionary<string, AttributeValue>(_values, StringComparer.Ordinal));

        public bool Equals(Key other) =>
            _hash == other._hash && _operation == other._operation
            && _condition == other._condition && _filter == other._filter && _keyCondition == other._keyCondition
            && _projection == other._projection && _update == other._update
            && SameNames(_names, other._names) && SameValues(_values, other._values);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => _hash;

        private static bool SameNames(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b)
        {
            if (a is null || b is null)
            {
                return a is null && b is null;
            }
            return a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var name) && name == kv.Value);
        }

        private static bool SameValues(IReadOnlyDictionary<string, AttributeValue>? a, IReadOnlyDictionary<string, AttributeValue>? b)
        {
            if (a is null || b is null)
            {
                return a is null && b is null;
            }
            if (a.Count != b.Count)
            {
                return false;
            }
            foreach (var (placeholder, value) in a)
            {
                if (!b.TryGetValue(placeholder, out var other) || !Identical(value, other))
                {
                    return false;
                }
            }
            return true;
        }

        // Equal in every detail: unlike DynamoDB's equality, sets must list their elements in one order.
        private static bool Identical(AttributeValue a, AttributeValue b)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }
            if (a.Type != b.Type)
            {
                return false;
            }
            return a.Type switch
            {
                AttributeType.SS or AttributeType.NS => a.Strings.SequenceEqual(b.Strings, StringComparer.Ordinal),
                AttributeType.BS => a.Binaries.SequenceEqual(b.Binaries, ByteArrayComparer.Instance),
                AttributeType.L => a.L.Count == b.L.Count && a.L.Zip(b.L).All(pair => Identical(pair.First, pair.Second)),
                AttributeType.M => a.M.Count == b.M.Count && a.M.All(kv => b.M.TryGetValue(kv.Key, out var member) && Identical(kv.Value, member)),
                AttributeType.N => a.N == b.N,
                _ => a.Equals(b),
            };
        }
    }
}
