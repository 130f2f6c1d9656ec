using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Cognito.Tokens;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// User pools: CreateUserPool, DescribeUserPool, UpdateUserPool, DeleteUserPool, ListUserPools,
// AddCustomAttributes, GetUserPoolMfaConfig, SetUserPoolMfaConfig.
internal sealed partial class CognitoIdentityProviderEngine
{
    private long _poolSequence;

    private const string PoolIdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public CreateUserPoolResponse CreateUserPool(RequestScope scope, CreateUserPoolRequest request)
    {
        if (request.UsernameAttributes is { Count: > 0 } && request.AliasAttributes is { Count: > 0 })
        {
            throw CognitoErrors.InvalidParameter("Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.");
        }
        var id = $"{scope.Region}_{_cloud.Ids.NewString(9, PoolIdAlphabet)}";
        var now = Now;
        var description = new UserPoolType
        {
            Id = id,
            Name = request.PoolName,
            Arn = Arn(scope, id),
            CreationDate = now,
            LastModifiedDate = now,
            SchemaAttributes = Schema.Build(request.Schema),
            UsernameAttributes = request.UsernameAttributes,
            AliasAttributes = request.AliasAttributes,
            UsernameConfiguration = request.UsernameConfiguration,
        };
        ApplySettings(description, request.Policies, request.DeletionProtection, request.LambdaConfig, request.AutoVerifiedAttributes,
            request.SmsVerificationMessage, request.EmailVerificationMessage, request.EmailVerificationSubject, request.VerificationMessageTemplate,
            request.SmsAuthenticationMessage, request.UserAttributeUpdateSettings, request.MfaConfiguration, request.DeviceConfiguration,
            request.EmailConfiguration, request.SmsConfiguration, request.UserPoolTags, request.AdminCreateUserConfig, request.UserPoolAddOns,
            request.AccountRecoverySetting, request.UserPoolTier);
        var pool = new UserPool(description, new PoolSigningKeys(_cloud.Ids.NewBytes(32), _cloud.Ids.NewBytes(32)))
        {
            Sequence = Interlocked.Increment(ref _poolSequence),
        };
        _regions[scope].Pools[id] = pool;
        return new CreateUserPoolResponse { UserPool = Describe(pool) };
    }

    public DescribeUserPoolResponse DescribeUserPool(RequestScope scope, DescribeUserPoolRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            return new DescribeUserPoolResponse { UserPool = Describe(pool) };
        }
    }

    public UpdateUserPoolResponse UpdateUserPool(RequestScope scope, UpdateUserPoolRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            // As on AWS, settings left out of an UpdateUserPool request return to their defaults.
            var updated = pool.Description.Clone();
            if (request.PoolName is not null)
            {
                updated.Name = request.PoolName;
            }
            ApplySettings(updated, request.Policies, request.DeletionProtection, request.LambdaConfig, request.AutoVerifiedAttributes,
                request.SmsVerificationMessage, request.EmailVerificationMessage, request.EmailVerificationSubject, request.VerificationMessageTemplate,
                request.SmsAuthenticationMessage, request.UserAttributeUpdateSettings, request.MfaConfiguration, request.DeviceConfiguration,
                request.EmailConfiguration, request.SmsConfiguration, request.UserPoolTags, request.AdminCreateUserConfig, request.UserPoolAddOns,
                request.AccountRecoverySetting, request.UserPoolTier ?? pool.Description.UserPoolTier);
            updated.LastModifiedDate = Now;
            pool.Description = updated;
        }
        return new UpdateUserPoolResponse();
    }

    public void DeleteUserPool(RequestScope scope, DeleteUserPoolRequest request)
    {
        var region = _regions[scope];
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            if (pool.Description.DeletionProtection == "ACTIVE")
            {
                throw CognitoErrors.DeletionProtected();
            }
            if (pool.Description.Domain is not null || pool.Description.CustomDomain is not null)
            {
                throw CognitoErrors.InvalidParameter("User pool cannot be deleted. It has a domain configured that should be deleted first.");
            }
            region.Pools.TryRemove(pool.Id, out _);
            foreach (var clientId in pool.Clients.Keys)
            {
                region.PoolsByClient.TryRemove(clientId, out _);
            }
        }
    }

    public ListUserPoolsResponse ListUserPools(RequestScope scope, ListUserPoolsRequest request)
    {
        var pools = _regions[scope].Pools.Values.OrderBy(p => p.Sequence).ToList();
        var (page, next) = Paging.Page(pools, request.NextToken, request.MaxResults ?? 60, p => p.Id);
        return new ListUserPoolsResponse
        {
            UserPools = page.Select(p => new UserPoolDescriptionType
            {
                Id = p.Id,
                Name = p.Description.Name,
                LambdaConfig = p.Description.LambdaConfig,
                LastModifiedDate = p.Description.LastModifiedDate,
                CreationDate = p.Description.CreationDate,
            }).ToList(),
            NextToken = next,
        };
    }

    public AddCustomAttributesResponse AddCustomAttributes(RequestScope scope, AddCustomAttributesRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var schema = new List<SchemaAttributeType>(pool.Description.SchemaAttributes ?? []);
            foreach (var attribute in request.CustomAttributes ?? [])
            {
                schema.Add(Schema.Custom(attribute, schema));
            }
            pool.Description.SchemaAttributes = schema;
            pool.Description.LastModifiedDate = Now;
        }
        return new AddCustomAttributesResponse();
    }

    public GetUserPoolMfaConfigResponse GetUserPoolMfaConfig(RequestScope scope, GetUserPoolMfaConfigRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            return new GetUserPoolMfaConfigResponse
            {
                MfaConfiguration = pool.MfaConfiguration,
                SoftwareTokenMfaConfiguration = pool.SoftwareTokenMfa,
                SmsMfaConfiguration = pool.SmsMfa,
                WebAuthnConfiguration = pool.WebAuthn,
            };
        }
    }

    public SetUserPoolMfaConfigResponse SetUserPoolMfaConfig(RequestScope scope, SetUserPoolMfaConfigRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        if (request.EmailMfaConfiguration is not null)
        {
            throw CognitoErrors.Unsupported("email MFA");
        }
        lock (pool.Gate)
        {
            pool.Description.MfaConfiguration = request.MfaConfiguration ?? pool.MfaConfiguration;
            pool.SoftwareTokenMfa = request.SoftwareTokenMfaConfiguration ?? pool.SoftwareTokenMfa;
            pool.SmsMfa = request.SmsMfaConfiguration ?? pool.SmsMfa;
            if (request.WebAuthnConfiguration is { } webAuthn)
            {
                webAuthn.UserVerification ??= "preferred";
                pool.WebAuthn = webAuthn;
            }
            return new SetUserPoolMfaConfigResponse
            {
                MfaConfiguration = pool.MfaConfiguration,
                SoftwareTokenMfaConfiguration = pool.SoftwareTokenMfa,
                SmsMfaConfiguration = pool.SmsMfa,
                WebAuthnConfiguration = pool.WebAuthn,
            };
        }
    }

    private static void ApplySettings(
        UserPoolType d, UserPoolPolicyType? policies, string? deletionProtection, LambdaConfigType? lambda, List<string>? autoVerified,
        string? smsVerification, string? emailVerification, string? emailSubject, VerificationMessageTemplateType? template,
        string? smsAuthentication, UserAttributeUpdateSettingsType? updateSettings, string? mfa, DeviceConfigurationType? devices,
        EmailConfigurationType? email, SmsConfigurationType? sms, Dictionary<string, string>? tags, AdminCreateUserConfigType? adminCreate,
        UserPoolAddOnsType? addOns, AccountRecoverySettingType? recovery, string? tier)
    {
        var passwordPolicy = PasswordRules.Default();
        if (policies?.PasswordPolicy is { } given)
        {
            passwordPolicy = given;
            passwordPolicy.TemporaryPasswordValidityDays ??= 7;
            passwordPolicy.MinimumLength ??= 8;
            passwordPolicy.RequireUppercase ??= false;
            passwordPolicy.RequireLowercase ??= false;
            passwordPolicy.RequireNumbers ??= false;
            passwordPolicy.RequireSymbols ??= false;
        }
        d.Policies = new UserPoolPolicyType { PasswordPolicy = passwordPolicy, SignInPolicy = policies?.SignInPolicy ?? new SignInPolicyType { AllowedFirstAuthFactors = ["PASSWORD"] } };
        d.DeletionProtection = deletionProtection ?? "INACTIVE";
        d.LambdaConfig = lambda ?? new LambdaConfigType();
        d.AutoVerifiedAttributes = autoVerified;
        d.SmsVerificationMessage = smsVerification;
        d.EmailVerificationMessage = emailVerification;
        d.EmailVerificationSubject = emailSubject;
        d.VerificationMessageTemplate = template ?? new VerificationMessageTemplateType
        {
            SmsMessage = smsVerification,
            EmailMessage = emailVerification,
            EmailSubject = emailSubject,
            DefaultEmailOption = "CONFIRM_WITH_CODE",
        };
        d.SmsAuthenticationMessage = smsAuthentication;
        d.UserAttributeUpdateSettings = updateSettings ?? new UserAttributeUpdateSettingsType { AttributesRequireVerificationBeforeUpdate = [] };
        d.MfaConfiguration = mfa ?? "OFF";
        d.DeviceConfiguration = devices;
        d.EmailConfiguration = email ?? new EmailConfigurationType { EmailSendingAccount = "COGNITO_DEFAULT" };
        d.SmsConfiguration = sms;
        d.UserPoolTags = tags;
        d.AdminCreateUserConfig = adminCreate ?? new AdminCreateUserConfigType { AllowAdminCreateUserOnly = false, UnusedAccountValidityDays = 7 };
        d.UserPoolAddOns = addOns;
        d.AccountRecoverySetting = recovery;
        d.UserPoolTier = tier ?? "ESSENTIALS";
    }

    private static UserPoolType Describe(UserPool pool)
    {
        var copy = pool.Description.Clone();
        copy.EstimatedNumberOfUsers = pool.Users.Count;
        return copy;
    }
}
