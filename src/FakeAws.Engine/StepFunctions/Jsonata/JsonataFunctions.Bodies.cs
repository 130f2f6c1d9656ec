using System.Text;
using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Jsonata;

// The longer bodies of the built-ins, with jsonata's rules and error codes.
internal static partial class JsonataFunctions
{
    /// <summary>A string's Unicode code points, which jsonata's string functions count (not UTF-16 units).</summary>
    private static List<string> CodePoints(string text)
    {
        var points = new List<string>(text.Length);
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            points.Add(char.IsSurrogatePair(text, i) ? text.Substring(i, 2) : text[i].ToString());
        }
        return points;
    }

    /// <summary>$substring: a negative start counts from the end; the length is in code points.</summary>
    private static string Substring(string text, double start, double? length)
    {
        var points = CodePoints(text);
        var from = (int)start;
        if (from < 0)
        {
            from = Math.Max(0, points.Count + from);
        }
        from = Math.Min(from, points.Count);
        var count = length is { } l ? Math.Max(0, Math.Min(points.Count - from, (int)l)) : points.Count - from;
        return string.Concat(points.Skip(from).Take(count));
    }

    /// <summary>$pad: a positive width pads on the right, a negative one on the left, with the padding repeated and cut.</summary>
    private static string Pad(string text, int width, string padding)
    {
        var missing = Math.Abs(width) - CodePoints(text).Count;
        if (missing <= 0 || padding.Length == 0)
        {
            return text;
        }
        var fill = string.Concat(Enumerable.Repeat(padding, missing / padding.Length + 1));
        fill = string.Concat(CodePoints(fill).Take(missing));
        return width > 0 ? text + fill : fill + text;
    }

    /// <summary>
    /// $split: by a string (an empty one splits into characters, none keeps the string whole) or by
    /// the matches of a regular expression; a limit keeps the first parts.
    /// </summary>
    private static JsonArray Split(string text, object? separator, object? limit)
    {
        List<string> parts;
        switch (separator)
        {
            case Undefined:
                parts = [text];
                break;
            case JsonataFunction { Pattern: { } regex }:
                parts = [];
                var start = 0;
                foreach (var match in JsonataRegex.Matches(regex, text))
                {
                    parts.Add(text[start..match.Index]);
                    start = match.Index + match.Length;
                }
                parts.Add(text[start..]);
                break;
            default:
                var by = Str(separator);
                parts = by.Length == 0 ? CodePoints(text) : [.. text.Split(by)];
                break;
        }
        if (limit is not Undefined)
        {
            var count = Num(limit);
            if (count < 0)
            {
                throw new JsonataException("D3020: Third argument of split function must evaluate to a positive number");
            }
            parts = parts.Take((int)count).ToList();
        }
        return new JsonArray(parts.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
    }

    /// <summary>
    /// $replace: each occurrence of a string, or each match of a regular expression, up to the limit,
    /// by a string (with <c>$0</c>, <c>$1</c>... for a regular expression's match and groups) or by
    /// what a function makes of the match.
    /// </summary>
    private static string Replace(string text, object? pattern, object? replacement, object? limit)
    {
        var max = long.MaxValue;
        if (limit is not Undefined)
        {
            var given = Num(limit);
            if (given < 0)
            {
                throw new JsonataException("D3011: Fourth argument of replace function must evaluate to a positive number");
            }
            max = (long)given;
        }
        if (pattern is JsonataFunction { Pattern: { } regex })
        {
            var replaced = new StringBuilder();
            var position = 0;
            foreach (var match in JsonataRegex.Matches(regex, text, max))
            {
                replaced.Append(text, position, match.Index - position).Append(replacement switch
                {
                    JsonataFunction function => function.Invoke([JsonataRegex.MatchObject(match)]) is JsonValue v && v.TryGetValue<string>(out var made)
                        ? made
                        : throw new JsonataException("D3012: Attempted to replace a matched string with a non-string value"),
                    _ => JsonataRegex.Substitute(Str(replacement), match),
                });
                position = match.Index + match.Length;
            }
            return replaced.Append(text, position, text.Length - position).ToString();
        }
        if (pattern is JsonataFunction)
        {
            throw new JsonataException("T1010: The matcher function argument passed to function replace does not return the correct object structure");
        }
        var find = pattern is Undefined ? throw new JsonataException("D3010: Second argument of replace function cannot be an empty string") : Str(pattern);
        if (find.Length == 0)
        {
            throw new JsonataException("D3010: Second argument of replace function cannot be an empty string");
        }
        var with = replacement is JsonataFunction ? "" : JsonataValues.ToText(replacement);
        var result = new StringBuilder();
        var at = 0;
        for (long count = 0; count < max; count++)
        {
            var index = text.IndexOf(find, at, StringComparison.Ordinal);
            if (index < 0)
            {
                break;
            }
            result.Append(text, at, index - at).Append(with);
            at = index + find.Length;
        }
        return result.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>$match: the matches of a regular expression (a function), each with its index and groups.</summary>
    private static object? Match(string text, object? pattern, object? limit)
    {
        if (pattern is not JsonataFunction { Pattern: { } regex })
        {
            throw new JsonataException("T0410: Argument 2 of function \"match\" does not match function signature");
        }
        if (limit is not Undefined && Num(limit) < 0)
        {
            throw new JsonataException("D3040: Third argument of match function must evaluate to a positive number");
        }
        var matches = JsonataRegex.Matches(regex, text, limit is Undefined ? long.MaxValue : (long)Num(limit));
        return JsonataValues.Sequence(matches.Select(m => (JsonNode?)JsonataRegex.MatchObject(m)).ToList());
    }

    /// <summary>$round: half to even at the given number of decimal places (negative ones round to tens, hundreds...).</summary>
    private static double Round(double value, int precision)
    {
        var scaled = (decimal)value * (decimal)Math.Pow(10, precision);
        var rounded = Math.Round(scaled, MidpointRounding.ToEven);
        return (double)(rounded / (decimal)Math.Pow(10, precision));
    }

    /// <summary>$number's reading of a string: JSON number syntax, and 0x, 0o and 0b integers.</summary>
    private static double? ParseNumber(string text)
    {
        if (text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            var radix = text[1] switch { 'x' or 'X' => 16, 'o' or 'O' => 8, _ => 2 };
            try
            {
                return Convert.ToInt64(text[2..], radix);
            }
            catch (FormatException)
            {
                return null;
            }
        }
        return text.Trim() == text && JsonValues.TryParse(text, out var node) && JsonValues.IsNumber(node) ? JsonValues.AsDouble(node!) : null;
    }

    /// <summary>$keys: an object's keys; for an array, the keys of its items (nested arrays too), each once.</summary>
    private static IEnumerable<string> Keys(object? value) => value switch
    {
        JsonObject obj => obj.Select(m => m.Key),
        JsonArray array => array.SelectMany(item => Keys(item)).Distinct(),
        _ => [],
    };

    /// <summary>$lookup: the key's value in an object, or the values in an array of objects.</summary>
    private static object? Lookup(object? value, string key)
    {
        if (value is JsonArray array)
        {
            var found = new List<JsonNode?>();
            foreach (var item in array)
            {
                switch (Lookup(item, key))
                {
                    case Undefined:
                        break;
                    case JsonArray inner:
                        found.AddRange(inner);
                        break;
                    case var one:
                        found.Add(one as JsonNode);
                        break;
                }
            }
            return JsonataValues.Sequence(found);
        }
        return value is JsonObject obj && obj.TryGetPropertyValue(key, out var member) ? member : Undefined.Value;
    }

    /// <summary>$spread: an object as an array of one-key objects; arrays spread each item.</summary>
    private static object? Spread(object? value) => value switch
    {
        JsonArray array => JsonataValues.Sequence(array.SelectMany(item => Items(Spread(item))).ToList()),
        JsonObject obj => JsonataValues.Sequence(obj.Select(m => (JsonNode?)new JsonObject { [m.Key] = JsonValues.Clone(m.Value) }).ToList()),
        _ => value,
    };

    /// <summary>$single: the one item the predicate holds for (every item without one), else D3138 or D3139.</summary>
    private static object? Single(object? items, object? predicate)
    {
        if (items is Undefined)
        {
            return items;
        }
        JsonNode? found = null;
        var matches = 0;
        var index = 0;
        foreach (var item in Items(items))
        {
            if (predicate is Undefined || JsonataValues.ToBoolean(Call(predicate, item, index, items)))
            {
                if (++matches > 1)
                {
                    throw new JsonataException("D3138: The $single() function expected exactly 1 matching result.  Instead it matched more.");
                }
                found = item;
            }
            index++;
        }
        return matches == 0
            ? throw new JsonataException("D3139: The $single() function expected exactly 1 matching result.  Instead it matched 0.")
            : found;
    }

    /// <summary>$reduce: folds from the left, starting from the first item when no initial value is given.</summary>
    private static object? Reduce(object? items, object? function, object? initial)
    {
        if (items is Undefined)
        {
            return items;
        }
        var callback = (JsonataFunction)function!;
        if (callback.Arity < 2)
        {
            throw new JsonataException("D3050: The second argument of reduce function must be a function with at least two arguments");
        }
        var list = Items(items).ToList();
        var (result, start) = initial is Undefined && list.Count > 0 ? ((object?)list[0], 1) : (initial, 0);
        for (var i = start; i < list.Count; i++)
        {
            var arguments = new List<object?> { result, list[i] };
            if (callback.Arity >= 3)
            {
                arguments.Add(JsonValue.Create(i));
            }
            if (callback.Arity >= 4)
            {
                arguments.Add(items);
            }
            result = callback.Invoke(arguments);
        }
        return result;
    }

    /// <summary>$sort: stable; without a comparator numbers or strings in order (D3070 otherwise), with one a swap when it holds.</summary>
    private static object? Sort(object? items, object? comparator)
    {
        if (items is Undefined)
        {
            return items;
        }
        var list = Items(items).ToList();
        if (list.Count <= 1)
        {
            return items;
        }
        Func<JsonNode?, JsonNode?, bool> greater;
        if (comparator is JsonataFunction function)
        {
            greater = (a, b) => JsonataValues.ToBoolean(function.Invoke([a, b]));
        }
        else if (list.All(JsonataValues.IsNumber))
        {
            greater = (a, b) => JsonValues.AsDouble(a!) > JsonValues.AsDouble(b!);
        }
        else if (list.All(i => JsonValues.IsString(i)))
        {
            greater = (a, b) => string.CompareOrdinal(a!.GetValue<string>(), b!.GetValue<string>()) > 0;
        }
        else
        {
            throw new JsonataException("D3070: The single argument form of the sort function can only be applied to an array of strings or an array of numbers.  Use the second argument to specify a comparison function");
        }
        return new JsonArray(MergeSort(list, greater).Select(JsonValues.Clone).ToArray());
    }

    /// <summary>jsonata's merge sort (of <c>$sort</c> and order-by): the right item goes first only when the left is greater.</summary>
    internal static List<T> MergeSort<T>(List<T> items, Func<T, T, bool> greater)
    {
        if (items.Count <= 1)
        {
            return items;
        }
        var middle = items.Count / 2;
        var left = MergeSort(items[..middle], greater);
        var right = MergeSort(items[middle..], greater);
        var merged = new List<T>(items.Count);
        int l = 0, r = 0;
        while (l < left.Count && r < right.Count)
        {
            merged.Add(greater(left[l], right[r]) ? right[r++] : left[l++]);
        }
        merged.AddRange(left.Skip(l));
        merged.AddRange(right.Skip(r));
        return merged;
    }

    /// <summary>jsonata's $shuffle, the inside-out Fisher-Yates, on the execution's seeded random source.</summary>
    private static JsonNode Shuffle(List<JsonNode?> items, Random random)
    {
        var result = new JsonNode?[items.Count];
        lock (random)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var j = random.Next(i + 1);
                result[i] = result[j];
                result[j] = JsonValues.Clone(items[i]);
            }
        }
        return new JsonArray(result);
    }
}
