using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using FakeAws.Engine.Lambda.Code;

namespace FakeAws.Lambda.Binding;

/// <summary>
/// Calls a handler method of one of the shapes the .NET runtime accepts: no parameters, the input,
/// or the input and a context; returning nothing, a value, a stream, or a task or value task of
/// those. The input is a <see cref="Stream"/>, or anything the handler's serializer reads (a
/// <see cref="JsonElement"/>, a POCO, a string). The context is <see cref="LambdaContext"/>, or any
/// interface implemented over it by duck typing (<c>Amazon.Lambda.Core.ILambdaContext</c>).
/// </summary>
internal sealed class HandlerMethod
{
    private readonly MethodInfo _method;
    private readonly Func<byte[], LambdaContext, object?>[] _arguments;
    private readonly IPayloadSerializer _serializer;
    private readonly Type? _resultType;
    private readonly Func<object, Task>? _awaitable;
    private readonly PropertyInfo? _taskResult;

    private HandlerMethod(MethodInfo method)
    {
        _method = method;
        _serializer = PayloadSerializers.For(method);
        var parameters = method.GetParameters();
        if (parameters.Length > 2)
        {
            throw new LambdaValidationException($"Handler {method.Name} has {parameters.Length} parameters; a Lambda handler takes at most an input and a context.");
        }
        _arguments = parameters.Select((p, i) => IsContext(p.ParameterType) && (i == 1 || parameters.Length == 1)
            ? Context(p.ParameterType)
            : i == 0 ? Input(p.ParameterType) : throw new LambdaValidationException(
                $"The second parameter of handler {method.Name}, of type {p.ParameterType.FullName}, is not a Lambda context.")).ToArray();
        (_resultType, _awaitable, _taskResult) = Result(method.ReturnType);
    }

    public static HandlerMethod Bind(MethodInfo method) => new(method);

    public async Task<byte[]> InvokeAsync(object? target, byte[] payload, LambdaInvocation invocation)
    {
        var context = new LambdaContext(invocation);
        var args = new object?[_arguments.Length];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = _arguments[i](payload, context);
        }
        object? returned;
        try
        {
            returned = _method.Invoke(target, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
        if (_awaitable is not null)
        {
            var task = _awaitable(returned!);
            await task.ConfigureAwait(false);
            returned = _taskResult?.GetValue(task);
        }
        return _resultType switch
        {
            null => [],
            _ when typeof(Stream).IsAssignableFrom(_resultType) => returned is Stream stream ? await ReadAsync(stream).ConfigureAwait(false) : [],
            _ => _serializer.Serialize(returned, _resultType),
        };
    }

    private Func<byte[], LambdaContext, object?> Input(Type type)
    {
        if (typeof(Stream).IsAssignableFrom(type))
        {
            return (payload, _) => new MemoryStream(payload, writable: false);
        }
        return (payload, _) => _serializer.Deserialize(payload, type);
    }

    private static Func<byte[], LambdaContext, object?> Context(Type type) =>
        type.IsAssignableFrom(typeof(LambdaContext)) ? (_, context) => context : (_, context) => DuckProxy.Create(type, context);

    /// <summary>A context parameter: FakeAws's own, or an interface named as one (<c>ILambdaContext</c>).</summary>
    private static bool IsContext(Type type) =>
        type == typeof(LambdaContext) || (type.IsInterface && type.Name.EndsWith("LambdaContext", StringComparison.Ordinal));

    /// <summary>What the method returns once awaited (null: nothing), how to await it, and where a task's result is.</summary>
    private static (Type? Result, Func<object, Task>? Awaitable, PropertyInfo? TaskResult) Result(Type returnType)
    {
        if (returnType == typeof(void))
        {
            return (null, null, null);
        }
        if (returnType == typeof(Task))
        {
            return (null, value => (Task)value, null);
        }
        if (returnType == typeof(ValueTask))
        {
            return (null, value => ((ValueTask)value).AsTask(), null);
        }
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return (returnType.GetGenericArguments()[0], value => (Task)value, returnType.GetProperty("Result"));
        }
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var result = returnType.GetGenericArguments()[0];
            var asTask = returnType.GetMethod("AsTask")!;
            return (result, value => (Task)asTask.Invoke(value, null)!, typeof(Task<>).MakeGenericType(result).GetProperty("Result"));
        }
        return (returnType, null, null);
    }

    private static async Task<byte[]> ReadAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy).ConfigureAwait(false);
        return copy.ToArray();
    }
}
