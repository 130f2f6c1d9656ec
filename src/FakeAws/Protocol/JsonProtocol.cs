using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FakeAws.Protocol;

/// <summary>System.Text.Json settings shared by the AWS JSON protocols.</summary>
internal static class JsonProtocol
{
    /// <summary>How FakeAws writes JSON by hand (error bodies): characters such as <c>'</c> as themselves, as AWS sends them.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Options for a service: exact member names, nulls left out, timestamps as epoch seconds.</summary>
    public static JsonSerializerOptions Options(params JsonConverter[] converters)
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new EpochSecondsConverter());
        foreach (var converter in converters)
        {
            options.Converters.Add(converter);
        }
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>Timestamps as the JSON protocols send them by default: seconds since the epoch, with a fraction.</summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            var ticks = Math.Round(reader.GetDouble() * TimeSpan.TicksPerSecond);
            // A number past the years 1 to 9999 is no timestamp: the body is not the shape's JSON.
            if (!(ticks >= (DateTimeOffset.MinValue - DateTimeOffset.UnixEpoch).Ticks && ticks <= (DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks))
            {
                throw new JsonException($"Timestamp value {reader.GetDouble().ToString(CultureInfo.InvariantCulture)} is out of range");
            }
            return DateTimeOffset.UnixEpoch.AddTicks((long)ticks);
        }
        var text = reader.GetString();
        if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }
        throw new JsonException($"Timestamp value {text} is not valid");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(Math.Round((value - DateTimeOffset.UnixEpoch).TotalSeconds, 3));
}
