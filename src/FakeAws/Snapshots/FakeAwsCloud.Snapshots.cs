using System.Reflection;
using System.Text;
using FakeAws.Snapshots;

namespace FakeAws;

public sealed partial class FakeAwsCloud
{
    // How deep the cloud's own objects (modules, engines, helpers, options) are named for snapshots.
    private const int EnvironmentDepth = 3;

    /// <summary>
    /// Takes the state of every service: a fixture built once can be put back with <see cref="Restore"/>,
    /// into this cloud or another, per test. Work in flight (executions running, timers, status changes
    /// still to come) is not taken; snapshot a cloud at rest, after <see cref="RunUntilIdleAsync"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">A service holds something that cannot be copied (the error names it).</exception>
    public CloudSnapshot Snapshot()
    {
        ThrowIfDisposed();
        var environment = Environment().GroupBy(e => e.Value, ReferenceEqualityComparer.Instance)
            .ToDictionary(g => g.Key!, g => g.First().Name, ReferenceEqualityComparer.Instance);
        var shared = new List<object>();
        using var buffer = new MemoryStream();
        using (var output = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            var writer = new StateWriter(output, environment, shared);
            // A service never built holds no state.
            var stores = BuiltModules().SelectMany(m => m.State).ToList();
            output.Write(stores.Count);
            foreach (var (name, store) in stores)
            {
                output.Write(name);
                var states = store.Export();
                output.Write(states.Count);
                foreach (var (accountId, region, state) in states)
                {
                    output.Write(accountId);
                    output.Write(region);
                    writer.Write(state, $"{name}[{accountId}/{region}]");
                }
            }
        }
        return new CloudSnapshot(buffer.ToArray(), shared, environment, Clock.GetUtcNow());
    }

    /// <summary>
    /// Puts every service back to the state of <paramref name="snapshot"/>, taken from this cloud or
    /// another (or loaded with <see cref="CloudSnapshot.Load"/>). What the cloud held before is forgotten and
    /// its pending work dropped, as by <see cref="Reset"/>. The clock is not rewound: it keeps its time, so
    /// expiry (Time to Live, stream retention, tokens, point-in-time windows) is judged against the clock's
    /// time now. Recorded calls and injected faults are the test's, and stay as they are.
    /// </summary>
    public void Restore(CloudSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ThrowIfDisposed();
        // Every service is built first, so each one the snapshot holds, and the objects its state names, are here.
        var stores = Modules(buildAll: true).SelectMany(m => m.State).ToDictionary(s => s.Name, s => s.Store);
        var environment = Environment().GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.First().Value);
        Reset();
        using var input = new BinaryReader(new MemoryStream(snapshot.State, writable: false), Encoding.UTF8);
        var reader = new StateReader(input, environment, snapshot.SharedFor(environment));
        var count = input.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var name = input.ReadString();
            var states = new (string, string, object)[input.ReadInt32()];
            for (var j = 0; j < states.Length; j++)
            {
                states[j] = (input.ReadString(), input.ReadString(), reader.Read()!);
            }
            if (!stores.TryGetValue(name, out var store))
            {
                throw new InvalidDataException($"The snapshot holds state of {name}, a service this cloud does not have.");
            }
            store.Import(states);
        }
    }

    /// <summary>
    /// The cloud's own objects, named by the path of fields that reaches them from the cloud: state points
    /// at them (a table at its options, a function at its engine), and a snapshot names them instead of
    /// copying them, so restored state points at the restoring cloud's. Well-known comparers are named too.
    /// </summary>
    private IEnumerable<(string Name, object Value)> Environment()
    {
        yield return (nameof(StringComparer.Ordinal), StringComparer.Ordinal);
        yield return (nameof(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        yield return (nameof(StringComparer.InvariantCulture), StringComparer.InvariantCulture);
        yield return (nameof(StringComparer.InvariantCultureIgnoreCase), StringComparer.InvariantCultureIgnoreCase);
        yield return (nameof(ReferenceEqualityComparer), ReferenceEqualityComparer.Instance);
        foreach (var found in Walk(this, "cloud", EnvironmentDepth))
        {
            yield return found;
        }
    }

    private static IEnumerable<(string Name, object Value)> Walk(object owner, string name, int depth)
    {
        yield return (name, owner);
        if (depth == 0 || !IsOurs(owner.GetType()))
        {
            yield break;
        }
        foreach (var field in StateTypes.FieldsOf(owner.GetType()))
        {
            if (Unwrap(field.GetValue(owner)) is { } value && value is not string && !value.GetType().IsValueType)
            {
                foreach (var found in Walk(value, $"{name}.{field.Name}", depth - 1))
                {
                    yield return found;
                }
            }
        }
    }

    // A module the cloud builds when first used is named by its field, through the Lazy that holds it; one not built yet names nothing.
    private static object? Unwrap(object? value)
    {
        if (value?.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(Lazy<>))
        {
            return (bool)type.GetProperty(nameof(Lazy<object>.IsValueCreated))!.GetValue(value)! ? type.GetProperty(nameof(Lazy<object>.Value))!.GetValue(value) : null;
        }
        return value;
    }

    private static bool IsOurs(Type type) => type.Assembly == typeof(FakeAwsCloud).Assembly || type.Assembly == typeof(Engine.Core.CloudContext).Assembly;
}
