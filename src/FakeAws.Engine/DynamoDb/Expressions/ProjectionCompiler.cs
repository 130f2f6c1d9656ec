namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>Parses and validates a ProjectionExpression (<c>a, b.c, #d[2]</c>) or checks AttributesToGet.</summary>
internal static class ProjectionCompiler
{
    private const ExpressionKind Kind = ExpressionKind.ProjectionExpression;

    /// <summary>
    /// The projection, after AWS's checks in its order: syntax, reserved words, undefined names,
    /// overlapping paths, conflicting paths.
    /// </summary>
    public static Projection Compile(string expression, ExpressionAttributes attributes)
    {
        var cursor = new TokenCursor(Kind, expression);
        var written = new List<PathSyntax> { OperandParser.ParsePath(cursor) };
        while (cursor.Is(","))
        {
            cursor.Take();
            written.Add(OperandParser.ParsePath(cursor));
        }
        cursor.ExpectEnd();
        Placeholders.RejectReservedWords(Kind, written);
        var paths = written.Select(path => Placeholders.ResolvePath(Kind, path, attributes)).ToList();
        PathOverlaps.Check(Kind, paths);
        return new Projection(paths);
    }

    /// <summary>The legacy AttributesToGet as a projection of top-level attributes; names may not repeat.</summary>
    public static Projection FromAttributesToGet(IReadOnlyList<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!seen.Add(name))
            {
                throw DynamoDbErrors.Validation($"One or more parameter values were invalid: Duplicate value in attribute name: {name}");
            }
        }
        return new Projection(names.Select(DocumentPath.TopLevel).ToList());
    }
}
