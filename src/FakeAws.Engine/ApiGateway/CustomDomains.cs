using FakeAws.Engine.ApiGateway.Model;

namespace FakeAws.Engine.ApiGateway;

/// <summary>
/// A custom domain name and its mappings. REST APIs' management API (v1: domain names and base path
/// mappings) and HTTP APIs' (v2: domain names and API mappings) edit the same domains, as on AWS: a
/// domain made with one is listed by the other, and a base path mapping is an API mapping.
/// </summary>
internal sealed class CustomDomainState(DomainName domain)
{
    /// <summary>Every setting of the domain, in v1's shape; v2's answers are built from it.</summary>
    public DomainName Domain { get; set; } = domain;

    /// <summary>The domain's mappings, in creation order.</summary>
    public List<DomainMapping> Mappings { get; } = [];

    public string Name => Domain.DomainNameValue!;

    /// <summary>The mapping with key <paramref name="key"/> (<c>""</c> for the root), or null.</summary>
    public DomainMapping? FindByKey(string key) => Mappings.Find(m => m.Key == key);

    /// <summary>
    /// The mapping a request for <paramref name="path"/> (percent-encoded, from <c>/</c>) reaches, and the
    /// path after its key: the mapping with the longest key that is a whole number of the path's first
    /// segments, else the root mapping; null when neither exists.
    /// </summary>
    public (DomainMapping Mapping, string Remainder)? Resolve(string path)
    {
        var trimmed = path.TrimStart('/');
        DomainMapping? best = null;
        foreach (var mapping in Mappings)
        {
            var key = mapping.Key;
            var matches = key.Length == 0
                || (trimmed.StartsWith(key, StringComparison.Ordinal) && (trimmed.Length == key.Length || trimmed[key.Length] == '/'));
            if (matches && (best is null || key.Length > best.Key.Length))
            {
                best = mapping;
            }
        }
        if (best is null)
        {
            return null;
        }
        var rest = trimmed[best.Key.Length..];
        return (best, rest.StartsWith('/') ? rest : "/" + rest);
    }
}

/// <summary>
/// One mapping of a custom domain to an API's stage: a v1 base path mapping or a v2 API mapping.
/// </summary>
internal sealed class DomainMapping
{
    /// <summary>The v2 API mapping id.</summary>
    public required string Id { get; init; }

    /// <summary>The base path or API mapping key, without slashes at its ends; <c>""</c> is v1's <c>(none)</c>.</summary>
    public required string Key { get; set; }

    public required string ApiId { get; set; }

    /// <summary>The stage; null (v1 only) when callers name the stage as the path's first segment after the key.</summary>
    public string? Stage { get; set; }
}
