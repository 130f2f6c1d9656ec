using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// REFRESH_TOKEN_AUTH: new ID and access tokens for a live refresh token, keeping the original
// authentication's auth_time and origin_jti.
internal sealed partial class CognitoIdentityProviderEngine
{
    private async Task<AuthOutcome> RefreshAsync(RequestScope scope, UserPool pool, AppClient client, Dictionary<string, string> parameters,
        Dictionary<string, string>? metadata, CancellationToken ct)
    {
        var token = Parameter(parameters, "REFRESH_TOKEN");
        RefreshGrant grant;
        PoolUser user;
        lock (pool.Gate)
        {
            if (!pool.RefreshTokens.TryGetValue(token, out grant!) || grant.ClientId != client.Id)
            {
                throw CognitoErrors.InvalidRefreshToken();
            }
            if (grant.Revoked)
            {
                throw CognitoErrors.RevokedRefreshToken();
            }
            if (Now >= grant.Expires)
            {
                throw CognitoErrors.NotAuthorized("Refresh Token has expired");
            }
            user = pool.Users.GetValueOrDefault(grant.Username) ?? throw CognitoErrors.UserNotFound();
            if (!user.Enabled)
            {
                throw CognitoErrors.UserDisabled();
            }
        }
        // Clients with a secret compute SECRET_HASH with the user's name (for pools that sign in
        // with email, the UUID user name); either form is accepted.
        CheckSecretHash(client, parameters.GetValueOrDefault("USERNAME") ?? grant.Username, parameters.GetValueOrDefault("SECRET_HASH"));
        // A tracked device's client sends its DEVICE_KEY with the refresh token, and the access token names it again.
        string? deviceKey;
        lock (pool.Gate)
        {
            deviceKey = parameters.GetValueOrDefault("DEVICE_KEY") is { } key && user.Devices.ContainsKey(key) ? key : null;
        }
        var tokens = await IssueTokensAsync(scope, new TokenGrant(pool, client, user, grant.AuthTime, grant.OriginJti, "TokenGeneration_RefreshTokens", metadata,
            IssueRefreshToken: false, DeviceKey: deviceKey), ct).ConfigureAwait(false);
        return AuthOutcome.Tokens(tokens);
    }
}
