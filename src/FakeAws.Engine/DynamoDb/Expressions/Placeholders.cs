namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>Resolves written paths and <c>:values</c> against the request's ExpressionAttributeNames and Values.</summary>
internal static class Placeholders
{
    /// <summary>Fails on the first bare path name (not a <c>#name</c>) that is a reserved word.</summary>
    public static void RejectReservedWords(ExpressionKind kind, IEnumerable<PathSyntax> paths)
    {
        foreach (var path in paths)
        {
            foreach (var part in path.Parts)
            {
                if (part.Token.Kind == TokenKind.Name && ReservedWords.Contains(part.Token.Text))
                {
                    throw ExpressionErrors.Reserved(kind, part.Token.Text);
                }
            }
        }
    }

    /// <summary>The path with each <c>#name</c> replaced; fails on the first one not defined.</summary>
    public static DocumentPath ResolvePath(ExpressionKind kind, PathSyntax path, ExpressionAttributes attributes)
    {
        var elements = new PathElement[path.Parts.Count];
        for (var i = 0; i < elements.Length; i++)
        {
            var part = path.Parts[i];
            elements[i] = part.Token.Kind switch
            {
                TokenKind.Integer => PathElement.At(part.Index),
                TokenKind.NamePlaceholder => PathElement.Member(
                    attributes.Name(part.Token.Text) ?? throw ExpressionErrors.UndefinedName(kind, part.Token.Text)),
                _ => PathElement.Member(part.Token.Text),
            };
        }
        return new DocumentPath(elements);
    }

    /// <summary>The value a <c>:value</c> stands for; fails when it is not defined.</summary>
    public static AttributeValue ResolveValue(ExpressionKind kind, ValueSyntax value, ExpressionAttributes attributes) =>
        attributes.Value(value.Placeholder.Text) ?? throw ExpressionErrors.UndefinedValue(kind, value.Placeholder.Text);

    /// <summary>The paths among <paramref name="operands"/>.</summary>
    public static IEnumerable<PathSyntax> Paths(IEnumerable<OperandSyntax> operands) => operands.OfType<PathSyntax>();
}
