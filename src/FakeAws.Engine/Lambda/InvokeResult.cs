namespace FakeAws.Engine.Lambda;

/// <summary>How a caller invokes a function.</summary>
internal enum LambdaInvocationType
{
    /// <summary>Synchronously: the caller waits for the response (in virtual time).</summary>
    RequestResponse,

    /// <summary>Asynchronously: the event is queued on the cloud's scheduler, with retries and destinations.</summary>
    Event,

    /// <summary>Only checks that the caller could invoke the function.</summary>
    DryRun,
}

/// <summary>The outcome of an invocation, as the Invoke operation reports it.</summary>
internal sealed record LambdaInvokeResult
{
    /// <summary>200 for RequestResponse, 202 for Event, 204 for DryRun.</summary>
    public required int StatusCode { get; init; }

    /// <summary>The response payload (RequestResponse only): the function's result, or its error as JSON.</summary>
    public byte[]? Payload { get; init; }

    /// <summary>
    /// The writes of a response the function streamed, in order (RequestResponse only), else null;
    /// with a function error, those it wrote before it failed.
    /// </summary>
    public IReadOnlyList<byte[]>? Chunks { get; init; }

    /// <summary><c>Unhandled</c> when the function failed (an exception, a timeout, an oversized response), else null.</summary>
    public string? FunctionError { get; init; }

    /// <summary>The version that ran (RequestResponse only).</summary>
    public string? ExecutedVersion { get; init; }

    /// <summary>The invocation's log (RequestResponse only).</summary>
    public string? Log { get; init; }

    /// <summary>The invocation's request id, as the function's context saw it.</summary>
    public required string RequestId { get; init; }
}
