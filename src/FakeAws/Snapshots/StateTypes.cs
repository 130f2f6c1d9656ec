using System.Collections.Concurrent;
using System.Reflection;
using FakeAws.Engine.Core;

namespace FakeAws.Snapshots;

/// <summary>How the snapshot codec treats each type of a service's state graph; the writer and the reader share it.</summary>
internal static class StateTypes
{
    private static readonly ConcurrentDictionary<Type, FieldInfo[]> Fields = new();
    private static readonly ConcurrentDictionary<Type, StateKind> Kinds = new();

    /// <summary>Every instance field of <paramref name="type"/> and its base types.</summary>
    public static FieldInfo[] FieldsOf(Type type) => Fields.GetOrAdd(type, static t =>
    {
        var fields = new List<FieldInfo>();
        for (var level = t; level is not null && level != typeof(object); level = level.BaseType)
        {
            fields.AddRange(level.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
        }
        return fields.ToArray();
    });

    public static StateKind KindOf(Type type) => Kinds.GetOrAdd(type, Classify);

    /// <summary>
    /// Whether a value is the test's own rather than the cloud's: a delegate whose method, or an object
    /// whose type, is declared outside FakeAws and .NET (a function's handler and what it closes over).
    /// An in-memory snapshot shares such values; FakeAws's own objects and delegates are state and are copied.
    /// </summary>
    public static bool IsTests(object value) =>
        UserAssemblies.GetOrAdd((value is Delegate d ? d.Method.DeclaringType ?? typeof(object) : value.GetType()).Assembly, static assembly =>
            assembly != typeof(StateTypes).Assembly && assembly != typeof(CloudContext).Assembly
            && assembly.GetName().Name is { } name
            && !name.StartsWith("System", StringComparison.Ordinal) && !name.StartsWith("Microsoft", StringComparison.Ordinal)
            && !name.StartsWith("AWSSDK", StringComparison.Ordinal) && name is not ("mscorlib" or "netstandard"));

    private static readonly ConcurrentDictionary<Assembly, bool> UserAssemblies = new();

    /// <summary>Whether values of a type never change once made, so copies of a state may share them (DynamoDB's attribute values).</summary>
    public static bool IsImmutable(Type type) => type == typeof(Engine.DynamoDb.AttributeValue);

    private static StateKind Classify(Type type)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
            || type == typeof(TimeSpan) || type == typeof(Guid))
        {
            return type == typeof(IntPtr) || type == typeof(UIntPtr) ? StateKind.Unsupported : StateKind.Scalar;
        }
        if (type == typeof(string))
        {
            return StateKind.String;
        }
        if (type.IsPointer || type.IsByRef)
        {
            return StateKind.Unsupported;
        }
        if (typeof(Type).IsAssignableFrom(type))
        {
            return StateKind.Type;
        }
        if (typeof(MemberInfo).IsAssignableFrom(type))
        {
            return StateKind.Member;
        }
        if (IsPendingWork(type) || IsCachedView(type))
        {
            return StateKind.Dropped;
        }
        if (type == typeof(object) || type == typeof(Lock) || type == typeof(SemaphoreSlim) || type == typeof(ReaderWriterLockSlim))
        {
            return StateKind.Lock;
        }
        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return StateKind.Delegate;
        }
        if (type.IsArray)
        {
            return type.GetArrayRank() == 1 && type == type.GetElementType()!.MakeArrayType() ? StateKind.Array : StateKind.Unsupported;
        }
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(Dictionary<,>) || definition == typeof(ConcurrentDictionary<,>))
            {
                return StateKind.Dictionary;
            }
            if (definition == typeof(HashSet<>))
            {
                return StateKind.Set;
            }
        }
        if (typeof(System.Runtime.InteropServices.SafeHandle).IsAssignableFrom(type) || typeof(WaitHandle).IsAssignableFrom(type))
        {
            return StateKind.Unsupported;
        }
        return type.IsValueType ? StateKind.Struct : StateKind.Object;
    }

    // Work in flight belongs to the cloud that runs it: a snapshot holds state at rest.
    // A sorted dictionary makes its Keys and Values views on first use and keeps them: they hold nothing of
    // their own, and a cloud that only read its state must snapshot as it did before.
    private static bool IsCachedView(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(SortedDictionary<,>.KeyCollection) || definition == typeof(SortedDictionary<,>.ValueCollection));

    private static bool IsPendingWork(Type type) =>
        typeof(Task).IsAssignableFrom(type)
        || type == typeof(TaskCompletionSource)
        || type.IsGenericType && type.GetGenericTypeDefinition() == typeof(TaskCompletionSource<>)
        || typeof(CancellationTokenSource).IsAssignableFrom(type)
        || type == typeof(ScheduledWork) || type == typeof(RunningWork) || type == typeof(ClockWait)
        || typeof(ITimer).IsAssignableFrom(type) || type == typeof(Thread);
}

/// <summary>The ways the snapshot codec writes a value.</summary>
internal enum StateKind
{
    /// <summary>A number, enum, boolean, char, timestamp or Guid.</summary>
    Scalar,

    /// <summary>A string, kept by value.</summary>
    String,

    /// <summary>A type object, kept by name.</summary>
    Type,

    /// <summary>A method, field or property, kept by its declaring type and metadata token.</summary>
    Member,

    /// <summary>Pending work (tasks, timers, scheduled items) and views a collection caches: written as null.</summary>
    Dropped,

    /// <summary>A lock object: the copy gets a fresh one.</summary>
    Lock,

    /// <summary>A delegate: its method and target.</summary>
    Delegate,

    /// <summary>A one-dimensional array.</summary>
    Array,

    /// <summary>A hash table, kept as its comparer and entries (hash codes differ between processes).</summary>
    Dictionary,

    /// <summary>A hash set, kept as its comparer and items.</summary>
    Set,

    /// <summary>A struct, by its fields.</summary>
    Struct,

    /// <summary>Any other object, by its fields.</summary>
    Object,

    /// <summary>Something a snapshot cannot hold: handles and pointers.</summary>
    Unsupported,
}

/// <summary>The tags of the snapshot format's values.</summary>
internal enum StateTag : byte
{
    Null,
    Reference,
    Environment,
    Scalar,
    String,
    Type,
    Lock,
    Delegate,
    Array,
    Dictionary,
    Set,
    Struct,
    Object,
    Bytes,
    Multicast,
    Shared,
    SharedValue,
    Member,
}
