namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>
/// How conditions compare, search and measure values. A missing value or a type mismatch makes a
/// comparison false rather than an error: the request was validated before any item was read.
/// </summary>
internal static class ValueSemantics
{
    /// <summary>Whether the type is one of the scalars S, N and B, the only ones that have an order.</summary>
    public static bool IsOrdered(AttributeType type) => type is AttributeType.S or AttributeType.N or AttributeType.B;

    /// <summary>
    /// Orders two values of the same scalar type as DynamoDB sorts keys (strings by UTF-8 bytes,
    /// binary unsigned); null when they are missing, of different types, or not scalars.
    /// </summary>
    public static int? Compare(AttributeValue? left, AttributeValue? right)
    {
        if (left is null || right is null || left.Type != right.Type || !IsOrdered(left.Type))
        {
            return null;
        }
        return AttributeValue.CompareKeys(left, right);
    }

    /// <summary>begins_with: a string or binary prefix of the same type.</summary>
    public static bool BeginsWith(AttributeValue? value, AttributeValue? prefix)
    {
        if (value is null || prefix is null || value.Type != prefix.Type)
        {
            return false;
        }
        return value.Type switch
        {
            AttributeType.S => value.S.StartsWith(prefix.S, StringComparison.Ordinal),
            AttributeType.B => value.B.AsSpan().StartsWith(prefix.B),
            _ => false,
        };
    }

    /// <summary>
    /// contains: a substring of a string or binary, a member of a set (of the matching scalar type),
    /// or an element of a list (of any type).
    /// </summary>
    public static bool Contains(AttributeValue? container, AttributeValue? operand)
    {
        if (container is null || operand is null)
        {
            return false;
        }
        switch (container.Type)
        {
            case AttributeType.S:
                return operand.Type == AttributeType.S && container.S.Contains(operand.S, StringComparison.Ordinal);
            case AttributeType.B:
                return operand.Type == AttributeType.B && container.B.AsSpan().IndexOf(operand.B) >= 0;
            case AttributeType.SS:
                return operand.Type == AttributeType.S && IndexOf(container.Strings, operand.S) >= 0;
            case AttributeType.NS:
                // NS members are kept canonical, so equal numbers have equal text.
                return operand.Type == AttributeType.N && IndexOf(container.Strings, operand.N) >= 0;
            case AttributeType.BS:
                if (operand.Type != AttributeType.B)
                {
                    return false;
                }
                foreach (var member in container.Binaries)
                {
                    if (member.AsSpan().SequenceEqual(operand.B))
                    {
                        return true;
                    }
                }
                return false;
            case AttributeType.L:
                foreach (var element in container.L)
                {
                    if (element.Equals(operand))
                    {
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// size(): characters of a string, bytes of a binary, members of a set, list or map; null for
    /// numbers, booleans and null, which have no size.
    /// </summary>
    public static int? Size(AttributeValue? value) => value?.Type switch
    {
        // Java's String.length(), which is what DynamoDB reports: UTF-16 code units, like C#'s.
        AttributeType.S => value.S.Length,
        AttributeType.B => value.B.Length,
        AttributeType.SS or AttributeType.NS => value.Strings.Count,
        AttributeType.BS => value.Binaries.Count,
        AttributeType.L => value.L.Count,
        AttributeType.M => value.M.Count,
        _ => null,
    };

    /// <summary>The index of <paramref name="member"/> in a string or number set, or -1.</summary>
    public static int IndexOf(IReadOnlyList<string> members, string member)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (string.Equals(members[i], member, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>AWS's rendering of a scalar in BETWEEN messages: <c>{N:1}</c>, <c>{S:dog}</c>.</summary>
    public static string Describe(AttributeValue value) => value.Type switch
    {
        AttributeType.S => $"{{S:{value.S}}}",
        AttributeType.N => $"{{N:{value.N}}}",
        AttributeType.B => $"{{B:{Convert.ToBase64String(value.B)}}}",
        _ => $"{{{value.Type}}}",
    };
}
