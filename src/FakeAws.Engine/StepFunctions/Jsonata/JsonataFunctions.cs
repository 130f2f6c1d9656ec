using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Jsonata;

/// <summary>
/// The built-in functions FakeAws evaluates: JSONata's string, numeric, boolean, array, object and
/// higher-order functions, each checked against jsonata's own signature, and the ones Step
/// Functions adds (<c>$partition</c>, <c>$range</c>, <c>$hash</c>, <c>$random</c>, <c>$uuid</c>, <c>$parse</c>).
/// </summary>
internal static partial class JsonataFunctions
{
    /// <summary>
    /// The functions of one evaluation; <paramref name="random"/> and <paramref name="newGuid"/> are
    /// the execution's seeded sources, <paramref name="now"/> the cloud's (virtual) time, which
    /// <c>$now()</c> and <c>$millis()</c> give for every call in the evaluation, as jsonata does.
    /// </summary>
    public static Dictionary<string, JsonataFunction> Create(Random random, Func<Guid> newGuid, DateTimeOffset now)
    {
        var functions = new Dictionary<string, JsonataFunction>(StringComparer.Ordinal)
        {
            ["not"] = F("<x-:b>", a => a[0] is Undefined ? a[0] : Bool(!JsonataValues.ToBoolean(a[0]))),
            ["boolean"] = F("<x-:b>", a => a[0] is Undefined ? a[0] : Bool(JsonataValues.ToBoolean(a[0]))),
            ["exists"] = F("<x:b>", a => Bool(a[0] is not Undefined)),
            ["string"] = F("<x-b?:s>", a => a[0] is Undefined ? a[0] : Text(JsonataValues.ToText(a[0], pretty: JsonataValues.ToBoolean(a[1])))),
            ["number"] = F("<(nsb)-:n>", a => a[0] switch
            {
                Undefined => a[0],
                _ when JsonataValues.IsNumber(a[0]) => a[0],
                JsonNode s when JsonValues.IsString(s) && ParseNumber(s.GetValue<string>()) is { } d => JsonataValues.FromNumber(d),
                JsonNode b when JsonValues.IsBoolean(b) => JsonataValues.FromNumber(b.GetValue<bool>() ? 1 : 0),
                _ => throw new JsonataException("D3030: Unable to cast value to a number"),
            }),
            ["type"] = F("<x:s>", a => a[0] is Undefined ? a[0] : Text(JsonataValues.TypeName(a[0]))),
            ["count"] = F("<a:n>", a => JsonataValues.FromNumber(a[0] is JsonArray array ? array.Count : 0)),
            ["length"] = F("<s-:n>", a => OnString(a, s => JsonataValues.FromNumber(CodePoints(s).Count))),
            // JavaScript's toUpperCase, which jsonata uses, writes ß as SS.
            ["uppercase"] = F("<s-:s>", a => OnString(a, s => Text(s.ToUpperInvariant().Replace("ß", "SS", StringComparison.Ordinal)))),
            ["lowercase"] = F("<s-:s>", a => OnString(a, s => Text(s.ToLowerInvariant()))),
            ["trim"] = F("<s-:s>", a => OnString(a, s => Text(string.Join(' ', s.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))))),
            ["contains"] = F("<s-(sf):b>", a => OnString(a, s => a[1] switch
            {
                Undefined => a[1],
                JsonataFunction { Pattern: { } regex } => Bool(regex.IsMatch(s)),
                _ => Bool(s.Contains(Str(a[1]), StringComparison.Ordinal)),
            })),
            ["substring"] = F("<s-nn?:s>", a => OnString(a, s => Text(Substring(s, a[1] is Undefined ? 0 : Num(a[1]), a[2] is Undefined ? null : Num(a[2]))))),
            ["substringBefore"] = F("<s-s:s>", a => OnString(a, s => a[1] is Undefined ? a[0] : Text(s.IndexOf(Str(a[1]), StringComparison.Ordinal) is var i and >= 0 ? s[..i] : s))),
            ["substringAfter"] = F("<s-s:s>", a => OnString(a, s => a[1] is Undefined ? a[0] : Text(s.IndexOf(Str(a[1]), StringComparison.Ordinal) is var i and >= 0 ? s[(i + Str(a[1]).Length)..] : s))),
            ["pad"] = F("<s-ns?:s>", a => OnString(a, s => Text(Pad(s, a[1] is Undefined ? 0 : (int)Num(a[1]), a[2] is Undefined || Str(a[2]).Length == 0 ? " " : Str(a[2]))))),
            ["split"] = F("<s-(sf)n?:a<s>>", a => OnString(a, s => Split(s, a[1], a[2]))),
            ["match"] = F("<s-f<s:o>n?:a<o>>", a => OnString(a, s => Match(s, a[1], a[2]))),
            ["replace"] = F("<s-(sf)(sf)n?:s>", a => OnString(a, s => Text(Replace(s, a[1], a[2], a[3])))),
            ["join"] = F("<a<s>s?:s>", a => a[0] is Undefined ? a[0] : Text(string.Join(a[1] is Undefined ? "" : Str(a[1]), Items(a[0]).Select(i => i!.GetValue<string>())))),
            ["sum"] = F("<a<n>:n>", a => a[0] is Undefined ? a[0] : JsonataValues.FromNumber(Numbers(a[0]).Sum())),
            ["max"] = F("<a<n>:n>", a => Numbers(a[0]) is { Count: > 0 } n ? JsonataValues.FromNumber(n.Max()) : Undefined.Value),
            ["min"] = F("<a<n>:n>", a => Numbers(a[0]) is { Count: > 0 } n ? JsonataValues.FromNumber(n.Min()) : Undefined.Value),
            ["average"] = F("<a<n>:n>", a => Numbers(a[0]) is { Count: > 0 } n ? JsonataValues.FromNumber(n.Average()) : Undefined.Value),
            ["abs"] = F("<n-:n>", a => OnNumber(a, n => Math.Abs(n))),
            ["floor"] = F("<n-:n>", a => OnNumber(a, Math.Floor)),
            ["ceil"] = F("<n-:n>", a => OnNumber(a, Math.Ceiling)),
            ["round"] = F("<n-n?:n>", a => OnNumber(a, n => Round(n, a[1] is Undefined ? 0 : (int)Num(a[1])))),
            ["power"] = F("<n-n:n>", a => OnNumber(a, n => a[1] is not Undefined && Math.Pow(n, Num(a[1])) is var p && double.IsFinite(p)
                ? p
                : throw new JsonataException("D3061: The power function has resulted in a value that cannot be represented as a JSON number"))),
            ["sqrt"] = F("<n-:n>", a => OnNumber(a, n => n < 0 ? throw new JsonataException("D3060: The sqrt function cannot be applied to a negative number") : Math.Sqrt(n))),
            ["keys"] = F("<x-:a<s>>", a => JsonataValues.Sequence(Keys(a[0]).Select(k => (JsonNode?)JsonValue.Create(k)).ToList())),
            ["lookup"] = F("<x-s:x>", a => a[1] is Undefined ? a[1] : Lookup(a[0], Str(a[1]))),
            ["merge"] = F("<a<o>:o>", a =>
            {
                if (a[0] is Undefined)
                {
                    return a[0];
                }
                var merged = new JsonObject();
                foreach (var item in Items(a[0]))
                {
                    foreach (var (key, value) in (JsonObject)item!)
                    {
                        merged[key] = JsonValues.Clone(value);
                    }
                }
                return merged;
            }),
            ["append"] = F("<xx:a>", a => a[0] is Undefined ? a[1] : a[1] is Undefined ? a[0] : new JsonArray(Items(a[0]).Concat(Items(a[1])).Select(JsonValues.Clone).ToArray())),
            ["reverse"] = F("<a:a>", a => a[0] is Undefined ? a[0] : new JsonArray(Items(a[0]).Reverse().Select(JsonValues.Clone).ToArray())),
            ["distinct"] = F("<x:x>", a =>
            {
                if (a[0] is not JsonArray items)
                {
                    return a[0];
                }
                var result = new List<JsonNode?>();
                foreach (var item in items)
                {
                    if (!result.Any(r => JsonValues.DeepEquals(r, item)))
                    {
                        result.Add(item);
                    }
                }
                return new JsonArray(result.Select(JsonValues.Clone).ToArray());
            }),
            ["spread"] = F("<x-:a<o>>", a => Spread(a[0])),
            ["map"] = F("<af>", a => a[0] is Undefined ? a[0] : JsonataValues.Sequence(Items(a[0])
                .Select((item, i) => Call(a[1], item, i, a[0])).Where(r => r is not Undefined).Select(r => r as JsonNode).ToList())),
            ["filter"] = F("<af>", a => a[0] is Undefined ? a[0] : JsonataValues.Sequence(Items(a[0])
                .Where((item, i) => JsonataValues.ToBoolean(Call(a[1], item, i, a[0]))).ToList())),
            ["single"] = F("<af?>", a => Single(a[0], a[1])),
            ["reduce"] = F("<afj?:j>", a => Reduce(a[0], a[1], a[2])),
            ["sort"] = F("<af?:a>", a => Sort(a[0], a[1])),
            ["zip"] = F("<a+>", a =>
            {
                var arrays = a.Select(x => Items(x).ToList()).ToList();
                var length = arrays.Min(x => x.Count);
                return new JsonArray(Enumerable.Range(0, length)
                    .Select(i => (JsonNode?)new JsonArray(arrays.Select(x => JsonValues.Clone(x[i])).ToArray())).ToArray());
            }),
            ["each"] = F("<o-f:a>", a => a[0] is not JsonObject obj ? Undefined.Value : JsonataValues.Sequence(obj.ToList()
                .Select(m => Call(a[1], m.Value, m.Key, obj)).Where(r => r is not Undefined).Select(r => r as JsonNode).ToList())),
            ["sift"] = F("<o-f?:o>", a =>
            {
                if (a[0] is not JsonObject obj)
                {
                    return Undefined.Value;
                }
                var kept = new JsonObject();
                foreach (var (key, value) in obj.ToList())
                {
                    if (JsonataValues.ToBoolean(Call(a[1], value, key, obj)))
                    {
                        kept[key] = JsonValues.Clone(value);
                    }
                }
                return kept.Count == 0 ? Undefined.Value : kept;
            }),
            ["now"] = F("<s?s?:s>", a => a[0] is Undefined && a[1] is Undefined
                ? Text(now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
                : throw new JsonataException("$now with a picture or a timezone: FakeAws does not format date-time pictures")),
            ["base64encode"] = F("<s-:s>", a => OnString(a, s => Text(Base64Encode(s)))),
            ["base64decode"] = F("<s-:s>", a => OnString(a, s => Text(Base64Decode(s)))),
            ["encodeUrlComponent"] = F("<s-:s>", a => OnString(a, s => Text(EncodeUrl(s, component: true)))),
            ["encodeUrl"] = F("<s-:s>", a => OnString(a, s => Text(EncodeUrl(s, component: false)))),
            ["decodeUrlComponent"] = F("<s-:s>", a => OnString(a, s => Text(DecodeUrl(s, component: true)))),
            ["decodeUrl"] = F("<s-:s>", a => OnString(a, s => Text(DecodeUrl(s, component: false)))),
            ["formatBase"] = F("<n-n?:s>", a => a[0] is Undefined ? a[0] : Text(FormatBase(Round(Num(a[0]), 0), a[1] is Undefined ? 10 : (int)Round(Num(a[1]), 0)))),
            ["error"] = F("<s?:x>", a => throw new JsonataException("D3137: " + (a[0] is Undefined || Str(a[0]).Length == 0 ? "$error() function evaluated" : Str(a[0])))),
            ["assert"] = F("<bs?:x>", a => JsonataValues.ToBoolean(a[0])
                ? Undefined.Value
                : throw new JsonataException("D3141: " + (a[1] is Undefined || Str(a[1]).Length == 0 ? "$assert() statement failed" : Str(a[1])))),
            ["shuffle"] = F("<a:a>", a => a[0] is Undefined ? a[0] : Shuffle(Items(a[0]).ToList(), random)),
            ["millis"] = F("<:n>", _ => JsonataValues.FromNumber(now.ToUnixTimeMilliseconds())),
            ["partition"] = Loose(2, a =>
            {
                var size = (int)Number(a, 1);
                if (size <= 0)
                {
                    throw new JsonataException("The chunk size of $partition must be a positive integer");
                }
                var items = Items(a[0]).ToList();
                return new JsonArray(items.Chunk(size).Select(chunk => (JsonNode?)new JsonArray(chunk.Select(JsonValues.Clone).ToArray())).ToArray());
            }),
            ["range"] = Loose(3, a =>
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
            }),
            ["hash"] = Loose(2, a =>
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
            }),
            ["random"] = new((a, _) =>
            {
                var source = a.Count > 0 && a[0] is not Undefined ? new Random((int)Number(a, 0)) : random;
                lock (source)
                {
                    return JsonValue.Create(source.NextDouble());
                }
            }, 1),
            ["uuid"] = new((_, _) => Text(newGuid().ToString()), 0),
            ["parse"] = Loose(1, a =>
            {
                try
                {
                    return JsonValues.Parse(String(a, 0));
                }
                catch (JsonException)
                {
                    throw new JsonataException("The argument of $parse is not valid JSON");
                }
            }),
        };
        return functions;
    }

    /// <summary>A JSONata built-in: its arguments are checked against <paramref name="signature"/> first.</summary>
    private static JsonataFunction F(string signature, Func<List<object?>, object?> body)
    {
        var checker = new JsonataSignature(signature);
        return new((arguments, context) => body(checker.Validate(arguments, context)), checker.Arity);
    }

    /// <summary>A Step Functions built-in: at most <paramref name="arity"/> arguments; an undefined first one gives undefined.</summary>
    private static JsonataFunction Loose(int arity, Func<IReadOnlyList<object?>, object?> body) =>
        new((arguments, _) =>
        {
            if (arguments.Count > arity)
            {
                throw new JsonataException($"T0410: A function was given {arguments.Count} arguments but takes {arity}");
            }
            var padded = arguments.Concat(Enumerable.Repeat<object?>(Undefined.Value, arity - arguments.Count)).ToList();
            return padded[0] is Undefined ? Undefined.Value : body(padded);
        }, arity);

    /// <summary>
    /// Calls a callback of a higher-order function with as many of (value, index or key, collection)
    /// as it declares, as jsonata does.
    /// </summary>
    private static object? Call(object? function, JsonNode? value, object index, object? collection)
    {
        var callback = (JsonataFunction)function!;
        var arguments = new List<object?> { value };
        if (callback.Arity >= 2)
        {
            arguments.Add(index is string key ? JsonValue.Create(key) : JsonValue.Create((int)index));
        }
        if (callback.Arity >= 3)
        {
            arguments.Add(collection);
        }
        return callback.Invoke(arguments);
    }

    private static object? OnString(List<object?> a, Func<string, object?> body) => a[0] is Undefined ? a[0] : body(Str(a[0]));

    private static object? OnNumber(List<object?> a, Func<double, double> body) => a[0] is Undefined ? a[0] : JsonataValues.FromNumber(body(Num(a[0])));

    private static JsonNode Bool(bool value) => JsonValue.Create(value);

    private static JsonNode Text(string value) => JsonValue.Create(value);

    /// <summary>A validated string argument.</summary>
    private static string Str(object? value) => ((JsonNode)value!).GetValue<string>();

    /// <summary>A validated number argument.</summary>
    private static double Num(object? value) => JsonataValues.Number(value);

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

    private static List<double> Numbers(object? value) => Items(value).Select(i => JsonValues.AsDouble(i!)).ToList();
}
