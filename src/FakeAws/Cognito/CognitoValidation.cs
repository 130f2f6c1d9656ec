using FakeAws.Engine.Core;

namespace FakeAws.Cognito;

/// <summary>
/// How both Cognito services report constraint violations. AWS leaves the value out of the message
/// for members its model marks sensitive (passwords, tokens, user names, client ids):
/// <c>Value at 'password' failed to satisfy constraint: ...</c>.
/// </summary>
internal static class CognitoValidation
{
    public static AwsServiceException? Report(ModelValidation validation, string code, IReadOnlySet<string> sensitive)
    {
        validation.ReportMissingAsViolations();
        if (validation.Violations.Count == 0)
        {
            return null;
        }
        var renderer = new ViolationRenderer { EchoesValue = v => v.Value is null || !IsSensitive(v.Path, sensitive) };
        return new AwsServiceException(code, renderer.Message(validation.Violations));
    }

    // A value is hidden when the last named segment of its path (list indexes and "member" skipped) is sensitive,
    // or the top-level member it is under is.
    private static bool IsSensitive(string path, IReadOnlySet<string> sensitive)
    {
        var segments = path.Split('.');
        return sensitive.Contains(segments.Last(p => p != "member" && !p.All(char.IsAsciiDigit))) || sensitive.Contains(segments[0]);
    }
}
