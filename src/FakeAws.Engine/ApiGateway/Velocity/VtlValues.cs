using System.Globalization;
using System.Text;

namespace FakeAws.Engine.ApiGateway.Velocity;

/// <summary>
/// How template values behave, as the Java objects behind API Gateway's Velocity do: strings,
/// integers (<see cref="long"/>), doubles, booleans, lists (<see cref="List{T}"/>), maps (an
/// <see cref="OrderedDictionary{TKey,TValue}"/>, as Java's LinkedHashMap) and host objects. A map
/// renders as <c>{a=1, b=[x, y]}</c>, as Java's <c>toString()</c> writes it.
/// </summary>
internal static class VtlValues
{
    /// <summary>The text a value renders as.</summary>
    public static string Text(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d => JavaDouble(d),
        IEnumerable<KeyValuePair<string, object?>> map => "{" + string.Join(", ", map.Select(e => $"{e.Key}={Text(e.Value)}")) + "}",
        List<object?> list => "[" + string.Join(", ", list.Select(Text)) + "]",
        _ => value.ToString() ?? "",
    };

    /// <summary>Java's <c>Double.toString</c>: <c>1.0</c>, <c>0.5</c>, <c>1.0E7</c>.</summary>
    public static string JavaDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }
        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        var magnitude = Math.Abs(d);
        if (d == 0 || (magnitude >= 1e-3 && magnitude < 1e7))
        {
            var text = d.ToString("R", CultureInfo.InvariantCulture);
            return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
        }
        var exponent = (int)Math.Floor(Math.Log10(magnitude));
        var mantissa = (d / Math.Pow(10, exponent)).ToString("R", CultureInfo.InvariantCulture);
        return (mantissa.Contains('.', StringComparison.Ordinal) ? mantissa : mantissa + ".0") + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Velocity 1.7's truth: false and null are false, every other value true.</summary>
    public static bool Truthy(object? value) => value is not (null or false);

    public static bool IsNumber(object? value) => value is long or int or double;

    public static double ToDouble(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    /// <summary>Velocity's <c>==</c>: numbers by value, same kinds by equality, other kinds by their text.</summary>
    public static bool AreEqual(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }
        if (IsNumber(left) && IsNumber(right))
        {
            return ToDouble(left) == ToDouble(right);
        }
        if (left is string || right is string || left.GetType() != right.GetType())
        {
            return Text(left) == Text(right);
        }
        return left is List<object?> l && right is List<object?> r
            ? l.Count == r.Count && l.Zip(r).All(p => AreEqual(p.First, p.Second))
            : left.Equals(right);
    }

    /// <summary>Orders two numbers or two strings; null when they cannot be compared.</summary>
    public static int? Compare(object? left, object? right)
    {
        if (IsNumber(left) && IsNumber(right))
        {
            return ToDouble(left).CompareTo(ToDouble(right));
        }
        return left is string a && right is string b ? string.CompareOrdinal(a, b) : null;
    }

    /// <summary>Arithmetic: <c>+</c> joins when either side is a string; integers stay integers; dividing by zero gives null.</summary>
    public static object? Arithmetic(string op, object? left, object? right)
    {
        if (op == "+" && (left is string || right is string))
        {
            return Text(left) + Text(right);
        }
        if (!IsNumber(left) || !IsNumber(right))
        {
            return null;
        }
        if (left is not double && right is not double)
        {
            long a = Convert.ToInt64(left, CultureInfo.InvariantCulture), b = Convert.ToInt64(right, CultureInfo.InvariantCulture);
            return op switch
            {
                "+" => a + b,
                "-" => a - b,
                "*" => a * b,
                "/" => b == 0 ? null : a / b,
                "%" => b == 0 ? null : a % b,
                _ => null,
            };
        }
        double x = ToDouble(left), y = ToDouble(right);
        return op switch
        {
            "+" => x + y,
            "-" => x - y,
            "*" => x * y,
            "/" => y == 0 ? null : x / y,
            "%" => y == 0 ? null : x % y,
            _ => null,
        };
    }

    /// <summary>What <c>#foreach</c> walks: a list's items, a map's values; nothing for anything else.</summary>
    public static IEnumerable<object?> Items(object? value) => value switch
    {
        List<object?> list => list.ToList(),
        OrderedDictionary<string, object?> map => map.Values.ToList(),
        _ => [],
    };

    /// <summary><c>$value.name</c>: a map's entry, a host object's property, or a Java getter (<c>getName()</c>, <c>isName()</c>).</summary>
    public static object? Property(object? target, string name)
    {
        switch (target)
        {
            case null:
                return null;
            case OrderedDictionary<string, object?> map:
                return map.GetValueOrDefault(name);
            case IVtlObject host when host.TryGetProperty(name, out var value):
                return value;
        }
        var capitalized = char.ToUpperInvariant(name[0]) + name[1..];
        return Invoke(target, "get" + capitalized, []) ?? Invoke(target, "is" + capitalized, []);
    }

    /// <summary><c>$value[index]</c>.</summary>
    public static object? Index(object? target, object? index) => target switch
    {
        List<object?> list when IsNumber(index) && Convert.ToInt64(index, CultureInfo.InvariantCulture) is var i =>
            i >= 0 && i < list.Count ? list[(int)i] : i < 0 && -i <= list.Count ? list[list.Count + (int)i] : null,
        OrderedDictionary<string, object?> map => map.GetValueOrDefault(Text(index)),
        _ => null,
    };

    /// <summary><c>$value.name(arguments)</c>: the Java methods of strings, lists and maps templates use; null for any other.</summary>
    public static object? Invoke(object? target, string name, IReadOnlyList<object?> arguments) => target switch
    {
        null => null,
        IVtlObject host => host.TryInvoke(name, arguments, out var result) ? result : null,
        string text => VtlStringMethods.Invoke(text, name, arguments),
        List<object?> list => VtlCollectionMethods.Invoke(list, name, arguments),
        OrderedDictionary<string, object?> map => VtlCollectionMethods.Invoke(map, name, arguments),
        _ => name switch
        {
            "toString" when arguments.Count == 0 => Text(target),
            "equals" when arguments.Count == 1 => AreEqual(target, arguments[0]),
            "intValue" or "longValue" when IsNumber(target) => (long)ToDouble(target),
            "doubleValue" when IsNumber(target) => ToDouble(target),
            "booleanValue" when target is bool b => b,
            _ => null,
        },
    };

    /// <summary>An integer argument, or null when it is not one.</summary>
    public static int? Int(object? value) => value is long or int ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;

    /// <summary>Builds a map from name/value pairs.</summary>
    public static OrderedDictionary<string, object?> Map(IEnumerable<KeyValuePair<string, object?>> entries)
    {
        var map = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }
        return map;
    }

    /// <summary>Text with each character as Java's <c>StringEscapeUtils.escapeJavaScript</c> writes it.</summary>
    public static string EscapeJavaScript(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\'': escaped.Append("\\'"); break;
                case '"': escaped.Append("\\\""); break;
                case '\\': escaped.Append("\\\\"); break;
                case '/': escaped.Append("\\/"); break;
                case '\b': escaped.Append("\\b"); break;
                case '\n': escaped.Append("\\n"); break;
                case '\t': escaped.Append("\\t"); break;
                case '\f': escaped.Append("\\f"); break;
                case '\r': escaped.Append("\\r"); break;
                default:
                    if (c < 32 || c > 0x7f)
                    {
                        escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        escaped.Append(c);
                    }
                    break;
            }
        }
        return escaped.ToString();
    }
}
