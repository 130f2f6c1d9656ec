namespace FakeAws.Engine.Cognito.WebAuthn;

/// <summary>A passkey registered to a user: what ListWebAuthnCredentials shows and what checks a sign-in's assertion.</summary>
internal sealed class WebAuthnCredential
{
    /// <summary>The credential id, base64url as the authenticator's JSON carries it.</summary>
    public required string CredentialId { get; init; }

    public required string FriendlyName { get; init; }

    public required string RelyingPartyId { get; init; }

    public string? AuthenticatorAttachment { get; init; }

    public required List<string> Transports { get; init; }

    public required DateTimeOffset Created { get; init; }

    /// <summary>The credential's public key in COSE form.</summary>
    public required byte[] PublicKey { get; init; }

    /// <summary>The authenticator's signature counter as last seen; 0 when it keeps none.</summary>
    public uint SignCount { get; set; }
}

/// <summary>A StartWebAuthnRegistration waiting for its CompleteWebAuthnRegistration.</summary>
internal sealed record PendingRegistration(string Challenge, string ClientId, string RelyingPartyId, DateTimeOffset Expires);
