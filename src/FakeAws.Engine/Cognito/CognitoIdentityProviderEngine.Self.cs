using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// What users do for themselves, with an access token or a client id: GetUser, UpdateUserAttributes,
// DeleteUserAttributes, GetUserAttributeVerificationCode, VerifyUserAttribute, ChangePassword,
// DeleteUser, GlobalSignOut, RevokeToken, ForgotPassword, ConfirmForgotPassword.
internal sealed partial class CognitoIdentityProviderEngine
{
    public GetUserResponse GetUser(RequestScope scope, GetUserRequest request)
    {
        var (pool, user, _) = ReadAccessToken(scope, request.AccessToken);
        lock (pool.Gate)
        {
            return new GetUserResponse
            {
                Username = user.Username,
                UserAttributes = AttributeList(user),
                PreferredMfaSetting = user.PreferredMfa,
                UserMFASettingList = MfaSettings(user),
                MFAOptions = LegacyMfaOptions(user),
            };
        }
    }

    public async Task<UpdateUserAttributesResponse> UpdateUserAttributes(RequestScope scope, UpdateUserAttributesRequest request, CancellationToken ct)
    {
        var (pool, user, claims) = ReadAccessToken(scope, request.AccessToken);
        var messages = UpdateAttributes(pool, () => user, ToMap(request.UserAttributes), Text(claims, "client_id"), request.ClientMetadata, admin: false);
        foreach (var message in messages)
        {
            await SendAsync(scope, message, ct).ConfigureAwait(false);
        }
        return new UpdateUserAttributesResponse { CodeDeliveryDetailsList = messages.Select(m => m.To.Details()).ToList() };
    }

    public DeleteUserAttributesResponse DeleteUserAttributes(RequestScope scope, DeleteUserAttributesRequest request)
    {
        var (pool, user, _) = ReadAccessToken(scope, request.AccessToken);
        lock (pool.Gate)
        {
            RemoveAttributes(pool, user, request.UserAttributeNames ?? []);
        }
        return new DeleteUserAttributesResponse();
    }

    public async Task<GetUserAttributeVerificationCodeResponse> GetUserAttributeVerificationCode(RequestScope scope,
        GetUserAttributeVerificationCodeRequest request, CancellationToken ct)
    {
        var (pool, user, claims) = ReadAccessToken(scope, request.AccessToken);
        PendingMessage message;
        lock (pool.Gate)
        {
            var name = request.AttributeName!;
            if (name is not ("email" or "phone_number") || user.Attribute(name) is not { } address)
            {
                throw CognitoErrors.InvalidParameter($"Invalid attribute name: {name}");
            }
            var delivery = new Delivery(name == "email" ? "EMAIL" : "SMS", name, address);
            message = new PendingMessage(pool, user, delivery, NewCode(user, CodePurpose.VerifyAttribute(name), SignUpCodeValidity), "VerifyAttribute",
                "CustomMessage_VerifyUserAttribute", Text(claims, "client_id"), request.ClientMetadata);
        }
        await SendAsync(scope, message, ct).ConfigureAwait(false);
        return new GetUserAttributeVerificationCodeResponse { CodeDeliveryDetails = message.To.Details() };
    }

    public VerifyUserAttributeResponse VerifyUserAttribute(RequestScope scope, VerifyUserAttributeRequest request)
    {
        var (pool, user, _) = ReadAccessToken(scope, request.AccessToken);
        lock (pool.Gate)
        {
            var name = request.AttributeName!;
            UseCode(user, CodePurpose.VerifyAttribute(name), request.Code);
            TakeAlias(pool, user, name, user.Attribute(name) ?? "", force: false);
            user.Attributes[name + "_verified"] = "true";
            user.Modified = Now;
        }
        return new VerifyUserAttributeResponse();
    }

    public ChangePasswordResponse ChangePassword(RequestScope scope, ChangePasswordRequest request)
    {
        var (pool, user, _) = ReadAccessToken(scope, request.AccessToken);
        lock (pool.Gate)
        {
            if (request.PreviousPassword is not null && user.Password != request.PreviousPassword)
            {
                RecordAuthEvent(pool, user.Username, "PasswordChange", "Fail", null, PasswordChallenge("Failure"));
                throw CognitoErrors.IncorrectCredentials();
            }
            PasswordRules.Check(pool.PasswordPolicy, request.ProposedPassword!);
            SetPassword(user, request.ProposedPassword!);
            RecordAuthEvent(pool, user.Username, "PasswordChange", "Pass", null);
        }
        return new ChangePasswordResponse();
    }

    public void DeleteUser(RequestScope scope, DeleteUserRequest request)
    {
        var (pool, user, _) = ReadAccessToken(scope, request.AccessToken);
        lock (pool.Gate)
        {
            DeleteUser(pool, user);
        }
    }

    public GlobalSignOutResponse GlobalSignOut(RequestScope scope, GlobalSignOutRequest request)
    {
        var (pool, user, _) = ReadAccessToken(scope, request.AccessToken);
        lock (pool.Gate)
        {
            SignOutEverywhere(pool, user);
        }
        return new GlobalSignOutResponse();
    }

    /// <summary>Revokes a refresh token and every access token issued with it. An unknown token is not an error, as OAuth revocation goes.</summary>
    public RevokeTokenResponse RevokeToken(RequestScope scope, RevokeTokenRequest request)
    {
        var (pool, client) = PoolOfClient(scope, request.ClientId);
        CheckClientSecret(client, request.ClientSecret);
        if (client.Description.EnableTokenRevocation == false)
        {
            throw CognitoErrors.TokenRevocationDisabled();
        }
        lock (pool.Gate)
        {
            if (pool.RefreshTokens.TryGetValue(request.Token!, out var grant))
            {
                if (grant.ClientId != client.Id)
                {
                    throw CognitoErrors.TokenOfOtherClient();
                }
                grant.Revoked = true;
                pool.RevokedOrigins.Add(grant.OriginJti);
            }
        }
        return new RevokeTokenResponse();
    }

    public async Task<ForgotPasswordResponse> ForgotPassword(RequestScope scope, ForgotPasswordRequest request, CancellationToken ct)
    {
        var (pool, client) = PoolOfClient(scope, request.ClientId);
        CheckSecretHash(client, request.Username, request.SecretHash);
        PoolUser? user;
        lock (pool.Gate)
        {
            user = pool.Find(request.Username!);
        }
        user ??= await MigrateAsync(scope, pool, client, request.Username!, null, "UserMigration_ForgotPassword", request.ClientMetadata, ct).ConfigureAwait(false)
            ?? throw CognitoErrors.UsernameClientNotFound();
        PendingMessage message;
        lock (pool.Gate)
        {
            if (!user.Enabled)
            {
                throw CognitoErrors.UserDisabled();
            }
            message = new PendingMessage(pool, user, RecoveryDelivery(user), NewCode(user, CodePurpose.ForgotPassword, ForgotPasswordCodeValidity),
                "ForgotPassword", "CustomMessage_ForgotPassword", client.Id, request.ClientMetadata);
        }
        await SendAsync(scope, message, ct).ConfigureAwait(false);
        RecordAuthEvent(pool, user.Username, "ForgotPassword", "Pass", request.UserContextData?.IpAddress);
        return new ForgotPasswordResponse { CodeDeliveryDetails = message.To.Details() };
    }

    public async Task<ConfirmForgotPasswordResponse> ConfirmForgotPassword(RequestScope scope, ConfirmForgotPasswordRequest request, CancellationToken ct)
    {
        var (pool, client) = PoolOfClient(scope, request.ClientId);
        CheckSecretHash(client, request.Username, request.SecretHash);
        PoolUser user;
        lock (pool.Gate)
        {
            user = pool.Find(request.Username!) ?? throw CognitoErrors.UsernameClientNotFound();
            UseCode(user, CodePurpose.ForgotPassword, request.ConfirmationCode);
            PasswordRules.Check(pool.PasswordPolicy, request.Password!);
            SetPassword(user, request.Password!);
            user.Status = UserStatus.Confirmed;
            user.TemporaryPasswordExpires = null;
        }
        await PostConfirmationAsync(scope, pool, user, "PostConfirmation_ConfirmForgotPassword", client.Id, request.ClientMetadata, ct).ConfigureAwait(false);
        RecordAuthEvent(pool, user.Username, "PasswordChange", "Pass", request.UserContextData?.IpAddress);
        return new ConfirmForgotPasswordResponse();
    }
}
