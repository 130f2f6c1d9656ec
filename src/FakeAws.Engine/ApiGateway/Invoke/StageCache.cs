namespace FakeAws.Engine.ApiGateway.Invoke;

/// <summary>
/// REST API stage caches: integration answers kept for the method's TTL on the virtual clock, per API,
/// stage and cache key (the integration's cache namespace, the method and its cache key parameters'
/// values). FlushStageCache, turning the stage's cache off and deleting the stage empty a stage's part.
/// </summary>
internal sealed class StageCache
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Api, string Stage, string Key), CachedAnswer> _entries = [];

    /// <summary>A copy of the answer cached under <paramref name="key"/>, if it has not expired.</summary>
    public GatewayResponse? TryGet(string apiId, string stage, string key, DateTimeOffset now)
    {
        lock (_gate)
        {
            return _entries.TryGetValue((apiId, stage, key), out var entry) && now < entry.Expires ? entry.Copy() : null;
        }
    }

    public void Put(string apiId, string stage, string key, GatewayResponse response, TimeSpan ttl, DateTimeOffset now)
    {
        lock (_gate)
        {
            _entries[(apiId, stage, key)] = new CachedAnswer(response.Status, [.. response.Headers], response.Body, now + ttl);
        }
    }

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

    /// <summary>An answer as the integration gave it, before the gateway adds its request ids.</summary>
    private sealed record CachedAnswer(int Status, List<KeyValuePair<string, string>> Headers, byte[] Body, DateTimeOffset Expires)
    {
        public GatewayResponse Copy()
        {
            var response = new GatewayResponse { Status = Status, Body = Body };
            response.Headers.AddRange(Headers);
            return response;
        }
    }
}
