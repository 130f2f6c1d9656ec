using FakeAws.Engine.Cognito.Model;

namespace FakeAws.Engine.Cognito;

/// <summary>A managed login branding style of one app client (CreateManagedLoginBranding).</summary>
internal sealed class ManagedLoginBranding
{
    public required string Id { get; init; }

    public required string ClientId { get; init; }

    public bool UseCognitoProvidedValues { get; set; }

    /// <summary>The settings document as JSON text (a snapshot keeps text, not a parsed document); null when none was given.</summary>
    public string? Settings { get; set; }

    public List<AssetType> Assets { get; set; } = [];

    public required DateTimeOffset Created { get; init; }

    public DateTimeOffset Modified { get; set; }
}
