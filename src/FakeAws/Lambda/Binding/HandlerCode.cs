using System.Reflection;
using System.Runtime.ExceptionServices;
using FakeAws.Engine.Lambda.Code;

namespace FakeAws.Lambda.Binding;

/// <summary>
/// In-process code: a handler method and how an execution environment initializes it. For a
/// handler type's instance method, init constructs the type (its constructor is the function's init
/// code, as in the .NET runtime); for a delegate, init runs the optional init callback. SnapStart
/// hooks registered during init, through <see cref="LambdaSnapStart"/> or Amazon.Lambda.Core, are
/// collected for the environment.
/// </summary>
internal sealed class HandlerCode : ILambdaCode
{
    private readonly HandlerMethod _handler;
    private readonly Func<object?> _createTarget;
    private readonly Func<Task>? _init;

    private HandlerCode(string identity, HandlerMethod handler, Func<object?> createTarget, Func<Task>? init)
    {
        Identity = identity;
        _handler = handler;
        _createTarget = createTarget;
        _init = init;
    }

    public string Identity { get; }

    /// <summary>Code from a delegate: its target is the closure, shared by every environment.</summary>
    public static HandlerCode FromDelegate(Delegate handler, Func<Task>? init) =>
        new($"{handler.Method.DeclaringType?.FullName}::{handler.Method.Name}", HandlerMethod.Bind(handler.Method), () => handler.Target, init);

    /// <summary>Code from a handler type's method: each environment constructs its own instance.</summary>
    public static HandlerCode FromMethod(string identity, Type type, MethodInfo method) =>
        new(identity, HandlerMethod.Bind(method), method.IsStatic ? () => null : () => Construct(type), init: null);

    public async Task<ILambdaHandler> InitializeAsync(LambdaInit init)
    {
        LambdaSnapStart.BeginInit(init.Hooks);
        object? target;
        try
        {
            target = _createTarget();
            if (_init is not null)
            {
                await _init().ConfigureAwait(false);
            }
        }
        finally
        {
            SnapshotRestoreBridge.DrainInto(init.Hooks);
        }
        return new Environment(_handler, target);
    }

    private static object Construct(Type type)
    {
        try
        {
            return Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
        catch (MissingMethodException)
        {
            throw new LambdaValidationException($"Unable to create an instance of '{type.FullName}': a handler type needs a public parameterless constructor.");
        }
    }

    /// <summary>One initialized environment: the handler bound to its target.</summary>
    private sealed class Environment(HandlerMethod handler, object? target) : ILambdaHandler
    {
        public Task<byte[]> InvokeAsync(byte[] payload, LambdaInvocation invocation) => handler.InvokeAsync(target, payload, invocation);

        // Each invocation has its own payload, context and log; only the handler object is shared, as
        // AWS's .NET runtime shares it between the Tasks of a multi-concurrent environment.
        public bool TakesConcurrentInvocations => true;
    }
}
