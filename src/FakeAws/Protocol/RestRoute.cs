namespace FakeAws.Protocol;

/// <summary>
/// One operation's request URI template from the service model, for example
/// <c>/2015-03-31/functions/{FunctionName}/invocations</c>, <c>/{Bucket}/{Key+}</c> (a greedy label)
/// or <c>/2019-09-30/functions/{FunctionName}/provisioned-concurrency?List=ALL</c> (a required query literal).
/// </summary>
internal sealed class RestRoute
{
    private readonly string?[] _literals;
    private readonly string?[] _labels;
    private readonly bool _greedyLast;
    private readonly (string Key, string? Value)[] _queryLiterals;

    public RestRoute(Operation operation)
    {
        Operation = operation;
        var template = operation.Model.RequestUri;
        var queryStart = template.IndexOf('?');
        var path = queryStart < 0 ? template : template[..queryStart];
        var segments = Split(path);
        _literals = new string?[segments.Length];
        _labels = new string?[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.StartsWith('{') && segment.EndsWith('}'))
            {
                var name = segment[1..^1];
                _greedyLast = name.EndsWith('+');
                _labels[i] = _greedyLast ? name[..^1] : name;
            }
            else
            {
                _literals[i] = segment;
            }
        }
        _queryLiterals = queryStart < 0
            ? []
            : template[(queryStart + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2) is var kv && kv.Length == 2 ? (kv[0], (string?)kv[1]) : (pair, null))
                .ToArray();
    }

    public Operation Operation { get; }

    public string Method => Operation.Model.HttpMethod;

    /// <summary>The first segment of a request URI template when it is a literal, for example <c>2015-03-31</c>; null when it is a label.</summary>
    public static string? FirstLiteralOf(string requestUri) =>
        Split(requestUri.Split('?')[0]) is [var first, ..] && !(first.StartsWith('{') && first.EndsWith('}')) ? first : null;

    /// <summary>
    /// Orders routes so the most specific is tried first: required query literals, then literal
    /// segments, then more segments; a greedy label matches last.
    /// </summary>
    public (int, int, int, int) Specificity =>
        (-_queryLiterals.Length, _greedyLast ? 1 : 0, -_literals.Count(l => l is not null), -_literals.Length);

    /// <summary>Matches a request path (split into raw segments) and query; the labels come back percent-decoded.</summary>
    public bool TryMatch(string[] path, QueryString query, out Dictionary<string, string> labels)
    {
        labels = null!;
        if (path.Length < _literals.Length || (!_greedyLast && path.Length != _literals.Length))
        {
            return false;
        }
        foreach (var (key, value) in _queryLiterals)
        {
            if (query.First(key) is not { } actual || (value is not null && actual != value))
            {
                return false;
            }
        }
        for (var i = 0; i < _literals.Length; i++)
        {
            if (_literals[i] is { } literal && !string.Equals(literal, path[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        labels = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _labels.Length; i++)
        {
            if (_labels[i] is not { } label)
            {
                continue;
            }
            var raw = _greedyLast && i == _labels.Length - 1 ? string.Join('/', path[i..]) : path[i];
            if (raw.Length == 0)
            {
                return false;
            }
            labels[label] = Uri.UnescapeDataString(raw);
        }
        return true;
    }

    /// <summary>The segments of a path, without the leading and trailing slash.</summary>
    public static string[] Split(string path) => path.Trim('/') is { Length: > 0 } trimmed ? trimmed.Split('/') : [];
}

/// <summary>A request's query string: every value of each key, percent-decoded.</summary>
internal sealed class QueryString
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public QueryString(string raw)
    {
        foreach (var pair in raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (!_values.TryGetValue(key, out var list))
            {
                _values[key] = list = [];
            }
            list.Add(value);
        }
    }

    public string? First(string key) => _values.TryGetValue(key, out var list) ? list[0] : null;

    public IReadOnlyList<string>? All(string key) => _values.GetValueOrDefault(key);

    /// <summary>The parameters' names, in the order they first appear.</summary>
    public IEnumerable<string> Keys => _values.Keys;
}
