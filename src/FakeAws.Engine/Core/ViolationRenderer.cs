using System.Collections;

namespace FakeAws.Engine.Core;

/// <summary>
/// Words violations as AWS's request validation does, the one place their text is made:
/// <c>1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3</c>.
/// A service that words some violations its own way sets <see cref="EchoesValue"/> and <see cref="PathOf"/>.
/// </summary>
internal sealed class ViolationRenderer
{
    /// <summary>The wording most services use: every value echoed, every path as found.</summary>
    public static ViolationRenderer Default { get; } = new();

    /// <summary>
    /// Whether a violation's value is in its text (<c>Value 'x' at …</c>) or left out (<c>Value at …</c>), as AWS
    /// leaves out sensitive values and its newer validation framework leaves out all of them. Echoed by default.
    /// </summary>
    public Func<Violation, bool> EchoesValue { get; init; } = static _ => true;

    /// <summary>The path a violation is reported at; its own <see cref="Violation.Path"/> by default.</summary>
    public Func<Violation, string> PathOf { get; init; } = static v => v.Path;

    /// <summary>AWS's combined message for one or more <paramref name="violations"/>, in their order.</summary>
    public string Message(IReadOnlyList<Violation> violations) => violations.Count == 0
        ? throw new ArgumentException("A validation message needs a violation.", nameof(violations))
        : $"{violations.Count} validation error{(violations.Count == 1 ? "" : "s")} detected: {string.Join("; ", violations.Select(Render))}";

    /// <summary>One violation's text.</summary>
    public string Render(Violation violation) => EchoesValue(violation)
        ? $"Value {Show(violation.Value)} at '{PathOf(violation)}' failed to satisfy constraint: {Describe(violation.Constraint)}"
        : $"Value at '{PathOf(violation)}' failed to satisfy constraint: {Describe(violation.Constraint)}";

    /// <summary>What a constraint requires, as AWS words it: <c>Member must not be null</c>.</summary>
    public static string Describe(Constraint constraint) => constraint switch
    {
        Constraint.NotNull => "Member must not be null",
        Constraint.MinLength(var min) => $"Member must have length greater than or equal to {min}",
        Constraint.MaxLength(var max) => $"Member must have length less than or equal to {max}",
        Constraint.MinValue(var min) => $"Member must have value greater than or equal to {min}",
        Constraint.MaxValue(var max) => $"Member must have value less than or equal to {max}",
        Constraint.Pattern(var regex) => $"Member must satisfy regular expression pattern: {regex}",
        Constraint.EnumSet(var allowed) => $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]",
        Constraint.EachMember(var each) => $"Member must satisfy constraint: [{string.Join(", ", each.Select(Describe))}]",
        Constraint.MapKeys(var each) => $"Map keys must satisfy constraint: [{string.Join(", ", each.Select(Describe))}]",
        Constraint.MapValues(var each) => $"Map value must satisfy constraint: [{string.Join(", ", each.Select(Describe))}]",
        _ => throw new ArgumentOutOfRangeException(nameof(constraint), constraint, "A constraint of a kind the renderer does not word."),
    };

    private static string Show(object? value) => value is null ? "null" : $"'{Print(value)}'";

    // AWS prints values as its Java model prints them: lists as [a, b], maps as {k=v},
    // structures as KeySchemaElement(attributeName=a, keyType=HASH).
    private static string Print(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        IDictionary d => $"{{{string.Join(", ", d.Keys.Cast<object>().Select(k => $"{k}={Print(d[k])}"))}}}",
        IEnumerable e => $"[{string.Join(", ", e.Cast<object>().Select(Print))}]",
        IConvertible c => c.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ when IsModelShape(value.GetType()) => PrintStructure(value),
        _ => value.ToString() ?? "",
    };

    // The generated shapes of the service models live in the engines' *.Model namespaces; any other
    // value (a DynamoDB attribute value, say) prints in its own short form.
    private static bool IsModelShape(Type type) => type.Namespace?.EndsWith(".Model", StringComparison.Ordinal) == true;

    private static string PrintStructure(object value)
    {
        // Only the shape's own members, the way AWS's model prints them; a getter that fails is left out.
        var members = value.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => (Name: p.Name, Value: TryGet(p, value)))
            .Where(m => m.Value is not null)
            .Select(m => $"{char.ToLowerInvariant(m.Name[0])}{m.Name[1..]}={Print(m.Value)}");
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
