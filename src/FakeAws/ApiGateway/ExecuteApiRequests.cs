using System.Text.RegularExpressions;
using FakeAws.Engine.ApiGateway.Invoke;

namespace FakeAws.ApiGateway;

/// <summary>Which deployed API a request addresses, and the path it asks that API for.</summary>
/// <param name="ApiId">The API's id.</param>
/// <param name="Stage">The stage, when the address names it apart (the path form); null when it is the path's first segment.</param>
/// <param name="Path">The path the API is asked for, still percent-encoded.</param>
/// <param name="VpcEndpointId">The VPC endpoint in a private API's host name, or null.</param>
/// <param name="CustomDomain">
/// The custom domain the request came to, or null. <paramref name="ApiId"/> is empty when no mapping
/// of the domain covers the path, which the gateway answers 403.
/// </param>
internal sealed record ExecuteApiTarget(string ApiId, string? Stage, string Path, string? VpcEndpointId, CustomDomainCall? CustomDomain = null);

/// <summary>
/// The two ways to address a deployed API: LocalStack's path form,
/// <c>/restapis/{apiId}/{stage}/_user_request_/{path}</c>, and AWS's host form,
/// <c>{apiId}.execute-api.{anything}/{stage}/{path}</c> (an HTTP API's <c>$default</c> stage without
/// the stage segment; a private API as <c>{apiId}-{vpceId}.execute-api...</c>).
/// </summary>
internal static partial class ExecuteApiRequests
{
    private const string UserRequest = "_user_request_";

    /// <summary>Whether <paramref name="path"/> is the path form.</summary>
    public static bool IsUserRequestPath(string path) => PathForm().IsMatch(path);

    /// <summary>Whether <paramref name="host"/> is a deployed API's own host name.</summary>
    public static bool IsApiHost(string host) => HostForm().IsMatch(host);

    /// <summary>The target of a request with this path and Host header, or null when it is not a data-plane request.</summary>
    public static ExecuteApiTarget? Parse(string path, string? host)
    {
        if (PathForm().Match(path) is { Success: true } match)
        {
            var rest = match.Groups["rest"].Value;
            return new ExecuteApiTarget(match.Groups["api"].Value, Uri.UnescapeDataString(match.Groups["stage"].Value), rest.Length == 0 ? "/" : rest, null);
        }
        if (host is not null && HostForm().Match(host) is { Success: true } hostMatch)
        {
            var vpce = hostMatch.Groups["vpce"];
            return new ExecuteApiTarget(hostMatch.Groups["api"].Value, null, path.Length == 0 ? "/" : path, vpce.Success ? vpce.Value : null);
        }
        return null;
    }

    /// <summary>The host name of a deployed API: <c>{apiId}.execute-api.{region}.amazonaws.com</c>, or a private API's through a VPC endpoint.</summary>
    public static string HostName(string apiId, string region, string? vpcEndpointId) =>
        vpcEndpointId is null ? $"{apiId}.execute-api.{region}.amazonaws.com" : $"{apiId}-{vpcEndpointId}.execute-api.{region}.amazonaws.com";

    [GeneratedRegex(@"^/restapis/(?<api>[^/]+)/(?<stage>[^/]+)/" + UserRequest + @"(?<rest>/.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PathForm();

    [GeneratedRegex(@"^(?<api>[a-z0-9]{10})(?:-(?<vpce>vpce-[a-z0-9]+))?\.execute-api(?:\.|:|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HostForm();
}
