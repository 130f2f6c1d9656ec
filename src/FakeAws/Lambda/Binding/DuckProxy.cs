using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace FakeAws.Lambda.Binding;

/// <summary>
/// Implements an interface FakeAws never saw (such as <c>Amazon.Lambda.Core.ILambdaContext</c> or
/// <c>ILambdaLogger</c>) over an object with members of the same names: properties by name, methods by
/// name and arity. Enum arguments reach string parameters by name; interface-typed results are
/// wrapped in turn. A member the object lacks answers its type's default value if it is a property,
/// and an error naming it if it is a method.
/// </summary>
internal class DuckProxy : DispatchProxy
{
    private static readonly ConcurrentDictionary<(MethodInfo, Type), Func<object, object?[], object?>> Bindings = new();

    private object _target = null!;

    public static object Create(Type interfaceType, object target)
    {
        var proxy = DispatchProxy.Create(interfaceType, typeof(DuckProxy));
        ((DuckProxy)proxy)._target = target;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        Bindings.GetOrAdd((targetMethod!, _target.GetType()), static key => Bind(key.Item1, key.Item2))(_target, args ?? []);

    private static Func<object, object?[], object?> Bind(MethodInfo method, Type targetType)
    {
        var returnType = method.ReturnType;
        if (method.IsSpecialName && method.Name.StartsWith("get_", StringComparison.Ordinal) && method.GetParameters().Length == 0)
        {
            var property = targetType.GetProperty(method.Name[4..], BindingFlags.Public | BindingFlags.Instance);
            if (property is null)
            {
                var fallback = returnType.IsValueType && returnType != typeof(void) ? Activator.CreateInstance(returnType) : null;
                return (_, _) => fallback;
            }
            return (target, _) => Adapt(property.GetValue(target), returnType);
        }
        var parameters = method.GetParameters();
        var candidate = targetType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name == method.Name)
            .Select(m => (Method: m, Parameters: m.GetParameters()))
            .FirstOrDefault(m => Fits(parameters, m.Parameters));
        if (candidate.Method is null)
        {
            return (_, _) => throw new InvalidOperationException(
                $"FakeAws's {targetType.Name} has no member {method.Name} with {parameters.Length} parameter(s) for {method.DeclaringType?.FullName}.");
        }
        var (target, targetParameters) = candidate;
        return (instance, args) =>
        {
            var converted = new object?[targetParameters.Length];
            for (var i = 0; i < targetParameters.Length; i++)
            {
                converted[i] = i < args.Length ? Argument(args[i], targetParameters[i].ParameterType) : Array.Empty<object>();
            }
            try
            {
                return Adapt(target.Invoke(instance, converted), returnType);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        };
    }

    /// <summary>Same arity (a trailing params array may be left out), and each parameter can take the interface's argument.</summary>
    private static bool Fits(ParameterInfo[] wanted, ParameterInfo[] offered)
    {
        var omitsParams = offered.Length == wanted.Length + 1 && offered[^1].IsDefined(typeof(ParamArrayAttribute));
        if (offered.Length != wanted.Length && !omitsParams)
        {
            return false;
        }
        for (var i = 0; i < wanted.Length; i++)
        {
            var from = wanted[i].ParameterType;
            var to = offered[i].ParameterType;
            if (!to.IsAssignableFrom(from) && !(from.IsEnum && to == typeof(string)))
            {
                return false;
            }
        }
        return true;
    }

    private static object? Argument(object? value, Type parameterType) =>
        value is Enum && parameterType == typeof(string) ? value.ToString() : value;

    private static object? Adapt(object? value, Type returnType) =>
        value is null || returnType == typeof(void) || returnType.IsInstanceOfType(value) ? value
        : returnType.IsInterface ? Create(returnType, value)
        : value;
}
