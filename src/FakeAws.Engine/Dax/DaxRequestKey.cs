using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using FakeAws.Engine.DynamoDb;

namespace FakeAws.Engine.Dax;

/// <summary>
/// The query cache's key: the whole Query or Scan request written out member by member, so two
/// requests share an entry only when every parameter is the same, as DAX keys its query cache.
/// Strings are length-prefixed, so no value can imitate another's layout.
/// </summary>
internal static class DaxRequestKey
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Members = new();

    public static string Of(string operation, object request)
    {
        var text = new StringBuilder(operation);
        Write(text, request);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append('~');
                break;
            case string s:
                text.Append('"').Append(s.Length).Append(':').Append(s);
                break;
            case bool or int or long or double:
                text.Append('#').Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append(';');
                break;
            case AttributeValue attribute:
                WriteValue(text, attribute);
                break;
            case IDictionary map:
                text.Append('{');
                // Maps are written in key order, so the same request in another member order shares the entry.
                foreach (var key in map.Keys.Cast<string>().Order(StringComparer.Ordinal))
                {
                    Write(text, key);
                    Write(text, map[key]);
                }
                text.Append('}');
                break;
            case IEnumerable list:
                text.Append('[');
                foreach (var element in list)
                {
                    Write(text, element);
                }
                text.Append(']');
                break;
            default:
                text.Append('(');
                foreach (var member in Members.GetOrAdd(value.GetType(), static t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)))
                {
                    Write(text, member.GetValue(value));
                }
                text.Append(')');
                break;
        }
    }

    private static void WriteValue(StringBuilder text, AttributeValue value)
    {
        text.Append('<').Append(value.Type);
        switch (value.Type)
        {
            case AttributeType.S or AttributeType.N:
                Write(text, value.Type == AttributeType.S ? value.S : value.N);
                break;
            case AttributeType.B:
                Write(text, Convert.ToBase64String(value.B));
                break;
            case AttributeType.BOOL:
                Write(text, value.Bool);
                break;
            case AttributeType.SS or AttributeType.NS:
                Write(text, value.Strings);
                break;
            case AttributeType.BS:
                Write(text, value.Binaries.Select(Convert.ToBase64String));
                break;
            case AttributeType.L:
                Write(text, value.L);
                break;
            case AttributeType.M:
                text.Append('{');
                foreach (var (name, member) in value.M.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    Write(text, name);
                    WriteValue(text, member);
                }
                text.Append('}');
                break;
        }
        text.Append('>');
    }
}
