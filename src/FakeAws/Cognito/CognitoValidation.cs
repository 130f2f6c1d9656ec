using FakeAws.Engine.Core;

namespace FakeAws.Cognito;

/// <summary>
/// How both Cognito services report constraint violations. AWS leaves the value out of the message
/// for members its model marks sensitive (passwords, tokens, user names, client ids):
/// <c>Value at 'password' failed to satisfy constraint: ...</c>.
/// </summary>
internal static class CognitoValidation
{
    /// <param name="validation">What the model's checks found.</param>
    /// <param name="code">The service's error code for a violation.</param>
    /// <param name="sensitive">Members whose values the message leaves out.</param>
    /// <param name="waived">Violations the service does not report, where it is more lenient than its model.</param>
    public static AwsServiceException? Report(ModelValidation validation, string code, IReadOnlySet<string> sensitive, Func<Violation, bool>? waived = null)
    {
        validation.ReportMissingAsViolations();
        var violations = waived is null ? validation.Violations : validation.Violations.Where(v => !waived(v)).ToList();
        if (violations.Count == 0)
        {
            return null;
        }
        var renderer = new ViolationRenderer { EchoesValue = v => v.Value is null || !IsSensitive(v.Path, sensitive) };
        return new AwsServiceException(code, renderer.Message(violations));
    }

    // A value is hidden when the last named segment of its path (list indexes and "member" skipped) is sensitive,
    // or the top-level member it is under is.
    private static bool IsSensitive(string path, IReadOnlySet<string> sensitive)
    {
        var segments = path.Split('.');
        return sensitive.Contains(segments.Last(p => p != "member" && !p.All(char.IsAsciiDigit))) || sensitive.Contains(segments[0]);
    }
}
