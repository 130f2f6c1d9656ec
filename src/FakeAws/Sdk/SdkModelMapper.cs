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
/// are copied element by element. A property one side lacks is skipped, so any SDK version works;
/// <see cref="Members"/> names the pairs that are copied, so a test can tell what is not.
/// </summary>
/// <remarks>
/// The copy for each pair of types is compiled once into one strongly typed delegate that reads and
/// writes each property directly, as a hand-written copy would: no boxing, no lookups per call.
/// </remarks>
internal sealed class SdkModelMapper
{
    private static readonly MethodInfo ToOffsetMethod = typeof(SdkModelMapper).GetMethod(nameof(ToOffset), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ConcurrentDictionary<(Type From, Type To), Func<object, object?>> _converters = new();
    private readonly ConcurrentDictionary<(Type From, Type To), Delegate> _typed = new();
    private readonly IReadOnlyList<Delegate> _special;
    private readonly IReadOnlyDictionary<string, Delegate> _members;

    /// <param name="special">
    /// Conversions, each a <c>Func&lt;TFrom, TTo&gt;</c>, that take precedence over the conventions wherever
    /// their types meet, for example DynamoDB's attribute values.
    /// </param>
    /// <param name="members">
    /// Conversions, each a <c>Func&lt;TFrom, TTo&gt;</c>, for a member of that name in any shape, ahead of
    /// <paramref name="special"/>, for example DynamoDB's ExpressionAttributeValues.
    /// </param>
    public SdkModelMapper(IReadOnlyList<Delegate> special, IReadOnlyDictionary<string, Delegate> members)
    {
        _special = special;
        _members = members;
    }

    /// <summary>Copies <paramref name="source"/> into a new object of <paramref name="target"/>.</summary>
    public object? Map(object? source, Type target) => source is null ? null : Converter(source.GetType(), target)(source);

    /// <summary>The compiled copy from <paramref name="from"/> to <paramref name="to"/>, for callers that keep it.</summary>
    public Func<object, object?> Converter(Type from, Type to) =>
        _converters.GetOrAdd((from, to), key => (Func<object, object?>)Compile(key.From, key.To, typeof(object), typeof(object)));

    /// <summary>
    /// The properties copied from <paramref name="from"/> to <paramref name="to"/>: each settable property
    /// of the target with a readable source property of the same name (or the name with <c>Value</c> added).
    /// </summary>
    public static IEnumerable<(PropertyInfo Source, PropertyInfo Target)> Members(Type from, Type to)
    {
        foreach (var targetProperty in to.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (targetProperty.SetMethod is not { IsPublic: true } || targetProperty.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var sourceProperty = from.GetProperty(targetProperty.Name, BindingFlags.Public | BindingFlags.Instance)
                ?? from.GetProperty(targetProperty.Name + "Value", BindingFlags.Public | BindingFlags.Instance);
            if (sourceProperty?.GetMethod is { IsPublic: true })
            {
                yield return (sourceProperty, targetProperty);
            }
        }
    }

    private Delegate Typed(Type from, Type to) => _typed.GetOrAdd((from, to), key => Compile(key.From, key.To, key.From, key.To));

    private Delegate Compile(Type from, Type to, Type parameterType, Type returnType)
    {
        var parameter = Expression.Parameter(parameterType, "source");
        var body = Convert(Expression.Convert(parameter, from), to, nested: false);
        return Expression.Lambda(Expression.Convert(body, returnType), parameter).Compile();
    }

    // Converts a value that is not null (an element of a list of double? can be a double?). A nested
    // object is copied through a slot, resolved on first use, so recursive shapes can refer to
    // themselves; the outermost one is copied in place.
    private Expression Convert(Expression value, Type to, bool nested)
    {
        var present = Nullable.GetUnderlyingType(value.Type) is null ? value : Expression.Property(value, nameof(Nullable<int>.Value));
        var converted = Conversion(present, Nullable.GetUnderlyingType(to) ?? to, nested);
        return converted.Type == to ? converted : Expression.Convert(converted, to);
    }

    private Expression Conversion(Expression value, Type to, bool nested)
    {
        var from = value.Type;
        if (Fitting(_special, from, to) is { } special)
        {
            return Call(special, value);
        }
        // Immutable values are shared; collections are always copied, so the engine never keeps a caller's list.
        if (to.IsAssignableFrom(from) && (from == typeof(string) || !from.IsAssignableTo(typeof(IEnumerable))))
        {
            return value;
        }
        if (typeof(ConstantClass).IsAssignableFrom(from) && to == typeof(string))
        {
            return Expression.Property(value, nameof(ConstantClass.Value));
        }
        if (from == typeof(string) && typeof(ConstantClass).IsAssignableFrom(to))
        {
            return Expression.Call(to.GetMethod("op_Implicit", [typeof(string)])!, value);
        }
        if (from == typeof(DateTimeOffset) && to == typeof(DateTime))
        {
            return Expression.Property(value, nameof(DateTimeOffset.UtcDateTime));
        }
        if (from == typeof(DateTime) && to == typeof(DateTimeOffset))
        {
            return Expression.Call(ToOffsetMethod, value);
        }
        if (from == typeof(byte[]) && to == typeof(MemoryStream))
        {
            return Expression.New(typeof(MemoryStream).GetConstructor([typeof(byte[])])!, value);
        }
        if (typeof(MemoryStream).IsAssignableFrom(from) && to == typeof(byte[]))
        {
            return Expression.Call(value, nameof(MemoryStream.ToArray), Type.EmptyTypes);
        }
        if (IsPrimitive(from) && IsPrimitive(to))
        {
            return Expression.ConvertChecked(value, to);
        }
        if (GenericArgument(to, typeof(Dictionary<,>), 1) is { } valueType && DictionaryValueType(from) is { } fromValue)
        {
            return CopyCollection(
                nameof(CopyDictionary), typeof(Dictionary<,>).MakeGenericType(typeof(string), fromValue),
                typeof(IDictionary<,>).MakeGenericType(typeof(string), fromValue), value, fromValue, valueType);
        }
        if (GenericArgument(to, typeof(List<>), 0) is { } elementType && ListElementType(from) is { } fromElement)
        {
            return CopyCollection(
                nameof(CopyList), typeof(List<>).MakeGenericType(fromElement), typeof(IEnumerable<>).MakeGenericType(fromElement), value, fromElement, elementType);
        }
        if (to.IsClass && from.IsClass)
        {
            if (!nested)
            {
                return ObjectCopy(value, to);
            }
            var slot = NewSlot(from, to);
            return Expression.Call(Expression.Constant(slot), slot.GetType().GetMethod(nameof(Slot<,>.Convert))!, value);
        }
        throw new InvalidOperationException($"FakeAws cannot convert {from} to {to}.");
    }

    // new To { P = convert(source.P), ... }, each property only when the source has it. The SDK's model
    // says which members a request carries with its internal IsSetX methods (an empty list can count as
    // unset); asking them makes the copy carry exactly what the SDK's marshaller would send.
    private Expression ObjectCopy(Expression value, Type to)
    {
        var from = value.Type;
        var source = Expression.Variable(from, "from");
        var target = Expression.Variable(to, "to");
        var statements = new List<Expression> { Expression.Assign(source, value), Expression.Assign(target, Expression.New(to)) };
        var locals = new List<ParameterExpression> { source, target };
        foreach (var (sourceProperty, targetProperty) in Members(from, to))
        {
            var member = Expression.Variable(sourceProperty.PropertyType, sourceProperty.Name);
            locals.Add(member);
            Expression? present = Nullable.GetUnderlyingType(member.Type) is not null ? Expression.Property(member, nameof(Nullable<int>.HasValue))
                : member.Type.IsValueType ? null
                : Expression.NotEqual(member, Expression.Constant(null, member.Type));
            if (from.GetMethod($"IsSet{sourceProperty.Name}", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is { } isSet
                && isSet.ReturnType == typeof(bool))
            {
                present = present is null ? Expression.Call(source, isSet) : Expression.AndAlso(Expression.Call(source, isSet), present);
            }
            var convert = _members.TryGetValue(targetProperty.Name, out var memberConversion) && Fits(memberConversion, member.Type, targetProperty.PropertyType)
                ? Expression.Convert(Call(memberConversion, member), targetProperty.PropertyType)
                : Convert(member, targetProperty.PropertyType, nested: true);
            Expression copy = Expression.Assign(Expression.Property(target, targetProperty), convert);
            statements.Add(Expression.Assign(member, Expression.Property(source, sourceProperty)));
            statements.Add(present is null ? copy : Expression.IfThen(present, copy));
        }
        statements.Add(target);
        return Expression.Block(to, locals, statements);
    }

    private Expression CopyCollection(string copier, Type sourceType, Type elements, Expression value, Type from, Type to)
    {
        // Strings and numbers need no conversion: the collection's own copy constructor copies them fastest.
        if (from == to && (from == typeof(string) || from.IsPrimitive))
        {
            return Expression.New(sourceType.GetConstructor([elements])!, Expression.Convert(value, sourceType));
        }
        var slot = NewSlot(from, to);
        var convert = Delegate.CreateDelegate(typeof(Func<,>).MakeGenericType(from, to), slot, nameof(Slot<,>.Convert));
        var method = typeof(SdkModelMapper).GetMethod(copier, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(from, to);
        return Expression.Call(method, Expression.Convert(value, sourceType), Expression.Constant(convert));
    }

    private static Dictionary<string, TTo> CopyDictionary<TFrom, TTo>(Dictionary<string, TFrom> source, Func<TFrom, TTo> convert)
    {
        var result = new Dictionary<string, TTo>(source.Count);
        foreach (var (key, element) in source)
        {
            result[key] = element is null ? default! : convert(element);
        }
        return result;
    }

    private static List<TTo> CopyList<TFrom, TTo>(List<TFrom> source, Func<TFrom, TTo> convert)
    {
        var result = new List<TTo>(source.Count);
        foreach (var element in source)
        {
            result.Add(element is null ? default! : convert(element));
        }
        return result;
    }

    private object NewSlot(Type from, Type to) => Activator.CreateInstance(typeof(Slot<,>).MakeGenericType(from, to), this)!;

    /// <summary>The copy between two types, compiled when it is first needed.</summary>
    private sealed class Slot<TFrom, TTo>(SdkModelMapper mapper)
    {
        private Func<TFrom, TTo>? _convert;

        public TTo Convert(TFrom value) => (_convert ??= (Func<TFrom, TTo>)mapper.Typed(typeof(TFrom), typeof(TTo)))(value);
    }

    // A conversion serves subclasses of its source type too (the SDK derives some dictionaries, such as
    // the Document model's keys, from the plain one).
    private static Delegate? Fitting(IReadOnlyList<Delegate> conversions, Type from, Type to)
    {
        foreach (var conversion in conversions)
        {
            if (conversion.Method.ReturnType == to && Fits(conversion, from, to))
            {
                return conversion;
            }
        }
        return null;
    }

    private static bool Fits(Delegate conversion, Type from, Type to) =>
        conversion.Method.GetParameters() is [var parameter] && parameter.ParameterType.IsAssignableFrom(from) && to.IsAssignableFrom(conversion.Method.ReturnType);

    // A static method is called directly, so the JIT can inline it; anything else through its delegate.
    private static Expression Call(Delegate conversion, Expression value)
    {
        var parameterType = conversion.Method.GetParameters()[0].ParameterType;
        var argument = value.Type == parameterType ? value : Expression.Convert(value, parameterType);
        return conversion.Target is null && conversion.Method.IsStatic
            ? Expression.Call(conversion.Method, argument)
            : Expression.Invoke(Expression.Constant(conversion), argument);
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
