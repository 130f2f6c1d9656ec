using System.Collections.Concurrent;
using System.Reflection;
using FakeAws.Engine.Lambda.Code;

namespace FakeAws.Lambda.Binding;

/// <summary>
/// Finds the code of functions created over the wire. A Handler string registered with
/// <see cref="LambdaHelper.RegisterHandler"/> runs that code, whatever the runtime; a .NET handler
/// <c>Assembly::Namespace.Type::Method</c> is found by reflection in the loaded assemblies (or loaded
/// by name), which is how a real Lambda project runs inside the fake. Resolution happens when an
/// execution environment starts, so code registered after CreateFunction is found.
/// </summary>
internal sealed class HandlerResolver : ILambdaCodeResolver
{
    private readonly ConcurrentDictionary<string, ILambdaCode> _registered = new(StringComparer.Ordinal);

    public void Register(string handler, ILambdaCode code) => _registered[handler] = code;

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
        var assembly = LoadAssembly(parts[0]);
        var type = assembly.GetType(parts[1])
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

    private static Assembly LoadAssembly(string name)
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name);
        if (loaded is not null)
        {
            return loaded;
        }
        var assemblyName = new AssemblyName(name);
        try
        {
            return Assembly.Load(assemblyName);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw new LambdaValidationException(
                $"Could not find the specified handler assembly with the file name '{name}, Culture=neutral, PublicKeyToken=null'. The assembly should be located in the root of your uploaded .zip file.");
        }
    }

    /// <summary>The code a Handler string names, looked up when an environment starts.</summary>
    private sealed class HandlerString(HandlerResolver resolver, string? handler, string? runtime) : ILambdaCode
    {
        public string Identity => handler ?? "";

        public Task<ILambdaHandler> InitializeAsync(LambdaInit init) => resolver.Find(handler, runtime).InitializeAsync(init);
    }
}
