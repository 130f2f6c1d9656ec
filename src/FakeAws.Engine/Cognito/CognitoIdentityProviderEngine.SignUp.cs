using System.Text.Json.Nodes;
using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Self-service sign-up: SignUp, ConfirmSignUp, ResendConfirmationCode; and the user creation shared with AdminCreateUser.
internal sealed partial class CognitoIdentityProviderEngine
{
    public async Task<SignUpResponse> SignUp(RequestScope scope, SignUpRequest request, CancellationToken ct)
    {
        var (pool, client) = PoolOfClient(scope, request.ClientId);
        CheckSecretHash(client, request.Username, request.SecretHash);
        if (pool.Description.AdminCreateUserConfig?.AllowAdminCreateUserOnly == true)
        {
            throw CognitoErrors.NotAuthorized("SignUp is not permitted for this user pool");
        }
        var attributes = ToMap(request.UserAttributes);
        // A user signs up without a password (none, or a blank one) only where passwordless sign-in is available;
        // elsewhere a missing password is one too short for the policy.
        var password = string.IsNullOrEmpty(request.Password) ? null : request.Password;
        if (password is not null || !AllowsPasswordless(pool))
        {
            PasswordRules.Check(pool.PasswordPolicy, password ?? "");
        }
        var username = SignInName(pool, request.Username!, attributes);
        Schema.CheckWrite(pool, attributes, creating: true);
        lock (pool.Gate)
        {
            EnsureNew(pool, username, attributes, "User already exists");
        }
        // In pools that sign in with email or phone, the user name AWS makes is the sub.
        var sub = pool.UsernameAttributes.Count > 0 ? username : _cloud.Ids.NewGuid().ToString();
        var draft = NewUser(username, sub, attributes);
        var preSignUp = await RunTriggerAsync(scope, pool, "PreSignUp", "PreSignUp_SignUp", username, client.Id, new JsonObject
        {
            ["userAttributes"] = StringMap(attributes),
            ["validationData"] = StringMap(request.ValidationData),
            ["clientMetadata"] = StringMap(request.ClientMetadata),
        }, ct, new JsonObject { ["autoConfirmUser"] = false, ["autoVerifyEmail"] = false, ["autoVerifyPhone"] = false }).ConfigureAwait(false);

        PendingMessage? message = null;
        lock (pool.Gate)
        {
            EnsureNew(pool, username, attributes, "User already exists");
            if (password is not null)
            {
                SetPassword(draft, password);
            }
            if (Flag(preSignUp, "autoVerifyEmail") && draft.Attributes.ContainsKey("email"))
            {
                draft.Attributes["email_verified"] = "true";
            }
            if (Flag(preSignUp, "autoVerifyPhone") && draft.Attributes.ContainsKey("phone_number"))
            {
                draft.Attributes["phone_number_verified"] = "true";
            }
            if (Flag(preSignUp, "autoConfirmUser"))
            {
                draft.Status = UserStatus.Confirmed;
            }
            else if (SignUpDelivery(pool, draft) is { } delivery)
            {
                message = new PendingMessage(pool, draft, delivery, NewCode(draft, CodePurpose.SignUp, SignUpCodeValidity), "SignUp", "CustomMessage_SignUp",
                    client.Id, request.ClientMetadata);
            }
            pool.Users[username] = draft;
        }
        if (message is not null)
        {
            await SendAsync(scope, message, ct).ConfigureAwait(false);
        }
        if (draft.Status == UserStatus.Confirmed)
        {
            await PostConfirmationAsync(scope, pool, draft, "PostConfirmation_ConfirmSignUp", client.Id, request.ClientMetadata, ct).ConfigureAwait(false);
        }
        RecordAuthEvent(pool, username, "SignUp", "Pass", request.UserContextData?.IpAddress);
        return new SignUpResponse
        {
            UserConfirmed = draft.Status == UserStatus.Confirmed,
            CodeDeliveryDetails = message?.To.Details(),
            UserSub = sub,
        };
    }

    public async Task<ConfirmSignUpResponse> ConfirmSignUp(RequestScope scope, ConfirmSignUpRequest request, CancellationToken ct)
    {
        var (pool, client) = PoolOfClient(scope, request.ClientId);
        CheckSecretHash(client, request.Username, request.SecretHash);
        PoolUser user;
        lock (pool.Gate)
        {
            user = UnconfirmedUser(pool, request.Username!);
            if (user.Status != UserStatus.Unconfirmed)
            {
                throw CognitoErrors.NotAuthorized($"User cannot be confirmed. Current status is {user.Status}");
            }
            UseCode(user, CodePurpose.SignUp, request.ConfirmationCode);
            Confirm(pool, user, request.ForceAliasCreation == true);
        }
        await PostConfirmationAsync(scope, pool, user, "PostConfirmation_ConfirmSignUp", client.Id, request.ClientMetadata, ct).ConfigureAwait(false);
        return new ConfirmSignUpResponse();
    }

    public async Task<ResendConfirmationCodeResponse> ResendConfirmationCode(RequestScope scope, ResendConfirmationCodeRequest request, CancellationToken ct)
    {
        var (pool, client) = PoolOfClient(scope, request.ClientId);
        CheckSecretHash(client, request.Username, request.SecretHash);
        PendingMessage message;
        lock (pool.Gate)
        {
            var user = UnconfirmedUser(pool, request.Username!);
            if (user.Status != UserStatus.Unconfirmed)
            {
                throw CognitoErrors.InvalidParameter("User is already confirmed.");
            }
            var delivery = SignUpDelivery(pool, user)
                ?? throw CognitoErrors.InvalidParameter("Cannot resend codes. Auto verification not turned on.");
            message = new PendingMessage(pool, user, delivery, NewCode(user, CodePurpose.SignUp, SignUpCodeValidity), "SignUp", "CustomMessage_ResendCode",
                client.Id, request.ClientMetadata);
        }
        await SendAsync(scope, message, ct).ConfigureAwait(false);
        RecordAuthEvent(pool, request.Username, "ResendCode", "Pass", request.UserContextData?.IpAddress);
        return new ResendConfirmationCodeResponse { CodeDeliveryDetails = message.To.Details() };
    }

    /// <summary>
    /// The user name a new user gets. In a pool that signs in with email or phone the name given must
    /// be one, it becomes that attribute, and the user's name is a new UUID.
    /// </summary>
    private string SignInName(UserPool pool, string given, Dictionary<string, string> attributes)
    {
        var kinds = pool.UsernameAttributes;
        if (kinds.Count == 0)
        {
            return given;
        }
        if (kinds.Contains("email") && Schema.IsEmail(given))
        {
            attributes["email"] = given;
        }
        else if (kinds.Contains("phone_number") && Schema.IsPhoneNumber(given))
        {
            attributes["phone_number"] = given;
        }
        else
        {
            throw CognitoErrors.InvalidParameter(kinds.Count == 2 ? "Username should be either an email or a phone number."
                : kinds[0] == "email" ? "Username should be an email." : "Username should be a phone number.");
        }
        return _cloud.Ids.NewGuid().ToString();
    }

    /// <summary>Fails when the name, or the sign-in attribute of a pool that signs in with one, is taken.</summary>
    private static void EnsureNew(UserPool pool, string username, Dictionary<string, string> attributes, string message)
    {
        if (pool.Users.ContainsKey(username))
        {
            throw CognitoErrors.UsernameExists(message);
        }
        foreach (var attribute in pool.UsernameAttributes)
        {
            if (attributes.TryGetValue(attribute, out var value) && pool.FindByAttribute(attribute, value, requireVerified: false) is not null)
            {
                throw CognitoErrors.SignInAttributeExists(attribute);
            }
        }
    }

    private PoolUser NewUser(string username, string sub, Dictionary<string, string> attributes)
    {
        var now = Now;
        var user = new PoolUser { Username = username, Sub = sub, Created = now, Modified = now };
        user.Attributes["sub"] = sub;
        foreach (var (name, value) in attributes)
        {
            user.Attributes[name] = value;
        }
        return user;
    }

    private static bool AllowsPasswordless(UserPool pool) =>
        pool.Description.Policies?.SignInPolicy?.AllowedFirstAuthFactors?.Any(f => f is "EMAIL_OTP" or "SMS_OTP") == true;

    private void SetPassword(PoolUser user, string password)
    {
        user.Password = password;
        user.Salt = _cloud.Ids.NewBytes(16);
        user.Modified = Now;
    }

    /// <summary>An unconfirmed user is found by user name or sign-in attribute, never by alias.</summary>
    private static PoolUser UnconfirmedUser(UserPool pool, string name)
    {
        if (pool.Users.TryGetValue(name, out var user))
        {
            return user;
        }
        foreach (var attribute in pool.UsernameAttributes)
        {
            if (pool.FindByAttribute(attribute, name, requireVerified: false) is { } byAttribute)
            {
                return byAttribute;
            }
        }
        return pool.Find(name) ?? throw CognitoErrors.UserNotFound();
    }

    /// <summary>
    /// Confirms a user: the attribute the code went to is now verified, and an alias it carries must
    /// not be another confirmed user's (unless the caller forces it over).
    /// </summary>
    private static void Confirm(UserPool pool, PoolUser user, bool forceAlias)
    {
        var delivery = SignUpDelivery(pool, user);
        if (delivery is { } d)
        {
            TakeAlias(pool, user, d.Attribute, user.Attribute(d.Attribute)!, forceAlias);
            user.Attributes[d.Attribute + "_verified"] = "true";
        }
        user.Status = UserStatus.Confirmed;
        user.Codes.Remove(CodePurpose.SignUp);
    }

    /// <summary>Claims an email or phone alias for <paramref name="user"/>; another user holding it verified loses it or blocks it.</summary>
    private static void TakeAlias(UserPool pool, PoolUser user, string attribute, string value, bool force)
    {
        if (!pool.AliasAttributes.Contains(attribute))
        {
            return;
        }
        var holder = pool.FindByAttribute(attribute, value, requireVerified: true);
        if (holder is null || ReferenceEquals(holder, user))
        {
            return;
        }
        if (!force)
        {
            throw CognitoErrors.AliasExists(attribute);
        }
        holder.Attributes[attribute + "_verified"] = "false";
    }

    private async Task PostConfirmationAsync(RequestScope scope, UserPool pool, PoolUser user, string source, string? clientId,
        IReadOnlyDictionary<string, string>? metadata, CancellationToken ct)
    {
        await RunTriggerAsync(scope, pool, "PostConfirmation", source, user.Username, clientId, new JsonObject
        {
            ["userAttributes"] = EventAttributes(pool, user),
            ["clientMetadata"] = StringMap(metadata),
        }, ct).ConfigureAwait(false);
    }

    private static Dictionary<string, string> ToMap(List<AttributeType>? attributes)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in attributes ?? [])
        {
            map[attribute.Name!] = attribute.Value ?? "";
        }
        return map;
    }
}
