namespace FakeAws.Engine.Lambda.Code;

/// <summary>
/// A function error whose <c>errorType</c> is not an exception's type name, such as the runtime's
/// <c>Runtime.HandlerNotFound</c>.
/// </summary>
internal sealed class LambdaFunctionException(string errorType, string message) : Exception(message)
{
    public string ErrorType { get; } = errorType;
}
