using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Cognito.Triggers;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

/// <summary>
/// The in-memory Cognito user pools service (<c>AWSCognitoIdentityProviderService</c>). Each public
/// method is one AWS operation, taking its input shape and returning its output shape; all time
/// comes from the cloud's clock and all ids, secrets, codes and keys from its seeded ids.
/// </summary>
/// <remarks>
/// Not implemented yet (answered with an error that names the feature): passkeys as MFA,
/// threat protection's risk detection (risk configuration is stored; auth events are all NoRisk),
/// SAML sign-in (SAML providers are stored), MFA and new passwords in the hosted
/// login, MFA_SETUP during sign-in, the custom email and SMS sender triggers, PreTokenGeneration V3
/// (machine-to-machine), password history, and the SRP timestamp skew check.
/// The coverage document lists every operation with its status.
/// </remarks>
internal sealed partial class CognitoIdentityProviderEngine : ICognitoIdentityProviderOperations
{
    private readonly CloudContext _cloud;
    private readonly RegionalStore<Region> _regions;

    public CognitoIdentityProviderEngine(CloudContext cloud)
    {
        _cloud = cloud;
        _regions = new RegionalStore<Region>(_ => new Region());
        Triggers = new LambdaTriggerInvoker(cloud);
    }

    /// <summary>Runs the pools' Lambda triggers: through the cloud's Lambda service by default, or a fake a test binds; null when none is bound.</summary>
    public ICognitoTriggerInvoker? Triggers { get; set; }

    /// <summary>Every message a pool has "sent", where tests read codes and temporary passwords.</summary>
    public CognitoOutbox Outbox { get; } = new();

    private DateTimeOffset Now => _cloud.Now;

    /// <summary>The state a snapshot of the cloud takes and puts back: everything, per account and region.</summary>
    public IStateStore State => _regions;

    /// <summary>Forgets every pool and message.</summary>
    public void Reset()
    {
        _regions.Clear();
        _domains.Clear();
        Outbox.Clear();
    }

    /// <summary>The pools of one account and region.</summary>
    private sealed class Region
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, UserPool> Pools { get; } = new(StringComparer.Ordinal);

        /// <summary>Which pool each app client id belongs to: the user-facing operations name only the client.</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<string, UserPool> PoolsByClient { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The pool a request names; pool ids carry their region, but requests act in the signed region.</summary>
    private UserPool Pool(RequestScope scope, string? poolId) =>
        poolId is not null && _regions[scope].Pools.TryGetValue(poolId, out var pool) ? pool : throw CognitoErrors.PoolNotFound(poolId ?? "");

    /// <summary>A pool by id in any region of the account, for the unsigned JWKS and OIDC paths and for identity pools.</summary>
    public UserPool? FindPool(string accountId, string poolId)
    {
        var region = poolId.Split('_')[0];
        return _regions[new RequestScope(accountId, region)].Pools.GetValueOrDefault(poolId);
    }

    /// <summary>
    /// The id of the pool an app client belongs to, and the SECRET_HASH the client sends for
    /// <paramref name="username"/> (null when it has no secret): what a caller needs to act for a user of the client.
    /// </summary>
    /// <exception cref="AwsServiceException">No such client in the scope's account and region.</exception>
    public (string PoolId, string? SecretHash) ClientOf(RequestScope scope, string clientId, string username)
    {
        var (pool, client) = PoolOfClient(scope, clientId);
        return (pool.Id, client.Secret is { } secret ? SecretHash(client.Id, secret, username) : null);
    }

    private (UserPool Pool, AppClient Client) PoolOfClient(RequestScope scope, string? clientId)
    {
        if (clientId is not null && _regions[scope].PoolsByClient.TryGetValue(clientId, out var pool))
        {
            lock (pool.Gate)
            {
                if (pool.Clients.TryGetValue(clientId, out var client))
                {
                    return (pool, client);
                }
            }
        }
        throw CognitoErrors.ClientNotFound(clientId ?? "");
    }

    private static AppClient Client(UserPool pool, string? clientId) =>
        clientId is not null && pool.Clients.TryGetValue(clientId, out var client) ? client : throw CognitoErrors.ClientNotFound(clientId ?? "");

    private static PoolUser User(UserPool pool, string? username) =>
        username is not null && pool.Find(username) is { } user ? user : throw CognitoErrors.UserNotFound();

    private string Arn(RequestScope scope, string poolId) => $"arn:aws:cognito-idp:{scope.Region}:{scope.AccountId}:userpool/{poolId}";

    /// <summary>The issuer of a pool's tokens.</summary>
    public static string Issuer(string poolId) => $"https://cognito-idp.{poolId.Split('_')[0]}.amazonaws.com/{poolId}";
}
