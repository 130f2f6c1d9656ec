using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken: new ID and access tokens for a live refresh token,
// keeping the original authentication's auth_time and origin_jti. GetTokensFromRefreshToken also rotates
// the refresh token when the client asks for it (RefreshTokenRotation): a new one is issued and the old one
// stops working after the client's grace period.
internal sealed partial class CognitoIdentityProviderEngine
{
    public async Task<GetTokensFromRefreshTokenResponse> GetTokensFromRefreshToken(RequestScope scope, GetTokensFromRefreshTokenRequest request, CancellationToken ct)
    {
        var (pool, client) = PoolOfClient(scope, request.ClientId);
        CheckClientSecret(client, request.ClientSecret);
        var rotation = client.Description.RefreshTokenRotation;
        var tokens = await RefreshTokensAsync(scope, pool, client, request.RefreshToken!, request.DeviceKey, request.ClientMetadata, ct,
            rotation?.Feature == "ENABLED" ? TimeSpan.FromSeconds(rotation.RetryGracePeriodSeconds ?? 0) : null).ConfigureAwait(false);
        return new GetTokensFromRefreshTokenResponse { AuthenticationResult = tokens };
    }

    private async Task<AuthOutcome> RefreshAsync(RequestScope scope, UserPool pool, AppClient client, Dictionary<string, string> parameters,
        Dictionary<string, string>? metadata, CancellationToken ct)
    {
        var token = Parameter(parameters, "REFRESH_TOKEN");
        RefreshGrant? grant;
        lock (pool.Gate)
        {
            grant = pool.RefreshTokens.GetValueOrDefault(token);
        }
        // Clients with a secret compute SECRET_HASH with the user's name (for pools that sign in
        // with email, the UUID user name); either form is accepted.
        CheckSecretHash(client, parameters.GetValueOrDefault("USERNAME") ?? grant?.Username, parameters.GetValueOrDefault("SECRET_HASH"));
        var tokens = await RefreshTokensAsync(scope, pool, client, token, parameters.GetValueOrDefault("DEVICE_KEY"), metadata, ct, rotateWithGrace: null)
            .ConfigureAwait(false);
        return AuthOutcome.Tokens(tokens);
    }

    /// <summary>
    /// Tokens for a refresh token. With <paramref name="rotateWithGrace"/>, a new refresh token comes too and the
    /// old one expires after that grace period.
    /// </summary>
    private async Task<AuthenticationResultType> RefreshTokensAsync(RequestScope scope, UserPool pool, AppClient client, string token, string? deviceKey,
        Dictionary<string, string>? metadata, CancellationToken ct, TimeSpan? rotateWithGrace)
    {
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
            // A tracked device's client sends its DEVICE_KEY with the refresh token, and the access token names it again.
            deviceKey = deviceKey is not null && user.Devices.ContainsKey(deviceKey) ? deviceKey : null;
        }
        var tokens = await IssueTokensAsync(scope, new TokenGrant(pool, client, user, grant.AuthTime, grant.OriginJti, "TokenGeneration_RefreshTokens", metadata,
            IssueRefreshToken: false, grant.Scopes, DeviceKey: deviceKey), ct).ConfigureAwait(false);
        if (rotateWithGrace is { } grace)
        {
            var rotated = NewRefreshToken();
            lock (pool.Gate)
            {
                pool.RefreshTokens[rotated] = grant with { Expires = Now + client.RefreshTokenValidity };
                pool.RefreshTokens[token] = grant with { Expires = grant.Expires < Now + grace ? grant.Expires : Now + grace };
            }
            tokens.RefreshToken = rotated;
        }
        return tokens;
    }
}
