using FakeAws.Engine.Lambda.Policies;

namespace FakeAws.Engine.Lambda.Layers;

/// <summary>A layer: its versions, numbered from 1 and never reused, even after a version is deleted.</summary>
internal sealed class LambdaLayer(string name, string arn)
{
    public string Name { get; } = name;

    /// <summary><c>arn:aws:lambda:region:account:layer:name</c>.</summary>
    public string Arn { get; } = arn;

    public long NextVersion { get; set; } = 1;

    public SortedDictionary<long, LayerVersion> Versions { get; } = [];
}

/// <summary>
/// One published version of a layer: immutable content and settings, and its own permissions. Functions
/// that use it keep the object, so its files stay available to them after the version is deleted, as on AWS.
/// </summary>
internal sealed class LayerVersion
{
    public required string LayerArn { get; init; }

    public required long Version { get; init; }

    public string Arn => $"{LayerArn}:{Version}";

    public required string Description { get; init; }

    public required string CreatedDate { get; init; }

    public List<string>? CompatibleRuntimes { get; init; }

    public List<string>? CompatibleArchitectures { get; init; }

    public string? LicenseInfo { get; init; }

    public required CodePackage Package { get; init; }

    /// <summary>Who may use the version besides its own account; null until a permission is added.</summary>
    public ResourcePolicy? Policy { get; set; }
}
