namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>
/// A request's ExpressionAttributeNames and ExpressionAttributeValues, shared by all of its
/// expressions so that the "unused" checks span them all.
/// </summary>
internal sealed class ExpressionAttributes
{
    private readonly IReadOnlyDictionary<string, string>? _names;
    private readonly IReadOnlyDictionary<string, AttributeValue>? _values;
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedValues = new(StringComparer.Ordinal);

    public ExpressionAttributes(IReadOnlyDictionary<string, string>? names, IReadOnlyDictionary<string, AttributeValue>? values)
    {
        _names = names;
        _values = values;
    }

    /// <summary>Checks the maps themselves, before any expression is parsed.</summary>
    public void ValidateKeys()
    {
        if (_names is not null)
        {
            if (_names.Count == 0)
            {
                throw DynamoDbErrors.Validation("ExpressionAttributeNames must not be empty");
            }
            foreach (var key in _names.Keys)
            {
                if (!IsPlaceholder(key, '#'))
                {
                    throw DynamoDbErrors.Validation($"ExpressionAttributeNames contains invalid key: Syntax error; key: \"{key}\"");
                }
            }
        }
        if (_values is not null)
        {
            if (_values.Count == 0)
            {
                throw DynamoDbErrors.Validation("ExpressionAttributeValues must not be empty");
            }
            foreach (var key in _values.Keys)
            {
                if (!IsPlaceholder(key, ':'))
                {
                    throw DynamoDbErrors.Validation($"ExpressionAttributeValues contains invalid key: Syntax error; key: \"{key}\"");
                }
            }
        }
    }

    /// <summary>The attribute name <paramref name="placeholder"/> stands for, or null when it is not defined.</summary>
    public string? Name(string placeholder)
    {
        if (_names is null || !_names.TryGetValue(placeholder, out var name))
        {
            return null;
        }
        _usedNames.Add(placeholder);
        return name;
    }

    /// <summary>The value <paramref name="placeholder"/> stands for, or null when it is not defined.</summary>
    public AttributeValue? Value(string placeholder)
    {
        if (_values is null || !_values.TryGetValue(placeholder, out var value))
        {
            return null;
        }
        _usedValues.Add(placeholder);
        return value;
    }

    /// <summary>Fails when a name or value was given that no expression of the request used.</summary>
    public void CheckAllUsed()
    {
        var unusedNames = Unused(_names?.Keys, _usedNames);
        if (unusedNames is not null)
        {
            throw DynamoDbErrors.Validation($"Value provided in ExpressionAttributeNames unused in expressions: keys: {{{unusedNames}}}");
        }
        var unusedValues = Unused(_values?.Keys, _usedValues);
        if (unusedValues is not null)
        {
            throw DynamoDbErrors.Validation($"Value provided in ExpressionAttributeValues unused in expressions: keys: {{{unusedValues}}}");
        }
    }

    private static string? Unused(IEnumerable<string>? keys, HashSet<string> used)
    {
        var unused = keys?.Where(key => !used.Contains(key)).ToList();
        return unused is { Count: > 0 } ? string.Join(", ", unused) : null;
    }

    // "#" or ":" followed by one or more ASCII letters, digits or underscores.
    private static bool IsPlaceholder(string key, char sigil)
    {
        if (key.Length < 2 || key[0] != sigil)
        {
            return false;
        }
        for (var i = 1; i < key.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(key[i]) && key[i] != '_')
            {
                return false;
            }
        }
        return true;
    }
}
