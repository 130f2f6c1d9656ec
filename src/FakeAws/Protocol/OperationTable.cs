using FakeAws.Engine.Core;

namespace FakeAws.Protocol;

/// <summary>
/// One service's operations: every operation of AWS's model, bound by the generated dispatch
/// (<c>ServiceModel.Bind</c>) to the engine's method where FakeAws implements it. Both the wire protocol
/// and the DynamoDB fast path run requests through <see cref="Operation.ExecuteAsync"/>, so validation
/// and behaviour are shared.
/// </summary>
internal sealed class OperationTable
{
    private readonly Dictionary<string, Operation> _operations;

    /// <summary>Builds the table of one service.</summary>
    /// <param name="serviceName">The service's name for messages and the coverage report (the generated <c>ServiceModel.Name</c>).</param>
    /// <param name="bindings">Every operation of the service's model, as the generated <c>ServiceModel.Bind</c> binds it to the engine.</param>
    /// <param name="reportInvalid">Turns the model's constraint violations (and the operation's name, which some services quote) into the service's error, or null when valid; called only when there are some.</param>
    public OperationTable(
        string serviceName, IEnumerable<OperationBinding> bindings, Func<ModelValidation, string, AwsServiceException?> reportInvalid)
    {
        ServiceName = serviceName;
        _operations = bindings.ToDictionary(
            b => b.Model.Name, b => new Operation(serviceName, b.Model, b.Invoke, reportInvalid), StringComparer.Ordinal);
    }

    /// <summary>The service's name as its errors and coverage report show it, for example "DynamoDB".</summary>
    public string ServiceName { get; }

    /// <summary>Every operation of the model, implemented or not.</summary>
    public IReadOnlyCollection<Operation> All => _operations.Values;

    public bool TryGet(string name, out Operation operation) => _operations.TryGetValue(name, out operation!);

    /// <summary>
    /// Sends every call of the table's operations through the cloud's <paramref name="interceptor"/>,
    /// which records it and applies injected faults, under the service's signing name.
    /// </summary>
    /// <param name="service">The service's signing name, as calls and fault rules name it.</param>
    /// <param name="json">The service's JSON settings, to render recorded requests and responses.</param>
    /// <param name="interceptor">The cloud's interceptor.</param>
    public void Intercept(string service, System.Text.Json.JsonSerializerOptions json, CallInterceptor interceptor)
    {
        Intercepted = new Interception(service, json, interceptor);
        foreach (var operation in _operations.Values)
        {
            operation.Intercepted = Intercepted;
        }
    }

    /// <summary>The cloud's interceptor of the table's calls, once its front door is registered on a cloud's router.</summary>
    public Interception? Intercepted { get; private set; }
}

/// <summary>Where an operation's calls go before they run: the cloud's interceptor, and the service's name and JSON settings for it.</summary>
internal sealed record Interception(string Service, System.Text.Json.JsonSerializerOptions Json, CallInterceptor Interceptor)
{
    /// <summary>Records a request of this service refused before it reached <paramref name="operation"/>, with the error it was answered.</summary>
    public void Refused(string operation, RequestScope scope, WireRequest request, AwsServiceException error) =>
        Refused(operation, scope, request, error.Code, error.Message, error.StatusCode);

    /// <summary>Records a request of this service refused before it reached <paramref name="operation"/>, with the code, message and status it was answered.</summary>
    public void Refused(string operation, RequestScope scope, WireRequest request, string code, string message, int status) =>
        Interceptor.Refused(Service, operation, scope, request, code, message, status);
}

/// <summary>One operation of a service and, where FakeAws implements it, its engine method.</summary>
internal sealed class Operation(
    string serviceName,
    OperationModel model,
    OperationInvoker? invoke,
    Func<ModelValidation, string, AwsServiceException?> reportInvalid)
{
    public OperationModel Model { get; } = model;

    public string Name => Model.Name;

    /// <summary>Whether FakeAws implements the operation.</summary>
    public bool IsImplemented => invoke is not null;

    /// <summary>The error an operation FakeAws does not implement answers with.</summary>
    public AwsServiceException NotImplemented() => NotSupported.Operation(serviceName, Name);

    /// <summary>The cloud's interceptor of this operation's calls, once the front door is registered on a cloud's router.</summary>
    public Interception? Intercepted { get; set; }

    /// <summary>
    /// Answers one call: the one entry of every path (fast path, wire, server, service calls). On a cloud,
    /// the call is recorded and exposed to injected faults on its way to <see cref="RunAsync"/>.
    /// </summary>
    public ValueTask<object?> ExecuteAsync(RequestScope scope, object input, CancellationToken cancellationToken) =>
        Intercepted is { } at
            ? at.Interceptor.ExecuteAsync(this, at.Service, at.Json, scope, input, cancellationToken)
            : RunAsync(scope, input, cancellationToken);

    /// <summary>Checks the input against AWS's declared constraints, then runs the engine method.</summary>
    /// <remarks>Not an async method: a synchronous engine method's result passes straight through, on the fast path's hot loop.</remarks>
    public ValueTask<object?> RunAsync(RequestScope scope, object input, CancellationToken cancellationToken)
    {
        if (invoke is null)
        {
            throw NotImplemented();
        }
        if (Model.Validate is { } validate)
        {
            // Taken from the thread's spare, so a valid request allocates none and skips the report; one that found violations is not given back.
            var validation = t_spareValidation ?? new ModelValidation();
            t_spareValidation = null;
            validate(input, validation);
            if (validation.IsEmpty)
            {
                t_spareValidation = validation;
            }
            else if (reportInvalid(validation, Name) is { } error)
            {
                throw error;
            }
        }
        return invoke(scope, input, cancellationToken);
    }

    [ThreadStatic]
    private static ModelValidation? t_spareValidation;
}
