using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using FakeAws.Engine.Core;
using FakeAws.Protocol;

namespace FakeAws.Tests.Protocol;

/// <summary>
/// One implemented operation of one of a cloud's front doors, and how a client puts a request for it on
/// the wire: its input's members, named as the model's shape names them (the C# property), go into the
/// X-Amz-Target JSON body, or for a REST service into the URI, query string, headers and body as the
/// model binds each.
/// </summary>
internal sealed partial class FrontDoorOperation(IWireService door, Operation operation)
{
    public WireRoute Route => door.Route;

    public Operation Operation => operation;

    public string Name => operation.Name;

    /// <summary>The service's model name (API Gateway's v1 and v2 share a signing name).</summary>
    public string ServiceName => door.Operations!.ServiceName;

    /// <summary>The service's JSON settings, to write members as its SDKs do.</summary>
    public JsonSerializerOptions Json => door.Resolved.Json!;

    /// <summary>The input shape's members, by name; none for an operation without input.</summary>
    public IReadOnlyList<PropertyInfo> Members { get; } =
        operation.Model.InputType?.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToArray() ?? [];

    /// <summary>Every implemented operation of every front door of <paramref name="aws"/> that is an AWS API.</summary>
    public static IReadOnlyList<FrontDoorOperation> AllOf(FakeAwsCloud aws) =>
        aws.Router.Services
            .SelectMany(door => door.Operations?.All.Where(o => o.IsImplemented).Select(o => new FrontDoorOperation(door, o)) ?? [])
            .ToArray();

    /// <summary>A request for the operation carrying <paramref name="members"/>.</summary>
    public HttpRequestMessage Request(JsonObject members)
    {
        if (Route.TargetPrefix is { } prefix)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/") { Headers = { { "X-Amz-Target", $"{prefix}.{Name}" } } };
            return Signed(request, Encoding.UTF8.GetBytes(Renamed(members).ToJsonString()));
        }
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var query = new List<string>();
        var body = new JsonObject();
        byte[]? payload = null;
        var headers = new List<(string, string)>();
        foreach (var (name, value) in members)
        {
            var member = Members.FirstOrDefault(m => m.Name == name);
            var location = member?.GetCustomAttribute<WireLocationAttribute>();
            switch (location?.Location)
            {
                case "uri":
                    labels[location.Name] = Text(value);
                    break;
                case "querystring":
                    query.AddRange((value as JsonArray ?? [value?.DeepClone()]).Select(v => $"{Uri.EscapeDataString(location.Name)}={Uri.EscapeDataString(Text(v))}"));
                    break;
                case "header":
                    headers.Add((location.Name, Text(value)));
                    break;
                case "headers" or "statusCode":
                    break;
                default:
                    if (member?.GetCustomAttribute<WirePayloadAttribute>() is not null)
                    {
                        payload = value is JsonValue v && v.TryGetValue<string>(out var raw) ? Encoding.UTF8.GetBytes(raw) : Encoding.UTF8.GetBytes(value?.ToJsonString() ?? "null");
                    }
                    else
                    {
                        body[JsonName(member, name)] = value?.DeepClone();
                    }
                    break;
            }
        }
        var uri = operation.Model.RequestUri.Split('?', 2);
        var path = Label().Replace(uri[0], m => labels.TryGetValue(m.Groups[1].Value, out var value)
            ? string.Join('/', value.Split('/').Select(s => Uri.EscapeDataString(s).Replace("%24", "$")))
            : "x");
        query.InsertRange(0, uri.Length > 1 ? [uri[1]] : []);
        var rest = new HttpRequestMessage(new HttpMethod(operation.Model.HttpMethod), path + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        foreach (var (name, value) in headers)
        {
            rest.Headers.TryAddWithoutValidation(name, value);
        }
        return Signed(rest, payload ?? (body.Count > 0 || operation.Model.HttpMethod is "POST" or "PUT" or "PATCH" ? Encoding.UTF8.GetBytes(body.ToJsonString()) : null));
    }

    // The members as the JSON body names them.
    private JsonObject Renamed(JsonObject members) =>
        new(members.Select(m => KeyValuePair.Create(JsonName(Members.FirstOrDefault(p => p.Name == m.Key), m.Key), m.Value?.DeepClone())));

    private static string JsonName(PropertyInfo? member, string name) => member?.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? name;

    private static string Text(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "";

    private HttpRequestMessage Signed(HttpRequestMessage request, byte[]? body)
    {
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=AKID/20300101/us-east-1/{Route.SigningName}/aws4_request, SignedHeaders=host, Signature=x");
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }
        return request;
    }

    [GeneratedRegex(@"\{([^}+]+)\+?\}")]
    private static partial Regex Label();

    public override string ToString() => $"{Route.SigningName} {Name}";
}
