namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>
/// A Query's key condition on a global index with a multi-attribute key: an equality on every HASH
/// attribute, and on the RANGE attributes equalities on a gap-free prefix of them, of which only the
/// last one named may instead carry a range condition (&lt;, &lt;=, &gt;, &gt;=, BETWEEN, begins_with).
/// The clauses may come in any order.
/// </summary>
internal static class MultiAttributeKeyConditions
{
    /// <summary>The terms checked against <paramref name="schema"/>, with AWS's messages.</summary>
    public static KeyConditionSpec ForSchema(IReadOnlyList<KeyTerm> terms, KeySchema schema)
    {
        if (terms.Count > schema.Attributes.Length)
        {
            throw DynamoDbErrors.Validation(
                $"The number of query conditions ({terms.Count}) exceeds the number of key attributes defined in the schema ({schema.Attributes.Length})");
        }
        var partition = new AttributeValue[schema.HashAttributes.Length];
        for (var i = 0; i < partition.Length; i++)
        {
            var attribute = schema.HashAttributes[i];
            var term = KeyConditions.Find(terms, attribute.Name) ?? throw MissedElement(attribute);
            KeyConditions.CheckTerm(term, attribute);
            if (term.Operator != LegacyOperator.EQ)
            {
                throw DynamoDbErrors.Validation("Query key condition not supported");
            }
            partition[i] = term.Values[0];
        }
        var range = schema.RangeAttributes;
        var conditioned = new KeyTerm?[range.Length];
        var last = -1;
        for (var i = 0; i < range.Length; i++)
        {
            conditioned[i] = KeyConditions.Find(terms, range[i].Name);
            if (conditioned[i] is { } term)
            {
                KeyConditions.CheckTerm(term, range[i]);
                last = i;
            }
        }
        // Every RANGE attribute before the last one named needs an equality.
        var gaps = Enumerable.Range(0, Math.Max(last, 0)).Where(i => conditioned[i]?.Operator != LegacyOperator.EQ).Select(i => range[i].Name).ToList();
        if (gaps.Count > 0)
        {
            throw DynamoDbErrors.Validation(
                $"RANGE key attributes {string.Join(", ", gaps)} must have equality conditions specified in the query because a condition is present on key attribute {range[last].Name}");
        }
        if (schema.HashAttributes.Length + last + 1 < terms.Count)
        {
            // A clause on an attribute outside the key: the key attribute it could have been is missing.
            throw last + 1 < range.Length ? MissedElement(range[last + 1]) : DynamoDbErrors.Validation("Query key condition not supported");
        }
        var partitionKey = KeySchema.Compose(partition);
        if (last < 0)
        {
            return new KeyConditionSpec(schema.Hash.Name, partitionKey, null);
        }
        var lastTerm = conditioned[last]!;
        var sortKey = new SortKeyCondition(range[last].Name, Enum.Parse<SortKeyOperator>(lastTerm.Operator.ToString()), lastTerm.Values[0],
            lastTerm.Values.Count > 1 ? lastTerm.Values[1] : null)
        {
            Prefix = range.Length > 1 ? conditioned[..last].Select(term => term!.Values[0]).ToArray() : null,
        };
        return new KeyConditionSpec(schema.Hash.Name, partitionKey, sortKey);
    }

    private static Core.AwsServiceException MissedElement(KeyAttribute attribute) =>
        DynamoDbErrors.Validation($"Query condition missed key schema element: {attribute.Name}");
}
