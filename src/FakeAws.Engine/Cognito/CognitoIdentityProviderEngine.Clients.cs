using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// App clients: CreateUserPoolClient, DescribeUserPoolClient, UpdateUserPoolClient,
// DeleteUserPoolClient, ListUserPoolClients; and the SECRET_HASH check.
internal sealed partial class CognitoIdentityProviderEngine
{
    private const string ClientIdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public CreateUserPoolClientResponse CreateUserPoolClient(RequestScope scope, CreateUserPoolClientRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        var now = Now;
        var description = new UserPoolClientType
        {
            UserPoolId = pool.Id,
            ClientName = request.ClientName,
            ClientId = _cloud.Ids.NewString(26, ClientIdAlphabet),
            ClientSecret = request.ClientSecret ?? (request.GenerateSecret == true ? _cloud.Ids.NewString(51, ClientIdAlphabet) : null),
            CreationDate = now,
            LastModifiedDate = now,
        };
        ApplyClientSettings(description, request.RefreshTokenValidity, request.AccessTokenValidity, request.IdTokenValidity, request.TokenValidityUnits,
            request.ReadAttributes, request.WriteAttributes, request.ExplicitAuthFlows, request.SupportedIdentityProviders, request.CallbackURLs,
            request.LogoutURLs, request.DefaultRedirectURI, request.AllowedOAuthFlows, request.AllowedOAuthScopes, request.AllowedOAuthFlowsUserPoolClient,
            request.AnalyticsConfiguration, request.PreventUserExistenceErrors, request.EnableTokenRevocation,
            request.EnablePropagateAdditionalUserContextData, request.AuthSessionValidity, request.RefreshTokenRotation);
        var client = new AppClient(description, now);
        lock (pool.Gate)
        {
            CheckOAuthSettings(pool, description);
            pool.Clients[client.Id] = client;
        }
        _regions[scope].PoolsByClient[client.Id] = pool;
        return new CreateUserPoolClientResponse { UserPoolClient = description.Clone() };
    }

    public DescribeUserPoolClientResponse DescribeUserPoolClient(RequestScope scope, DescribeUserPoolClientRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            return new DescribeUserPoolClientResponse { UserPoolClient = Client(pool, request.ClientId).Description.Clone() };
        }
    }

    public UpdateUserPoolClientResponse UpdateUserPoolClient(RequestScope scope, UpdateUserPoolClientRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var client = Client(pool, request.ClientId);
            // As on AWS, settings left out of the request return to their defaults.
            var updated = new UserPoolClientType
            {
                UserPoolId = pool.Id,
                ClientId = client.Id,
                ClientName = request.ClientName ?? client.Description.ClientName,
                ClientSecret = client.Secret,
                CreationDate = client.Description.CreationDate,
                LastModifiedDate = Now,
            };
            ApplyClientSettings(updated, request.RefreshTokenValidity, request.AccessTokenValidity, request.IdTokenValidity, request.TokenValidityUnits,
                request.ReadAttributes, request.WriteAttributes, request.ExplicitAuthFlows, request.SupportedIdentityProviders, request.CallbackURLs,
                request.LogoutURLs, request.DefaultRedirectURI, request.AllowedOAuthFlows, request.AllowedOAuthScopes, request.AllowedOAuthFlowsUserPoolClient,
                request.AnalyticsConfiguration, request.PreventUserExistenceErrors, request.EnableTokenRevocation,
                request.EnablePropagateAdditionalUserContextData, request.AuthSessionValidity, request.RefreshTokenRotation);
            CheckOAuthSettings(pool, updated);
            client.Description = updated;
            return new UpdateUserPoolClientResponse { UserPoolClient = updated.Clone() };
        }
    }

    public void DeleteUserPoolClient(RequestScope scope, DeleteUserPoolClientRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            Client(pool, request.ClientId);
            pool.Clients.Remove(request.ClientId!);
            // What was configured for the client goes with it.
            pool.UiCustomizations.Remove(request.ClientId!);
            pool.RiskConfigurations.Remove(request.ClientId!);
            foreach (var branding in pool.Brandings.Values.Where(b => b.ClientId == request.ClientId).ToList())
            {
                pool.Brandings.Remove(branding.Id);
            }
            foreach (var terms in pool.Terms.Values.Where(t => t.ClientId == request.ClientId).ToList())
            {
                pool.Terms.Remove(terms.TermsId!);
            }
        }
        _regions[scope].PoolsByClient.TryRemove(request.ClientId!, out _);
    }

    public ListUserPoolClientsResponse ListUserPoolClients(RequestScope scope, ListUserPoolClientsRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var clients = pool.Clients.Values.OrderBy(c => c.Description.CreationDate).ToList();
            var (page, next) = Paging.Page(clients, request.NextToken, request.MaxResults ?? 60, c => c.Id);
            return new ListUserPoolClientsResponse
            {
                UserPoolClients = page.Select(c => new UserPoolClientDescription { ClientId = c.Id, UserPoolId = pool.Id, ClientName = c.Description.ClientName }).ToList(),
                NextToken = next,
            };
        }
    }

    private static void ApplyClientSettings(
        UserPoolClientType d, int? refresh, int? access, int? id, TokenValidityUnitsType? units, List<string>? read, List<string>? write,
        List<string>? flows, List<string>? providers, List<string>? callbacks, List<string>? logouts, string? defaultRedirect,
        List<string>? oauthFlows, List<string>? oauthScopes, bool? oauthUserPoolClient, AnalyticsConfigurationType? analytics,
        string? preventUserExistenceErrors, bool? tokenRevocation, bool? propagateContext, int? sessionValidity, RefreshTokenRotationType? rotation)
    {
        CheckValidity(access, units?.AccessToken ?? "hours", TimeSpan.FromMinutes(5), TimeSpan.FromDays(1));
        CheckValidity(id, units?.IdToken ?? "hours", TimeSpan.FromMinutes(5), TimeSpan.FromDays(1));
        CheckValidity(refresh, units?.RefreshToken ?? "days", TimeSpan.FromHours(1), TimeSpan.FromDays(3650));
        if (sessionValidity is < 3 or > 15)
        {
            throw CognitoErrors.InvalidParameter("Invalid AuthSessionValidity. AuthSessionValidity must be between 3 and 15 minutes.");
        }
        if (flows is { Count: > 0 })
        {
            var legacy = flows.Any(f => !f.StartsWith("ALLOW_", StringComparison.Ordinal));
            if (legacy && flows.Any(f => f.StartsWith("ALLOW_", StringComparison.Ordinal)))
            {
                throw CognitoErrors.InvalidParameter("ExplicitAuthFlow combination is invalid");
            }
        }
        d.RefreshTokenValidity = refresh ?? 30;
        d.AccessTokenValidity = access;
        d.IdTokenValidity = id;
        d.TokenValidityUnits = units ?? new TokenValidityUnitsType();
        d.ReadAttributes = read;
        d.WriteAttributes = write;
        d.ExplicitAuthFlows = flows;
        d.SupportedIdentityProviders = providers;
        d.CallbackURLs = callbacks;
        d.LogoutURLs = logouts;
        d.DefaultRedirectURI = defaultRedirect;
        d.AllowedOAuthFlows = oauthFlows;
        d.AllowedOAuthScopes = oauthScopes;
        d.AllowedOAuthFlowsUserPoolClient = oauthUserPoolClient ?? false;
        d.AnalyticsConfiguration = analytics;
        d.PreventUserExistenceErrors = preventUserExistenceErrors;
        d.EnableTokenRevocation = tokenRevocation ?? true;
        d.EnablePropagateAdditionalUserContextData = propagateContext ?? false;
        d.AuthSessionValidity = sessionValidity ?? 3;
        d.RefreshTokenRotation = rotation;
    }

    /// <summary>
    /// The client's OAuth settings against the pool: every scope must exist (standard or a resource
    /// server's), and client credentials need a secret and exclude the user flows.
    /// </summary>
    private static void CheckOAuthSettings(UserPool pool, UserPoolClientType client)
    {
        if (client.AllowedOAuthScopes?.FirstOrDefault(s => !ScopeExists(pool, s)) is { } unknown)
        {
            throw CognitoErrors.ScopeDoesNotExist(unknown);
        }
        var flows = client.AllowedOAuthFlows ?? [];
        if (flows.Contains("client_credentials"))
        {
            if (flows.Contains("code") || flows.Contains("implicit"))
            {
                throw CognitoErrors.InvalidOAuthFlow("client_credentials flow can not be selected along with code flow or implicit flow.");
            }
            if (client.ClientSecret is null)
            {
                throw CognitoErrors.InvalidOAuthFlow("client_credentials flow can not be selected if client does not have a client secret.");
            }
        }
    }

    /// <summary>Access and ID tokens last 5 minutes to a day, refresh tokens an hour to ten years.</summary>
    private static void CheckValidity(int? value, string unit, TimeSpan min, TimeSpan max)
    {
        if (value is { } v && AppClient.Validity(v, unit) is var span && (span < min || span > max))
        {
            throw CognitoErrors.InvalidTokenValidity();
        }
    }

    /// <summary>The SECRET_HASH a client with a secret sends for a user: HMAC-SHA256 of username and client id, base64.</summary>
    private static string SecretHash(string clientId, string secret, string username) =>
        Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes(username + clientId)));

    /// <summary>
    /// Checks SECRET_HASH = Base64(HMAC-SHA256(clientSecret, username + clientId)) for clients with a secret,
    /// against each active secret.
    /// </summary>
    private static void CheckSecretHash(AppClient client, string? username, string? secretHash)
    {
        if (client.Secret is null)
        {
            return;
        }
        if (secretHash is null)
        {
            throw CognitoErrors.SecretHashMissing(client.Id);
        }
        if (!client.ProvesSecret(secret => string.Equals(SecretHash(client.Id, secret, username ?? ""), secretHash, StringComparison.Ordinal)))
        {
            throw CognitoErrors.SecretHashMismatch(client.Id);
        }
    }

    /// <summary>Checks the ClientSecret that RevokeToken and GetTokensFromRefreshToken take, against each active secret.</summary>
    private static void CheckClientSecret(AppClient client, string? clientSecret)
    {
        if (client.Secret is not null && !client.ProvesSecret(secret => secret == clientSecret))
        {
            throw CognitoErrors.NotAuthorized(clientSecret is null ? $"Client {client.Id} is configured with secret but ClientSecret was not received"
                : "Invalid client secret.");
        }
    }
}
