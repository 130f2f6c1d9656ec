using System.Collections;
using System.Text.RegularExpressions;

namespace FakeAws.Engine.Core;

/// <summary>
/// Collects violations of the constraints AWS declares in its service models (required members,
/// lengths, ranges, patterns, enums) and words them as AWS's request validation does:
/// <c>1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3</c>.
/// The generated model classes call it from their <c>Validate</c> methods.
/// </summary>
internal sealed class ModelValidation
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Patterns = new();
    // AWS reports at most ten violations in one message.
    private const int MaxReported = 10;
    private List<string>? _violations;
    private List<string>? _missingTopLevel;

    /// <summary>The violations found, in the order they were found.</summary>
    public IReadOnlyList<string> Violations => _violations ?? [];

    /// <summary>
    /// Top-level required members that are absent, by their model name. Some services (DynamoDB)
    /// word these differently from other violations, so the service decides how to report them.
    /// </summary>
    public IReadOnlyList<string> MissingTopLevel => _missingTopLevel ?? [];

    /// <summary>AWS's combined message for <see cref="Violations"/>, or null when there are none.</summary>
    public string? Message => _violations is not { Count: > 0 }
        ? null
        : $"{_violations.Count} validation error{(_violations.Count == 1 ? "" : "s")} detected: {string.Join("; ", _violations)}";

    /// <summary>Adds a violation worded as AWS words it.</summary>
    public void Add(object? value, string path, string constraint)
    {
        _violations ??= [];
        if (_violations.Count < MaxReported)
        {
            _violations.Add($"Value {Show(value)} at '{path}' failed to satisfy constraint: {constraint}");
        }
    }

    /// <summary>Records a missing required member: top-level ones apart, nested ones as violations.</summary>
    public void Required(object? value, string parent, string member, string memberName)
    {
        if (value is not null)
        {
            return;
        }
        if (parent.Length == 0)
        {
            (_missingTopLevel ??= []).Add(memberName);
        }
        else
        {
            Add(null, parent + member, "Member must not be null");
        }
    }

    /// <summary>Reports the top-level members as ordinary "must not be null" violations, ahead of the rest.</summary>
    public void ReportMissingAsViolations()
    {
        if (_missingTopLevel is null)
        {
            return;
        }
        (_violations ??= []).InsertRange(0, _missingTopLevel.Select(m => $"Value null at '{char.ToLowerInvariant(m[0])}{m[1..]}' failed to satisfy constraint: Member must not be null"));
        _missingTopLevel = null;
    }

    public void MinLength(object? value, string parent, string member, long min)
    {
        if (LengthOf(value) is { } length && length < min)
        {
            Add(value, parent + member, $"Member must have length greater than or equal to {min}");
        }
    }

    public void MaxLength(object? value, string parent, string member, long max)
    {
        if (LengthOf(value) is { } length && length > max)
        {
            Add(value, parent + member, $"Member must have length less than or equal to {max}");
        }
    }

    public void Min(IConvertible? value, string parent, string member, double min)
    {
        if (value is not null && value.ToDouble(null) < min)
        {
            Add(value, parent + member, $"Member must have value greater than or equal to {min}");
        }
    }

    public void Max(IConvertible? value, string parent, string member, double max)
    {
        if (value is not null && value.ToDouble(null) > max)
        {
            Add(value, parent + member, $"Member must have value less than or equal to {max}");
        }
    }

    public void Pattern(string? value, string parent, string member, string pattern)
    {
        if (value is null)
        {
            return;
        }
        var regex = Patterns.GetOrAdd(pattern, p => new Regex($"^(?:{p})$", RegexOptions.CultureInvariant | RegexOptions.Singleline));
        if (!regex.IsMatch(value))
        {
            Add(value, parent + member, $"Member must satisfy regular expression pattern: {pattern}");
        }
    }

    public void Enum(string? value, string parent, string member, ReadOnlySpan<string> allowed)
    {
        if (value is not null && !allowed.Contains(value))
        {
            Add(value, parent + member, $"Member must satisfy enum value set: [{string.Join(", ", allowed.ToArray())}]");
        }
    }

    /// <summary>Checks each element of a list; AWS names them <c>member.1.member</c>, counting from one.</summary>
    public void Each<T>(IReadOnlyList<T>? list, string parent, string member, Action<ModelValidation, T, string> check)
    {
        if (list is null)
        {
            return;
        }
        for (var i = 0; i < list.Count; i++)
        {
            check(this, list[i], $"{parent}{member}.{i + 1}.member");
        }
    }

    /// <summary>Checks each value of a map; AWS names them <c>member.key.member</c>.</summary>
    public void EachValue<T>(IReadOnlyDictionary<string, T>? map, string parent, string member, Action<ModelValidation, T, string> check)
    {
        if (map is null)
        {
            return;
        }
        foreach (var (key, value) in map)
        {
            check(this, value, $"{parent}{member}.{key}.member");
        }
    }

    private static long? LengthOf(object? value) => value switch
    {
        null => null,
        string s => s.Length,
        byte[] b => b.Length,
        ICollection c => c.Count,
        _ => null,
    };

    private static string Show(object? value) => value is null ? "null" : $"'{Render(value)}'";

    // AWS renders values as its Java model prints them: lists as [a, b], maps as {k=v},
    // structures as KeySchemaElement(attributeName=a, keyType=HASH).
    private static string Render(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        IDictionary d => $"{{{string.Join(", ", d.Keys.Cast<object>().Select(k => $"{k}={Render(d[k])}"))}}}",
        IEnumerable e => $"[{string.Join(", ", e.Cast<object>().Select(Render))}]",
        IConvertible c => c.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ when IsModelShape(value.GetType()) => RenderStructure(value),
        _ => value.ToString() ?? "",
    };

    // The generated shapes of the service models live in the engines' *.Model namespaces; any other
    // value (a DynamoDB attribute value, say) prints in its own short form.
    private static bool IsModelShape(Type type) => type.Namespace?.EndsWith(".Model", StringComparison.Ordinal) == true;

    private static string RenderStructure(object value)
    {
        // Only the shape's own members, the way AWS's model prints them; a getter that fails is left out.
        var members = value.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => (Name: p.Name, Value: TryGet(p, value)))
            .Where(m => m.Value is not null)
            .Select(m => $"{char.ToLowerInvariant(m.Name[0])}{m.Name[1..]}={Render(m.Value)}");
        return $"{value.GetType().Name}({string.Join(", ", members)})";
    }

    private static object? TryGet(System.Reflection.PropertyInfo property, object value)
    {
        try
        {
            return property.GetValue(value);
        }
        catch (System.Reflection.TargetInvocationException)
        {
            return null;
        }
    }
}
