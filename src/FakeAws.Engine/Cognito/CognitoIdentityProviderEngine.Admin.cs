using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Administrators' user operations: AdminCreateUser, AdminGetUser, AdminDeleteUser,
// AdminUpdateUserAttributes, AdminDeleteUserAttributes, AdminDisableUser, AdminEnableUser,
// AdminSetUserPassword, AdminConfirmSignUp, AdminResetUserPassword, AdminUserGlobalSignOut.
internal sealed partial class CognitoIdentityProviderEngine
{
    public async Task<AdminCreateUserResponse> AdminCreateUser(RequestScope scope, AdminCreateUserRequest request, CancellationToken ct)
    {
        var pool = Pool(scope, request.UserPoolId);
        if (request.MessageAction == "RESEND")
        {
            return await ResendInvitationAsync(scope, pool, request, ct).ConfigureAwait(false);
        }
        var attributes = ToMap(request.UserAttributes);
        var password = request.TemporaryPassword ?? PasswordRules.Temporary(pool.PasswordPolicy, _cloud.Ids);
        PasswordRules.Check(pool.PasswordPolicy, password);
        var username = SignInName(pool, request.Username!, attributes);
        Schema.CheckWrite(pool, attributes, creating: true);
        PoolUser user;
        PendingMessage? message = null;
        lock (pool.Gate)
        {
            EnsureNew(pool, username, attributes, "User account already exists");
            foreach (var alias in new[] { "email", "phone_number" })
            {
                if (attributes.TryGetValue(alias, out var value) && attributes.GetValueOrDefault(alias + "_verified") == "true")
                {
                    TakeAlias(pool, new PoolUser { Username = username, Sub = "" }, alias, value, request.ForceAliasCreation == true);
                }
            }
            user = NewUser(username, pool.UsernameAttributes.Count > 0 ? username : _cloud.Ids.NewGuid().ToString(), attributes);
            SetPassword(user, password);
            user.Status = UserStatus.ForceChangePassword;
            user.TemporaryPasswordExpires = Now.AddDays(pool.PasswordPolicy.TemporaryPasswordValidityDays ?? 7);
            if (request.MessageAction != "SUPPRESS" && InvitationDelivery(user, request.DesiredDeliveryMediums) is { } delivery)
            {
                message = new PendingMessage(pool, user, delivery, password, "Invitation", "CustomMessage_AdminCreateUser", null, request.ClientMetadata);
            }
            pool.Users[username] = user;
        }
        if (message is not null)
        {
            await SendAsync(scope, message, ct).ConfigureAwait(false);
        }
        lock (pool.Gate)
        {
            return new AdminCreateUserResponse { User = ToUserType(user) };
        }
    }

    private async Task<AdminCreateUserResponse> ResendInvitationAsync(RequestScope scope, UserPool pool, AdminCreateUserRequest request, CancellationToken ct)
    {
        PendingMessage? message = null;
        PoolUser user;
        lock (pool.Gate)
        {
            user = User(pool, request.Username);
            if (user.Status != UserStatus.ForceChangePassword)
            {
                throw CognitoErrors.UnsupportedUserState(user.Status);
            }
            var password = request.TemporaryPassword ?? PasswordRules.Temporary(pool.PasswordPolicy, _cloud.Ids);
            PasswordRules.Check(pool.PasswordPolicy, password);
            SetPassword(user, password);
            user.TemporaryPasswordExpires = Now.AddDays(pool.PasswordPolicy.TemporaryPasswordValidityDays ?? 7);
            if (InvitationDelivery(user, request.DesiredDeliveryMediums) is { } delivery)
            {
                message = new PendingMessage(pool, user, delivery, password, "Invitation", "CustomMessage_AdminCreateUser", null, request.ClientMetadata);
            }
        }
        if (message is not null)
        {
            await SendAsync(scope, message, ct).ConfigureAwait(false);
        }
        lock (pool.Gate)
        {
            return new AdminCreateUserResponse { User = ToUserType(user) };
        }
    }

    /// <summary>Invitations go by the requested mediums (SMS unless told otherwise) the user has an address for.</summary>
    private static Delivery? InvitationDelivery(PoolUser user, List<string>? mediums)
    {
        foreach (var medium in mediums is { Count: > 0 } ? mediums : ["SMS"])
        {
            var attribute = medium == "EMAIL" ? "email" : "phone_number";
            if (user.Attribute(attribute) is { } address)
            {
                return new Delivery(medium, attribute, address);
            }
        }
        return user.Attribute("email") is { } email && mediums is not { Count: > 0 } ? new Delivery("EMAIL", "email", email) : null;
    }

    public AdminGetUserResponse AdminGetUser(RequestScope scope, AdminGetUserRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var user = User(pool, request.Username);
            return new AdminGetUserResponse
            {
                Username = user.Username,
                UserAttributes = AttributeList(user),
                UserCreateDate = user.Created,
                UserLastModifiedDate = user.Modified,
                Enabled = user.Enabled,
                UserStatus = user.Status,
                PreferredMfaSetting = user.PreferredMfa,
                UserMFASettingList = MfaSettings(user),
                MFAOptions = LegacyMfaOptions(user),
            };
        }
    }

    public void AdminDeleteUser(RequestScope scope, AdminDeleteUserRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            DeleteUser(pool, User(pool, request.Username));
        }
    }

    public async Task<AdminUpdateUserAttributesResponse> AdminUpdateUserAttributes(RequestScope scope, AdminUpdateUserAttributesRequest request, CancellationToken ct)
    {
        var pool = Pool(scope, request.UserPoolId);
        var messages = UpdateAttributes(pool, () => User(pool, request.Username), ToMap(request.UserAttributes), null, request.ClientMetadata, admin: true);
        foreach (var message in messages)
        {
            await SendAsync(scope, message, ct).ConfigureAwait(false);
        }
        return new AdminUpdateUserAttributesResponse();
    }

    public AdminDeleteUserAttributesResponse AdminDeleteUserAttributes(RequestScope scope, AdminDeleteUserAttributesRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            RemoveAttributes(pool, User(pool, request.Username), request.UserAttributeNames ?? []);
        }
        return new AdminDeleteUserAttributesResponse();
    }

    public AdminDisableUserResponse AdminDisableUser(RequestScope scope, AdminDisableUserRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var user = User(pool, request.Username);
            user.Enabled = false;
            user.Modified = Now;
        }
        return new AdminDisableUserResponse();
    }

    public AdminEnableUserResponse AdminEnableUser(RequestScope scope, AdminEnableUserRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var user = User(pool, request.Username);
            user.Enabled = true;
            user.Modified = Now;
        }
        return new AdminEnableUserResponse();
    }

    public AdminSetUserPasswordResponse AdminSetUserPassword(RequestScope scope, AdminSetUserPasswordRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var user = User(pool, request.Username);
            PasswordRules.Check(pool.PasswordPolicy, request.Password!);
            SetPassword(user, request.Password!);
            if (request.Permanent == true)
            {
                user.Status = UserStatus.Confirmed;
                user.TemporaryPasswordExpires = null;
            }
            else
            {
                user.Status = UserStatus.ForceChangePassword;
                user.TemporaryPasswordExpires = Now.AddDays(pool.PasswordPolicy.TemporaryPasswordValidityDays ?? 7);
            }
        }
        return new AdminSetUserPasswordResponse();
    }

    public async Task<AdminConfirmSignUpResponse> AdminConfirmSignUp(RequestScope scope, AdminConfirmSignUpRequest request, CancellationToken ct)
    {
        var pool = Pool(scope, request.UserPoolId);
        PoolUser user;
        lock (pool.Gate)
        {
            user = User(pool, request.Username);
            if (user.Status != UserStatus.Unconfirmed)
            {
                throw CognitoErrors.NotAuthorized($"User cannot be confirmed. Current status is {user.Status}");
            }
            user.Status = UserStatus.Confirmed;
            user.Codes.Remove(CodePurpose.SignUp);
            user.Modified = Now;
        }
        await PostConfirmationAsync(scope, pool, user, "PostConfirmation_ConfirmSignUp", null, request.ClientMetadata, ct).ConfigureAwait(false);
        return new AdminConfirmSignUpResponse();
    }

    public async Task<AdminResetUserPasswordResponse> AdminResetUserPassword(RequestScope scope, AdminResetUserPasswordRequest request, CancellationToken ct)
    {
        var pool = Pool(scope, request.UserPoolId);
        PendingMessage message;
        lock (pool.Gate)
        {
            var user = User(pool, request.Username);
            var delivery = RecoveryDelivery(user);
            user.Status = UserStatus.ResetRequired;
            user.Modified = Now;
            message = new PendingMessage(pool, user, delivery, NewCode(user, CodePurpose.ForgotPassword, ForgotPasswordCodeValidity), "ForgotPassword",
                "CustomMessage_ForgotPassword", null, request.ClientMetadata);
        }
        await SendAsync(scope, message, ct).ConfigureAwait(false);
        return new AdminResetUserPasswordResponse();
    }

    public AdminUserGlobalSignOutResponse AdminUserGlobalSignOut(RequestScope scope, AdminUserGlobalSignOutRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            SignOutEverywhere(pool, User(pool, request.Username));
        }
        return new AdminUserGlobalSignOutResponse();
    }

    /// <summary>
    /// Changes attributes, on behalf of an administrator or the user. A changed email or phone is no
    /// longer verified (unless the request verifies it) and, when the pool auto-verifies it, gets a code.
    /// </summary>
    private List<PendingMessage> UpdateAttributes(UserPool pool, Func<PoolUser> find, Dictionary<string, string> changes, string? clientId,
        IReadOnlyDictionary<string, string>? metadata, bool admin)
    {
        var messages = new List<PendingMessage>();
        lock (pool.Gate)
        {
            var user = find();
            Schema.CheckWrite(pool, changes, creating: false, user.Attributes);
            if (!admin && changes.Keys.Any(k => k.EndsWith("_verified", StringComparison.Ordinal)))
            {
                throw CognitoErrors.NotAuthorized("A client attempted to write unauthorized attribute");
            }
            foreach (var alias in new[] { "email", "phone_number" })
            {
                if (changes.TryGetValue(alias, out var value) && changes.GetValueOrDefault(alias + "_verified") == "true")
                {
                    TakeAlias(pool, user, alias, value, force: false);
                }
            }
            foreach (var (name, value) in changes)
            {
                var changed = user.Attribute(name) != value;
                user.Attributes[name] = value;
                if (changed && name is "email" or "phone_number" && !changes.ContainsKey(name + "_verified"))
                {
                    user.Attributes[name + "_verified"] = "false";
                    if (pool.AutoVerifiedAttributes.Contains(name))
                    {
                        var delivery = new Delivery(name == "email" ? "EMAIL" : "SMS", name, value);
                        messages.Add(new PendingMessage(pool, user, delivery, NewCode(user, CodePurpose.VerifyAttribute(name), SignUpCodeValidity),
                            "VerifyAttribute", "CustomMessage_UpdateUserAttribute", clientId, metadata));
                    }
                }
            }
            user.Modified = Now;
        }
        return messages;
    }

    private static void RemoveAttributes(UserPool pool, PoolUser user, List<string> names)
    {
        foreach (var name in names)
        {
            var schema = pool.Description.SchemaAttributes?.FirstOrDefault(s => s.Name == name);
            if (schema?.Required == true)
            {
                throw CognitoErrors.InvalidParameter($"Cannot delete a required attribute: {name}");
            }
            user.Attributes.Remove(name);
        }
    }

    private static void DeleteUser(UserPool pool, PoolUser user)
    {
        pool.Users.Remove(user.Username);
        foreach (var grant in pool.RefreshTokens.Values.Where(g => g.Username == user.Username))
        {
            grant.Revoked = true;
        }
    }

    private static void SignOutEverywhere(UserPool pool, PoolUser user)
    {
        pool.RevokedOrigins.UnionWith(user.Origins);
        foreach (var grant in pool.RefreshTokens.Values.Where(g => g.Username == user.Username))
        {
            grant.Revoked = true;
            pool.RevokedOrigins.Add(grant.OriginJti);
        }
    }

    private static List<AttributeType> AttributeList(PoolUser user, IReadOnlyCollection<string>? only = null) =>
        user.Attributes.Where(a => only is null || only.Contains(a.Key)).Select(a => new AttributeType { Name = a.Key, Value = a.Value }).ToList();

    private static UserType ToUserType(PoolUser user, IReadOnlyCollection<string>? only = null) => new()
    {
        Username = user.Username,
        Attributes = AttributeList(user, only),
        UserCreateDate = user.Created,
        UserLastModifiedDate = user.Modified,
        Enabled = user.Enabled,
        UserStatus = user.Status,
    };

    private static List<string>? MfaSettings(PoolUser user)
    {
        var list = new List<string>();
        if (user.SmsMfaEnabled)
        {
            list.Add("SMS_MFA");
        }
        if (user.SoftwareTokenMfaEnabled)
        {
            list.Add("SOFTWARE_TOKEN_MFA");
        }
        return list.Count == 0 ? null : list;
    }
}
