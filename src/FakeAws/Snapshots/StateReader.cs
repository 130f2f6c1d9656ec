using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace FakeAws.Snapshots;

/// <summary>
/// Reads what <see cref="StateWriter"/> wrote into new objects: the copy shares nothing mutable with
/// the graph that was written, and the cloud's own objects are the reading cloud's.
/// </summary>
/// <param name="input">The format.</param>
/// <param name="environment">The reading cloud's own objects, by name.</param>
/// <param name="shared">The test's objects the snapshot shares rather than copies (see <see cref="StateWriter"/>).</param>
internal sealed class StateReader(BinaryReader input, IReadOnlyDictionary<string, object> environment, IReadOnlyList<object> shared)
{
    private readonly List<object> _objects = [];
    private readonly List<(Type Type, FieldInfo?[] Fields)> _types = [];

    public object? Read()
    {
        var tag = (StateTag)input.ReadByte();
        switch (tag)
        {
            case StateTag.Null:
                return null;
            case StateTag.Reference:
                return _objects[input.ReadInt32()];
            case StateTag.Environment:
                var key = input.ReadString();
                return environment.TryGetValue(key, out var found)
                    ? found
                    : throw new InvalidDataException($"The snapshot refers to the cloud's {key}, which this cloud does not have.");
            case StateTag.Shared:
                return Remember(shared[input.ReadInt32()]);
            case StateTag.SharedValue:
                return shared[input.ReadInt32()];
            case StateTag.Scalar:
                return ReadScalar(ReadType().Type);
            case StateTag.String:
                return input.ReadString();
            case StateTag.Struct:
            {
                var (type, fields) = ReadType();
                var boxed = RuntimeHelpers.GetUninitializedObject(type);
                ReadFields(boxed, fields);
                return boxed;
            }
            case StateTag.Type:
                return Remember(Type.GetType(input.ReadString(), throwOnError: true)!);
            case StateTag.Member:
                return Remember(ReadMember());
            case StateTag.Lock:
            {
                var type = ReadType().Type;
                var count = input.ReadInt32();
                object fresh = type == typeof(SemaphoreSlim) ? new SemaphoreSlim(count)
                    : type == typeof(ReaderWriterLockSlim) ? new ReaderWriterLockSlim(LockRecursionPolicy.SupportsRecursion)
                    : Activator.CreateInstance(type)!;
                return Remember(fresh);
            }
            case StateTag.Delegate:
            {
                var delegateType = ReadType().Type;
                var method = (MethodInfo)ReadMember();
                var target = Read();
                var created = method.IsStatic ? Delegate.CreateDelegate(delegateType, method) : Delegate.CreateDelegate(delegateType, target, method);
                return input.ReadBoolean() ? Remember(created) : created;
            }
            case StateTag.Multicast:
            {
                var delegateType = ReadType().Type;
                var parts = new Delegate?[input.ReadInt32()];
                for (var i = 0; i < parts.Length; i++)
                {
                    parts[i] = (Delegate?)Read();
                }
                var combined = Delegate.Combine(parts) ?? throw new InvalidDataException($"The snapshot holds an empty {delegateType.Name}.");
                return Remember(combined);
            }
            case StateTag.Bytes:
                return Remember(input.ReadBytes(input.ReadInt32()));
            case StateTag.Array:
            {
                var elementType = ReadType().Type;
                var array = Array.CreateInstance(elementType, input.ReadInt32());
                Remember(array);
                for (var i = 0; i < array.Length; i++)
                {
                    array.SetValue(Read(), i);
                }
                return array;
            }
            case StateTag.Dictionary:
            {
                var type = ReadType().Type;
                var dictionary = (IDictionary)Create(type, Read());
                Remember(dictionary);
                var count = input.ReadInt32();
                for (var i = 0; i < count; i++)
                {
                    var entryKey = Read()!;
                    dictionary[entryKey] = Read();
                }
                return dictionary;
            }
            case StateTag.Set:
            {
                var type = ReadType().Type;
                var set = Create(type, Read());
                Remember(set);
                var add = type.GetMethod("Add")!;
                var count = input.ReadInt32();
                for (var i = 0; i < count; i++)
                {
                    add.Invoke(set, [Read()]);
                }
                return set;
            }
            case StateTag.Object:
            {
                var (type, fields) = ReadType();
                var value = RuntimeHelpers.GetUninitializedObject(type);
                Remember(value);
                ReadFields(value, fields);
                return value;
            }
            default:
                throw new InvalidDataException($"The snapshot is damaged: unknown value tag {(byte)tag}.");
        }
    }

    private object Remember(object value)
    {
        _objects.Add(value);
        return value;
    }

    // A hash table or set made again with its comparer, or the default one.
    private static object Create(Type type, object? comparer) =>
        comparer is null
            ? Activator.CreateInstance(type)!
            : Activator.CreateInstance(type, [comparer])!;

    private void ReadFields(object target, FieldInfo?[] fields)
    {
        foreach (var field in fields)
        {
            var value = Read();
            // A field the running FakeAws no longer has is skipped.
            field?.SetValue(target, value);
        }
    }

    private MemberInfo ReadMember()
    {
        var declaring = ReadType().Type;
        var member = declaring.Module.ResolveMember(input.ReadInt32(), declaring.IsGenericType ? declaring.GetGenericArguments() : null, null)!;
        var arguments = new Type[input.ReadInt32()];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = ReadType().Type;
        }
        return arguments.Length > 0 ? ((MethodInfo)member).MakeGenericMethod(arguments) : member;
    }

    private (Type Type, FieldInfo?[] Fields) ReadType()
    {
        var id = input.ReadInt32();
        if (id >= 0)
        {
            return _types[id];
        }
        var name = input.ReadString();
        var type = Type.GetType(name, throwOnError: false)
            ?? throw new InvalidDataException($"The snapshot holds a {name}, which this version of FakeAws does not have.");
        var present = StateTypes.FieldsOf(type).ToDictionary(f => f.Name);
        var fields = new FieldInfo?[input.ReadInt32()];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = present.GetValueOrDefault(input.ReadString());
        }
        _types.Add((type, fields));
        return (type, fields);
    }

    private object ReadScalar(Type type)
    {
        if (type.IsEnum)
        {
            return Enum.ToObject(type, input.ReadInt64());
        }
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => input.ReadBoolean(),
            TypeCode.Byte => input.ReadByte(),
            TypeCode.SByte => input.ReadSByte(),
            TypeCode.Char => (char)input.ReadUInt16(),
            TypeCode.Int16 => input.ReadInt16(),
            TypeCode.UInt16 => input.ReadUInt16(),
            TypeCode.Int32 => input.ReadInt32(),
            TypeCode.UInt32 => input.ReadUInt32(),
            TypeCode.Int64 => input.ReadInt64(),
            TypeCode.UInt64 => input.ReadUInt64(),
            TypeCode.Single => input.ReadSingle(),
            TypeCode.Double => input.ReadDouble(),
            TypeCode.Decimal => input.ReadDecimal(),
            TypeCode.DateTime => DateTime.FromBinary(input.ReadInt64()),
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(input.ReadInt64(), TimeSpan.FromMinutes(input.ReadInt16())),
            _ when type == typeof(TimeSpan) => new TimeSpan(input.ReadInt64()),
            _ when type == typeof(Guid) => new Guid(input.ReadBytes(16)),
            _ => throw new InvalidDataException($"The snapshot holds a {type} as a scalar."),
        };
    }
}
