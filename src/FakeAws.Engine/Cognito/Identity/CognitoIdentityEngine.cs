using System.Collections.Concurrent;
using FakeAws.Engine.Cognito.Identity.Model;
using FakeAws.Engine.Cognito.Tokens;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito.Identity;

/// <summary>
/// The in-memory Cognito identity pools service (<c>AWSCognitoIdentityService</c>): identity pools,
/// identities, OpenID tokens and temporary credentials. Logins from user pools of the same cloud are
/// verified against those pools' keys and the virtual clock.
/// </summary>
/// <remarks>
/// Not implemented yet (answered with an error that names the operation): logins from providers
/// outside the cloud (Google, Facebook, Apple, Amazon, OIDC and SAML providers are rejected, as
/// FakeAws cannot verify their tokens), the classic (basic) flow, principal tags on the credentials (the
/// attribute maps are stored and read back), and IAM checks of
/// the roles (credentials are not usable against other services yet).
/// </remarks>
internal sealed partial class CognitoIdentityEngine : ICognitoIdentityOperations
{
    private readonly CloudContext _cloud;
    private readonly CognitoIdentityProviderEngine _userPools;
    private readonly RegionalStore<Region> _regions;
    private readonly Lazy<SigningKey> _openIdKey;

    public CognitoIdentityEngine(CloudContext cloud, CognitoIdentityProviderEngine userPools)
    {
        _cloud = cloud;
        _userPools = userPools;
        _regions = new RegionalStore<Region>(_ => new Region());
        var seed = cloud.Ids.NewBytes(32);
        _openIdKey = new Lazy<SigningKey>(() => new SigningKey(DeterministicRsa.FromSeed(seed)));
    }

    private DateTimeOffset Now => _cloud.Now;

    /// <summary>The state a snapshot of the cloud takes and puts back: everything, per account and region.</summary>
    public IStateStore State => _regions;

    public void Reset() => _regions.Clear();

    private sealed class Region
    {
        public ConcurrentDictionary<string, IdentityPoolState> Pools { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>One identity pool and its identities.</summary>
    private sealed class IdentityPoolState(IdentityPool description)
    {
        public object Gate { get; } = new();

        public IdentityPool Description { get; set; } = description;

        public Dictionary<string, string> Roles { get; set; } = new(StringComparer.Ordinal);

        public Dictionary<string, RoleMapping> RoleMappings { get; set; } = new(StringComparer.Ordinal);

        public Dictionary<string, IdentityState> Identities { get; } = new(StringComparer.Ordinal);

        /// <summary>The principal tag attribute maps, by identity provider name.</summary>
        public Dictionary<string, PrincipalTagMapping> PrincipalTags { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>One provider's principal tag attribute map: whether the default claims map, and the tag of each claim.</summary>
    private sealed record PrincipalTagMapping(bool UseDefaults, Dictionary<string, string> Tags);

    /// <summary>One identity: the logins linked to it, by provider, as "provider|subject".</summary>
    private sealed class IdentityState(string id, DateTimeOffset created)
    {
        public string Id { get; } = id;

        public DateTimeOffset Created { get; } = created;

        public DateTimeOffset Modified { get; set; } = created;

        public Dictionary<string, string> Logins { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// The developer user identifiers linked to the identity, in the order they were linked: an identity can hold
        /// several (MergeDeveloperIdentities), while <see cref="Logins"/> names the developer provider once.
        /// </summary>
        public List<string> DeveloperUsers { get; } = [];

        /// <summary>Whether a login names this identity.</summary>
        public bool Holds(string provider, string subject, string? developer) =>
            provider == developer ? DeveloperUsers.Contains(subject) : Logins.GetValueOrDefault(provider) == subject;

        /// <summary>Links a login; a developer user identifier joins the others.</summary>
        public void Link(string provider, string subject, string? developer)
        {
            Logins[provider] = provider == developer && DeveloperUsers.Count > 0 ? DeveloperUsers[0] : subject;
            if (provider == developer && !DeveloperUsers.Contains(subject))
            {
                DeveloperUsers.Add(subject);
            }
        }
    }

    private IdentityPoolState Pool(RequestScope scope, string? id) =>
        id is not null && _regions[scope].Pools.TryGetValue(id, out var pool) ? pool : throw IdentityErrors.PoolNotFound(id ?? "");

    private (IdentityPoolState Pool, IdentityState Identity) Identity(RequestScope scope, string? identityId)
    {
        foreach (var pool in _regions[scope].Pools.Values)
        {
            lock (pool.Gate)
            {
                if (identityId is not null && pool.Identities.TryGetValue(identityId, out var identity))
                {
                    return (pool, identity);
                }
            }
        }
        throw IdentityErrors.IdentityNotFound(identityId ?? "");
    }
}
