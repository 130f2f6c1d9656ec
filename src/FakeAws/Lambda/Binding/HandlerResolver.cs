using System.Collections.Concurrent;
using System.Reflection;
using FakeAws.ApiGateway;
using FakeAws.Engine.Lambda.Code;

namespace FakeAws.Lambda.Binding;

/// <summary>
/// Finds the code of functions created over the wire. A Handler string registered with
/// <see cref="LambdaHelper.RegisterHandler"/> runs that code, whatever the runtime; otherwise a python3.x,
/// nodejs*.x or provided* function runs its own package in a local process (<see cref="Runtimes.ProcessRuntimes"/>); a .NET handler
/// <c>Assembly::Namespace.Type::Method</c> is found by reflection in an assembly registered with
/// <see cref="LambdaHelper.RegisterHandlerAssembly"/>, which is how a real Lambda project runs inside
/// the fake, or among FakeAws's built-in handlers. Resolution happens when an execution environment
/// starts, so code registered after CreateFunction is found.
/// </summary>
/// <remarks>
/// Only those assemblies: a handler string comes from a request, and a method of any loaded assembly
/// (<c>System.Environment::Exit</c>, say) would let a request stop the process.
/// </remarks>
internal sealed class HandlerResolver(Runtimes.ProcessRuntimes processes) : ILambdaCodeResolver
{
    /// <summary>The only types of FakeAws itself a handler string may name.</summary>
    private static readonly Dictionary<string, Type> BuiltIn = new[] { typeof(BuiltInHandlers), typeof(ProxyHandlers) }
        .ToDictionary(t => t.FullName!, StringComparer.Ordinal);

    private static readonly string BuiltInAssembly = typeof(BuiltInHandlers).Assembly.GetName().Name!;

    private readonly Runtimes.ProcessRuntimes _processes = processes;
    private readonly ConcurrentDictionary<string, ILambdaCode> _registered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Assembly> _assemblies = new(StringComparer.Ordinal);

    public void Register(string handler, ILambdaCode code) => _registered[handler] = code;

    public void RegisterAssembly(Assembly assembly) => _assemblies[assembly.GetName().Name!] = assembly;

    public ILambdaCode Resolve(string? handler, string? runtime) => new HandlerString(this, handler, runtime);

    private ILambdaCode Find(string? handler, string? runtime)
    {
        if (handler is not null && _registered.TryGetValue(handler, out var registered))
        {
            return registered;
        }
        var parts = handler?.Split("::");
        if (parts is not { Length: 3 })
        {
            throw new LambdaFunctionException("Runtime.HandlerNotFound",
                $"FakeAws runs functions as in-process .NET code and has none for handler '{handler}' ({runtime}): " +
                "register code for it with aws.Lambda.RegisterHandler, or use a .NET handler 'Assembly::Namespace.Type::Method'.");
        }
        var type = FindType(parts[0], parts[1])
            ?? throw new LambdaValidationException($"Unable to load type '{parts[1]}' from assembly '{parts[0]}'.");
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == parts[2] && !m.IsGenericMethodDefinition)
            .ToList();
        return methods.Count switch
        {
            0 => throw new LambdaValidationException($"Found no methods matching method name '{parts[2]}' on type '{type.FullName}'."),
            1 => HandlerCode.FromMethod(handler!, type, methods[0]),
            _ => throw new LambdaValidationException($"Found more than one method matching method name '{parts[2]}' on type '{type.FullName}'."),
        };
    }

    /// <summary>The type in a registered assembly, or a built-in handler type; null when the assembly has no such type.</summary>
    private Type? FindType(string assemblyName, string typeName)
    {
        if (_assemblies.TryGetValue(assemblyName, out var assembly))
        {
            return assembly.GetType(typeName);
        }
        if (assemblyName == BuiltInAssembly)
        {
            return BuiltIn.GetValueOrDefault(typeName);
        }
        throw new LambdaValidationException(
            $"Could not find the specified handler assembly with the file name '{assemblyName}, Culture=neutral, PublicKeyToken=null'. The assembly should be located in the root of your uploaded .zip file." +
            (AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == assemblyName)
                ? $" (FakeAws runs handlers only from assemblies registered with aws.Lambda.RegisterHandlerAssembly; '{assemblyName}' is not.)"
                : ""));
    }

    /// <summary>The code a Handler string names, looked up when an environment starts.</summary>
    private sealed class HandlerString(HandlerResolver resolver, string? handler, string? runtime) : ILambdaCode
    {
        public string Identity => handler ?? "";

        public Task<ILambdaHandler> InitializeAsync(LambdaInit init) =>
            (handler is null || !resolver._registered.ContainsKey(handler)) && init.Package is not null && Runtimes.ProcessRuntimes.Runs(runtime)
                ? resolver._processes.StartAsync(init)
                : resolver.Find(handler, runtime).InitializeAsync(init);
    }
}
