using System.Text.RegularExpressions;

namespace FakeAws.Engine.Dax;

/// <summary>AWS's rule for cluster names: 1 to 20 letters, digits and hyphens, starting with a letter, with no trailing or double hyphen.</summary>
internal static partial class DaxClusterNames
{
    public const string Rule = "1 to 20 letters, digits and hyphens, starting with a letter, with no trailing or double hyphen";

    public static bool IsValid(string? name) =>
        name is { Length: <= 20 } && Pattern().IsMatch(name) && !name.Contains("--", StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?$")]
    private static partial Regex Pattern();
}
