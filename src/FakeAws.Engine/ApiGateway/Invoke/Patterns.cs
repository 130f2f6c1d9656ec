using System.Text.RegularExpressions;

namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>The regular expressions an API's configuration holds (selection patterns, identity validation expressions).</summary>
internal static class Patterns
{
    /// <summary>Whether <paramref name="pattern"/> matches all of <paramref name="input"/>; a pattern that is not a regular expression matches nothing.</summary>
    public static bool FullMatch(string input, string pattern)
    {
        try
        {
            return Regex.IsMatch(input, $"^(?:{pattern})$", RegexOptions.CultureInvariant);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
