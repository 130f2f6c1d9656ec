using System.Numerics;

namespace FakeAws.Engine.Cognito;

/// <summary>
/// A device a user signed in on, in a pool that tracks devices: issued as NewDeviceMetadata at sign-in,
/// confirmed with its SRP verifier (ConfirmDevice), then remembered or not. A remembered device signs in
/// with DEVICE_SRP_AUTH and skips MFA.
/// </summary>
internal sealed class PoolDevice
{
    public required string Key { get; init; }

    public required string GroupKey { get; init; }

    public required DateTimeOffset Created { get; init; }

    public DateTimeOffset Modified { get; set; }

    public DateTimeOffset LastAuthenticated { get; set; }

    /// <summary>Whether ConfirmDevice has given the device's verifier; until then it is not listed and cannot authenticate.</summary>
    public bool Confirmed { get; set; }

    public bool Remembered { get; set; }

    public string? Name { get; set; }

    /// <summary>The device's SRP verifier v = g^x, x from its group key, key and device password, as ConfirmDevice sent it.</summary>
    public BigInteger Verifier { get; set; }

    public byte[] Salt { get; set; } = [];
}
