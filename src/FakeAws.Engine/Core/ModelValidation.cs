using System.Collections;
using System.Text.RegularExpressions;

namespace FakeAws.Engine.Core;

/// <summary>
/// Collects violations of the constraints AWS declares in its service models (required members,
/// lengths, ranges, patterns, enums) as <see cref="Violation"/> records; each service orders, filters and
/// words them in its report, and <see cref="ViolationRenderer"/> makes the text last.
/// The generated model classes call it from their <c>Validate</c> methods.
/// </summary>
internal sealed class ModelValidation
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Patterns = new();
    // AWS reports at most ten violations in one message: the first ten it finds.
    private const int MaxReported = 10;
    private List<Violation>? _violations;
    private List<string>? _missingTopLevel;

    /// <summary>Whether nothing was found: no violation and no missing member.</summary>
    public bool IsEmpty => _violations is null && _missingTopLevel is null;

    /// <summary>The violations found, in the order they were found, up to the ten AWS reports.</summary>
    public IReadOnlyList<Violation> Violations => _violations ?? [];

    /// <summary>
    /// Top-level required members that are absent, by their model name. Some services (DynamoDB)
    /// word these differently from other violations, so the service decides how to report them.
    /// </summary>
    public IReadOnlyList<string> MissingTopLevel => _missingTopLevel ?? [];

    /// <summary>Adds a violation, unless ten are already reported.</summary>
    public void Add(Violation violation)
    {
        _violations ??= [];
        if (_violations.Count < MaxReported)
        {
            _violations.Add(violation);
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
            Add(new Violation(parent + member, null, new Constraint.NotNull()));
        }
    }

    /// <summary>Reports the top-level members as ordinary "must not be null" violations, ahead of the rest.</summary>
    public void ReportMissingAsViolations()
    {
        if (_missingTopLevel is null)
        {
            return;
        }
        (_violations ??= []).InsertRange(0, _missingTopLevel.Select(m => new Violation($"{char.ToLowerInvariant(m[0])}{m[1..]}", null, new Constraint.NotNull())));
        _missingTopLevel = null;
    }

    public void MinLength(object? value, string parent, string member, long min)
    {
        if (LengthOf(value) is { } length && length < min)
        {
            Add(new Violation(parent + member, value, new Constraint.MinLength(min)));
        }
    }

    public void MaxLength(object? value, string parent, string member, long max)
    {
        if (LengthOf(value) is { } length && length > max)
        {
            Add(new Violation(parent + member, value, new Constraint.MaxLength(max)));
        }
    }

    // Generic over the number's type, so a valid number is compared without being boxed.
    public void Min<T>(T? value, string parent, string member, double min)
        where T : struct, IConvertible
    {
        if (value is { } number && number.ToDouble(null) < min)
        {
            Add(new Violation(parent + member, number, new Constraint.MinValue(min)));
        }
    }

    public void Max<T>(T? value, string parent, string member, double max)
        where T : struct, IConvertible
    {
        if (value is { } number && number.ToDouble(null) > max)
        {
            Add(new Violation(parent + member, number, new Constraint.MaxValue(max)));
        }
    }

    public void Pattern(string? value, string parent, string member, string pattern)
    {
        if (value is null)
        {
            return;
        }
        var regex = Patterns.GetOrAdd(pattern, p => new Regex($"^(?:{DotNetPattern(p)})$", RegexOptions.CultureInvariant | RegexOptions.Singleline));
        if (!regex.IsMatch(value))
        {
            Add(new Violation(parent + member, value, new Constraint.Pattern(pattern)));
        }
    }

    // The models' patterns are Java's; .NET refuses to parse three of their forms. Java writes the
    // supplementary planes as a range of surrogate pairs (\uD800\uDC00-\uDBFF\uDFFF), which .NET, matching
    // UTF-16 code units, reads as a reversed range: any high and any low surrogate say the same of well-formed
    // text. Java's POSIX classes \p{ASCII} and \p{Print} are not .NET's. The violation still quotes the
    // model's pattern, as AWS's message does.
    private static string DotNetPattern(string pattern) => pattern
        .Replace(@"\uD800\uDC00-\uDBFF\uDFFF", @"\uD800-\uDBFF\uDC00-\uDFFF", StringComparison.Ordinal)
        .Replace(@"\p{ASCII}", @"[\x00-\x7F]", StringComparison.Ordinal)
        .Replace(@"\p{Print}", @"[\x20-\x7E]", StringComparison.Ordinal);

    public void Enum(string? value, string parent, string member, ReadOnlySpan<string> allowed)
    {
        if (value is not null && !allowed.Contains(value))
        {
            Add(new Violation(parent + member, value, new Constraint.EnumSet(allowed.ToArray())));
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
}
