namespace FakeAws.Engine.Core;

/// <summary>
/// Runs one operation on its engine: the generated dispatch casts the input to the operation's input shape
/// and calls the engine method of the service's operations interface.
/// </summary>
/// <returns>The operation's output, or null for an operation whose model declares none.</returns>
internal delegate ValueTask<object?> OperationInvoker(RequestScope scope, object input, CancellationToken cancellationToken);

/// <summary>
/// One operation of a service model as the generated <c>ServiceModel.Bind</c> binds it to an engine:
/// <see cref="Invoke"/> is null where FakeAws does not implement the operation.
/// </summary>
internal sealed record OperationBinding(OperationModel Model, OperationInvoker? Invoke);
