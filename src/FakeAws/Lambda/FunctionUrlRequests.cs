using System.Text.RegularExpressions;

namespace FakeAws.Lambda;

/// <summary>
/// The host form of function URLs: <c>{url-id}.lambda-url.{region}.{anything}</c>, AWS's
/// <c>https://{url-id}.lambda-url.{region}.on.aws/</c> and, on FakeAws.Server, for example
/// <c>{url-id}.lambda-url.us-east-1.localhost</c>.
/// </summary>
internal static partial class FunctionUrlRequests
{
    /// <summary>The URL id and region a host name addresses, or null when it is not a function URL's host.</summary>
    public static (string UrlId, string Region)? Parse(string host) =>
        HostForm().Match(host) is { Success: true } match ? (match.Groups["id"].Value.ToLowerInvariant(), match.Groups["region"].Value.ToLowerInvariant()) : null;

    [GeneratedRegex(@"^(?<id>[a-z0-9]{32})\.lambda-url\.(?<region>[a-z0-9-]+)(?:\.|:|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HostForm();
}
