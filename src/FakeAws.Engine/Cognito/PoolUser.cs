namespace FakeAws.Engine.Cognito;

/// <summary>AWS's user status values.</summary>
internal static class UserStatus
{
    public const string Unconfirmed = "UNCONFIRMED";
    public const string Confirmed = "CONFIRMED";
    public const string ForceChangePassword = "FORCE_CHANGE_PASSWORD";
    public const string ResetRequired = "RESET_REQUIRED";

    /// <summary>A user a federated identity provider's sign-in created.</summary>
    public const string ExternalProvider = "EXTERNAL_PROVIDER";
}

/// <summary>One user of a pool.</summary>
internal sealed class PoolUser
{
    public required string Username { get; init; }

    public required string Sub { get; init; }

    /// <summary>Attributes in the order they were set, as GetUser lists them; <c>sub</c> first.</summary>
    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    public string Status { get; set; } = UserStatus.Unconfirmed;

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The password in clear: a fake keeps it so it can build the SRP verifier for any salt, and it
    /// never leaves the process.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>The SRP salt, drawn when the password is set.</summary>
    public byte[] Salt { get; set; } = [];

    /// <summary>When a temporary password from AdminCreateUser stops working.</summary>
    public DateTimeOffset? TemporaryPasswordExpires { get; set; }

    public DateTimeOffset Created { get; init; }

    public DateTimeOffset Modified { get; set; }

    /// <summary>Outstanding codes by purpose (sign-up, forgot password, attribute verification).</summary>
    public Dictionary<string, PendingCode> Codes { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>The TOTP secret from AssociateSoftwareToken, before and after it is verified.</summary>
    public byte[]? SoftwareTokenSecret { get; set; }

    public bool SoftwareTokenVerified { get; set; }

    public bool SoftwareTokenMfaEnabled { get; set; }

    public bool SmsMfaEnabled { get; set; }

    public string? PreferredMfa { get; set; }

    /// <summary>Federated identities that sign in as this user, as the <c>identities</c> attribute lists them.</summary>
    public List<Federation.LinkedIdentity> Identities { get; } = [];

    /// <summary>Devices the user signed in on, by device key, in the order they were first seen.</summary>
    public Dictionary<string, PoolDevice> Devices { get; } = new(StringComparer.Ordinal);

    /// <summary>Registered passkeys by credential id, in the order they were registered.</summary>
    public Dictionary<string, WebAuthn.WebAuthnCredential> Passkeys { get; } = new(StringComparer.Ordinal);

    /// <summary>The passkey registration StartWebAuthnRegistration began, until it is completed or replaced.</summary>
    public WebAuthn.PendingRegistration? PendingRegistration { get; set; }

    /// <summary>The <c>origin_jti</c> of every authentication that issued the user tokens, for GlobalSignOut.</summary>
    public HashSet<string> Origins { get; } = new(StringComparer.Ordinal);

    /// <summary>Threat protection's record of the user's sign-ins, sign-ups and password changes, oldest first.</summary>
    public List<AuthEvent> AuthEvents { get; } = [];

    public bool IsVerified(string attribute) =>
        Attributes.TryGetValue(attribute + "_verified", out var verified) && verified == "true";

    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);
}

/// <summary>A code "sent" to a user and still waiting to be used.</summary>
internal sealed record PendingCode(string Code, DateTimeOffset Expires);

/// <summary>Purposes of the codes a user can hold at once.</summary>
internal static class CodePurpose
{
    public const string SignUp = "SignUp";
    public const string ForgotPassword = "ForgotPassword";
    public const string SmsMfa = "SmsMfa";

    /// <summary>A one-time password of choice-based sign-in (EMAIL_OTP, SMS_OTP).</summary>
    public const string OneTimePassword = "OneTimePassword";

    public static string VerifyAttribute(string attribute) => "Verify:" + attribute;
}
