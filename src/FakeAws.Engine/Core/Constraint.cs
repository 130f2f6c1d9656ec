namespace FakeAws.Engine.Core;

/// <summary>
/// One of the constraints AWS's service models declare on a member, as data: a service decides how to
/// order, filter or reword a violation by what was violated, and <see cref="ViolationRenderer"/> words it last.
/// </summary>
internal abstract record Constraint
{
    // Only the kinds below: a service can then match on every kind there is.
    private Constraint()
    {
    }

    /// <summary>A required member is absent: <c>Member must not be null</c>.</summary>
    public sealed record NotNull : Constraint;

    /// <summary>A string, blob, list or map shorter than the model allows.</summary>
    public sealed record MinLength(long Min) : Constraint;

    /// <summary>A string, blob, list or map longer than the model allows.</summary>
    public sealed record MaxLength(long Max) : Constraint;

    /// <summary>A number below the model's minimum.</summary>
    public sealed record MinValue(double Min) : Constraint;

    /// <summary>A number above the model's maximum.</summary>
    public sealed record MaxValue(double Max) : Constraint;

    /// <summary>A string that does not match the model's regular expression, as the model writes it.</summary>
    public sealed record Pattern(string Regex) : Constraint;

    /// <summary>A string outside the model's enum, whose values are listed in the order AWS lists them.</summary>
    public sealed record EnumSet(IReadOnlyList<string> Allowed) : Constraint;

    /// <summary>Members of a list that break the constraints listed, reported once for the whole list (API Gateway v1).</summary>
    public sealed record EachMember(IReadOnlyList<Constraint> Each) : Constraint;

    /// <summary>Keys of a map that break the constraints listed, reported once for the whole map.</summary>
    public sealed record MapKeys(IReadOnlyList<Constraint> Each) : Constraint;

    /// <summary>Values of a map that break the constraints listed, reported once for the whole map.</summary>
    public sealed record MapValues(IReadOnlyList<Constraint> Each) : Constraint;
}
