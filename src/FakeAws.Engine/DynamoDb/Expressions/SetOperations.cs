namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>Union and difference of two sets of the same type (SS, NS or BS), keeping the first set's order.</summary>
internal static class SetOperations
{
    /// <summary>The members of <paramref name="set"/> followed by those of <paramref name="added"/> it lacks.</summary>
    public static AttributeValue Union(AttributeValue set, AttributeValue added)
    {
        if (set.Type == AttributeType.BS)
        {
            var binaries = new List<byte[]>(set.Binaries);
            foreach (var member in added.Binaries)
            {
                if (IndexOf(binaries, member) < 0)
                {
                    binaries.Add(member);
                }
            }
            return AttributeValue.BinarySetOf(binaries);
        }
        var strings = new List<string>(set.Strings);
        foreach (var member in added.Strings)
        {
            if (ValueSemantics.IndexOf(strings, member) < 0)
            {
                strings.Add(member);
            }
        }
        return AttributeValue.SetOf(set.Type, strings);
    }

    /// <summary>The members of <paramref name="set"/> not in <paramref name="removed"/>, or null when none are left.</summary>
    public static AttributeValue? Difference(AttributeValue set, AttributeValue removed)
    {
        if (set.Type == AttributeType.BS)
        {
            var binaries = new List<byte[]>(set.Binaries.Count);
            foreach (var member in set.Binaries)
            {
                if (IndexOf(removed.Binaries, member) < 0)
                {
                    binaries.Add(member);
                }
            }
            return binaries.Count == 0 ? null : AttributeValue.BinarySetOf(binaries);
        }
        var strings = new List<string>(set.Strings.Count);
        foreach (var member in set.Strings)
        {
            if (ValueSemantics.IndexOf(removed.Strings, member) < 0)
            {
                strings.Add(member);
            }
        }
        return strings.Count == 0 ? null : AttributeValue.SetOf(set.Type, strings);
    }

    private static int IndexOf(IReadOnlyList<byte[]> members, byte[] member)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].AsSpan().SequenceEqual(member))
            {
                return i;
            }
        }
        return -1;
    }
}
