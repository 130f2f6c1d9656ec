using System.Text.Json;

namespace FakeAws.Lambda;

/// <summary>
/// Handlers for clients outside .NET (boto3, the AWS CLI, other SDKs) that talk to FakeAws.Server,
/// where no test code is loaded: create a function with the Handler
/// <c>FakeAws::FakeAws.Lambda.BuiltInHandlers::Echo</c> (or another method here) and any .NET runtime.
/// </summary>
public static class BuiltInHandlers
{
    /// <summary>Returns the event.</summary>
    public static JsonElement Echo(JsonElement input) => input;

    /// <summary>Throws an <see cref="InvalidOperationException"/> with the event's <c>message</c>.</summary>
    public static JsonElement Fail(JsonElement input) =>
        throw new InvalidOperationException(Member(input, "message")?.GetString() ?? "The function failed.");

    /// <summary>
    /// Fails like <see cref="Fail"/> until the virtual clock reaches the event's <c>until</c> (epoch
    /// seconds), then returns the event: a flaky dependency whose recovery a test can place in time,
    /// for exercising retries.
    /// </summary>
    public static JsonElement FailUntil(JsonElement input, LambdaContext context) =>
        context.Clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0 < (Member(input, "until")?.GetDouble() ?? 0)
            ? throw new InvalidOperationException(Member(input, "message")?.GetString() ?? "Not yet.")
            : input;

    /// <summary>Waits the event's <c>seconds</c> on the cloud's virtual clock, then returns the event.</summary>
    public static async Task<JsonElement> Sleep(JsonElement input, LambdaContext context)
    {
        await Task.Delay(TimeSpan.FromSeconds(Member(input, "seconds")?.GetDouble() ?? 1), context.Clock).ConfigureAwait(false);
        return input;
    }

    /// <summary>Returns a string of the event's <c>bytes</c> characters.</summary>
    public static string Fill(JsonElement input) => new('x', Member(input, "bytes")?.GetInt32() ?? 0);

    /// <summary>Writes each string of the event's <c>lines</c> to the log, then returns the event.</summary>
    public static JsonElement Log(JsonElement input, LambdaContext context)
    {
        if (Member(input, "lines") is { ValueKind: JsonValueKind.Array } lines)
        {
            foreach (var line in lines.EnumerateArray())
            {
                context.Logger.LogLine(line.ToString());
            }
        }
        return input;
    }

    private static JsonElement? Member(JsonElement input, string name) =>
        input.ValueKind == JsonValueKind.Object && input.TryGetProperty(name, out var value) ? value : null;
}
