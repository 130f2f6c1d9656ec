using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeAws.Engine.StepFunctions.Json;

/// <summary>Which document a path reads: the state's data, the context object, or a variable.</summary>
internal enum JsonPathRoot
{
    /// <summary><c>$</c>: the state's input or result.</summary>
    Data,

    /// <summary><c>$$</c>: the context object.</summary>
    Context,

    /// <summary><c>$name</c>: a workflow variable.</summary>
    Variable,
}

/// <summary>A path selected nothing; the message is worded as Jayway JsonPath (which AWS uses) words it.</summary>
internal sealed class JsonPathNotFoundException(string message) : Exception(message);

/// <summary>
/// A JSONPath as Step Functions evaluates it (AWS runs Jayway JsonPath). A definite path (only names and
/// single indexes) selects one value and fails when it is missing; an indefinite path (wildcards,
/// slices, unions, deep scans, filters) selects a list of every match, which may be empty.
/// </summary>
internal sealed partial class JsonPath
{
    private readonly Segment[] _segments;

    private JsonPath(string text, JsonPathRoot root, string? variable, Segment[] segments)
    {
        Text = text;
        Root = root;
        Variable = variable;
        _segments = segments;
        IsDefinite = segments.All(s => s is PropertySegment or IndexSegment);
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>The document the path reads.</summary>
    public JsonPathRoot Root { get; }

    /// <summary>The variable a <see cref="JsonPathRoot.Variable"/> path reads.</summary>
    public string? Variable { get; }

    /// <summary>True when the path selects at most one value.</summary>
    public bool IsDefinite { get; }

    /// <summary>The member name of the first step when it is a plain property step, otherwise null.</summary>
    public string? FirstProperty => _segments.Length > 0 && _segments[0] is PropertySegment first ? first.Name : null;

    /// <summary>True for the bare root (<c>$</c>, <c>$$</c> or <c>$name</c>).</summary>
    public bool IsRoot => _segments.Length == 0;

    /// <summary>The names of a definite path's steps, for writing through it (ResultPath).</summary>
    internal IReadOnlyList<object> DefiniteSteps => _segments.Select(s => s switch
    {
        PropertySegment p => (object)p.Name,
        IndexSegment i => i.Index,
        _ => throw new InvalidOperationException("not a definite path"),
    }).ToList();

    /// <summary>Parses a path, or throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static JsonPath Parse(string text)
    {
        // Filters nest paths in paths, and the parser recurses once per bracket.
        if (NestingLimits.BracketDepth(text) > NestingLimits.JsonPathBrackets)
        {
            throw new NestingTooDeepException($"brackets and parentheses nest more than {NestingLimits.JsonPathBrackets} deep");
        }
        return new Parser(text).ParsePath();
    }

    /// <summary>Parses a path, or returns false.</summary>
    public static bool TryParse(string text, out JsonPath? path)
    {
        try
        {
            path = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            path = null;
            return false;
        }
    }

    /// <summary>
    /// Selects from <paramref name="document"/>: the value for a definite path (a copy), or an array of
    /// every match for an indefinite one.
    /// </summary>
    /// <exception cref="JsonPathNotFoundException">A definite path selects nothing.</exception>
    public JsonNode? Select(JsonNode? document)
    {
        if (IsDefinite)
        {
            return JsonValues.Clone(SelectDefinite(document));
        }
        var matches = new List<JsonNode?>();
        Collect(document, 0, matches, document);
        return new JsonArray(matches.Select(JsonValues.Clone).ToArray());
    }

    /// <summary>The path in Jayway's bracket notation, for example <c>$['a'][0]</c>.</summary>
    public string Normalized => Render(_segments.Length);

    private string Render(int count)
    {
        var builder = new StringBuilder("$");
        foreach (var segment in _segments.Take(count))
        {
            builder.Append(segment.Render());
        }
        return builder.ToString();
    }

    private JsonNode? SelectDefinite(JsonNode? document)
    {
        var current = document;
        for (var i = 0; i < _segments.Length; i++)
        {
            var last = i == _segments.Length - 1;
            switch (_segments[i])
            {
                case PropertySegment property:
                    if (current is not JsonObject obj)
                    {
                        throw new JsonPathNotFoundException(
                            $"Expected to find an object with property {property.Render()} in path {Render(i)} but found '{JavaTypeName(current)}'. " +
                            "This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider'.");
                    }
                    if (!obj.TryGetPropertyValue(property.Name, out current))
                    {
                        throw new JsonPathNotFoundException(last
                            ? $"No results for path: {Normalized}"
                            : $"Missing property in path {Render(i + 1)}");
                    }
                    break;
                case IndexSegment index:
                    if (current is not JsonArray array)
                    {
                        throw new JsonPathNotFoundException(
                            $"Filter: {index.Render()} can only be applied to arrays. Current context is: {JsonValues.Serialize(current)}");
                    }
                    var at = index.Index < 0 ? array.Count + index.Index : index.Index;
                    if (at < 0 || at >= array.Count)
                    {
                        throw new JsonPathNotFoundException($"No results for path: {Normalized}");
                    }
                    current = array[at];
                    break;
            }
        }
        return current;
    }

    private void Collect(JsonNode? node, int at, List<JsonNode?> matches, JsonNode? document)
    {
        if (at == _segments.Length)
        {
            matches.Add(node);
            return;
        }
        _segments[at].Apply(node, this, at, matches, document);
    }

    private static string JavaTypeName(JsonNode? node) => JsonValues.Kind(node) switch
    {
        JsonValueKind.String => "java.lang.String",
        JsonValueKind.Number => JsonValues.TryGetInteger(node, out _) ? "java.lang.Integer" : "java.lang.Double",
        JsonValueKind.True or JsonValueKind.False => "java.lang.Boolean",
        JsonValueKind.Array => "java.util.List",
        JsonValueKind.Null => "null",
        _ => "java.util.Map",
    };

    private abstract class Segment
    {
        public abstract string Render();

        public abstract void Apply(JsonNode? node, JsonPath path, int at, List<JsonNode?> matches, JsonNode? document);
    }

    private sealed class PropertySegment(string name) : Segment
    {
        public string Name { get; } = name;

        public override string Render() => $"['{Name}']";

        public override void Apply(JsonNode? node, JsonPath path, int at, List<JsonNode?> matches, JsonNode? document)
        {
            if (node is JsonObject obj && obj.TryGetPropertyValue(Name, out var value))
            {
                path.Collect(value, at + 1, matches, document);
            }
        }
    }

    private sealed class PropertyUnionSegment(string[] names) : Segment
    {
        public override string Render() => "[" + string.Join(",", names.Select(n => $"'{n}'")) + "]";

        public override void Apply(JsonNode? node, JsonPath path, int at, List<JsonNode?> matches, JsonNode? document)
        {
            if (node is not JsonObject obj)
            {
                return;
            }
            foreach (var name in names)
            {
                if (obj.TryGetPropertyValue(name, out var value))
                {
                    path.Collect(value, at + 1, matches, document);
                }
            }
        }
    }

    private sealed class IndexSegment(int index) : Segment
    {
        public int Index { get; } = index;

        public override string Render() => $"[{Index}]";

        public override void Apply(JsonNode? node, JsonPath path, int at, List<JsonNode?> matches, JsonNode? document)
        {
            if (node is JsonArray array)
            {
                var i = Index < 0 ? array.Count + Index : Index;
                if (i >= 0 && i < array.Count)
                {
                    path.Collect(array[i], at + 1, matches, document);
                }
            }
        }
    }

    private sealed class IndexUnionSegment(int[] indexes) : Segment
    {
        public override string Render() => "[" + string.Join(",", indexes) + "]";

        public override void Apply(JsonNode? node, JsonPath path, int at, List<JsonNode?> matches, JsonNode? document)
        {
            if (node is not JsonArray array)
            {
                return;
            }
            foreach (var index in indexes)
            {
                var i = index < 0 ? array.Count + index : index;
                if (i >= 0 && i < array.Count)
                {
                    path.Collect(array[i], at + 1, matches, document);
                }
            }
        }
    }

    private sealed class SliceSegment(int? start, int? end, int step) : Segment
    {
        public override string Render() => $"[{start}:{end}{(step == 1 ? "" : ":" + step)}]";

        public override void Apply(JsonNode? node, JsonPath path, int at, List<JsonNode?> matches, JsonNode? document)
        {
            if (node is not JsonArray array)
            {
                return;
            }
            var count = array.Count;
            var from = Clamp(start ?? 0, count);
            var to = Clamp(end ?? count, count);
            for (var i = from; i < to; i += Math.Max(step, 1))
            {
                path.Collect(array[i], at + 1, matches, document);
            }
        }

        private static int Clamp(int value, int count) => Math.Clamp(value < 0 ? count + value : value, 0, count);
    }

    private sealed class WildcardSegment : Segment
    {
        public override string Render() => "[*]";

        public override void Apply(JsonNode? node, JsonPath path, int at, List<JsonNode?> matches, JsonNode? document)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (_, value) in obj)
                    {
                        path.Collect(value, at + 1, matches, document);
                    }
                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        path.Collect(item, at + 1, matches, document);
                    }
                    break;
            }
        }
    }

    /// <summary><c>..</c> followed by a step: the step applied at every depth.</summary>
    private sealed class DeepScanSegment(Segment next) : Segment
    {
        public override string Render() => ".." + next.Render();

        public override void Apply(JsonNode? node, JsonPath path, int at, List<JsonNode?> matches, JsonNode? document)
        {
            next.Apply(node, path, at, matches, document);
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (_, value) in obj)
                    {
                        Apply(value, path, at, matches, document);
                    }
                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Apply(item, path, at, matches, document);
                    }
                    break;
            }
        }
    }

    private sealed class FilterSegment(FilterExpression filter, string text) : Segment
    {
        public override string Render() => $"[?({text})]";

        public override void Apply(JsonNode? node, JsonPath path, int at, List<JsonNode?> matches, JsonNode? document)
        {
            switch (node)
            {
                case JsonArray array:
                    foreach (var item in array)
                    {
                        if (filter.Test(item, document))
                        {
                            path.Collect(item, at + 1, matches, document);
                        }
                    }
                    break;
                case JsonObject obj when filter.Test(obj, document):
                    path.Collect(obj, at + 1, matches, document);
                    break;
            }
        }
    }

}
