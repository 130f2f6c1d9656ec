using System.Reflection;
using FakeAws.Engine.Core;

namespace FakeAws.Protocol;

/// <summary>
/// One service's operations: every operation of AWS's model, bound to the engine method of the
/// same name where FakeAws implements it. Both the wire protocol and the DynamoDB fast path run
/// requests through <see cref="Operation.ExecuteAsync"/>, so validation and behaviour are shared.
/// </summary>
internal sealed class OperationTable
{
    private readonly Dictionary<string, Operation> _operations;

    private OperationTable(string serviceName, Dictionary<string, Operation> operations)
    {
        ServiceName = serviceName;
        _operations = operations;
    }

    /// <summary>The service's name as its errors and coverage report show it, for example "DynamoDB".</summary>
    public string ServiceName { get; }

    /// <summary>Every operation of the model, implemented or not.</summary>
    public IReadOnlyCollection<Operation> All => _operations.Values;

    public bool TryGet(string name, out Operation operation) => _operations.TryGetValue(name, out operation!);

    /// <summary>
    /// Binds the operations of <paramref name="models"/> to the public methods of <paramref name="engine"/>
    /// named as the operations. A method takes (<see cref="RequestScope"/>, input[, <see cref="CancellationToken"/>])
    /// and returns the output shape or a task of it.
    /// </summary>
    /// <param name="serviceName">The service's name for messages.</param>
    /// <param name="engine">The engine whose methods implement the operations.</param>
    /// <param name="models">Every operation of the service's model.</param>
    /// <param name="reportInvalid">Turns the model's constraint violations (and the operation's name, which some services quote) into the service's error, or null when valid.</param>
    public static OperationTable Bind(
        string serviceName, object engine, IEnumerable<OperationModel> models, Func<ModelValidation, string, AwsServiceException?> reportInvalid)
    {
        var methods = engine.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .GroupBy(m => m.Name)
            .ToDictionary(g => g.Key, g => g.First());
        var operations = new Dictionary<string, Operation>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            methods.TryGetValue(model.Name, out var method);
            operations[model.Name] = new Operation(model, method is null ? null : Invoker(engine, method), Validator(model.InputType), reportInvalid);
        }
        return new OperationTable(serviceName, operations);
    }

    private static Func<RequestScope, object, CancellationToken, ValueTask<object?>> Invoker(object engine, MethodInfo method)
    {
        var parameters = method.GetParameters();
        var input = parameters[1].ParameterType;
        var takesToken = parameters.Length == 3;
        var returnsTask = method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>);
        var output = returnsTask ? method.ReturnType.GetGenericArguments()[0] : method.ReturnType;
        var binder = typeof(OperationTable).GetMethod(
            (returnsTask, takesToken) switch
            {
                (false, false) => nameof(BindSync),
                (true, false) => nameof(BindAsync),
                (true, true) => nameof(BindAsyncWithToken),
                _ => throw new InvalidOperationException($"{method.Name}: a synchronous operation takes no cancellation token."),
            },
            BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(input, output);
        return (Func<RequestScope, object, CancellationToken, ValueTask<object?>>)binder.Invoke(null, [engine, method])!;
    }

    private static Func<RequestScope, object, CancellationToken, ValueTask<object?>> BindSync<TIn, TOut>(object engine, MethodInfo method)
    {
        var call = method.CreateDelegate<Func<RequestScope, TIn, TOut>>(engine);
        return (scope, input, _) => new ValueTask<object?>(call(scope, (TIn)input));
    }

    private static Func<RequestScope, object, CancellationToken, ValueTask<object?>> BindAsync<TIn, TOut>(object engine, MethodInfo method)
    {
        var call = method.CreateDelegate<Func<RequestScope, TIn, Task<TOut>>>(engine);
        return async (scope, input, _) => await call(scope, (TIn)input).ConfigureAwait(false);
    }

    private static Func<RequestScope, object, CancellationToken, ValueTask<object?>> BindAsyncWithToken<TIn, TOut>(object engine, MethodInfo method)
    {
        var call = method.CreateDelegate<Func<RequestScope, TIn, CancellationToken, Task<TOut>>>(engine);
        return async (scope, input, token) => await call(scope, (TIn)input, token).ConfigureAwait(false);
    }

    private static Action<object, ModelValidation>? Validator(Type? inputType)
    {
        var validate = inputType?.GetMethod("Validate", [typeof(ModelValidation), typeof(string)]);
        if (validate is null)
        {
            return null;
        }
        var binder = typeof(OperationTable).GetMethod(nameof(BindValidator), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(inputType!);
        return (Action<object, ModelValidation>)binder.Invoke(null, [validate])!;
    }

    private static Action<object, ModelValidation> BindValidator<TIn>(MethodInfo validate)
    {
        var call = validate.CreateDelegate<Action<TIn, ModelValidation, string>>();
        return (input, validation) => call((TIn)input, validation, "");
    }
}

/// <summary>One operation of a service and, where FakeAws implements it, its engine method.</summary>
internal sealed class Operation(
    OperationModel model,
    Func<RequestScope, object, CancellationToken, ValueTask<object?>>? invoke,
    Action<object, ModelValidation>? validate,
    Func<ModelValidation, string, AwsServiceException?> reportInvalid)
{
    public OperationModel Model { get; } = model;

    public string Name => Model.Name;

    /// <summary>Whether FakeAws implements the operation.</summary>
    public bool IsImplemented => invoke is not null;

    /// <summary>Checks the input against AWS's declared constraints, then runs the engine method.</summary>
    /// <remarks>Not an async method: a synchronous engine method's result passes straight through, on the fast path's hot loop.</remarks>
    public ValueTask<object?> ExecuteAsync(RequestScope scope, object input, CancellationToken cancellationToken)
    {
        if (invoke is null)
        {
            throw new AwsServiceException("UnknownOperationException", $"FakeAws does not support the {Name} operation yet.");
        }
        if (validate is not null)
        {
            var validation = new ModelValidation();
            validate(input, validation);
            if (reportInvalid(validation, Name) is { } error)
            {
                throw error;
            }
        }
        return invoke(scope, input, cancellationToken);
    }
}
