namespace FakeAws.Lambda.Binding;

/// <summary>
/// A handler that cannot be bound, named and worded as the .NET runtime's own exception, so the
/// function error a caller sees reads as AWS's (<c>errorType: LambdaValidationException</c>).
/// </summary>
internal sealed class LambdaValidationException(string message) : Exception(message);

/// <summary>A payload the serializer cannot convert, named as AWS's serializer names it.</summary>
internal sealed class JsonSerializerException(string message, Exception inner) : Exception(message, inner);
