using System.Text.Json.Nodes;
using FakeAws.Engine.Cognito.Identity.Model;
using FakeAws.Engine.Cognito.Tokens;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito.Identity;

// Identities: GetId, GetCredentialsForIdentity, GetOpenIdToken, GetOpenIdTokenForDeveloperIdentity,
// DescribeIdentity, ListIdentities, DeleteIdentities; and the verification of logins from the cloud's user pools.
internal sealed partial class CognitoIdentityEngine
{
    private const string OpenIdIssuer = "https://cognito-identity.amazonaws.com";
    private static readonly TimeSpan CredentialValidity = TimeSpan.FromHours(1);
    private static readonly TimeSpan OpenIdTokenValidity = TimeSpan.FromMinutes(10);

    /// <summary>A login that checked out: its provider, the subject it names, and (for user pools) the ID token's claims.</summary>
    private sealed record VerifiedLogin(string Provider, string Subject, JsonObject? Claims)
    {
        public string Key => Provider + "|" + Subject;
    }

    public GetIdResponse GetId(RequestScope scope, GetIdInput request)
    {
        var pool = Pool(scope, request.IdentityPoolId);
        var logins = VerifyLogins(scope, pool, request.Logins);
        lock (pool.Gate)
        {
            if (logins.Count == 0 && pool.Description.AllowUnauthenticatedIdentities != true)
            {
                throw IdentityErrors.UnauthenticatedNotAllowed();
            }
            return new GetIdResponse { IdentityId = IdentityFor(scope, pool, logins).Id };
        }
    }

    public GetCredentialsForIdentityResponse GetCredentialsForIdentity(RequestScope scope, GetCredentialsForIdentityInput request)
    {
        var (pool, identity) = Identity(scope, request.IdentityId);
        var logins = VerifyLogins(scope, pool, request.Logins);
        lock (pool.Gate)
        {
            var role = RoleFor(pool, identity, logins, request.CustomRoleArn);
            return new GetCredentialsForIdentityResponse
            {
                IdentityId = identity.Id,
                Credentials = new Credentials
                {
                    AccessKeyId = "ASIA" + _cloud.Ids.NewString(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
                    SecretKey = _cloud.Ids.NewString(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
                    // AWS's session tokens begin with the base64 of their own format marker.
                    SessionToken = "IQoJb3JpZ2luX2Vj" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(role)) + Convert.ToBase64String(_cloud.Ids.NewBytes(480)),
                    Expiration = Now + CredentialValidity,
                },
            };
        }
    }

    public GetOpenIdTokenResponse GetOpenIdToken(RequestScope scope, GetOpenIdTokenInput request)
    {
        var (pool, identity) = Identity(scope, request.IdentityId);
        var logins = VerifyLogins(scope, pool, request.Logins);
        lock (pool.Gate)
        {
            CheckLogins(pool, identity, logins);
            return new GetOpenIdTokenResponse { IdentityId = identity.Id, Token = OpenIdToken(pool, identity, logins, OpenIdTokenValidity) };
        }
    }

    public GetOpenIdTokenForDeveloperIdentityResponse GetOpenIdTokenForDeveloperIdentity(RequestScope scope, GetOpenIdTokenForDeveloperIdentityInput request)
    {
        var pool = Pool(scope, request.IdentityPoolId);
        var developer = pool.Description.DeveloperProviderName;
        var logins = new List<VerifiedLogin>();
        foreach (var (provider, subject) in request.Logins ?? [])
        {
            logins.Add(provider == developer
                ? new VerifiedLogin(provider, subject, null)
                : VerifyLogins(scope, pool, new Dictionary<string, string> { [provider] = subject })[0]);
        }
        if (developer is null || !logins.Any(l => l.Provider == developer))
        {
            throw IdentityErrors.NotAuthorized("The developer provider name in the logins does not match the identity pool's developer provider name.");
        }
        var duration = TimeSpan.FromSeconds(request.TokenDuration ?? 900);
        if (duration > TimeSpan.FromDays(1) || duration < TimeSpan.FromSeconds(1))
        {
            throw IdentityErrors.InvalidParameter("TokenDuration must be between 1 second and 86400 seconds.");
        }
        lock (pool.Gate)
        {
            IdentityState identity;
            if (request.IdentityId is not null)
            {
                identity = pool.Identities.GetValueOrDefault(request.IdentityId) ?? throw IdentityErrors.IdentityNotFound(request.IdentityId);
                foreach (var login in logins)
                {
                    // A login another identity holds is not moved by linking; MergeDeveloperIdentities does that.
                    if (pool.Identities.Values.Any(other => other != identity && other.Holds(login.Provider, login.Subject, developer)))
                    {
                        throw IdentityErrors.LoginLinkedElsewhere(login.Provider);
                    }
                }
                foreach (var login in logins)
                {
                    identity.Link(login.Provider, login.Subject, developer);
                }
                identity.Modified = Now;
            }
            else
            {
                identity = IdentityFor(scope, pool, logins);
            }
            return new GetOpenIdTokenForDeveloperIdentityResponse { IdentityId = identity.Id, Token = OpenIdToken(pool, identity, logins, duration) };
        }
    }

    public IdentityDescription DescribeIdentity(RequestScope scope, DescribeIdentityInput request)
    {
        var (pool, identity) = Identity(scope, request.IdentityId);
        lock (pool.Gate)
        {
            return Describe(identity);
        }
    }

    /// <summary>Forgets identities in any pool of the region; an id no pool holds is passed over, as AWS does.</summary>
    public DeleteIdentitiesResponse DeleteIdentities(RequestScope scope, DeleteIdentitiesInput input)
    {
        var ids = input.IdentityIdsToDelete ?? [];
        foreach (var pool in _regions[scope].Pools.Values)
        {
            lock (pool.Gate)
            {
                foreach (var id in ids)
                {
                    pool.Identities.Remove(id);
                }
            }
        }
        return new DeleteIdentitiesResponse { UnprocessedIdentityIds = [] };
    }

    public ListIdentitiesResponse ListIdentities(RequestScope scope, ListIdentitiesInput request)
    {
        var pool = Pool(scope, request.IdentityPoolId);
        lock (pool.Gate)
        {
            var identities = pool.Identities.Values.OrderBy(i => i.Created).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
            var (page, next) = Paging.Page(identities, request.NextToken, request.MaxResults ?? 60, i => i.Id);
            return new ListIdentitiesResponse { IdentityPoolId = pool.Description.IdentityPoolId, Identities = page.Select(Describe).ToList(), NextToken = next };
        }
    }

    private static IdentityDescription Describe(IdentityState identity) => new()
    {
        IdentityId = identity.Id,
        Logins = identity.Logins.Keys.ToList(),
        CreationDate = identity.Created,
        LastModifiedDate = identity.Modified,
    };

    /// <summary>The identity a set of logins names, made on first sight; no logins means a new unauthenticated identity.</summary>
    private IdentityState IdentityFor(RequestScope scope, IdentityPoolState pool, List<VerifiedLogin> logins)
    {
        var developer = pool.Description.DeveloperProviderName;
        var existing = pool.Identities.Values.FirstOrDefault(i => logins.Any(l => i.Holds(l.Provider, l.Subject, developer)));
        if (existing is not null)
        {
            return existing;
        }
        var identity = new IdentityState($"{scope.Region}:{_cloud.Ids.NewGuid()}", Now);
        foreach (var login in logins)
        {
            identity.Link(login.Provider, login.Subject, developer);
        }
        pool.Identities[identity.Id] = identity;
        return identity;
    }

    /// <summary>An identity with logins needs one of them again; one without needs the pool to allow guests.</summary>
    private static void CheckLogins(IdentityPoolState pool, IdentityState identity, List<VerifiedLogin> logins)
    {
        if (identity.Logins.Count > 0)
        {
            if (!logins.Any(l => identity.Holds(l.Provider, l.Subject, pool.Description.DeveloperProviderName)))
            {
                throw IdentityErrors.LoginsDoNotMatch();
            }
        }
        else if (logins.Count == 0 && pool.Description.AllowUnauthenticatedIdentities != true)
        {
            throw IdentityErrors.UnauthenticatedNotAllowed();
        }
    }

    /// <summary>
    /// The role the credentials are for, chosen as AWS does: guests get the unauthenticated role;
    /// signed-in users get the role a Token or Rules mapping picks for their provider (or the
    /// CustomRoleArn among the token's roles), else the authenticated role.
    /// </summary>
    private static string RoleFor(IdentityPoolState pool, IdentityState identity, List<VerifiedLogin> logins, string? customRoleArn)
    {
        CheckLogins(pool, identity, logins);
        if (logins.Count == 0)
        {
            return pool.Roles.GetValueOrDefault("unauthenticated") ?? throw IdentityErrors.InvalidConfiguration();
        }
        foreach (var login in logins)
        {
            if (login.Claims is null || !pool.RoleMappings.TryGetValue(login.Provider, out var mapping))
            {
                continue;
            }
            string? mapped = null;
            if (mapping.Type == "Token")
            {
                var roles = login.Claims["cognito:roles"] is JsonArray array ? array.Select(r => r?.GetValue<string>()).ToList() : [];
                mapped = customRoleArn is not null
                    ? roles.Contains(customRoleArn) ? customRoleArn : throw IdentityErrors.NotAuthorized("The role requested is not among the roles in the token.")
                    : login.Claims["cognito:preferred_role"]?.GetValue<string>();
            }
            else if (mapping.Type == "Rules")
            {
                mapped = mapping.RulesConfiguration?.Rules?.FirstOrDefault(r => RuleMatches(r, login.Claims))?.RoleARN;
            }
            if (mapped is not null)
            {
                return mapped;
            }
            if (mapping.AmbiguousRoleResolution == "Deny")
            {
                throw IdentityErrors.InvalidConfiguration();
            }
        }
        return pool.Roles.GetValueOrDefault("authenticated") ?? throw IdentityErrors.InvalidConfiguration();
    }

    private static bool RuleMatches(MappingRule rule, JsonObject claims)
    {
        var value = claims[rule.Claim ?? ""] switch
        {
            JsonArray array => string.Join(",", array.Select(v => v?.ToString())),
            { } node => node.ToString(),
            null => null,
        };
        return value is not null && rule.MatchType switch
        {
            "Equals" => value == rule.Value,
            "Contains" => value.Contains(rule.Value ?? "", StringComparison.Ordinal),
            "StartsWith" => value.StartsWith(rule.Value ?? "", StringComparison.Ordinal),
            "NotEqual" => value != rule.Value,
            _ => false,
        };
    }

    private List<VerifiedLogin> VerifyLogins(RequestScope scope, IdentityPoolState pool, Dictionary<string, string>? logins)
    {
        var verified = new List<VerifiedLogin>();
        foreach (var (provider, token) in logins ?? [])
        {
            if (!provider.StartsWith("cognito-idp.", StringComparison.Ordinal))
            {
                throw IdentityErrors.NotAuthorized($"FakeAws cannot verify logins from {provider} yet; only user pools of the same cloud are supported.");
            }
            var configured = pool.Description.CognitoIdentityProviders?.FirstOrDefault(p => p.ProviderName == provider)
                ?? throw IdentityErrors.UnsupportedProvider();
            var poolId = provider[(provider.IndexOf('/') + 1)..];
            var claims = _userPools.VerifyIdToken(scope.AccountId, poolId, token, out var failure)
                ?? throw IdentityErrors.NotAuthorized(failure!);
            if (configured.ClientId is not null && claims["aud"]?.GetValue<string>() != configured.ClientId)
            {
                throw IdentityErrors.UnsupportedProvider();
            }
            verified.Add(new VerifiedLogin(provider, claims["sub"]!.GetValue<string>(), claims));
        }
        return verified;
    }

    private string OpenIdToken(IdentityPoolState pool, IdentityState identity, List<VerifiedLogin> logins, TimeSpan validity)
    {
        var amr = new JsonArray();
        if (logins.Count == 0)
        {
            amr.Add("unauthenticated");
        }
        else
        {
            amr.Add("authenticated");
            foreach (var login in logins)
            {
                amr.Add(login.Provider);
                amr.Add($"{login.Provider}:{login.Claims?["aud"]?.GetValue<string>() ?? "developer"}:{login.Subject}");
            }
        }
        var now = Now;
        return Jwt.Sign(new JsonObject
        {
            ["sub"] = identity.Id,
            ["aud"] = pool.Description.IdentityPoolId,
            ["amr"] = amr,
            ["iss"] = OpenIdIssuer,
            ["exp"] = (now + validity).ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
        }, _openIdKey.Value);
    }
}
