using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FakeAws.Lambda.Binding;

/// <summary>Turns event payloads into handler arguments and results into response payloads.</summary>
internal interface IPayloadSerializer
{
    object? Deserialize(byte[] payload, Type type);

    byte[] Serialize(object? value, Type type);
}

/// <summary>
/// Picks a handler's serializer as the .NET runtime does: a <c>LambdaSerializer</c> attribute on the
/// method, else on its assembly, else (where AWS would refuse) System.Text.Json with the defaults of
/// AWS's <c>DefaultLambdaJsonSerializer</c>. The attribute is recognised by name and shape, so
/// Amazon.Lambda.Core need not be referenced.
/// </summary>
internal static class PayloadSerializers
{
    public static IPayloadSerializer For(MethodInfo method)
    {
        var attribute = FindAttribute(method.GetCustomAttributes()) ?? FindAttribute(method.DeclaringType?.Assembly.GetCustomAttributes() ?? []);
        return attribute is null ? AwsDefaultSerializer.Instance : new AttributeSerializer(Activator.CreateInstance(attribute)!);
    }

    private static Type? FindAttribute(IEnumerable<Attribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            var type = attribute.GetType();
            if (type.Name == "LambdaSerializerAttribute" && type.GetProperty("SerializerType")?.GetValue(attribute) is Type serializer)
            {
                return serializer;
            }
        }
        return null;
    }
}

/// <summary>System.Text.Json as AWS's DefaultLambdaJsonSerializer sets it up, with its error messages.</summary>
internal sealed class AwsDefaultSerializer : IPayloadSerializer
{
    public static readonly AwsDefaultSerializer Instance = new();

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = new AwsNamingPolicy(),
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new MemoryStreamBase64Converter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public object? Deserialize(byte[] payload, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, type, Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new JsonSerializerException(type == typeof(string)
                ? $"Error converting the Lambda event JSON payload to a string. JSON strings must be quoted, for example \"Hello World\" in order to be converted to a string: {e.Message}"
                : $"Error converting the Lambda event JSON payload to type {type.FullName}: {e.Message}", e);
        }
    }

    public byte[] Serialize(object? value, Type type)
    {
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(value, type, Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new JsonSerializerException($"Error converting the response object of type {type.FullName} from the Lambda function to JSON: {e.Message}", e);
        }
    }

    /// <summary>AWS's naming policy: member names as they are, but for two S3 header names.</summary>
    private sealed class AwsNamingPolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name switch
        {
            "XAmzId2" => "x-amz-id-2",
            "XAmzRequestId" => "x-amz-request-id",
            _ => name,
        };
    }

    /// <summary>Memory streams travel as base64, as in AWS's serializer.</summary>
    private sealed class MemoryStreamBase64Converter : JsonConverter<MemoryStream>
    {
        public override MemoryStream Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetBytesFromBase64());

        public override void Write(Utf8JsonWriter writer, MemoryStream value, JsonSerializerOptions options) =>
            writer.WriteBase64StringValue(value.ToArray());
    }
}

/// <summary>A serializer named by a <c>LambdaSerializer</c> attribute, called through its generic <c>Deserialize&lt;T&gt;(Stream)</c> and <c>Serialize&lt;T&gt;(T, Stream)</c>.</summary>
internal sealed class AttributeSerializer(object serializer) : IPayloadSerializer
{
    private readonly ConcurrentDictionary<Type, (MethodInfo Deserialize, MethodInfo Serialize)> _methods = new();

    public object? Deserialize(byte[] payload, Type type) =>
        Call(Methods(type).Deserialize, [new MemoryStream(payload, writable: false)]);

    public byte[] Serialize(object? value, Type type)
    {
        using var stream = new MemoryStream();
        Call(Methods(type).Serialize, [value, stream]);
        return stream.ToArray();
    }

    private (MethodInfo Deserialize, MethodInfo Serialize) Methods(Type type) => _methods.GetOrAdd(type, t =>
    {
        var methods = serializer.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance);
        MethodInfo Find(string name, int parameters) =>
            methods.FirstOrDefault(m => m.Name == name && m.IsGenericMethodDefinition && m.GetParameters().Length == parameters)?.MakeGenericMethod(t)
            ?? throw new LambdaValidationException($"The serializer {serializer.GetType().FullName} has no public generic {name} method.");
        return (Find("Deserialize", 1), Find("Serialize", 2));
    });

    private object? Call(MethodInfo method, object?[] args)
    {
        try
        {
            return method.Invoke(serializer, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
