using System.Collections;
using System.Reflection;

namespace FakeAws.Snapshots;

/// <summary>
/// Writes a service's state graph in the snapshot format: every object once (later mentions are
/// references, so shared and cyclic structure survives), the cloud's own objects (its clock, context,
/// options, engines) by name, hash tables by their entries, and pending work left out.
/// </summary>
/// <param name="output">Where the format goes.</param>
/// <param name="environment">The cloud's own objects, by name.</param>
/// <param name="shared">
/// Where the test's own objects and immutable values go instead of being written, for a snapshot that
/// stays in memory: a function's handler and what it closes over are shared by the copies, not copied,
/// so a restored handler still works on the test's objects, and strings and DynamoDB values cost a
/// reference; null to write them.
/// </param>
internal sealed class StateWriter(BinaryWriter output, IReadOnlyDictionary<object, string> environment, List<object>? shared)
{
    private readonly Dictionary<object, int> _objects = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Type, int> _types = [];
    private readonly Stack<string> _path = new();

    /// <summary>Writes one value and everything it reaches.</summary>
    /// <param name="value">The value.</param>
    /// <param name="name">What the value is, for the error that names something a snapshot cannot hold.</param>
    public void Write(object? value, string name)
    {
        _path.Push(name);
        WriteValue(value);
        _path.Pop();
    }

    private void WriteValue(object? value)
    {
        if (value is null)
        {
            output.Write((byte)StateTag.Null);
            return;
        }
        if (environment.TryGetValue(value, out var key))
        {
            output.Write((byte)StateTag.Environment);
            output.Write(key);
            return;
        }
        var type = value.GetType();
        var kind = StateTypes.KindOf(type);
        if (shared is not null && (kind == StateKind.String || StateTypes.IsImmutable(type)))
        {
            // Immutable values are shared by an in-memory snapshot's copies, as the engine's own items share them.
            output.Write((byte)StateTag.SharedValue);
            output.Write(shared.Count);
            shared.Add(value);
            return;
        }
        switch (kind)
        {
            case StateKind.Scalar:
                output.Write((byte)StateTag.Scalar);
                WriteType(type);
                WriteScalar(value);
                return;
            case StateKind.String:
                output.Write((byte)StateTag.String);
                output.Write((string)value);
                return;
            case StateKind.Dropped:
                output.Write((byte)StateTag.Null);
                return;
            case StateKind.Struct:
                output.Write((byte)StateTag.Struct);
                WriteType(type);
                WriteFields(value, type);
                return;
            case StateKind.Unsupported:
                throw new NotSupportedException(
                    $"FakeAws cannot snapshot {string.Join('.', _path.Reverse())}: it holds a {type.FullName}, which lives outside the cloud's memory.");
        }
        if (_objects.TryGetValue(value, out var id))
        {
            output.Write((byte)StateTag.Reference);
            output.Write(id);
            return;
        }
        switch (kind)
        {
            case StateKind.Type:
                Remember(value);
                output.Write((byte)StateTag.Type);
                output.Write(((Type)value).AssemblyQualifiedName!);
                return;
            case StateKind.Member:
                Remember(value);
                output.Write((byte)StateTag.Member);
                WriteMember((MemberInfo)value);
                return;
            case StateKind.Lock:
                Remember(value);
                output.Write((byte)StateTag.Lock);
                WriteType(type);
                output.Write(value is SemaphoreSlim semaphore ? semaphore.CurrentCount : 0);
                return;
            case StateKind.Delegate or StateKind.Object when shared is not null && StateTypes.IsTests(value):
                Remember(value);
                output.Write((byte)StateTag.Shared);
                output.Write(shared.Count);
                shared.Add(value);
                return;
            case StateKind.Delegate:
                WriteDelegate((Delegate)value);
                return;
            case StateKind.Array when value is byte[] bytes:
                Remember(value);
                output.Write((byte)StateTag.Bytes);
                output.Write(bytes.Length);
                output.Write(bytes);
                return;
            case StateKind.Array:
                var array = (Array)value;
                Remember(value);
                output.Write((byte)StateTag.Array);
                WriteType(type.GetElementType()!);
                output.Write(array.Length);
                for (var i = 0; i < array.Length; i++)
                {
                    Write(array.GetValue(i), $"[{i}]");
                }
                return;
            case StateKind.Dictionary:
                WriteHashed(StateTag.Dictionary, type, value);
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    Write(entry.Key, "key");
                    Write(entry.Value, entry.Key.ToString() ?? "value");
                }
                return;
            case StateKind.Set:
                WriteHashed(StateTag.Set, type, value);
                foreach (var item in (IEnumerable)value)
                {
                    Write(item, "item");
                }
                return;
            default:
                Remember(value);
                output.Write((byte)StateTag.Object);
                WriteType(type);
                WriteFields(value, type);
                return;
        }
    }

    private void Remember(object value) => _objects.Add(value, _objects.Count);

    private void WriteFields(object value, Type type)
    {
        foreach (var field in StateTypes.FieldsOf(type))
        {
            Write(field.GetValue(value), field.Name);
        }
    }

    // A hash table or set: its comparer (null for the default, so the copy gets the runtime's own, the
    // fastest, again), then its number, its count, and then the caller writes its entries.
    private void WriteHashed(StateTag tag, Type type, object collection)
    {
        output.Write((byte)tag);
        WriteType(type);
        var comparer = type.GetProperty("Comparer")!.GetValue(collection);
        var fallback = typeof(EqualityComparer<>).MakeGenericType(type.GetGenericArguments()[0]).GetProperty("Default")!.GetValue(null);
        Write(ReferenceEquals(comparer, fallback) ? null : comparer, "comparer");
        Remember(collection);
        output.Write((int)type.GetProperty("Count")!.GetValue(collection)!);
    }

    private void WriteDelegate(Delegate value)
    {
        var list = value.GetInvocationList();
        if (list.Length > 1)
        {
            output.Write((byte)StateTag.Multicast);
            WriteType(value.GetType());
            output.Write(list.Length);
            foreach (var single in list)
            {
                Write(single, "handler");
            }
            Remember(value);
            return;
        }
        output.Write((byte)StateTag.Delegate);
        WriteType(value.GetType());
        WriteMember(value.Method);
        Write(value.Target, "target");
        // A target that holds the delegate itself has written it already, and the reader numbered that copy.
        var first = !_objects.ContainsKey(value);
        output.Write(first);
        if (first)
        {
            Remember(value);
        }
    }

    // A member by its declaring type and metadata token, and a generic method's type arguments.
    private void WriteMember(MemberInfo member)
    {
        WriteType(member.DeclaringType!);
        output.Write(member.MetadataToken);
        var arguments = member is MethodInfo { IsGenericMethod: true } method ? method.GetGenericArguments() : [];
        output.Write(arguments.Length);
        foreach (var argument in arguments)
        {
            WriteType(argument);
        }
    }

    // A type is named once, with its fields' names, then by number.
    private void WriteType(Type type)
    {
        if (_types.TryGetValue(type, out var id))
        {
            output.Write(id);
            return;
        }
        _types.Add(type, _types.Count);
        output.Write(-1);
        output.Write(type.AssemblyQualifiedName!);
        var fields = StateTypes.KindOf(type) is StateKind.Struct or StateKind.Object ? StateTypes.FieldsOf(type) : [];
        output.Write(fields.Length);
        foreach (var field in fields)
        {
            output.Write(field.Name);
        }
    }

    private void WriteScalar(object value)
    {
        switch (value)
        {
            case bool b: output.Write(b); break;
            case byte b: output.Write(b); break;
            case sbyte b: output.Write(b); break;
            case char c: output.Write((ushort)c); break;
            case short s: output.Write(s); break;
            case ushort s: output.Write(s); break;
            case int i: output.Write(i); break;
            case uint i: output.Write(i); break;
            case long l: output.Write(l); break;
            case ulong l: output.Write(l); break;
            case float f: output.Write(f); break;
            case double d: output.Write(d); break;
            case decimal d: output.Write(d); break;
            case DateTime t: output.Write(t.ToBinary()); break;
            case DateTimeOffset t:
                output.Write(t.Ticks);
                output.Write((short)t.Offset.TotalMinutes);
                break;
            case TimeSpan t: output.Write(t.Ticks); break;
            case Guid g: output.Write(g.ToByteArray()); break;
            case Enum e: output.Write(Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }
}
