namespace FakeAws.Engine.ApiGateway.Velocity;

/// <summary>A template that does not parse, or fails while rendering; API Gateway answers such a request with a 500.</summary>
internal sealed class VtlException(string message) : Exception(message);
