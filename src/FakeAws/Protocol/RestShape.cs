using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FakeAws.Engine.Core;

namespace FakeAws.Protocol;

/// <summary>
/// Where the members of one model shape travel in the REST protocols: the URI, the query string,
/// headers, the status code, the payload member, or the JSON body (every member not marked
/// <see cref="JsonIgnoreAttribute"/>). Read once per shape from the generated attributes.
/// </summary>
internal sealed class RestShape
{
    private static readonly ConcurrentDictionary<Type, RestShape> Shapes = new();

    private RestShape(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        Located = properties
            .Select(p => (Property: p, Location: p.GetCustomAttribute<WireLocationAttribute>()))
            .Where(p => p.Location is not null && p.Location.Location != "statusCode")
            .Select(p => new LocatedMember(p.Property, p.Location!.Location, p.Location.Name))
            .ToArray();
        StatusCode = properties.FirstOrDefault(p => p.GetCustomAttribute<WireLocationAttribute>()?.Location == "statusCode");
        Payload = properties.FirstOrDefault(p => p.GetCustomAttribute<WirePayloadAttribute>() is not null);
        HasBody = Payload is null && properties.Any(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null);
    }

    /// <summary>Members bound to the URI, query string or headers.</summary>
    public LocatedMember[] Located { get; }

    /// <summary>The member that carries the HTTP status of a response, if any.</summary>
    public PropertyInfo? StatusCode { get; }

    /// <summary>The member that is the whole body, if any.</summary>
    public PropertyInfo? Payload { get; }

    /// <summary>Whether the other members travel as a JSON body.</summary>
    public bool HasBody { get; }

    public static RestShape For(Type type) => Shapes.GetOrAdd(type, t => new RestShape(t));

    /// <summary>Reads a string from the URI, query or a header into a member's type.</summary>
    public static object? Parse(string value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target switch
        {
            _ when target == typeof(string) => value,
            _ when target == typeof(int) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture),
            _ when target == typeof(long) => long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture),
            _ when target == typeof(double) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
            _ when target == typeof(bool) => bool.Parse(value),
            _ when target == typeof(DateTimeOffset) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? DateTimeOffset.UnixEpoch.AddSeconds(seconds)
                : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            _ => throw new FormatException($"FakeAws cannot read a {target.Name} from the URI, query string or a header."),
        };
    }

    /// <summary>Writes a member's value as a header value: timestamps as HTTP dates, the rest invariant.</summary>
    public static string Format(object value) => value switch
    {
        DateTimeOffset time => time.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(",", list),
        _ => value.ToString() ?? "",
    };

    /// <summary>The body of a payload member: bytes as they are, text as UTF-8, a structure as JSON.</summary>
    public static byte[] PayloadBytes(object value, JsonSerializerOptions json) => value switch
    {
        byte[] bytes => bytes,
        string text => Encoding.UTF8.GetBytes(text),
        _ => JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json),
    };
}

/// <summary>A member bound to the URI (<c>uri</c>), the query string (<c>querystring</c>) or a header (<c>header</c>, or a <c>headers</c> prefix map).</summary>
internal sealed record LocatedMember(PropertyInfo Property, string Location, string Name);
