namespace FakeAws.Engine.Lambda.Signing;

/// <summary>
/// A code signing configuration: the signing profile versions whose signatures Lambda trusts and
/// what it does with a package they did not sign (<c>Warn</c> deploys it, <c>Enforce</c> refuses it).
/// </summary>
internal sealed class CodeSigningSettings
{
    public const string Warn = "Warn";
    public const string Enforce = "Enforce";

    public required string Id { get; init; }

    public required string Arn { get; init; }

    public required string Description { get; set; }

    public required List<string> AllowedPublishers { get; set; }

    /// <summary><see cref="Warn"/> or <see cref="Enforce"/>.</summary>
    public required string UntrustedArtifactOnDeployment { get; set; }

    public required string LastModified { get; set; }

    public SortedDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether a package signed by <paramref name="signingProfileVersionArn"/> (null: unsigned) may be deployed.</summary>
    public bool Trusts(string? signingProfileVersionArn) =>
        signingProfileVersionArn is not null && AllowedPublishers.Contains(signingProfileVersionArn, StringComparer.Ordinal);
}
