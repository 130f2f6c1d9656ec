using System.Text.Json.Nodes;
using FakeAws.Engine.ApiGateway.Velocity;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>
/// A mapping template's <c>$input</c>: the payload (the method request's body in a request
/// template, the integration's answer in a response template) and the method request's parameters.
/// </summary>
internal sealed class MappingInput(string body, MethodRequestParameters parameters) : IVtlObject
{
    private JsonNode? _document;
    private bool _parsed;
    private bool _isJson;

    public bool TryGetProperty(string name, out object? value)
    {
        value = name == "body" ? body : null;
        return name == "body";
    }

    public bool TryInvoke(string name, IReadOnlyList<object?> arguments, out object? result)
    {
        result = (name, arguments.Count) switch
        {
            ("json", 1) => Json(VtlValues.Text(arguments[0])),
            ("path", 1) => Path(VtlValues.Text(arguments[0])),
            ("params", 0) => parameters.All(),
            ("params", 1) => parameters.Find(VtlValues.Text(arguments[0])),
            ("getBody", 0) => body,
            _ => null,
        };
        return result is not null;
    }

    /// <summary><c>$input.json(path)</c>: the selected part as JSON text; an empty payload is <c>{}</c>.</summary>
    private string Json(string path)
    {
        var (found, node) = Select(path);
        return !found ? "" : node is null ? "null" : node.ToJsonString();
    }

    /// <summary>
    /// <c>$input.path(path)</c>: the selected part as a value (a map, list, string, number); a payload
    /// that is not JSON is the text itself for <c>$</c>.
    /// </summary>
    private object? Path(string path)
    {
        var (found, node) = Select(path);
        if (!_isJson && path.Trim() == "$")
        {
            return body;
        }
        return found ? VtlJson.ToValue(node) : null;
    }

    private (bool Found, JsonNode? Node) Select(string path)
    {
        if (!_parsed)
        {
            _parsed = true;
            if (string.IsNullOrWhiteSpace(body))
            {
                _document = new JsonObject();
                _isJson = true;
            }
            else
            {
                _isJson = JsonValues.TryParse(body, out _document);
            }
        }
        if (!_isJson)
        {
            return path.Trim() == "$" ? (true, JsonValue.Create(body)) : (false, null);
        }
        try
        {
            return (true, JsonPath.Parse(path.Trim()).Select(_document));
        }
        catch (Exception e) when (e is FormatException or JsonPathNotFoundException)
        {
            return (false, null);
        }
    }
}

/// <summary>The method request's path, query string and header parameters, as <c>$input.params()</c> gives them.</summary>
internal sealed class MethodRequestParameters(InvocationContext context)
{
    /// <summary>Path parameters, then query string parameters (the last value of each), then headers (the last value of each).</summary>
    public OrderedDictionary<string, object?> Path { get; } = Strings(context.PathParameters.Select(p => new KeyValuePair<string, string>(p.Key, RequestParts.Decode(p.Value))));

    public OrderedDictionary<string, object?> QueryString { get; } = Strings(RequestParts.Query(context.Request.RawQuery));

    public OrderedDictionary<string, object?> Header { get; } = Strings(context.Request.Headers);

    /// <summary><c>$input.params()</c>: <c>{path={...}, querystring={...}, header={...}}</c>, each a fresh copy templates may change.</summary>
    public OrderedDictionary<string, object?> All() => VtlValues.Map(
    [
        new("path", VtlValues.Map(Path)),
        new("querystring", VtlValues.Map(QueryString)),
        new("header", VtlValues.Map(Header)),
    ]);

    /// <summary><c>$input.params(name)</c>: a path, query string or header parameter, searched in that order (headers case-insensitively); empty when none.</summary>
    public string Find(string name) =>
        Path.GetValueOrDefault(name) as string
        ?? QueryString.GetValueOrDefault(name) as string
        ?? Header.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value as string
        ?? "";

    private static OrderedDictionary<string, object?> Strings(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var map = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            map[key] = value;
        }
        return map;
    }
}
