using System.Globalization;
using System.Text.Json;

namespace FakeAws.Engine.Lambda;

/// <summary>The payloads Lambda returns (with <c>X-Amz-Function-Error: Unhandled</c>) when a function fails.</summary>
internal static class FunctionErrorPayloads
{
    /// <summary>An exception, as the .NET runtime reports it: <c>{errorType, errorMessage, stackTrace, cause}</c>; another runtime's error as it reported it.</summary>
    public static byte[] From(Exception exception)
    {
        if (exception is Code.LambdaFunctionException { Payload: { } reported })
        {
            return reported;
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, exception);
        }
        return buffer.ToArray();
    }

    /// <summary>The function ran past its timeout, measured on the virtual clock.</summary>
    public static byte[] Timeout(string requestId, int timeoutSeconds) => Json(writer =>
    {
        writer.WriteString("errorType", "Sandbox.Timedout");
        writer.WriteString("errorMessage", $"RequestId: {requestId} Error: {TimeoutMessage(timeoutSeconds)}");
    });

    /// <summary>The log line and message of a timeout: <c>Task timed out after 3.00 seconds</c>.</summary>
    public static string TimeoutMessage(int timeoutSeconds) =>
        string.Create(CultureInfo.InvariantCulture, $"Task timed out after {timeoutSeconds:F2} seconds");

    /// <summary>The function's response was over <paramref name="limit"/> (the synchronous one, or the streamed one).</summary>
    public static byte[] ResponseTooLarge(int limit) => Json(writer =>
    {
        writer.WriteString("errorMessage", $"Response payload size exceeded maximum allowed payload size ({limit} bytes).");
        writer.WriteString("errorType", "Function.ResponseSizeTooLarge");
    });

    private static void Write(Utf8JsonWriter writer, Exception exception)
    {
        writer.WriteStartObject();
        writer.WriteString("errorType", exception is Code.LambdaFunctionException known ? known.ErrorType : exception.GetType().Name);
        writer.WriteString("errorMessage", exception.Message);
        writer.WriteStartArray("stackTrace");
        foreach (var line in (exception.StackTrace ?? "").Split('\n'))
        {
            if (line.Trim() is { Length: > 0 } frame)
            {
                writer.WriteStringValue(frame);
            }
        }
        writer.WriteEndArray();
        if (exception.InnerException is { } inner)
        {
            writer.WritePropertyName("cause");
            Write(writer, inner);
        }
        writer.WriteEndObject();
    }

    private static byte[] Json(Action<Utf8JsonWriter> members)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
