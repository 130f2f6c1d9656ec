using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FakeAws.Engine.StepFunctions.Intrinsics;

// States.Base64Encode, States.Base64Decode and States.Hash.
internal static partial class IntrinsicFunctions
{
    /// <summary>The longest string the encoding and hash functions accept.</summary>
    private const int MaxEncodedInput = 10_000;

    private static JsonNode? Base64Encode(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context)
    {
        var text = StringArgument("States.Base64Encode", arguments, 0, "first");
        CheckLength("States.Base64Encode", text);
        return JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }

    private static JsonNode? Base64Decode(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context)
    {
        var text = StringArgument("States.Base64Decode", arguments, 0, "first");
        CheckLength("States.Base64Decode", text);
        try
        {
            return JsonValue.Create(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
        }
        catch (FormatException)
        {
            throw new IntrinsicException($"The argument of States.Base64Decode is not valid base64: {text}");
        }
    }

    private static JsonNode? Hash(IReadOnlyList<JsonNode?> arguments, IntrinsicContext context)
    {
        var text = StringArgument("States.Hash", arguments, 0, "first");
        CheckLength("States.Hash", text);
        var algorithm = StringArgument("States.Hash", arguments, 1, "second");
        var bytes = Encoding.UTF8.GetBytes(text);
        var hash = algorithm switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => throw new IntrinsicException(
                $"The hashing algorithm {algorithm} of States.Hash is not supported; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"),
        };
        return JsonValue.Create(Convert.ToHexStringLower(hash));
    }

    private static void CheckLength(string function, string text)
    {
        if (text.Length > MaxEncodedInput)
        {
            throw new IntrinsicException($"The input of {function} is longer than {MaxEncodedInput} characters");
        }
    }
}
