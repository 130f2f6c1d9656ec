namespace FakeAws.Engine.Core;

/// <summary>
/// One violation of a model constraint, kept as data until a service's report words it
/// (see <see cref="ViolationRenderer"/>).
/// </summary>
/// <param name="Path">Where in the request, as AWS names it: <c>keySchema</c>, <c>requestItems.t.member.keys</c>.</param>
/// <param name="Value">The offending value, or null for a missing member.</param>
/// <param name="Constraint">What the value fails to satisfy.</param>
internal sealed record Violation(string Path, object? Value, Constraint Constraint)
{
    /// <summary>The request member the violation is under: the path's first segment.</summary>
    public string Member
    {
        get
        {
            var dot = Path.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? Path : Path[..dot];
        }
    }
}
