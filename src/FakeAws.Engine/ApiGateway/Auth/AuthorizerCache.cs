namespace FakeAws.Engine.ApiGateway.Auth;

/// <summary>
/// Lambda authorizer results kept for the authorizer's TTL on the virtual clock, per API, stage,
/// authorizer and identity (the token, or the identity sources' values). The policy is cached, not
/// the decision: each request is checked against the cached policy, so a policy that allowed only
/// the first resource denies the others until the entry expires, as on AWS.
/// </summary>
internal sealed class AuthorizerCache
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Api, string Stage, string Authorizer, string Identity), (LambdaAuthorization Result, DateTimeOffset Expires)> _entries = [];

    public bool TryGet(string apiId, string stage, string authorizerId, string identity, DateTimeOffset now, out LambdaAuthorization result)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue((apiId, stage, authorizerId, identity), out var entry) && now < entry.Expires)
            {
                result = entry.Result;
                return true;
            }
        }
        result = null!;
        return false;
    }

    public void Put(string apiId, string stage, string authorizerId, string identity, LambdaAuthorization result, TimeSpan ttl, DateTimeOffset now)
    {
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }
        lock (_gate)
        {
            _entries[(apiId, stage, authorizerId, identity)] = (result, now + ttl);
        }
    }

    /// <summary>FlushStageAuthorizersCache (v1) and ResetAuthorizersCache (v2).</summary>
    public void Flush(string apiId, string stage)
    {
        lock (_gate)
        {
            foreach (var key in _entries.Keys.Where(k => k.Api == apiId && k.Stage == stage).ToList())
            {
                _entries.Remove(key);
            }
        }
    }
}
