using System.Text.RegularExpressions;
using FakeAws.Engine.Core;

namespace FakeAws.Cognito;

/// <summary>
/// How both Cognito services report constraint violations. AWS leaves the value out of the message
/// for members its model marks sensitive (passwords, tokens, user names, client ids):
/// <c>Value at 'password' failed to satisfy constraint: ...</c>.
/// </summary>
internal static partial class CognitoValidation
{
    public static AwsServiceException? Report(ModelValidation validation, string code, IReadOnlySet<string> sensitive)
    {
        validation.ReportMissingAsViolations();
        var violations = validation.Violations;
        if (violations.Count == 0)
        {
            return null;
        }
        var worded = violations.Select(v => Hide(v, sensitive)).ToList();
        return new AwsServiceException(code, $"{worded.Count} validation error{(worded.Count == 1 ? "" : "s")} detected: {string.Join("; ", worded)}");
    }

    private static string Hide(string violation, IReadOnlySet<string> sensitive)
    {
        var match = WithValue().Match(violation);
        if (!match.Success)
        {
            return violation;
        }
        var path = match.Groups["path"].Value;
        var member = path.Split('.').Last(p => p != "member" && !p.All(char.IsAsciiDigit));
        return sensitive.Contains(member) || sensitive.Contains(path.Split('.')[0]) ? $"Value at '{path}' {match.Groups["rest"].Value}" : violation;
    }

    [GeneratedRegex("^Value '.*' at '(?<path>[^']+)' (?<rest>failed to satisfy constraint: .*)$", RegexOptions.Singleline)]
    private static partial Regex WithValue();
}
