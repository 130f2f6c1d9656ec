using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Jsonata;

/// <summary>
/// The built-in functions FakeAws evaluates: JSONata's common string, numeric, boolean, array and
/// object functions, and the ones Step Functions adds (<c>$partition</c>, <c>$range</c>,
/// <c>$hash</c>, <c>$random</c>, <c>$uuid</c>, <c>$parse</c>).
/// </summary>
internal static class JsonataFunctions
{
    /// <summary>The functions of one evaluation; <paramref name="random"/> and <paramref name="newGuid"/> are the execution's seeded sources.</summary>
    public static Dictionary<string, JsonataFunction> Create(Random random, Func<Guid> newGuid)
    {
        var functions = new Dictionary<string, JsonataFunction>(StringComparer.Ordinal)
        {
            ["not"] = F(1, a => Bool(!JsonataValues.ToBoolean(a[0])), undefinedIn: true),
            ["boolean"] = F(1, a => Bool(JsonataValues.ToBoolean(a[0])), undefinedIn: true),
            ["exists"] = F(1, a => Bool(a[0] is not Undefined)),
            ["string"] = F(1, a => a[0] is Undefined ? a[0] : Text(JsonataValues.ToText(a[0]))),
            ["number"] = F(1, a => a[0] switch
            {
                Undefined => a[0],
                _ when JsonataValues.IsNumber(a[0]) => a[0],
                JsonNode s when JsonValues.IsString(s) && double.TryParse(s.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonataValues.FromNumber(d),
                JsonNode b when JsonValues.IsBoolean(b) => JsonataValues.FromNumber(b.GetValue<bool>() ? 1 : 0),
                _ => throw new JsonataException("D3030: Unable to cast value to a number"),
            }),
            ["type"] = F(1, a => a[0] is Undefined ? a[0] : Text(JsonataValues.TypeName(a[0]))),
            ["count"] = F(1, a => JsonataValues.FromNumber(a[0] switch { Undefined => 0, JsonArray array => array.Count, _ => 1 })),
            ["length"] = F(1, a => JsonataValues.FromNumber(String(a, 0).Length), undefinedIn: true),
            ["uppercase"] = F(1, a => Text(String(a, 0).ToUpperInvariant()), undefinedIn: true),
            ["lowercase"] = F(1, a => Text(String(a, 0).ToLowerInvariant()), undefinedIn: true),
            ["trim"] = F(1, a => Text(string.Join(' ', String(a, 0).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))), undefinedIn: true),
            ["contains"] = F(2, a => Bool(String(a, 0).Contains(String(a, 1), StringComparison.Ordinal)), undefinedIn: true),
            ["substring"] = F(-1, a => Text(Substring(String(a, 0), (int)Number(a, 1), a.Count > 2 ? (int)Number(a, 2) : null)), undefinedIn: true),
            ["substringBefore"] = F(2, a => Text(String(a, 0).IndexOf(String(a, 1), StringComparison.Ordinal) is var i and >= 0 ? String(a, 0)[..i] : String(a, 0)), undefinedIn: true),
            ["substringAfter"] = F(2, a => Text(String(a, 0).IndexOf(String(a, 1), StringComparison.Ordinal) is var i and >= 0 ? String(a, 0)[(i + String(a, 1).Length)..] : String(a, 0)), undefinedIn: true),
            ["split"] = F(2, a => new JsonArray(String(a, 0).Split(String(a, 1)).Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()), undefinedIn: true),
            ["join"] = F(-1, a => Text(string.Join(a.Count > 1 ? String(a, 1) : "", Items(a[0]).Select(i => JsonValues.AsString(i) ?? throw new JsonataException("T0412: Argument 1 of function \"join\" must be an array of strings")))), undefinedIn: true),
            ["sum"] = F(1, a => JsonataValues.FromNumber(Numbers(a[0]).Sum()), undefinedIn: true),
            ["max"] = F(1, a => Numbers(a[0]) is { Count: > 0 } n ? JsonataValues.FromNumber(n.Max()) : Undefined.Value, undefinedIn: true),
            ["min"] = F(1, a => Numbers(a[0]) is { Count: > 0 } n ? JsonataValues.FromNumber(n.Min()) : Undefined.Value, undefinedIn: true),
            ["average"] = F(1, a => Numbers(a[0]) is { Count: > 0 } n ? JsonataValues.FromNumber(n.Average()) : Undefined.Value, undefinedIn: true),
            ["abs"] = F(1, a => JsonataValues.FromNumber(Math.Abs(Number(a, 0))), undefinedIn: true),
            ["floor"] = F(1, a => JsonataValues.FromNumber(Math.Floor(Number(a, 0))), undefinedIn: true),
            ["ceil"] = F(1, a => JsonataValues.FromNumber(Math.Ceiling(Number(a, 0))), undefinedIn: true),
            ["round"] = F(-1, a => JsonataValues.FromNumber(Math.Round(Number(a, 0), a.Count > 1 ? (int)Number(a, 1) : 0, MidpointRounding.ToEven)), undefinedIn: true),
            ["power"] = F(2, a => JsonataValues.FromNumber(Math.Pow(Number(a, 0), Number(a, 1))), undefinedIn: true),
            ["sqrt"] = F(1, a => JsonataValues.FromNumber(Math.Sqrt(Number(a, 0))), undefinedIn: true),
            ["keys"] = F(1, a => a[0] is JsonObject obj ? JsonataValues.Sequence(obj.Select(m => (JsonNode?)JsonValue.Create(m.Key)).ToList()) : Undefined.Value),
            ["lookup"] = F(2, a => a[0] is JsonObject obj && obj.TryGetPropertyValue(String(a, 1), out var v) ? v : Undefined.Value),
            ["merge"] = F(1, a =>
            {
                var merged = new JsonObject();
                foreach (var item in Items(a[0]))
                {
                    foreach (var (key, value) in item as JsonObject ?? throw new JsonataException("T0412: Argument 1 of function \"merge\" must be an array of objects"))
                    {
                        merged[key] = JsonValues.Clone(value);
                    }
                }
                return merged;
            }, undefinedIn: true),
            ["append"] = F(2, a => a[0] is Undefined ? a[1] : a[1] is Undefined ? a[0] : new JsonArray(Items(a[0]).Concat(Items(a[1])).Select(JsonValues.Clone).ToArray())),
            ["reverse"] = F(1, a => new JsonArray(Items(a[0]).Reverse().Select(JsonValues.Clone).ToArray()), undefinedIn: true),
            ["distinct"] = F(1, a =>
            {
                var result = new List<JsonNode?>();
                foreach (var item in Items(a[0]))
                {
                    if (!result.Any(r => JsonValues.DeepEquals(r, item)))
                    {
                        result.Add(JsonValues.Clone(item));
                    }
                }
                return new JsonArray(result.ToArray());
            }, undefinedIn: true),
            ["map"] = F(2, a => new JsonArray(Items(a[0]).Select((item, i) => Callback(a[1], item, i)).Where(r => r is not Undefined).Select(r => JsonValues.Clone(r as JsonNode)).ToArray()), undefinedIn: true),
            ["filter"] = F(2, a => JsonataValues.Sequence(Items(a[0]).Where((item, i) => JsonataValues.ToBoolean(Callback(a[1], item, i))).ToList()), undefinedIn: true),
            ["partition"] = F(2, a =>
            {
                var size = (int)Number(a, 1);
                if (size <= 0)
                {
                    throw new JsonataException("The chunk size of $partition must be a positive integer");
                }
                var items = Items(a[0]).ToList();
                return new JsonArray(items.Chunk(size).Select(chunk => (JsonNode?)new JsonArray(chunk.Select(JsonValues.Clone).ToArray())).ToArray());
            }, undefinedIn: true),
            ["range"] = F(3, a =>
            {
                var (start, end, step) = ((long)Number(a, 0), (long)Number(a, 1), (long)Number(a, 2));
                if (step == 0)
                {
                    throw new JsonataException("The step of $range must not be 0");
                }
                var result = new JsonArray();
                for (var v = start; step > 0 ? v <= end : v >= end; v += step)
                {
                    result.Add(v);
                }
                return result;
            }, undefinedIn: true),
            ["hash"] = F(2, a =>
            {
                var bytes = Encoding.UTF8.GetBytes(String(a, 0));
                return Text(Convert.ToHexStringLower(String(a, 1) switch
                {
                    "MD5" => MD5.HashData(bytes),
                    "SHA-1" => SHA1.HashData(bytes),
                    "SHA-256" => SHA256.HashData(bytes),
                    "SHA-384" => SHA384.HashData(bytes),
                    "SHA-512" => SHA512.HashData(bytes),
                    var other => throw new JsonataException($"The hashing algorithm {other} of $hash is not supported"),
                }));
            }, undefinedIn: true),
            ["random"] = F(-1, a =>
            {
                var source = a.Count > 0 && a[0] is not Undefined ? new Random((int)Number(a, 0)) : random;
                lock (source)
                {
                    return JsonValue.Create(source.NextDouble());
                }
            }),
            ["uuid"] = F(0, _ => Text(newGuid().ToString())),
            ["parse"] = F(1, a =>
            {
                try
                {
                    return JsonValues.Parse(String(a, 0));
                }
                catch (JsonException)
                {
                    throw new JsonataException("The argument of $parse is not valid JSON");
                }
            }, undefinedIn: true),
        };
        return functions;
    }

    /// <summary>A built-in: checks its argument count; with <paramref name="undefinedIn"/>, an undefined first argument gives undefined.</summary>
    private static JsonataFunction F(int arity, Func<IReadOnlyList<object?>, object?> body, bool undefinedIn = false) =>
        new(arguments =>
        {
            if (arity >= 0 && arguments.Count > arity)
            {
                throw new JsonataException($"T0410: A function was given {arguments.Count} arguments but takes {arity}");
            }
            var padded = arguments.Concat(Enumerable.Repeat<object?>(Undefined.Value, Math.Max(0, arity - arguments.Count))).ToList();
            return undefinedIn && padded.Count > 0 && padded[0] is Undefined ? Undefined.Value : body(padded);
        });

    private static object? Callback(object? function, JsonNode? item, int index) =>
        (function as JsonataFunction ?? throw new JsonataException("T0410: The second argument must be a function"))
            .Invoke([item, JsonValue.Create(index)]);

    private static JsonNode Bool(bool value) => JsonValue.Create(value);

    private static JsonNode Text(string value) => JsonValue.Create(value);

    private static string String(IReadOnlyList<object?> arguments, int index) =>
        JsonValues.AsString(arguments[index] as JsonNode)
            ?? throw new JsonataException($"T0410: Argument {index + 1} of the function must be a string");

    private static double Number(IReadOnlyList<object?> arguments, int index) =>
        JsonataValues.IsNumber(arguments[index])
            ? JsonataValues.Number(arguments[index])
            : throw new JsonataException($"T0410: Argument {index + 1} of the function must be a number");

    // The single-value arm is a JsonNode?[] on purpose: a collection expression there would take the
    // switch's JsonArray type and try to adopt a node that already belongs to its document.
    private static IEnumerable<JsonNode?> Items(object? value) => value switch
    {
        Undefined => Array.Empty<JsonNode?>(),
        JsonArray array => array,
        _ => new[] { value as JsonNode },
    };

    private static List<double> Numbers(object? value) => Items(value)
        .Select(i => JsonataValues.IsNumber(i) ? JsonValues.AsDouble(i!) : throw new JsonataException("T0412: The argument must be an array of numbers"))
        .ToList();

    private static string Substring(string text, int start, int? length)
    {
        if (start < 0)
        {
            start = Math.Max(0, text.Length + start);
        }
        start = Math.Min(start, text.Length);
        var end = length is { } l ? Math.Min(text.Length, start + Math.Max(0, l)) : text.Length;
        return text[start..end];
    }
}
