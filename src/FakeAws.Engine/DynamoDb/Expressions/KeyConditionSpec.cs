namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>The conditions a Query may put on a sort key.</summary>
internal enum SortKeyOperator
{
    EQ,
    LT,
    LE,
    GT,
    GE,
    BETWEEN,
    BEGINS_WITH,
}

/// <summary>
/// What a Query asks of the sort key: <see cref="Value"/> is the operand (the lower bound for
/// BETWEEN, the prefix for BEGINS_WITH) and <see cref="UpperBound"/> is BETWEEN's upper bound. Both
/// have the key's type, so a table can seek in its sorted index with them.
/// </summary>
/// <remarks>
/// On a multi-attribute sort key (an L of its parts, see <see cref="KeySchema"/>) the condition is on
/// the part after <see cref="Prefix"/>, the values the parts before it must equal.
/// </remarks>
internal sealed record SortKeyCondition(string AttributeName, SortKeyOperator Operator, AttributeValue Value, AttributeValue? UpperBound = null)
{
    /// <summary>For a multi-attribute sort key, the values of the parts before the one conditioned; null for a single attribute.</summary>
    public IReadOnlyList<AttributeValue>? Prefix { get; init; }

    /// <summary>Whether a sort key value satisfies the condition.</summary>
    public bool Matches(AttributeValue sortKey)
    {
        if (Prefix is not null)
        {
            if (ComparePrefix(sortKey) != 0)
            {
                return false;
            }
            sortKey = sortKey.L[Prefix.Count];
        }
        if (Operator == SortKeyOperator.BEGINS_WITH)
        {
            return ValueSemantics.BeginsWith(sortKey, Value);
        }
        if (ValueSemantics.Compare(sortKey, Value) is not { } order)
        {
            return false;
        }
        return Operator switch
        {
            SortKeyOperator.EQ => order == 0,
            SortKeyOperator.LT => order < 0,
            SortKeyOperator.LE => order <= 0,
            SortKeyOperator.GT => order > 0,
            SortKeyOperator.GE => order >= 0,
            _ => order >= 0 && ValueSemantics.Compare(sortKey, UpperBound) <= 0,
        };
    }

    /// <summary>
    /// How the first parts of a multi-attribute sort key compare with <see cref="Prefix"/>: below zero
    /// when the key sorts before every match, above zero when after every one.
    /// </summary>
    public int ComparePrefix(AttributeValue sortKey)
    {
        for (var i = 0; i < Prefix!.Count; i++)
        {
            var order = AttributeValue.CompareKeys(sortKey.L[i], Prefix[i]);
            if (order != 0)
            {
                return order;
            }
        }
        return 0;
    }
}

/// <summary>
/// A Query's key condition, checked against the key schema of the table or index queried: the
/// partition key's value (for a multi-attribute partition key, the L of its parts), and optionally a
/// condition on the sort key.
/// </summary>
internal sealed record KeyConditionSpec(string PartitionKeyName, AttributeValue PartitionKey, SortKeyCondition? SortKey);
