using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Cognito.Tokens;

namespace FakeAws.Engine.Cognito;

/// <summary>One user pool: its settings as DescribeUserPool shows them, and everything in it.</summary>
internal sealed class UserPool
{
    public UserPool(UserPoolType description, PoolSigningKeys keys)
    {
        Description = description;
        Keys = keys;
        var caseSensitive = description.UsernameConfiguration?.CaseSensitive ?? true;
        Users = new Dictionary<string, PoolUser>(caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Serialises every change to the pool, so each request applies whole or not at all.</summary>
    public object Gate { get; } = new();

    public string Id => Description.Id!;

    /// <summary>The order pools were created in, which ListUserPools follows.</summary>
    public long Sequence { get; init; }

    /// <summary>The pool's settings, exactly as DescribeUserPool returns them (counts filled in on read).</summary>
    public UserPoolType Description { get; set; }

    public PoolSigningKeys Keys { get; }

    /// <summary>Users by user name (case-insensitive when the pool says so).</summary>
    public Dictionary<string, PoolUser> Users { get; }

    public Dictionary<string, AppClient> Clients { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Group> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>Resource servers by identifier, in the order they were created.</summary>
    public Dictionary<string, ResourceServerType> ResourceServers { get; } = new(StringComparer.Ordinal);

    /// <summary>Sessions of sign-ins waiting for a challenge answer, by session string.</summary>
    public Dictionary<string, AuthSession> Sessions { get; } = new(StringComparer.Ordinal);

    /// <summary>Issued refresh tokens, by the token string.</summary>
    public Dictionary<string, RefreshGrant> RefreshTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Identity providers by name, in the order they were created.</summary>
    public Dictionary<string, IdentityProviderType> IdentityProviders { get; } = new(StringComparer.Ordinal);

    /// <summary>Sign-ins sent to an upstream identity provider, by the <c>state</c> Cognito gave it.</summary>
    public Dictionary<string, Federation.FederatedSignIn> FederatedSignIns { get; } = new(StringComparer.Ordinal);

    /// <summary>Authorization codes the hosted login issued and the token endpoint has not redeemed, by code.</summary>
    public Dictionary<string, AuthorizationCode> AuthorizationCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>The pool's user import jobs by job id, in the order they were created.</summary>
    public Dictionary<string, ImportJob> ImportJobs { get; } = new(StringComparer.Ordinal);

    /// <summary>Hosted UI (classic) branding by app client id, <c>ALL</c> for the pool's default.</summary>
    public Dictionary<string, UICustomizationType> UiCustomizations { get; } = new(StringComparer.Ordinal);

    /// <summary>Managed login branding styles by id, in the order they were created.</summary>
    public Dictionary<string, ManagedLoginBranding> Brandings { get; } = new(StringComparer.Ordinal);

    /// <summary>Terms documents by id, in the order they were created; at most one of each name per app client.</summary>
    public Dictionary<string, TermsType> Terms { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the pool's logs go (SetLogDeliveryConfiguration); null until set.</summary>
    public List<LogConfigurationType>? LogDelivery { get; set; }

    /// <summary>Threat protection settings by app client id, <c>ALL</c> for the pool's own.</summary>
    public Dictionary<string, RiskConfigurationType> RiskConfigurations { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>origin_jti</c> of every authentication whose tokens were revoked.</summary>
    public HashSet<string> RevokedOrigins { get; } = new(StringComparer.Ordinal);

    public string PoolName => Id[(Id.IndexOf('_') + 1)..];

    public PasswordPolicyType PasswordPolicy => Description.Policies?.PasswordPolicy ?? new PasswordPolicyType();

    public List<string> UsernameAttributes => Description.UsernameAttributes ?? [];

    public List<string> AliasAttributes => Description.AliasAttributes ?? [];

    public List<string> AutoVerifiedAttributes => Description.AutoVerifiedAttributes ?? [];

    public LambdaConfigType Lambda => Description.LambdaConfig ?? new LambdaConfigType();

    public string MfaConfiguration => Description.MfaConfiguration ?? "OFF";

    /// <summary>Whether TOTP MFA is on for the pool (SetUserPoolMfaConfig); DescribeUserPool does not show it.</summary>
    public SoftwareTokenMfaConfigType? SoftwareTokenMfa { get; set; }

    public SmsMfaConfigType? SmsMfa { get; set; }

    /// <summary>Passkey settings from SetUserPoolMfaConfig: the relying party id and user verification.</summary>
    public WebAuthnConfigurationType? WebAuthn { get; set; }

    /// <summary>Finds a user by user name, or by a sign-in attribute (email, phone) or alias the pool allows.</summary>
    public PoolUser? Find(string name)
    {
        if (Users.TryGetValue(name, out var user))
        {
            return user;
        }
        foreach (var attribute in UsernameAttributes)
        {
            if (FindByAttribute(attribute, name, requireVerified: false) is { } byAttribute)
            {
                return byAttribute;
            }
        }
        foreach (var alias in AliasAttributes)
        {
            // An email or phone alias only signs in once it is verified; preferred_username always does.
            if (FindByAttribute(alias, name, requireVerified: alias != "preferred_username") is { } byAlias)
            {
                return byAlias;
            }
        }
        return null;
    }

    /// <summary>The confirmed user whose attribute has this value, if any.</summary>
    public PoolUser? FindByAttribute(string attribute, string value, bool requireVerified)
    {
        var comparison = attribute == "email" || attribute == "preferred_username" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var user in Users.Values)
        {
            if (user.Attributes.TryGetValue(attribute, out var own) && string.Equals(own, value, comparison)
                && (!requireVerified || user.IsVerified(attribute))
                && (attribute != "preferred_username" || user.Status != UserStatus.Unconfirmed))
            {
                return user;
            }
        }
        return null;
    }
}
