using System.Text.Json;
using System.Text.Json.Serialization;

namespace FakeAws.Engine.ApiGateway;

/// <summary>Copies model objects, so stored state never shares instances with requests, responses or deployments.</summary>
internal static class ApiGatewayJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    /// <summary>A deep copy of <paramref name="value"/>.</summary>
    public static T Clone<T>(T value) where T : class =>
        JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value, Options), Options)!;

    /// <summary>
    /// <paramref name="value"/> as another shape with the same JSON members; HTTP APIs (v2) have one
    /// output shape per operation (CreateApiResponse, GetApiResponse, ...) for one resource.
    /// </summary>
    public static T Convert<T>(object value) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Options), Options)!;
}
