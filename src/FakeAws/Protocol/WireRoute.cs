using FakeAws.Engine.Core;

namespace FakeAws.Protocol;

/// <summary>
/// How the router recognises a front door's requests: its SigV4 signing name, its X-Amz-Target
/// prefix, and the paths and hosts it claims. A route is known before its front door and service are
/// built, so a cloud routes requests to services it has not built yet (<see cref="DeferredFrontDoor"/>).
/// Routes made from a service's model are made once per process.
/// </summary>
/// <param name="signingName">The SigV4 signing name, as it appears in a request's credential scope.</param>
/// <param name="targetPrefix">The X-Amz-Target prefix of the JSON protocols (for example <c>DynamoDB_20120810</c>), or null for REST services.</param>
/// <param name="ownsPath">Whether a request with this path, signed for the signing name or not signed at all, is the front door's; none when null.</param>
/// <param name="ownsHost">
/// Whether requests to a host are the front door's whatever they carry: a front door with endpoints of
/// its own (deployed APIs at <c>{apiId}.execute-api.*</c>) claims them here; none when null.
/// </param>
internal sealed class WireRoute(string signingName, string? targetPrefix = null, Func<string, bool>? ownsPath = null, Func<string, bool>? ownsHost = null)
{
    public string SigningName => signingName;

    public string? TargetPrefix => targetPrefix;

    public bool OwnsPath(string path) => ownsPath?.Invoke(path) ?? false;

    public bool OwnsHost(string host) => ownsHost?.Invoke(host) ?? false;

    /// <summary>
    /// A restJson1 service's route: a path is its own when its first segment starts one of the model's
    /// URIs (for Lambda, an API date such as <c>2015-03-31</c>) and <paramref name="unless"/> does not hold.
    /// </summary>
    public static WireRoute Rest(string signingName, IEnumerable<OperationModel> operations, Func<string, bool>? unless = null)
    {
        var prefixes = operations.Select(o => RestRoute.FirstLiteralOf(o.RequestUri)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return new WireRoute(signingName, ownsPath: path =>
            RestRoute.Split(path) is { Length: > 0 } segments && prefixes.Contains(segments[0]) && unless?.Invoke(path) != true);
    }
}
