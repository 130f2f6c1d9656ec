namespace FakeAws.Engine.Core;

/// <summary>
/// The one failure type of every engine: an AWS error as a client sees it, with the service's
/// error code, message text and HTTP status. Each service builds these in its own <c>XxxErrors</c> factory.
/// </summary>
public sealed class AwsServiceException : Exception
{
    /// <summary>Creates an AWS error.</summary>
    /// <param name="code">AWS's error code, for example <c>ResourceNotFoundException</c>.</param>
    /// <param name="message">AWS's message text.</param>
    /// <param name="status">The HTTP status AWS answers with.</param>
    public AwsServiceException(string code, string message, int status = 400)
        : base(message)
    {
        Code = code;
        StatusCode = status;
    }

    /// <summary>AWS's error code, for example <c>ConditionalCheckFailedException</c>.</summary>
    public string Code { get; }

    /// <summary>The HTTP status of the error response.</summary>
    public int StatusCode { get; }

    /// <summary>
    /// Extra members of the error body that some errors carry, such as the item returned with
    /// <c>ConditionalCheckFailedException</c> or a transaction's cancellation reasons. The wire
    /// layer of the service knows how to encode it.
    /// </summary>
    public object? Details { get; init; }

    /// <summary>Whether the error is the caller's fault (4xx) rather than the service's (5xx).</summary>
    public bool IsClientError => StatusCode < 500;
}
