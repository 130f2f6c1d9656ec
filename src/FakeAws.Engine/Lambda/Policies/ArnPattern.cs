namespace FakeAws.Engine.Lambda.Policies;

/// <summary>IAM's ArnLike: <c>*</c> matches any run of characters and <c>?</c> any one, case-sensitively.</summary>
internal static class ArnPattern
{
    public static bool Matches(string pattern, string arn) => Matches(pattern.AsSpan(), arn.AsSpan());

    private static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> value)
    {
        // Greedy glob matching with one backtrack point, linear in practice.
        int p = 0, v = 0, star = -1, mark = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == value[v]))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }
}
