using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Amazon.Runtime;

namespace FakeAws.Sdk;

/// <summary>
/// Copies between the SDK's typed model objects and FakeAws's engine model, property by property,
/// matched by name (both follow AWS's service model). Enums become strings and back, streams
/// become byte arrays, <see cref="DateTime"/> becomes <see cref="DateTimeOffset"/>, lists and maps
/// are copied element by element. A property one side lacks is skipped, so any SDK version works.
/// </summary>
/// <remarks>The copy for each pair of types is built once, with compiled accessors.</remarks>
internal sealed class SdkModelMapper
{
    private readonly ConcurrentDictionary<(Type From, Type To), Func<object, object?>> _converters = new();
    private readonly IReadOnlyDictionary<(Type From, Type To), Func<object, object?>> _special;

    /// <param name="special">Hand-written conversions that take precedence, for example DynamoDB's attribute values.</param>
    public SdkModelMapper(IReadOnlyDictionary<(Type From, Type To), Func<object, object?>> special)
    {
        _special = special;
    }

    /// <summary>Copies <paramref name="source"/> into a new object of <paramref name="target"/>.</summary>
    public object? Map(object? source, Type target) => source is null ? null : ConverterFor(source.GetType(), target)(source);

    private Func<object, object?> ConverterFor(Type from, Type to) => _converters.GetOrAdd((from, to), key => Build(key.From, key.To));

    private Func<object, object?> Build(Type from, Type to)
    {
        // A special conversion also serves subclasses of its source type (the SDK derives some
        // dictionaries, such as the Document model's keys, from the plain one).
        foreach (var ((specialFrom, specialTo), special) in _special)
        {
            if (specialTo == to && specialFrom.IsAssignableFrom(from))
            {
                return special;
            }
        }
        var target = Nullable.GetUnderlyingType(to) ?? to;
        // Immutable values are shared; collections are always copied, so the engine never keeps a caller's list.
        if (to.IsAssignableFrom(from) && (from == typeof(string) || !from.IsAssignableTo(typeof(IEnumerable))))
        {
            return value => value;
        }
        if (typeof(ConstantClass).IsAssignableFrom(from) && target == typeof(string))
        {
            return value => ((ConstantClass)value).Value;
        }
        if (from == typeof(string) && typeof(ConstantClass).IsAssignableFrom(target))
        {
            var implicitOperator = target.GetMethod("op_Implicit", [typeof(string)])!;
            return value => implicitOperator.Invoke(null, [value]);
        }
        if (from == typeof(DateTimeOffset) && target == typeof(DateTime))
        {
            return value => ((DateTimeOffset)value).UtcDateTime;
        }
        if (from == typeof(DateTime) && target == typeof(DateTimeOffset))
        {
            return value => ToOffset((DateTime)value);
        }
        if (from == typeof(byte[]) && target == typeof(MemoryStream))
        {
            return value => new MemoryStream((byte[])value);
        }
        if (typeof(MemoryStream).IsAssignableFrom(from) && target == typeof(byte[]))
        {
            return value => ((MemoryStream)value).ToArray();
        }
        if (IsPrimitive(from) && IsPrimitive(target))
        {
            return value => Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
        }
        if (GenericArgument(to, typeof(Dictionary<,>), 1) is { } valueType && DictionaryValueType(from) is { } fromValue)
        {
            return Typed(nameof(MapDictionary), fromValue, valueType);
        }
        if (GenericArgument(to, typeof(List<>), 0) is { } elementType && ListElementType(from) is { } fromElement)
        {
            return Typed(nameof(MapList), fromElement, elementType);
        }
        if (target.IsClass && from.IsClass)
        {
            return BuildObjectCopy(from, target);
        }
        throw new InvalidOperationException($"FakeAws cannot convert {from} to {to}.");
    }

    // Collections are copied by strongly typed code made once per element type pair.
    private Func<object, object?> Typed(string builder, Type from, Type to) =>
        (Func<object, object?>)typeof(SdkModelMapper).GetMethod(builder, BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(from, to).Invoke(this, null)!;

    private Func<object, object?> MapDictionary<TFrom, TTo>()
    {
        var convert = ElementConverter<TFrom, TTo>();
        return value =>
        {
            var source = (Dictionary<string, TFrom>)value;
            var result = new Dictionary<string, TTo>(source.Count);
            foreach (var (key, element) in source)
            {
                result[key] = convert(element);
            }
            return result;
        };
    }

    private Func<object, object?> MapList<TFrom, TTo>()
    {
        var convert = ElementConverter<TFrom, TTo>();
        return value =>
        {
            var source = (List<TFrom>)value;
            var result = new List<TTo>(source.Count);
            foreach (var element in source)
            {
                result.Add(convert(element));
            }
            return result;
        };
    }

    private Func<TFrom, TTo> ElementConverter<TFrom, TTo>()
    {
        Func<object, object?>? convert = null;
        return element => element is null ? default! : (TTo)(convert ??= ConverterFor(element.GetType(), typeof(TTo)))(element)!;
    }

    private Func<object, object?> BuildObjectCopy(Type from, Type to)
    {
        var create = Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(to), typeof(object))).Compile();
        var copies = new List<Action<object, object>>();
        foreach (var targetProperty in to.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (targetProperty.SetMethod is not { IsPublic: true } || targetProperty.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var sourceProperty = from.GetProperty(targetProperty.Name, BindingFlags.Public | BindingFlags.Instance)
                ?? from.GetProperty(targetProperty.Name + "Value", BindingFlags.Public | BindingFlags.Instance);
            if (sourceProperty?.GetMethod is not { IsPublic: true })
            {
                continue;
            }
            var get = Getter(sourceProperty);
            var set = Setter(targetProperty);
            // Model properties hold values of their declared type, so the conversion is chosen once;
            // it is resolved on first use, which also lets recursive shapes refer to themselves.
            var sourceType = Nullable.GetUnderlyingType(sourceProperty.PropertyType) ?? sourceProperty.PropertyType;
            var targetType = targetProperty.PropertyType;
            Func<object, object?>? convert = null;
            copies.Add((source, target) =>
            {
                var value = get(source);
                if (value is not null)
                {
                    convert ??= value.GetType() == sourceType ? ConverterFor(sourceType, targetType) : null;
                    set(target, (convert ?? ConverterFor(value.GetType(), targetType))(value));
                }
            });
        }
        return source =>
        {
            var target = create();
            foreach (var copy in copies)
            {
                copy(source, target);
            }
            return target;
        };
    }

    private static Func<object, object?> Getter(PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object));
        var body = Expression.Convert(Expression.Property(Expression.Convert(instance, property.DeclaringType!), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, instance).Compile();
    }

    private static Action<object, object?> Setter(PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object));
        var value = Expression.Parameter(typeof(object));
        var body = Expression.Assign(
            Expression.Property(Expression.Convert(instance, property.DeclaringType!), property),
            Expression.Convert(value, property.PropertyType));
        return Expression.Lambda<Action<object, object?>>(body, instance, value).Compile();
    }

    private static Type? GenericArgument(Type type, Type definition, int index) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition ? type.GetGenericArguments()[index] : null;

    // The value type of a Dictionary<string, T>, or of a class derived from one.
    private static Type? DictionaryValueType(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (GenericArgument(current, typeof(Dictionary<,>), 1) is { } value)
            {
                return value;
            }
        }
        return null;
    }

    // The element type of a List<T>, or of a class derived from one.
    private static Type? ListElementType(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (GenericArgument(current, typeof(List<>), 0) is { } element)
            {
                return element;
            }
        }
        return null;
    }

    private static bool IsPrimitive(Type type) => type.IsPrimitive || type == typeof(decimal);

    private static DateTimeOffset ToOffset(DateTime value) => value.Kind switch
    {
        DateTimeKind.Unspecified => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)),
        _ => new DateTimeOffset(value.ToUniversalTime()),
    };
}
