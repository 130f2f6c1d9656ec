using System.Text;
using System.Text.Json;

namespace FakeAws;

/// <summary>
/// The request of a call refused before it reached an operation (an unknown operation, a body that is not
/// the input's JSON, a signature that does not verify): there is no input shape, so its record shows the
/// body as it came.
/// </summary>
internal sealed class RefusedRequest(byte[] body)
{
    /// <summary>The body as JSON: itself when it is JSON, <c>{}</c> when empty, otherwise its text as a JSON string.</summary>
    public string Json()
    {
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return "{}";
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            return Encoding.UTF8.GetString(body);
        }
        catch (JsonException)
        {
            return JsonSerializer.Serialize(Encoding.UTF8.GetString(body));
        }
    }
}
