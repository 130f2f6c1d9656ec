using System.Text.Json;
using FakeAws.Engine.ApiGateway.Model;

namespace FakeAws.Engine.ApiGateway;

/// <summary>
/// The location rules of documentation parts ("Representation of API documentation in API Gateway"):
/// which of <c>path</c>, <c>method</c>, <c>statusCode</c> and <c>name</c> each entity type takes, which
/// it requires, and the wildcard defaults a part reads back with (<c>/</c> for path, <c>*</c> for method
/// and status code). Two parts may not share a location once the defaults are filled in.
/// </summary>
internal static class DocumentationLocations
{
    [Flags]
    private enum Field
    {
        None = 0,
        Path = 1,
        Method = 2,
        StatusCode = 4,
        Name = 8,
    }

    private sealed record Rule(Field Allowed, bool NameRequired);

    // In the order of the DocumentationPartType enum of the service model.
    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        ["API"] = new(Field.None, false),
        ["AUTHORIZER"] = new(Field.Name, true),
        ["MODEL"] = new(Field.Name, true),
        ["RESOURCE"] = new(Field.Path, false),
        ["METHOD"] = new(Field.Path | Field.Method, false),
        ["PATH_PARAMETER"] = new(Field.Path | Field.Method | Field.Name, true),
        ["QUERY_PARAMETER"] = new(Field.Path | Field.Method | Field.Name, true),
        ["REQUEST_HEADER"] = new(Field.Path | Field.Method | Field.Name, true),
        ["REQUEST_BODY"] = new(Field.Path | Field.Method | Field.Name, false),
        ["RESPONSE"] = new(Field.Path | Field.Method | Field.StatusCode, false),
        ["RESPONSE_HEADER"] = new(Field.Path | Field.Method | Field.StatusCode | Field.Name, true),
        ["RESPONSE_BODY"] = new(Field.Path | Field.Method | Field.StatusCode, false),
    };

    public static bool IsType(string? type) => type is not null && Rules.ContainsKey(type);

    /// <summary>
    /// <paramref name="location"/> checked against its type's rule and with its wildcards filled in;
    /// null with the reason when the location is not valid.
    /// </summary>
    public static (DocumentationPartLocation? Location, string? Error) Normalize(DocumentationPartLocation location)
    {
        if (location.Type is not { } type || !Rules.TryGetValue(type, out var rule))
        {
            return (null, $"Invalid documentation part location type: '{location.Type}'");
        }
        foreach (var (field, value) in new[] { (Field.Path, location.Path), (Field.Method, location.Method), (Field.StatusCode, location.StatusCode), (Field.Name, location.Name) })
        {
            if (!string.IsNullOrEmpty(value) && !rule.Allowed.HasFlag(field))
            {
                return (null, $"Invalid location: '{Camel(field)}' is not a valid field for type '{type}'");
            }
        }
        if (rule.NameRequired && string.IsNullOrEmpty(location.Name))
        {
            return (null, $"Invalid location: 'name' is required for type '{type}'");
        }
        if (!string.IsNullOrEmpty(location.Path) && !location.Path.StartsWith('/'))
        {
            return (null, $"Invalid location: invalid path '{location.Path}'");
        }
        return (new DocumentationPartLocation
        {
            Type = type,
            Path = rule.Allowed.HasFlag(Field.Path) ? Default(location.Path, "/") : null,
            Method = rule.Allowed.HasFlag(Field.Method) ? Default(location.Method, "*") : null,
            StatusCode = rule.Allowed.HasFlag(Field.StatusCode) ? Default(location.StatusCode, "*") : null,
            Name = string.IsNullOrEmpty(location.Name) ? null : location.Name,
        }, null);
    }

    public static bool SameLocation(DocumentationPartLocation a, DocumentationPartLocation b) =>
        a.Type == b.Type && a.Path == b.Path && a.Method == b.Method && a.StatusCode == b.StatusCode && a.Name == b.Name;

    /// <summary>A location as AWS's conflict message names it: <c>type 'METHOD', path '/pets', method 'GET'</c>.</summary>
    public static string Describe(DocumentationPartLocation location)
    {
        var parts = new List<string> { $"type '{location.Type}'" };
        foreach (var (field, value) in new[] { ("path", location.Path), ("method", location.Method), ("statusCode", location.StatusCode), ("name", location.Name) })
        {
            if (value is not null)
            {
                parts.Add($"{field} '{value}'");
            }
        }
        return string.Join(", ", parts);
    }

    /// <summary>Whether stored properties (always a JSON object) hold content: <c>{}</c> documents nothing (locationStatus UNDOCUMENTED).</summary>
    public static bool IsDocumented(string? properties) => MemberCount(properties) > 0;

    /// <summary>Whether <paramref name="properties"/> is a JSON object, as every part's content map must be.</summary>
    public static bool IsJsonObject(string? properties) => MemberCount(properties) >= 0;

    /// <summary>The number of members of a JSON object text; -1 when the text is not a JSON object.</summary>
    private static int MemberCount(string? text)
    {
        try
        {
            using var document = JsonDocument.Parse(text ?? "");
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.EnumerateObject().Count() : -1;
        }
        catch (JsonException)
        {
            return -1;
        }
    }

    private static string Default(string? value, string wildcard) => string.IsNullOrWhiteSpace(value) ? wildcard : value;

    private static string Camel(Field field) => field switch
    {
        Field.Path => "path",
        Field.Method => "method",
        Field.StatusCode => "statusCode",
        _ => "name",
    };
}
