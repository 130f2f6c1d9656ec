namespace FakeAws;

/// <summary>
/// One fault to inject into a cloud's calls: which calls it matches, and what it does to them (an AWS
/// error, a throttling error, added latency on the virtual clock, or latency then an error). Add it with
/// <see cref="FakeAwsCloud.Faults"/>; it reaches every path a call takes: the DynamoDB fast path, the
/// wire, FakeAws.Server, and calls one service makes to another.
/// </summary>
/// <example>
/// <code>
/// aws.Faults.Add(new FaultRule { Service = "dynamodb", Operation = "PutItem", ErrorCode = "InternalServerError", StatusCode = 500, Times = 1 });
/// </code>
/// </example>
public sealed class FaultRule
{
    /// <summary>The service, by its signing name: <c>dynamodb</c>, <c>lambda</c>, <c>states</c>, <c>cognito-idp</c>, <c>apigateway</c>, ...; null for any.</summary>
    public string? Service { get; init; }

    /// <summary>The operation, as AWS names the action (<c>PutItem</c>, <c>Invoke</c>); null for any.</summary>
    public string? Operation { get; init; }

    /// <summary>The region the call acts in; null for any.</summary>
    public string? Region { get; init; }

    /// <summary>A test on the call about to run (its request is readable as <see cref="AwsCall.RequestJson"/>); null matches every call.</summary>
    public Func<AwsCall, bool>? When { get; init; }

    /// <summary>How many matching calls pass untouched before the rule starts firing. Default 0.</summary>
    public int AfterCalls { get; init; }

    /// <summary>How many times the rule fires before it stops; null for no limit.</summary>
    public int? Times { get; init; }

    /// <summary>
    /// The chance, from 0 to 1, that a matching call is hit, drawn from the cloud's random source
    /// seeded by <see cref="FakeAwsOptions.Seed"/>, so a run repeats; null for every matching call.
    /// </summary>
    public double? Probability { get; init; }

    /// <summary>The AWS error code the call fails with, for example <c>InternalServerError</c> or <c>ProvisionedThroughputExceededException</c>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The HTTP status of the error; when null, 400 for a throttling or client error code FakeAws knows, 503 for ServiceUnavailable, otherwise 500.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The error's message; when null, a message that names the injected fault.</summary>
    public string? Message { get; init; }

    /// <summary>Fails the call with the service's own throttling error (DynamoDB's ProvisionedThroughputExceededException, Lambda's TooManyRequestsException, ...).</summary>
    public bool Throttle { get; init; }

    /// <summary>
    /// Time the call waits on the cloud's virtual clock before it runs (or fails, with an error set).
    /// The caller's task completes once the clock has moved that far: by <c>aws.Clock.Advance</c> or <c>aws.RunUntilIdleAsync()</c>.
    /// </summary>
    public TimeSpan? Latency { get; init; }

    internal void Check()
    {
        if (ErrorCode is null && !Throttle && Latency is null)
        {
            throw new ArgumentException("A fault rule needs an effect: ErrorCode, Throttle or Latency.");
        }
        if (ErrorCode is not null && Throttle)
        {
            throw new ArgumentException("A fault rule fails with either its ErrorCode or the service's throttling error, not both.");
        }
        if (Probability is < 0 or > 1 or double.NaN)
        {
            throw new ArgumentOutOfRangeException(nameof(Probability), Probability, "Probability must be from 0 to 1.");
        }
        if (Times is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Times), Times, "Times must be at least 1, or null for no limit.");
        }
        if (AfterCalls < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(AfterCalls), AfterCalls, "AfterCalls cannot be negative.");
        }
        if (Latency < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Latency), Latency, "Latency cannot be negative.");
        }
        if (StatusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(StatusCode), StatusCode, "An error's StatusCode is from 400 to 599.");
        }
    }

    /// <summary>Whether the rule's narrowing by service, operation and region lets <paramref name="call"/> through.</summary>
    internal bool Narrows(AwsCall call) =>
        (Service is null || string.Equals(Service, call.Service, StringComparison.OrdinalIgnoreCase))
        && (Operation is null || string.Equals(Operation, call.Operation, StringComparison.Ordinal))
        && (Region is null || string.Equals(Region, call.Region, StringComparison.Ordinal));
}
