namespace FakeAws.Engine.Lambda.Code;

/// <summary>One invocation as the handler's context sees it.</summary>
internal sealed class LambdaInvocation
{
    public required string AwsRequestId { get; init; }

    public required string FunctionName { get; init; }

    public required string FunctionVersion { get; init; }

    /// <summary>The ARN the caller used: unqualified, or qualified with the version or alias it named.</summary>
    public required string InvokedFunctionArn { get; init; }

    public required int MemoryLimitInMB { get; init; }

    public required string LogGroupName { get; init; }

    public required string LogStreamName { get; init; }

    /// <summary>When the function times out, in virtual time.</summary>
    public required DateTimeOffset Deadline { get; init; }

    /// <summary>The cloud's clock: a handler that waits on it waits in virtual time.</summary>
    public required TimeProvider Clock { get; init; }

    /// <summary>The invocation's log.</summary>
    public required LambdaLog Log { get; init; }

    /// <summary>The client context the caller sent (decoded JSON), if any.</summary>
    public string? ClientContext { get; init; }

    /// <summary>
    /// The writes of a response the handler streamed, in order (their concatenation is the response it
    /// returns), set by a handler that streams; null for a response returned whole.
    /// </summary>
    public IReadOnlyList<byte[]>? StreamedChunks { get; set; }

    /// <summary>The time left before the function times out, read from the virtual clock.</summary>
    public TimeSpan RemainingTime
    {
        get
        {
            var left = Deadline - Clock.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }
}
