using System.Text.Json;

namespace FakeAws.Lambda;

/// <summary>What a synchronous invoke of a function answered (<see cref="LambdaHelper.InvokeAsync"/>).</summary>
/// <param name="StatusCode">Lambda's status: 200 for a synchronous invoke, whether or not the function failed.</param>
/// <param name="Payload">The function's response, or its error document when <paramref name="FunctionError"/> is set.</param>
/// <param name="FunctionError"><c>Unhandled</c> when the function threw or timed out; null when it succeeded.</param>
/// <param name="ExecutedVersion">The version that ran, such as <c>$LATEST</c>.</param>
/// <param name="Log">The end of the invocation's log (up to 4 KB), as <c>LogType: Tail</c> returns it, decoded.</param>
public sealed record LambdaInvokeResult(int StatusCode, string Payload, string? FunctionError, string? ExecutedVersion, string Log)
{
    /// <summary>Whether the function ran to completion without an error.</summary>
    public bool Succeeded => FunctionError is null;

    /// <summary>The payload read as <typeparamref name="T"/> with System.Text.Json.</summary>
    /// <param name="options">Serializer options; member names match case-insensitively when null, as the .NET Lambda serializer reads them.</param>
    public T? PayloadAs<T>(JsonSerializerOptions? options = null) =>
        JsonSerializer.Deserialize<T>(Payload, options ?? CaseInsensitive);

    private static readonly JsonSerializerOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };
}
