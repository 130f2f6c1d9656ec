namespace FakeAws.Engine.Lambda.Code;

/// <summary>
/// A function error whose <c>errorType</c> is not an exception's type name, such as the runtime's
/// <c>Runtime.HandlerNotFound</c>.
/// </summary>
internal sealed class LambdaFunctionException(string errorType, string message, byte[]? payload = null) : Exception(message)
{
    public string ErrorType { get; } = errorType;

    /// <summary>The error document exactly as the function's runtime reported it, which Lambda returns as is; null to build one.</summary>
    public byte[]? Payload { get; } = payload;
}
