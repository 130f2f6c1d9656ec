using System.Numerics;
using System.Text.Json.Nodes;

namespace FakeAws.Engine.Cognito;

/// <summary>A sign-in that is waiting for the answer to a challenge.</summary>
internal sealed class AuthSession
{
    public required string Username { get; init; }

    public required string ClientId { get; init; }

    public required string Challenge { get; set; }

    public required DateTimeOffset Expires { get; init; }

    /// <summary>SRP: the server's secret exponent and public value for PASSWORD_VERIFIER.</summary>
    public BigInteger SrpSmallB { get; init; }

    public BigInteger SrpB { get; init; }

    public BigInteger SrpA { get; init; }

    /// <summary>DEVICE_PASSWORD_VERIFIER: the secret block the device's claim must sign.</summary>
    public string? SecretBlock { get; init; }

    /// <summary>WEB_AUTHN: the challenge the passkey must sign, base64url.</summary>
    public string? WebAuthnChallenge { get; init; }

    /// <summary>CUSTOM_AUTH: the challenges so far, as the Define trigger's <c>request.session</c> lists them.</summary>
    public JsonArray CustomHistory { get; } = [];

    /// <summary>CUSTOM_AUTH: what the Create trigger gave for the current challenge.</summary>
    public JsonNode? PrivateChallengeParameters { get; set; }

    public string? ChallengeMetadata { get; set; }

    /// <summary>The tracked device the sign-in is on (DEVICE_KEY), carried through the challenges that follow.</summary>
    public string? DeviceKey { get; set; }

    /// <summary>The SignIn auth event this sign-in updates as its challenges are answered; null when none is recorded.</summary>
    public string? AuthEventId { get; set; }

    /// <summary>How the sign-in began, for the PreTokenGeneration trigger source.</summary>
    public string TokenSource { get; set; } = "TokenGeneration_Authentication";
}

/// <summary>What an opaque refresh token stands for.</summary>
internal sealed record RefreshGrant(string Username, string ClientId, string OriginJti, DateTimeOffset AuthTime, DateTimeOffset Expires)
{
    public bool Revoked { get; set; }

    /// <summary>The scopes of the OAuth grant that issued it, which its tokens keep; null for the user-pool API's sign-in.</summary>
    public IReadOnlyList<string>? Scopes { get; init; }
}
