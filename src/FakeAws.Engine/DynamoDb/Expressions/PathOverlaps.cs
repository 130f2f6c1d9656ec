namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>
/// AWS's check that the paths one UpdateExpression writes, or one ProjectionExpression reads, are
/// independent. It is symbolic: the item is not looked at.
/// </summary>
internal static class PathOverlaps
{
    /// <summary>
    /// Throws for the first path that equals or contains an earlier one ("overlap"); failing that, for the
    /// first pair that uses one level both as a map and as a list ("conflict").
    /// </summary>
    public static void Check(ExpressionKind kind, IReadOnlyList<DocumentPath> paths)
    {
        (DocumentPath One, DocumentPath Two)? conflict = null;
        for (var second = 1; second < paths.Count; second++)
        {
            for (var first = 0; first < second; first++)
            {
                switch (Compare(paths[first], paths[second]))
                {
                    case Relation.Overlap:
                        throw ExpressionErrors.Overlap(kind, paths[first], paths[second]);
                    case Relation.Conflict:
                        conflict ??= (paths[first], paths[second]);
                        break;
                }
            }
        }
        if (conflict is { } pair)
        {
            throw ExpressionErrors.Conflict(kind, pair.One, pair.Two);
        }
    }

    private enum Relation
    {
        Independent,
        Overlap,
        Conflict,
    }

    private static Relation Compare(DocumentPath one, DocumentPath two)
    {
        var common = Math.Min(one.Length, two.Length);
        for (var i = 0; i < common; i++)
        {
            var a = one.Elements[i];
            var b = two.Elements[i];
            if (a.IsIndex != b.IsIndex)
            {
                return Relation.Conflict;
            }
            if (a != b)
            {
                return Relation.Independent;
            }
        }
        return Relation.Overlap;
    }
}
