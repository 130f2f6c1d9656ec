using System.Text.Json.Nodes;
using FakeAws.Engine.ApiGateway.Velocity;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>
/// What an integration's <c>requestParameters</c> and an integration response's
/// <c>responseParameters</c> map: each value is a source expression such as
/// <c>method.request.header.X</c>, <c>integration.response.body.a.b</c>, <c>context.requestId</c>,
/// <c>stageVariables.name</c> or a <c>'literal'</c>.
/// </summary>
internal static class ParameterMappings
{
    /// <summary>
    /// A request mapping's value: <c>method.request.{path|querystring|multivaluequerystring|header|multivalueheader}.name</c>,
    /// <c>method.request.body</c> or <c>method.request.body.path</c>, or a common source; null when the request has none.
    /// </summary>
    public static string? Request(string expression, MappingTemplate mapping, InvocationContext context, string body)
    {
        const string prefix = "method.request.";
        if (!expression.StartsWith(prefix, StringComparison.Ordinal))
        {
            return Common(expression, mapping);
        }
        var rest = expression[prefix.Length..];
        var parameters = mapping.Parameters;
        return Split(rest) switch
        {
            ("path", { } name) => parameters.Path.GetValueOrDefault(name) as string,
            ("querystring", { } name) => parameters.QueryString.GetValueOrDefault(name) as string,
            ("multivaluequerystring", { } name) => Joined(RequestParts.Query(context.Request.RawQuery), name, StringComparison.Ordinal),
            ("header", { } name) => context.Request.Header(name),
            ("multivalueheader", { } name) => Joined(context.Request.Headers, name, StringComparison.OrdinalIgnoreCase),
            ("body", null) => body,
            ("body", { } path) => BodyPath(body, path),
            _ => null,
        };
    }

    /// <summary>
    /// A response mapping's value: <c>integration.response.header.name</c>,
    /// <c>integration.response.multivalueheader.name</c>, <c>integration.response.body</c> or
    /// <c>integration.response.body.path</c>, or a common source; null when the answer has none.
    /// </summary>
    public static string? Response(string expression, MappingTemplate mapping, IReadOnlyList<KeyValuePair<string, string>> headers, string body)
    {
        const string prefix = "integration.response.";
        if (!expression.StartsWith(prefix, StringComparison.Ordinal))
        {
            return Common(expression, mapping);
        }
        return Split(expression[prefix.Length..]) switch
        {
            ("header", { } name) => headers.LastOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value,
            ("multivalueheader", { } name) => Joined(headers, name, StringComparison.OrdinalIgnoreCase),
            ("body", null) => body,
            ("body", { } path) => BodyPath(body, path),
            _ => null,
        };
    }

    /// <summary>A <c>'literal'</c>, <c>context.a.b</c> or <c>stageVariables.name</c>.</summary>
    private static string? Common(string expression, MappingTemplate mapping)
    {
        if (expression.Length >= 2 && expression[0] == '\'' && expression[^1] == '\'')
        {
            return expression[1..^1];
        }
        object? value = null;
        if (expression.StartsWith("context.", StringComparison.Ordinal))
        {
            value = mapping.Context;
            foreach (var part in expression["context.".Length..].Split('.'))
            {
                value = VtlValues.Property(value, part);
            }
        }
        else if (expression.StartsWith("stageVariables.", StringComparison.Ordinal))
        {
            value = mapping.StageVariables.GetValueOrDefault(expression["stageVariables.".Length..]);
        }
        return value is null ? null : VtlValues.Text(value);
    }

    private static (string Kind, string? Name) Split(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (text, null) : (text[..dot], text[(dot + 1)..]);
    }

    private static string? Joined(IEnumerable<KeyValuePair<string, string>> pairs, string name, StringComparison comparison)
    {
        var values = pairs.Where(p => string.Equals(p.Key, name, comparison)).Select(p => p.Value).ToList();
        return values.Count == 0 ? null : string.Join(',', values);
    }

    /// <summary>A JSON body's member: a string as it is, anything else as JSON text.</summary>
    private static string? BodyPath(string body, string path)
    {
        if (!JsonValues.TryParse(body, out var document))
        {
            return null;
        }
        try
        {
            var node = JsonPath.Parse("$." + path).Select(document);
            return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();
        }
        catch (Exception e) when (e is FormatException or JsonPathNotFoundException)
        {
            return null;
        }
    }
}
