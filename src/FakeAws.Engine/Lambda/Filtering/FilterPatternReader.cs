using System.Text.Json;

namespace FakeAws.Engine.Lambda.Filtering;

/// <summary>
/// Reads one <c>Filters[].Pattern</c> of an event source mapping into a <see cref="FilterPattern"/>, or
/// null when it is not a pattern Lambda accepts: not a JSON object, an empty object, a field that is
/// neither an object nor a non-empty array, or an operator it does not know or whose value is malformed.
/// </summary>
internal static class FilterPatternReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static FilterPattern? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            return Object(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static FilterPattern? Object(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.EnumerateObject().Any())
        {
            return null;
        }
        var pattern = new FilterPattern();
        foreach (var field in element.EnumerateObject())
        {
            if (field.Name == "$or")
            {
                if (field.Value.ValueKind != JsonValueKind.Array || field.Value.GetArrayLength() == 0)
                {
                    return null;
                }
                var alternatives = new List<FilterPattern>();
                foreach (var alternative in field.Value.EnumerateArray())
                {
                    if (Object(alternative) is not { } read)
                    {
                        return null;
                    }
                    alternatives.Add(read);
                }
                pattern.AnyOf.Add(alternatives);
            }
            else if (field.Value.ValueKind == JsonValueKind.Object)
            {
                if (Object(field.Value) is not { } nested)
                {
                    return null;
                }
                pattern.Nested[field.Name] = nested;
            }
            else if (field.Value.ValueKind == JsonValueKind.Array && field.Value.GetArrayLength() > 0)
            {
                var conditions = new List<FilterCondition>();
                foreach (var item in field.Value.EnumerateArray())
                {
                    if (Condition(item) is not { } condition)
                    {
                        return null;
                    }
                    conditions.Add(condition);
                }
                pattern.Leaves[field.Name] = conditions;
            }
            else
            {
                return null;
            }
        }
        return pattern;
    }

    private static FilterCondition? Condition(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.String => new EqualsCondition(JsonValueKind.String, item.GetString(), null),
        JsonValueKind.Number => FilterNumbers.Read(item) is { } number ? new EqualsCondition(JsonValueKind.Number, null, number) : null,
        JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => new EqualsCondition(item.ValueKind, null, null),
        JsonValueKind.Object => Operator(item),
        _ => null,
    };

    private static FilterCondition? Operator(JsonElement item)
    {
        if (item.EnumerateObject().Count() != 1)
        {
            return null;
        }
        var only = item.EnumerateObject().First();
        return Named(only.Name, only.Value);
    }

    private static FilterCondition? Named(string name, JsonElement value) =>
        name switch
        {
            "prefix" => Text(TextMatch.Prefix, value),
            "suffix" => Text(TextMatch.Suffix, value),
            "equals-ignore-case" => value.ValueKind == JsonValueKind.String ? new TextCondition(TextMatch.Whole, value.GetString()!, ignoreCase: true) : null,
            "wildcard" => value.ValueKind == JsonValueKind.String ? new WildcardCondition(value.GetString()!) : null,
            "exists" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? new ExistsCondition(value.GetBoolean()) : null,
            "numeric" => Numeric(value),
            "anything-but" => AnythingBut(value),
            _ => null,
        };

    // "prefix": "us-" or "prefix": {"equals-ignore-case": "us-"}; the same for "suffix".
    private static TextCondition? Text(TextMatch match, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return new TextCondition(match, value.GetString()!, ignoreCase: false);
        }
        return value.ValueKind == JsonValueKind.Object && value.EnumerateObject().ToList() is [{ Name: "equals-ignore-case", Value.ValueKind: JsonValueKind.String } inner]
            ? new TextCondition(match, inner.Value.GetString()!, ignoreCase: true)
            : null;
    }

    private static AnythingButCondition? AnythingBut(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String or JsonValueKind.Number:
                return Condition(value) is { } single ? new AnythingButCondition([single]) : null;
            case JsonValueKind.Array when value.GetArrayLength() > 0:
                var excluded = new List<FilterCondition>();
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind is not (JsonValueKind.String or JsonValueKind.Number) || Condition(item) is not { } condition)
                    {
                        return null;
                    }
                    excluded.Add(condition);
                }
                return new AnythingButCondition(excluded);
            case JsonValueKind.Object when value.EnumerateObject().ToList() is [var inner]:
                // {"anything-but": {"prefix": "us-"}}, suffix, wildcard, or equals-ignore-case with one value or a list.
                return inner.Name switch
                {
                    "prefix" or "suffix" or "wildcard" when inner.Value.ValueKind == JsonValueKind.String =>
                        new AnythingButCondition([Named(inner.Name, inner.Value)!]),
                    "equals-ignore-case" => IgnoringCase(inner.Value),
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static AnythingButCondition? IgnoringCase(JsonElement value)
    {
        var texts = value.ValueKind == JsonValueKind.String ? [value] : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [];
        if (texts.Count == 0 || texts.Any(t => t.ValueKind != JsonValueKind.String))
        {
            return null;
        }
        return new AnythingButCondition(texts.Select(t => (FilterCondition)new TextCondition(TextMatch.Whole, t.GetString()!, ignoreCase: true)).ToList());
    }

    // ["=", 100], [">", 10], [">", 10, "<=", 20]: at most one lower and one upper bound, "=" alone.
    private static NumericCondition? Numeric(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() is not (2 or 4))
        {
            return null;
        }
        var items = value.EnumerateArray().ToList();
        var bounds = new List<(string, decimal)>();
        for (var i = 0; i < items.Count; i += 2)
        {
            if (items[i].ValueKind != JsonValueKind.String || items[i + 1].ValueKind != JsonValueKind.Number
                || items[i].GetString() is not ("=" or "<" or "<=" or ">" or ">=") || FilterNumbers.Read(items[i + 1]) is not { } bound)
            {
                return null;
            }
            bounds.Add((items[i].GetString()!, bound));
        }
        var lower = bounds.Count(b => b.Item1 is ">" or ">=");
        var upper = bounds.Count(b => b.Item1 is "<" or "<=");
        var equal = bounds.Count(b => b.Item1 == "=");
        return (equal == 1 && bounds.Count == 1) || (equal == 0 && lower <= 1 && upper <= 1) ? new NumericCondition(bounds) : null;
    }
}
