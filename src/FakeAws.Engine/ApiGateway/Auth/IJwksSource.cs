namespace FakeAws.Engine.ApiGateway.Auth;

/// <summary>
/// Where API Gateway's JWT authorizers (HTTP APIs) and Cognito user pool authorizers (REST APIs)
/// find the public keys that sign an issuer's tokens: the port between API Gateway and whatever
/// issues tokens. A test registers any issuer with its keys (<see cref="TrustedIssuers"/>); the
/// cloud binds FakeAws's Cognito user pools to it, so a pool's issuer
/// (<c>https://cognito-idp.{region}.amazonaws.com/{poolId}</c>) resolves to the pool's JWKS.
/// </summary>
internal interface IJwksSource
{
    /// <summary>The keys of <paramref name="issuer"/> (its <c>iss</c> claim exactly), or null when this source does not know it.</summary>
    JsonWebKeySet? FindKeys(string issuer);
}

/// <summary>Asks several sources in order; the first that knows the issuer answers.</summary>
internal sealed class JwksSources : IJwksSource
{
    private readonly object _gate = new();
    private volatile IJwksSource[] _sources = [];

    public void Add(IJwksSource source)
    {
        lock (_gate)
        {
            _sources = [.. _sources, source];
        }
    }

    public JsonWebKeySet? FindKeys(string issuer)
    {
        foreach (var source in _sources)
        {
            if (source.FindKeys(issuer) is { } keys)
            {
                return keys;
            }
        }
        return null;
    }
}

/// <summary>Issuers a test trusts, each with the keys it signs with.</summary>
internal sealed class TrustedIssuers : IJwksSource
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonWebKeySet> _issuers = new(StringComparer.Ordinal);

    public void Trust(string issuer, JsonWebKeySet keys) => _issuers[issuer] = keys;

    public JsonWebKeySet? FindKeys(string issuer) => _issuers.GetValueOrDefault(issuer);

    public void Clear() => _issuers.Clear();
}
